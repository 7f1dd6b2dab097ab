"""Whole-pipeline speed, and how the command scales: one run, ratios printed.

    python -m benchmarks.pipeline              # normalize_text vs sacremoses + ftfy
    python -m benchmarks.pipeline --cli        # also: --jobs scaling and peak memory of the CLI

The documents are the tokenized (moses) renderings from ../shared/eval/spacing, repeated to
build larger JSONL files for the command-line runs. Needs the `bench` extra (sacremoses).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import ftfy

from benchmarks.common import eval_path, read_jsonl, throughput
from newsnorm import normalize_text


def _peers_pipeline() -> object:
    from sacremoses import MosesDetokenizer

    moses = MosesDetokenizer(lang="en")
    kept = ftfy.TextFixerConfig(uncurl_quotes=False)

    def run(text: str) -> str:
        lines = (moses.detokenize(line.split()) for line in text.split("\n"))
        return ftfy.fix_text("\n".join(lines), kept)

    return run


def _command_run(args: list[str]) -> tuple[float, int]:
    """Seconds and peak resident memory (KiB) of one newsnorm command run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsnorm", *args], check=True)
    elapsed = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cli", action="store_true", help="also time the command line")
    args = parser.parse_args(argv)
    documents = [
        record["moses"] for record in read_jsonl(eval_path("spacing", "dev.documents.jsonl"))
    ]

    ours = throughput(normalize_text, documents)
    theirs = throughput(_peers_pipeline(), documents)  # type: ignore[arg-type]
    print(f"Whole pipeline on {len(documents)} tokenized documents:")
    print(f"  newsnorm normalize_text       {ours / 1e6:6.2f} M chars/s")
    print(f"  sacremoses + ftfy.fix_text    {theirs / 1e6:6.2f} M chars/s")
    print(f"  newsnorm is {ours / theirs:.2f}x")

    if not args.cli:
        return 0
    with tempfile.TemporaryDirectory() as folder:
        lines = [json.dumps({"text": text}) + "\n" for text in documents]
        sizes = {}
        for repeat in (10, 100):
            path = Path(folder) / f"corpus-{repeat}.jsonl"
            path.write_text("".join(lines) * repeat, encoding="utf-8")
            sizes[repeat] = path.stat().st_size
        print(f"\nCommand line on a {sizes[100] / 1e6:.0f} MB JSONL file:")
        big = str(Path(folder) / "corpus-100.jsonl")
        # The fastest of three runs each, alternating the two so that a slow spell of the
        # machine hits both alike; other load only ever slows a run down.
        timings = {1: float("inf"), 2: float("inf")}
        for _ in range(3):
            for jobs in (1, 2):
                out = str(Path(folder) / f"out-{jobs}.jsonl")
                seconds, _ = _command_run(["normalize", big, "--format", "jsonl", "-o", out,
                                           "--jobs", str(jobs), "--quiet"])  # fmt: skip
                timings[jobs] = min(timings[jobs], seconds)
        for jobs, seconds in timings.items():
            print(f"  --jobs {jobs}: {seconds:6.1f} s, {sizes[100] / seconds / 1e6:5.2f} MB/s")
        same = (Path(folder) / "out-1.jsonl").read_bytes() == (
            Path(folder) / "out-2.jsonl"
        ).read_bytes()
        print(f"  speed-up with 2 jobs: {timings[1] / timings[2]:.2f}x; outputs identical: {same}")
        print("\nPeak memory of single-process runs (input 10x larger, memory should not follow):")
        for repeat in (10, 100):
            path = str(Path(folder) / f"corpus-{repeat}.jsonl")
            script = (
                "import resource, sys; from newsnorm.cli import main; "
                f"code = main(['normalize', {path!r}, '--format', 'jsonl', '-o', '/dev/null', "
                "'--jobs', '1', '--quiet']); "
                "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss); sys.exit(code)"
            )
            result = subprocess.run(
                [sys.executable, "-c", script], check=True, capture_output=True, text=True
            )
            peak = int(result.stdout.split()[-1])
            print(f"  {sizes[repeat] / 1e6:6.1f} MB input: peak RSS {peak / 1024:6.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
