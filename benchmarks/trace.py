"""Provenance: the cost of `trace` against `normalize`, and its invariants on the eval documents.

    python -m benchmarks.trace             # trace / normalize time on ../shared/eval/spacing
    python -m benchmarks.trace --check     # also the invariants on ../shared/eval/corpora and
                                           # ../shared/eval/headers; exit 1 below 100 %

The time is measured on every rendering of the spacing documents (the clean text and its
tokenizations), the best of repeated passes of each function (target: trace within 3x). The
check applies each document's edits to its raw text (they must give `normalize_text`'s text)
and maps every word of the article's text back to the raw text (it must read the same, with
whitespace removed and curly quotes read as straight, unless an edit made it).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

import regex

from benchmarks.common import EVAL_DIR, eval_path, percent, print_table, read_jsonl, throughput
from newsnorm import Trace, normalize, normalize_text, trace
from newsnorm.tracing import apply_edits

TARGET_RATIO = 3.0
_RENDERINGS = ("text", "moses", "ptb", "ud", "nltk", "spaced")
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "„": '"', "‚": "'"})


def _squeezed(text: str) -> str:
    return "".join(text.split()).translate(_STRAIGHT)


def edits_apply(raw: str, result: Trace) -> bool:
    """The edits, applied to the raw text, give the repaired text; the article is normalize's."""
    return apply_edits(raw, result.edits) == result.repaired == normalize_text(
        raw
    ) and result.article == normalize(raw)


def words_have_sources(raw: str, result: Trace) -> bool:
    """Every word of the article's text maps to raw text that reads the same (or an edit's)."""
    for word in _WORD.finditer(result.article.text):
        start, end = result.to_raw(*word.span())
        if not 0 <= start <= end <= len(raw):
            return False
        if _squeezed(raw[start:end]) != _squeezed(word.group()) and not any(
            edit.start <= end and start <= edit.end for edit in result.edits
        ):
            return False
        back = result.to_text(start, end)
        if back is None or back[0] > word.start() or back[1] < word.end():
            return False
    return True


CHECKS: dict[str, Callable[[str, Trace], bool]] = {
    "edits give the repaired text": edits_apply,
    "words map to their sources": words_have_sources,
}


def check(limit: int) -> int:
    """Run the checks on every document of the corpora and headers sets; 1 if any fails."""
    sets = {
        "corpora": [r["raw"] for r in read_jsonl(eval_path("corpora", "corpora-dev.jsonl"))],
        "headers": [r["raw"] for r in read_jsonl(eval_path("headers", "headers-dev.jsonl"))],
    }
    rows = []
    failed = 0
    for name, documents in sets.items():
        passed = dict.fromkeys(CHECKS, 0)
        for raw in documents:
            result = trace(raw)
            for check_name, test in CHECKS.items():
                if test(raw, result):
                    passed[check_name] += 1
                else:
                    failed += 1
                    if failed <= limit:
                        print(f"fails {check_name!r}: {raw[:200]!r}")
        rows += [
            [name, check_name, str(len(documents)), percent(count, len(documents))]
            for check_name, count in passed.items()
        ]
    print()
    print_table(["set", "check", "documents", "satisfied"], rows)
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="check the invariants too")
    parser.add_argument("--seconds", type=float, default=2.0, help="time per measure")
    parser.add_argument("--limit", type=int, default=10, help="failing documents shown")
    args = parser.parse_args(argv)
    if not EVAL_DIR.exists():
        print(f"evaluation data not found: {EVAL_DIR} (set NEWSNORM_EVAL): nothing to measure")
        return 0
    records = list(read_jsonl(eval_path("spacing", "dev.documents.jsonl")))
    rows = []
    for rendering in (*_RENDERINGS, "all"):
        documents = [
            record[key]
            for record in records
            for key in (_RENDERINGS if rendering == "all" else (rendering,))
            if isinstance(record.get(key), str)
        ]
        plain = throughput(normalize, documents, seconds=args.seconds)
        traced = throughput(trace, documents, seconds=args.seconds)
        rows.append(
            [rendering, str(len(documents)), f"{plain / 1e6:.2f}", f"{traced / 1e6:.2f}",
             f"{plain / traced:.2f}x"]
        )  # fmt: skip
    print(f"trace against normalize on the spacing documents (target: within {TARGET_RATIO}x)\n")
    print_table(["rendering", "documents", "normalize MB/s", "trace MB/s", "ratio"], rows)
    if not args.check:
        return 0
    print("\nInvariants on the corpora and headers sets (target: 100 %)")
    return check(args.limit)


if __name__ == "__main__":
    sys.exit(main())
