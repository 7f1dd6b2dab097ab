"""Character repair: ftfy's own published test cases, and speed on news paragraphs.

    python -m benchmarks.characters

The test cases ship in ftfy's source distribution (tests/test_cases.json); the first run
downloads that sdist from PyPI, for the installed ftfy version, into benchmarks/.cache/.
Outputs are compared with quotes straightened and whitespace normalized on both sides, since
newsnorm keeps curly quotes and regularizes whitespace on purpose.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
from collections.abc import Callable
from importlib import metadata
from typing import Any

import ftfy

from benchmarks.common import ROOT, eval_path, percent, print_table, read_jsonl, throughput
from newsnorm import Config, fix_characters, fix_quotes
from newsnorm.characters import normalize_whitespace

CACHE = ROOT / "benchmarks" / ".cache"


def ftfy_test_cases() -> list[dict[str, Any]]:
    """ftfy's test cases for the installed version, downloaded once from PyPI."""
    version = metadata.version("ftfy")
    cached = CACHE / f"ftfy-{version}-test_cases.json"
    if not cached.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
             "--no-binary", ":all:", "--dest", str(CACHE), f"ftfy=={version}"],
            check=True,
        )  # fmt: skip
        sdist = next(CACHE.glob(f"ftfy-{version}.tar.gz"))
        with tarfile.open(sdist) as archive:
            member = archive.extractfile(f"ftfy-{version}/tests/test_cases.json")
            if member is None:
                raise SystemExit("ftfy's sdist has no tests/test_cases.json")
            cached.write_bytes(member.read())
    cases: list[dict[str, Any]] = json.loads(cached.read_text(encoding="utf-8"))
    return cases


def _comparable(text: str) -> str:
    return normalize_whitespace(fix_quotes(text, "straight"))


def main() -> int:
    cases = ftfy_test_cases()
    kept = ftfy.TextFixerConfig(uncurl_quotes=False)
    folding = Config(fold_compatibility=True)
    systems: dict[str, Callable[[str], str]] = {
        "newsnorm fix_characters": fix_characters,
        "newsnorm, fold_compatibility": lambda text: fix_characters(text, folding),
        "ftfy, quotes kept": lambda text: ftfy.fix_text(text, kept),
        "ftfy defaults": ftfy.fix_text,
    }
    rows = []
    for name, system in systems.items():
        hits = {"pass": 0, "fail": 0}
        totals = {"pass": 0, "fail": 0}
        for case in cases:
            group = case["expect"]
            totals[group] += 1
            hits[group] += _comparable(system(case["original"])) == _comparable(case["fixed"])
        rows.append(
            [
                name,
                percent(hits["pass"] + hits["fail"], len(cases)),
                percent(hits["pass"], totals["pass"]),
                percent(hits["fail"], totals["fail"]),
            ]
        )
    print(f"ftfy {metadata.version('ftfy')} test cases: {len(cases)} (expected to pass / fail)\n")
    print_table(["system", "all", "ftfy 'pass' cases", "ftfy 'fail' cases"], rows)

    texts = [record["gold"] for record in read_jsonl(eval_path("quotes", "dev.jsonl"))]
    ours = throughput(fix_characters, texts)
    theirs = throughput(lambda text: ftfy.fix_text(text, kept), texts)
    print(
        f"\nSpeed on {len(texts)} clean news paragraphs with curly quotes: newsnorm "
        f"{ours / 1e6:.2f} M/s, ftfy {theirs / 1e6:.2f} M/s ({ours / theirs:.1f}x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
