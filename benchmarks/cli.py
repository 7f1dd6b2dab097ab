"""The command line's throughput against `normalize` in a loop, and how ``--jobs`` scales.

    python -m benchmarks.cli                  # ~10 MB, JSONL and Parquet, 3 rounds
    python -m benchmarks.cli --size 2 --rounds 5

The input is built from the bundled ``examples/corpus`` texts: articles of a few kilobytes,
half of them tokenized (Moses-style spacing, split apostrophes, glued dates) and half clean
prose (those same texts already normalized), some with a header block or a dateline, each
made unique by its number. It is written as JSONL and as Parquet with the same records
(``id``, ``source``, ``text``), and each is normalized with ``--jobs 1`` and ``--jobs 2`` by
the installed command into the same format.

Printed, as ratios:

- ``cli/loop``: the command's throughput with ``--jobs 1`` (the whole process: start-up,
  reading, normalizing, writing) over that of ``normalize(text)`` called on the same texts in
  a loop (the floor asked for: 80 %);
- ``jobs 2/1``: how much faster ``--jobs 2`` runs than ``--jobs 1`` (asked for: 1.7x on an
  otherwise idle two-core machine), and whether the two outputs are byte-identical.

The command's time is the whole process's, start-up included (starting Python and importing
newsnorm, and pyarrow for Parquet, takes a few tenths of a second, which the loop does not
pay): the ratio is also printed without it (the time of the same command on an empty input
taken off), and in CPU time, which other processes on a busy machine disturb less.

Each timing is taken ``--rounds`` times, interleaved (a slow spell of the machine hits all of
them alike); the best counts, as `timeit` advises, and the spread (slowest over fastest) is
printed, since other processes only ever slow a run down. The load average is printed at the
start and the end: ``--jobs 2`` can only be twice as fast when two cores are free.
"""

from __future__ import annotations

import argparse
import ctypes
import functools
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import attrs

from benchmarks.common import ROOT
from newsnorm import normalize, normalize_text

CORPUS = ROOT / "examples" / "corpus"
_HEADER_END = "\n\n"


def _paragraphs() -> tuple[list[str], list[str]]:
    """The tokenized paragraphs of the bundled corpus, and its header blocks."""
    paragraphs: list[str] = []
    headers: list[str] = []
    for name in ("tokenized.txt", "mixed-quotes.txt", "date-glued.txt"):
        text = (CORPUS / name).read_text(encoding="utf-8")
        if _HEADER_END in text:
            header, text = text.split(_HEADER_END, 1)
            headers.append(header)
        paragraphs.extend(line.strip() for line in text.splitlines() if line.strip())
    for line in (CORPUS / "records.jsonl").read_text(encoding="utf-8").splitlines():
        paragraphs.append(json.loads(line)["text"])
    for line in (CORPUS / "ferries.src").read_text(encoding="utf-8").splitlines():
        for document in line.split("|||||"):
            paragraphs.extend(
                part.strip() for part in document.split("NEWLINE_CHAR") if part.strip()
            )
    return paragraphs, headers


def build_texts(size: int, seed: int = 15) -> list[str]:
    """Articles of a few kilobytes, about `size` characters in all (see the module's notes)."""
    paragraphs, headers = _paragraphs()
    clean = [normalize_text(paragraph) for paragraph in paragraphs]
    rng = random.Random(seed)
    texts: list[str] = []
    total = 0
    number = 0
    while total < size:
        number += 1
        tokenized = number % 2 == 0
        pool = paragraphs if tokenized else clean
        body = [rng.choice(pool) for _ in range(rng.randint(6, 18))]
        body[0] = f"{body[0]} ({number})" if not tokenized else f"{body[0]} ( {number} )"
        if number % 3 == 0:
            body[0] = f"SPRINGFIELD (Reuters) - {body[0]}"
        text = "\n".join(body)
        if number % 4 == 1:
            text = f"{rng.choice(headers)}\n\n{text}"
        texts.append(text)
        total += len(text)
    return texts


def write_inputs(texts: list[str], folder: Path) -> dict[str, Path]:
    """Write the texts as JSONL and as Parquet records; return the paths by format."""
    records = [{"id": f"doc-{n}", "source": "bench", "text": t} for n, t in enumerate(texts)]
    folder.mkdir(parents=True, exist_ok=True)
    jsonl = folder / "in.jsonl"
    with jsonl.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    paths = {"jsonl": jsonl}
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        print("pyarrow is missing (pip install 'newsnorm[parquet]'): Parquet left out")
        return paths
    parquet = folder / "in.parquet"
    columns = {name: [record[name] for record in records] for name in ("id", "source", "text")}
    pq.write_table(
        pa.table(columns, schema=pa.schema([(name, pa.string()) for name in columns])),
        parquet,
        row_group_size=1000,
    )
    paths["parquet"] = parquet
    return paths


@attrs.frozen
class Timing:
    """One timed run: seconds of wall-clock time and of CPU time (user and system).

    `cpu` is that of the command and the processes it waited for (the workers it forked);
    `cpu_all` adds those it left behind (a fork server and the workers forked from it), when
    this process could adopt them (Linux).
    """

    wall: float
    cpu: float
    cpu_all: float = 0.0


def _loop(texts: list[str]) -> Timing:
    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        normalize(text)
    return Timing(time.perf_counter() - start, time.process_time() - cpu)


def _command() -> list[str]:
    installed = shutil.which("newsnorm", path=os.path.dirname(sys.executable))
    return [installed] if installed else [sys.executable, "-m", "newsnorm"]


def _cpu(before: resource.struct_rusage) -> float:
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _collect_orphans(seconds: float = 5.0) -> None:
    # The fork server outlives the command by a moment; as a subreaper, this process waits
    # for it (and so for the workers it waited for), which adds their CPU time to ours.
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            time.sleep(0.01)


def _become_subreaper() -> bool:
    """Adopt the command's orphaned processes (Linux), so that their CPU time is counted."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0) == 0  # SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        return False


def _run_command(source: Path, target: Path, jobs: int) -> Timing:
    """The command's wall time and CPU time, start-up included."""
    args = ["normalize", str(source), "-o", str(target), "--jobs", str(jobs), "--quiet"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    environment = {**os.environ, "PYTHONFAULTHANDLER": "1"}  # a crash shows where it was
    subprocess.run([*_command(), *args], check=True, env=environment)
    wall = time.perf_counter() - start
    cpu = _cpu(before)
    _collect_orphans()
    return Timing(wall, cpu, _cpu(before))


def _spread(times: list[float]) -> str:
    spread = max(times) / min(times) - 1
    return f"best {min(times):6.2f} s, slowest {max(times):6.2f} s (+{spread:.0%})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=float, default=10.0, help="input size in MB (default 10)")
    parser.add_argument("--rounds", type=int, default=3, help="timings of each (default 3)")
    args = parser.parse_args(argv)
    texts = build_texts(int(args.size * 1e6))
    characters = sum(len(text) for text in texts)
    print(f"{len(texts):,} articles, {characters / 1e6:.1f} M characters")
    print(f"machine: {os.cpu_count()} cores; load average {_load()} at the start")
    counted = _become_subreaper()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        inputs = write_inputs(texts, folder)
        empty = write_inputs([], folder / "empty")
        runs: dict[str, Callable[[], Timing]] = {"loop": lambda: _loop(texts)}
        for kind, source in inputs.items():
            for jobs in (1, 2):
                target = folder / f"out-{jobs}.{kind}"
                runs[f"{kind} --jobs {jobs}"] = functools.partial(
                    _run_command, source, target, jobs
                )
            target = folder / "empty" / f"out.{kind}"
            runs[f"{kind} start-up"] = functools.partial(_run_command, empty[kind], target, 1)
        times: dict[str, list[Timing]] = {key: [] for key in runs}
        for _ in range(args.rounds):
            for key, run in runs.items():
                times[key].append(run())
        print(f"load average {_load()} at the end")
        print("\nwall-clock time of each, over the rounds:")
        for key, timings in times.items():
            walls = [timing.wall for timing in timings]
            rate = "" if "start-up" in key else f"{characters / min(walls) / 1e6:5.2f} M chars/s"
            print(f"  {key:<18} {rate:>16}   {_spread(walls)}")
        loop = min(timing.wall for timing in times["loop"])
        loop_cpu = min(timing.cpu for timing in times["loop"])
        print("\nratios (best of the rounds):")
        for kind in inputs:
            one = min(timing.wall for timing in times[f"{kind} --jobs 1"])
            two = min(timing.wall for timing in times[f"{kind} --jobs 2"])
            one_cpu = min(timing.cpu for timing in times[f"{kind} --jobs 1"])
            start = min(timing.wall for timing in times[f"{kind} start-up"])
            same = (folder / f"out-1.{kind}").read_bytes() == (
                folder / f"out-2.{kind}"
            ).read_bytes()
            print(
                f"  {kind:<8} --jobs 1 / loop: {loop / one:6.1%} of the loop's throughput"
                f" (CPU time: {loop_cpu / one_cpu:6.1%}; without the {start:.2f} s start-up:"
                f" {loop / (one - start):6.1%})"
            )
            print(
                f"  {kind:<8} --jobs 2 / --jobs 1: {one / two:4.2f}x;"
                f" outputs byte-identical: {same}"
            )
            if counted:
                # On two free cores, --jobs 2 takes at least half the CPU time of all its
                # processes, and --jobs 1 its CPU time: this bounds the speed-up from above,
                # whatever the load (other processes inflate CPU times less than wall times).
                total = min(t.cpu_all for t in times[f"{kind} --jobs 2"])
                print(
                    f"  {kind:<8} --jobs 2 / --jobs 1 on two free cores, from CPU times: at most"
                    f" {one_cpu / (total / 2):4.2f}x ({total:.2f} s of CPU in all its processes,"
                    f" {one_cpu:.2f} s for --jobs 1)"
                )
    return 0


def _load() -> str:
    return ", ".join(f"{load:.2f}" for load in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
