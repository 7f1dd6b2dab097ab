"""The engine integrations' throughput against `normalize` in a loop: one run, ratios printed.

    python -m benchmarks.engines 2>/dev/null        # ~16 MB of articles, every engine installed
    python -m benchmarks.engines --size 4 --engines ray,dask

The articles are built from the bundled ``examples/corpus`` texts (a few kilobytes each, half
tokenized, some with a header block or a dateline, each made unique by its number). Printed:

- **in one process** (no engine started): each adapter called on the same texts in batches of
  1000, as its engine would call it: the throughput over that of the loop, and the overhead
  per document (building the columns, Arrow/pandas conversion, datatrove's statistics), both
  in CPU time, which other processes on a shared machine hardly change;
- **on the engine, two workers** (datatrove ``LocalPipelineExecutor(tasks=2, workers=2)``,
  Ray with 2 CPUs and ``concurrency=2``, ``datasets`` with ``num_proc=2``, Dask on a
  ``LocalCluster`` of two processes): the wall time of the whole job, from the texts in
  memory (datatrove: two JSONL files) to the results back (datatrove: JSONL written),
  workers' start-up included, over the loop's CPU time (so 2x is the ceiling; the load
  average is printed, since a busy machine lowers these figures), and over a plain
  ``multiprocessing`` pool of two processes timed in the same rounds (what two workers give
  on the machine as it is at that moment: the engine's own cost). Starting Ray or the Dask
  cluster itself is not counted (once per session); datatrove's executor starts its
  processes in every run.

Each timing is the best of ``--rounds`` runs (other processes only ever slow a run down).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import os
import random
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

from benchmarks.common import ROOT, print_table
from newsnorm import Config, normalize, normalize_text

CORPUS = ROOT / "examples" / "corpus"
BATCH = 1000
ENGINES = ("datatrove", "ray", "hf", "dask")
CONFIG = Config()


def _paragraphs() -> list[str]:
    paragraphs: list[str] = []
    for name in ("tokenized.txt", "mixed-quotes.txt", "date-glued.txt"):
        text = (CORPUS / name).read_text(encoding="utf-8")
        paragraphs.extend(line.strip() for line in text.splitlines() if line.strip())
    for line in (CORPUS / "records.jsonl").read_text(encoding="utf-8").splitlines():
        paragraphs.append(json.loads(line)["text"])
    return paragraphs


def build_texts(size: int, seed: int = 15) -> list[str]:
    """Articles of a few kilobytes, about `size` characters in all."""
    paragraphs = _paragraphs()
    clean = [normalize_text(paragraph) for paragraph in paragraphs]
    rng = random.Random(seed)
    texts: list[str] = []
    total = 0
    while total < size:
        number = len(texts) + 1
        tokenized = number % 2 == 0
        body = [rng.choice(paragraphs if tokenized else clean) for _ in range(rng.randint(6, 18))]
        body[0] = f"{body[0]} ( {number} )" if tokenized else f"{body[0]} ({number})"
        if number % 3 == 0:
            body[0] = f"SPRINGFIELD (Reuters) - {body[0]}"
        if number % 5 == 0:
            body.insert(0, f"Title: Report {number}\nDate: 2021-05-04\nAuthor: Desk\n")
        texts.append("\n\n".join(body))
        total += len(texts[-1])
    return texts


def best_times(
    rounds: int, runs: dict[str, Callable[[], object]], clock: Callable[[], float]
) -> dict[str, float]:
    """The fastest of `rounds` runs of each of `runs` by `clock`, in seconds, the runs
    interleaved (so a slow spell of a shared machine hits all of them alike)."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(rounds):
        for name, run in runs.items():
            gc.collect()
            start = clock()
            run()
            best[name] = min(best[name], clock() - start)
    return best


def _batches(texts: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(texts), BATCH):
        yield texts[start : start + BATCH]


# --- in one process: the adapters as their engines call them --------------------------------


def in_process(texts: list[str], engines: set[str]) -> dict[str, Callable[[], object]]:
    """Each adapter over `texts` in batches, without its engine, as a function to time."""
    runs: dict[str, Callable[[], object]] = {}
    if {"ray", "hf", "dask"} & engines:
        import pandas as pd
        import pyarrow as pa

        tables = [pa.table({"id": range(len(b)), "text": b}) for b in _batches(texts)]
        frames = [pd.DataFrame({"id": range(len(b)), "text": b}) for b in _batches(texts)]
    if "ray" in engines:
        import numpy as np

        from newsnorm.integrations.ray import NormalizeBatches

        step = NormalizeBatches(config=CONFIG)
        arrays = [{"text": np.array(b, dtype=object)} for b in _batches(texts)]
        runs["ray: NormalizeBatches, Arrow"] = lambda: [step(table) for table in tables]
        runs["ray: NormalizeBatches, pandas"] = lambda: [step(frame) for frame in frames]
        runs["ray: NormalizeBatches, NumPy"] = lambda: [step(batch) for batch in arrays]
    if "hf" in engines:
        from newsnorm.integrations.hf import normalize_batch

        lists = [{"id": list(range(len(b))), "text": b} for b in _batches(texts)]
        runs["hf: normalize_batch, lists"] = lambda: [normalize_batch(b) for b in lists]
    if "dask" in engines:
        from newsnorm.integrations._tables import Options, normalize_pandas, normalize_records

        options = Options(config=CONFIG)
        records = [[{"id": i, "text": t} for i, t in enumerate(b)] for b in _batches(texts)]
        runs["dask: bag partition"] = lambda: [normalize_records(p, options) for p in records]
        runs["dask: dataframe partition"] = lambda: [normalize_pandas(f, options) for f in frames]
    if "datatrove" in engines:
        from datatrove.data import Document

        from newsnorm.integrations.datatrove import NewsnormAnnotator, NewsnormFormatter

        def annotate() -> None:
            documents = (Document(text, str(i)) for i, text in enumerate(texts))
            for _ in NewsnormAnnotator(CONFIG).run(documents):
                pass

        def format_texts() -> None:
            documents = (Document(text, str(i)) for i, text in enumerate(texts))
            for _ in NewsnormFormatter(CONFIG).run(documents):
                pass

        runs["datatrove: NewsnormAnnotator"] = annotate
        runs["datatrove: NewsnormFormatter"] = format_texts
    return runs


# --- on the engines, two workers ------------------------------------------------------------


@contextlib.contextmanager
def _ray_runs(texts: list[str]) -> Iterator[dict[str, Callable[[], object]]]:
    import pyarrow as pa
    import ray

    from newsnorm.integrations.ray import NormalizeBatches

    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level="error")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ray.data.DataContext.get_current().enable_progress_bars = False
    try:
        table = pa.table({"id": range(len(texts)), "text": texts})
        blocks = [table.slice(start, BATCH) for start in range(0, len(texts), BATCH)]

        def run(batch_format: str) -> Callable[[], object]:
            def job() -> object:
                dataset = ray.data.from_arrow(blocks).map_batches(
                    NormalizeBatches,
                    concurrency=2,
                    batch_format=batch_format,
                    batch_size=BATCH,
                    fn_constructor_kwargs={"config": CONFIG},
                )
                return sum(ray.get(ref).num_rows for ref in dataset.to_arrow_refs())

            return job

        yield {
            "ray: map_batches, Arrow, concurrency=2": run("pyarrow"),
            "ray: map_batches, pandas, concurrency=2": run("pandas"),
        }
    finally:
        ray.shutdown()


@contextlib.contextmanager
def _hf_runs(texts: list[str]) -> Iterator[dict[str, Callable[[], object]]]:
    import datasets

    from newsnorm.integrations.hf import normalize_batch

    datasets.disable_progress_bars()
    datasets.disable_caching()
    dataset = datasets.Dataset.from_dict({"id": list(range(len(texts))), "text": texts})
    yield {
        "hf: Dataset.map, num_proc=2": lambda: dataset.map(
            normalize_batch, batched=True, batch_size=BATCH, num_proc=2
        )
    }


@contextlib.contextmanager
def _dask_runs(texts: list[str]) -> Iterator[dict[str, Callable[[], object]]]:
    import dask.bag as db
    import dask.dataframe as dd
    import pandas as pd
    from distributed import Client, LocalCluster

    from newsnorm.integrations.dask import normalize_bag, normalize_dataframe

    partitions = max(2, len(texts) // BATCH)
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        records = [{"id": i, "text": text} for i, text in enumerate(texts)]
        frame = pd.DataFrame({"id": range(len(texts)), "text": texts})
        yield {
            "dask: normalize_bag, 2 processes": lambda: normalize_bag(
                db.from_sequence(records, npartitions=partitions)
            ).compute(),
            "dask: normalize_dataframe, 2 processes": lambda: normalize_dataframe(
                dd.from_pandas(frame, npartitions=partitions)
            ).compute(),
        }


@contextlib.contextmanager
def _datatrove_runs(texts: list[str]) -> Iterator[dict[str, Callable[[], object]]]:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from newsnorm.integrations.datatrove import NewsnormAnnotator

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "in"
        source.mkdir()
        for number, half in enumerate((texts[::2], texts[1::2])):
            lines = (json.dumps({"id": str(i), "text": text}) for i, text in enumerate(half))
            (source / f"{number}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        runs = 0

        def job() -> object:
            nonlocal runs
            runs += 1
            target = Path(folder) / f"out-{runs}"
            return LocalPipelineExecutor(
                pipeline=[
                    JsonlReader(str(source), glob_pattern="*.jsonl"),
                    NewsnormAnnotator(CONFIG),
                    JsonlWriter(str(target), compression=None),
                ],
                tasks=2,
                workers=2,
                logging_dir=str(target / "logs"),
            ).run()

        yield {"datatrove: annotator, tasks=2 workers=2 (JSONL in/out)": job}


def _normalize_chunk(texts: list[str]) -> list[object]:
    return [normalize(text, CONFIG) for text in texts]


def pool_run(texts: list[str]) -> Callable[[], object]:
    """The reference: a plain pool of two processes (started in the run) over the batches."""
    import multiprocessing

    def run() -> object:
        with multiprocessing.get_context("spawn").Pool(2) as pool:
            return sum(map(len, pool.imap(_normalize_chunk, _batches(texts))))

    return run


ENGINE_RUNS = {"datatrove": _datatrove_runs, "ray": _ray_runs, "hf": _hf_runs, "dask": _dask_runs}


def _quiet_engines() -> None:
    """Less of the engines' logging (datatrove's goes to stderr: add ``2>/dev/null``)."""
    import logging

    for name in ("ray", "ray.data", "distributed", "datasets"):
        logging.getLogger(name).setLevel(logging.ERROR)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--size", type=float, default=16.0, help="megabytes of text (16)")
    parser.add_argument("--rounds", type=int, default=2, help="runs per timing, best kept (2)")
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated subset")
    args = parser.parse_args(argv)
    engines = {name for name in args.engines.split(",") if name}
    unknown = engines - set(ENGINES)
    if unknown:
        parser.error(f"unknown engines: {', '.join(sorted(unknown))}")
    _quiet_engines()

    texts = build_texts(int(args.size * 1_000_000))
    count, size = len(texts), sum(map(len, texts))
    runs = {"loop": lambda: [normalize(text, CONFIG) for text in texts]}
    runs.update(in_process(texts, engines))
    # In one process: CPU time, which other processes on a shared machine hardly change.
    best = best_times(args.rounds, runs, time.process_time)
    loop = best.pop("loop")
    print(f"{count} articles, {size / 1e6:.1f} MB; normalize in a loop: {loop:.2f} s of CPU")
    print(f"({size / loop / 1e6:.2f} MB/s, {1e6 * loop / count:.0f} µs per article)\n")
    rows = [
        [
            name,
            f"{seconds:.2f} s",
            f"{loop / seconds:.3f}",
            f"{1e6 * (seconds - loop) / count:+.0f} µs",
        ]
        for name, seconds in best.items()
    ]
    print(f"In one process, batches of {BATCH} (no engine), CPU time:")
    print_table(["adapter", "time", "vs loop", "overhead/article"], rows)

    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    rows = []
    reference = "multiprocessing.Pool(2), spawned in the run"
    for engine in sorted(engines):
        with ENGINE_RUNS[engine](texts) as engine_runs:
            # A plain two-process pool in the same rounds: what two workers give on this
            # machine as it is now, whatever else runs on it.
            runs = {reference: pool_run(texts), **engine_runs}
            best = best_times(args.rounds, runs, time.perf_counter)
        pool = best.pop(reference)
        for name, seconds in best.items():
            rows.append(
                [name, f"{seconds:.2f} s", f"{loop / seconds:.2f}x", f"{pool / seconds:.2f}"]
            )
        rows.append([f"  ({reference})", f"{pool:.2f} s", f"{loop / pool:.2f}x", "1.00"])
    print("\nOn the engine, two workers (job wall time, workers' start-up included; vs the loop's")
    print(f"CPU time, so 2x is the most two workers can give; load average before: {load}):")
    print_table(["engine", "time", "vs loop", "vs pool"], rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
