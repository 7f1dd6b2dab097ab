"""What every benchmark shares: where the evaluation data is, loading it, timing, tables."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

Key = TypeVar("Key", str, tuple[str, str])

ROOT = Path(__file__).resolve().parent.parent
EVAL_DIR = Path(os.environ.get("NEWSNORM_EVAL", ROOT.parent / "shared" / "eval"))


def eval_path(*parts: str) -> Path:
    """The path of an evaluation file; exits with a clear message when it is missing."""
    path = EVAL_DIR.joinpath(*parts)
    if not path.exists():
        raise SystemExit(f"evaluation data not found: {path} (set NEWSNORM_EVAL to its folder)")
    return path


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The records of a JSON Lines file."""
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def throughput(
    function: Callable[[str], object], texts: list[str], *, seconds: float = 1.0
) -> float:
    """Characters per second of `function` over `texts`: the best of repeated passes.

    Passes repeat for at least `seconds` (and at least three times); the fastest one counts,
    as `timeit` advises, since slower passes measure other processes, not the code.
    """
    size = sum(len(text) for text in texts)
    best = float("inf")
    rounds = 0
    start = time.perf_counter()
    while rounds < 3 or time.perf_counter() - start < seconds:
        began = time.perf_counter()
        for text in texts:
            function(text)
        best = min(best, time.perf_counter() - began)
        rounds += 1
    return size / best


def percent(hits: int, total: int) -> str:
    """`hits` of `total` as a percentage with two decimals (or n/a)."""
    return f"{100 * hits / total:6.2f}%" if total else "   n/a"


def print_table(header: list[str], rows: Iterable[list[str]]) -> None:
    """A plain, aligned text table."""
    table = [header, *rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for number, row in enumerate(table):
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)))
        if number == 0:
            print("  ".join("-" * width for width in widths))


def outside_floors(
    scores: dict[Key, float], floors: dict[Key, float], ceilings: frozenset[Key] = frozenset()
) -> list[Key]:
    """The measures below their pinned floor (or, for `ceilings`, above it)."""
    return [
        key
        for key, floor in floors.items()
        if (scores[key] > floor if key in ceilings else scores[key] < floor)
    ]


def report_targets(
    scores: dict[Key, float],
    targets: dict[Key, float],
    floors: dict[Key, float],
    *,
    check: bool,
    ceilings: frozenset[Key] = frozenset(),
) -> int:
    """Print newsnorm's scores beside the targets and floors; with `check`, 1 outside floors."""
    print("\nnewsnorm against the targets and the pinned floors\n")
    rows = [
        [" ".join(key) if isinstance(key, tuple) else key, f"{scores[key]:.2f}%",
         f"{targets[key]}%", f"{floors[key]}%"]
        for key in targets
    ]  # fmt: skip
    print_table(["measure", "newsnorm", "target", "floor"], rows)
    if not check:
        return 0
    failed = outside_floors(scores, floors, ceilings)
    if failed:
        names = ", ".join(" ".join(key) if isinstance(key, tuple) else key for key in failed)
        print(f"\nOutside the pinned floors: {names}")
        return 1
    print("\nAll pinned floors met.")
    return 0
