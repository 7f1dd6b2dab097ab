"""Quote direction: accuracy on ../shared/eval/quotes/dev.jsonl and speed, beside smartypants.

    python -m benchmarks.quotes              # accuracy and speed tables
    python -m benchmarks.quotes --check      # also exit 1 below the pinned floors
    python -m benchmarks.quotes --failures curly --limit 20

Needs the `bench` extra (smartypants).
"""

from __future__ import annotations

import argparse
import collections
import sys
from collections.abc import Callable
from typing import Any

from benchmarks.common import (
    eval_path,
    percent,
    print_table,
    read_jsonl,
    report_targets,
    throughput,
)
from newsnorm import fix_quotes

# The targets, and the floors pinned a little below what newsnorm measures today.
TARGETS = {
    "curly marks": 99.9,
    "curly paragraphs": 99.7,
    "auto on mixed": 99.8,
    "gold unchanged by auto": 100.0,
    "straight on gold": 100.0,
}
FLOORS = {
    "curly marks": 99.9,
    "curly paragraphs": 99.7,
    "auto on mixed": 99.8,
    "gold unchanged by auto": 100.0,
    "straight on gold": 100.0,
}


def _smartypants() -> Callable[[str], str]:
    import smartypants

    attrs = smartypants.Attr.q | smartypants.Attr.u  # quotes only, as Unicode characters
    return lambda text: smartypants.smartypants(text, attrs)


def score(
    systems: dict[str, Callable[[str], str]],
    auto: Callable[[str], str],
    straighten: Callable[[str], str],
    records: list[dict[str, Any]],
) -> dict[str, dict[str, tuple[int, int]]]:
    """system -> measure -> (hits, total). `auto` and `straighten` are newsnorm-only measures."""
    results: dict[str, dict[str, list[int]]] = {
        name: collections.defaultdict(lambda: [0, 0]) for name in systems
    }
    for record in records:
        for name, curl in systems.items():
            cell = results[name]
            out = curl(record["straight"])
            for slot in record["quotes"]:
                hit = len(out) == len(record["gold"]) and out[slot["i"]] == slot["gold"]
                for key in ("curly marks", f"curly marks: {slot['cat']}"):
                    cell[key][0] += hit
                    cell[key][1] += 1
            _count(cell, "curly paragraphs", out == record["gold"])
            _count(cell, "mixed (curly)", curl(record["mixed"]) == record["gold"])
        newsnorm = results["newsnorm"]
        _count(newsnorm, "auto on mixed", auto(record["mixed"]) == record["gold"])
        if any(mark in record["mixed_random"] for mark in "“”‘’"):
            # (one with only ASCII quotes left is rightly left ASCII by auto)
            hit = auto(record["mixed_random"]) == record["gold"]
            _count(newsnorm, "auto on mixed_random with a curly quote", hit)
        _count(newsnorm, "gold unchanged by auto", auto(record["gold"]) == record["gold"])
        _count(newsnorm, "straight on gold", straighten(record["gold"]) == record["straight"])
    return {name: {k: (v[0], v[1]) for k, v in cells.items()} for name, cells in results.items()}


def _count(cells: dict[str, list[int]], key: str, hit: bool) -> None:
    cells[key][0] += hit
    cells[key][1] += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 below the pinned floors")
    parser.add_argument("--failures", choices=("curly", "mixed", "mixed_random", "gold"))
    parser.add_argument("--limit", type=int, default=30)
    parser.add_argument("--no-speed", action="store_true", help="skip the speed runs")
    args = parser.parse_args(argv)
    records = list(read_jsonl(eval_path("quotes", "dev.jsonl")))

    if args.failures:
        field = "straight" if args.failures == "curly" else args.failures
        style = "curly" if args.failures == "curly" else "auto"
        shown = 0
        for record in records:
            got = fix_quotes(record[field], style)
            if got != record["gold"] and shown < args.limit:
                shown += 1
                print(f"{record['id']} {record['tags']}\n  got:  {got}\n  gold: {record['gold']}")
        return 0

    systems = {"newsnorm": lambda text: fix_quotes(text, "curly"), "smartypants": _smartypants()}
    results = score(
        systems,
        lambda text: fix_quotes(text, "auto"),
        lambda text: fix_quotes(text, "straight"),
        records,
    )
    measures = sorted({key for cells in results.values() for key in cells})
    print(f"Quotes: {len(records)} paragraphs\n")
    rows = [
        [measure, *(percent(*results[name][measure]) if measure in results[name] else "   -"
                    for name in systems)]
        for measure in measures
    ]  # fmt: skip
    print_table(["measure", *systems], rows)

    if not args.no_speed:
        texts = [record["straight"] for record in records]
        speeds = {name: throughput(system, texts) for name, system in systems.items()}
        print("\nSpeed of curly on the straight paragraphs, characters per second\n")
        rows = [[name, f"{speed / 1e6:.2f} M/s", f"{speeds['newsnorm'] / speed:.2f}x"]
                for name, speed in speeds.items()]  # fmt: skip
        print_table(["system", "throughput", "newsnorm is"], rows)

    scores = {key: 100 * hits / total for key, (hits, total) in results["newsnorm"].items()}
    return report_targets(scores, TARGETS, FLOORS, check=args.check)


if __name__ == "__main__":
    sys.exit(main())
