"""Header metadata: accuracy of `normalize` on ../shared/eval/headers/headers-dev.jsonl, and cost.

    python -m benchmarks.headers                 # accuracy by field and rendering, and speed
    python -m benchmarks.headers --check         # also exit 1 below the pinned floors
    python -m benchmarks.headers --failures title --limit 20

Fields not listed in a record's `gold_fields` are unknown, and skipped.
"""

from __future__ import annotations

import argparse
import collections
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

import attrs
import regex

import newsnorm.pipeline as pipeline
from benchmarks.common import (
    eval_path,
    percent,
    print_table,
    read_jsonl,
    report_targets,
)
from newsnorm import Article, Config, normalize, normalize_many
from newsnorm.header.layouts import quiet_top
from newsnorm.header.signs import QuietTop
from newsnorm.layout import unwrap_lines
from newsnorm.pipeline import _repair_text  # the text stages alone, as the quick path sees them

TARGETS = {
    "date (full date in text)": 99.5,
    "wrong dates (of dates given), at most": 0.5,
    "dateline location": 97.0,
    "no dateline invented": 98.0,
    "title": 95.0,
    "byline": 95.0,
    "body start": 97.0,
}
# Pinned a little below what newsnorm measures today; "wrong dates" is a ceiling.
CEILINGS = frozenset({"wrong dates (of dates given), at most"})
FLOORS = {
    "date (full date in text)": 99.4,
    "wrong dates (of dates given), at most": 0.5,
    "dateline location": 99.0,
    "no dateline invented": 98.8,
    "title": 99.3,
    "byline": 99.6,
    "body start": 98.8,
}

_SPACES = regex.compile(r"\s+")


def body_start(article: Article) -> str:
    """The first 60 characters of the body, whitespace collapsed, as the gold stores it."""
    return _SPACES.sub(" ", article.text).strip()[:60]


def judge(record: dict[str, Any], article: Article) -> dict[str, bool | None]:
    """Per measure: True (right), False (wrong), None (not scored for this record)."""
    gold = record["gold"]
    fields = set(record["gold_fields"])
    verdict: dict[str, bool | None] = dict.fromkeys(TARGETS)
    predicted_date = article.date.isoformat() if article.date else None
    if "date" in fields:
        if record["date_in_raw"] == "full":
            verdict["date (full date in text)"] = predicted_date == gold["date"]
        if predicted_date is not None:
            # scored "right" when it is not wrong, so the rate shown is the share of wrong ones
            verdict["wrong dates (of dates given), at most"] = predicted_date != gold["date"]
    if "dateline" in fields:
        if gold["dateline"] is None:
            verdict["no dateline invented"] = article.dateline is None
        else:
            location = article.dateline.location if article.dateline else None
            verdict["dateline location"] = location == gold["dateline"]["location"]
    if "title" in fields:
        verdict["title"] = article.title == gold["title"]
    if "byline" in fields:
        verdict["byline"] = article.byline == gold["byline"]
    if "body_start" in fields and gold["body_start"] is not None:
        verdict["body start"] = body_start(article) == gold["body_start"]
    return verdict


def score(
    records: list[dict[str, Any]], run: Callable[[str], Article]
) -> dict[tuple[str, str], tuple[int, int]]:
    """(measure, rendering or "all") -> (hits, total)."""
    counts: dict[tuple[str, str], list[int]] = collections.defaultdict(lambda: [0, 0])
    for record in records:
        for measure, right in judge(record, run(record["raw"])).items():
            if right is None:
                continue
            for group in (record["rendering"], "all"):
                counts[(measure, group)][0] += right
                counts[(measure, group)][1] += 1
    return {key: (hits, total) for key, (hits, total) in counts.items()}


def headerless_bodies(records: list[dict[str, Any]]) -> list[str]:
    """Each document's raw text from its gold body start on: an article with no header."""
    bodies: dict[str, str] = {}
    for record in records:
        start = record["gold"].get("body_start")
        if record["doc_id"] in bodies or "body_start" not in record["gold_fields"] or not start:
            continue
        found = regex.search(r"\s+".join(map(regex.escape, start.split())), record["raw"])
        if found is not None:
            bodies[record["doc_id"]] = record["raw"][found.start() :]
    return list(bodies.values())


# How a paragraph's last line ends: a stop, perhaps inside closing quotes.
_PARAGRAPH_END = (".", "!", "?", '"', "'", "”", "’")


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a headerless story, each on one line.

    Wire copy's paragraphs are joined as the text stages join them (`unwrap_lines`); the
    first, hard-wrapped and flush left where the cut took its dateline's indentation with it,
    is joined down to its first line that ends a sentence.
    """
    lines = [line.strip() for line in unwrap_lines(text).split("\n") if line.strip()]
    if not lines:
        return []
    last = next((i for i, line in enumerate(lines) if line.endswith(_PARAGRAPH_END)), 0)
    return [" ".join(lines[: last + 1]), *lines[last + 1 :]]


def paragraph_layouts(bodies: list[str]) -> dict[str, list[str]]:
    """The headerless stories as cut, and in the two layouts most corpora give paragraphs.

    One line a paragraph (XSum, Multi-News, most JSON dumps), and blank lines between them
    (CNN/DailyMail story files, text scraped from web pages).
    """
    split = [paragraphs(body) for body in bodies]
    return {
        "as cut (first paragraph hard-wrapped)": bodies,
        "one line a paragraph": ["\n".join(story) for story in split if story],
        "blank lines between paragraphs": ["\n\n".join(story) for story in split if story],
    }


def _each(texts: list[str], config: Config | None) -> None:
    for text in texts:
        normalize(text, config)


def _many(texts: list[str], config: Config | None) -> None:
    normalize_many(texts, config)


def _median_ratio(first: Callable[[], None], second: Callable[[], None], passes: int) -> float:
    """The median over `passes` of the time `first` takes over that of `second`.

    The two alternate in each pass; the median of the pairs' ratios counts, which a
    machine's drifting speed moves far less than either time alone.
    """
    ratios = []
    for _ in range(passes):
        seconds = []
        for call in (first, second):
            began = time.perf_counter()
            call()
            seconds.append(time.perf_counter() - began)
        ratios.append(seconds[0] / seconds[1])
    return statistics.median(ratios)


def extraction_overhead(
    texts: list[str],
    without: Config,
    passes: int = 15,
    config: Config | None = None,
    run: Callable[[list[str], Config | None], None] = _each,
) -> float:
    """How much slower normalizing is under `config` (the default) than under `without`, in %.

    `run` normalizes the texts: `normalize` on each by default, or `normalize_many` (`_many`).
    """
    ratio = _median_ratio(lambda: run(texts, config), lambda: run(texts, without), passes)
    return 100 * (ratio - 1)


class _Passing:
    """A stand-in for `quiet_top`'s test in the pipeline: every text passes, after `test` ran."""

    def __init__(self, test: Callable[[str], bool] | None) -> None:
        self._run = test

    def test(self, text: str) -> bool:
        if self._run is not None:
            self._run(text)
        return True


def first_line_only(quiet: QuietTop) -> QuietTop:
    """`quiet`'s test cut down to the whole-text signs and the first line's.

    What every text costs at least when the readers of every layout are looked for: its cost
    inside `normalize` is a floor under the quick path's (the readers of page furniture, of
    a headline above its byline or its DailyMail stamps, and the dateline below captions need
    the lines below).
    """
    return QuietTop([attrs.evolve(sign, lines=1, marks_lines=0) for sign in quiet.signs])


def quick_path_cost(
    texts: list[str], passes: int = 15, quiet: QuietTop | None = None
) -> tuple[float, float]:
    """The quick path's test on each of `texts`, in µs a text: alone, and inside `normalize`.

    Alone: the test on the repaired texts, best of seven. Inside: the median over `passes` of
    how much longer `normalize` takes when the test runs (every text then passes, so no reader
    runs) than when every text passes untested, per text. `quiet` is the test (the default
    layout's when None).
    """
    quiet = quiet or quiet_top("auto", header=True, dateline=True)
    assert quiet is not None
    repaired = [_repair_text(text, Config())[0] for text in texts]
    alone = []
    for _ in range(7):
        began = time.perf_counter()
        for text in repaired:
            quiet.test(text)
        alone.append(time.perf_counter() - began)
    real = pipeline.quiet_top
    gaps = []
    try:
        for _ in range(passes):
            seconds = []
            for stand_in in (_Passing(quiet.test), _Passing(None)):
                pipeline.quiet_top = lambda *_, stand_in=stand_in, **__: stand_in
                began = time.perf_counter()
                _each(texts, None)
                seconds.append(time.perf_counter() - began)
            gaps.append(seconds[0] - seconds[1])
    finally:
        pipeline.quiet_top = real
    return 1e6 * min(alone) / len(texts), 1e6 * statistics.median(gaps) / len(texts)


def many_over_each(texts: list[str], passes: int = 9) -> float:
    """How many times faster `normalize_many` is than `normalize` on each of `texts`."""
    return _median_ratio(lambda: _each(texts, None), lambda: _many(texts, None), passes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 below the pinned floors")
    parser.add_argument("--failures", choices=("date", "dateline", "title", "byline", "body"))
    parser.add_argument("--rendering", help="only records of this rendering")
    parser.add_argument("--limit", type=int, default=20)
    parser.add_argument(
        "--breakdown",
        action="store_true",
        help="only the extraction cost on headerless articles: the header readers' and the "
        "dateline's shares",
    )
    args = parser.parse_args(argv)
    records = list(read_jsonl(eval_path("headers", "headers-dev.jsonl")))
    if args.rendering:
        records = [r for r in records if r["rendering"] == args.rendering]

    if args.breakdown:
        bare = headerless_bodies(records)
        # The quick path looks at the text the text stages repaired.
        quiet = quiet_top("auto", header=True, dateline=True)
        assert quiet is not None
        no_extraction = Config(header=False, dateline=False)
        for name, texts in paragraph_layouts(bare).items():
            passed = sum(quiet(_repair_text(text, Config())[0]) for text in texts)
            print(f"{name}: {passed} of {len(texts)} passed by the quick path (no reader's "
                  "sign at the top)")  # fmt: skip
            began = time.perf_counter()
            _each(texts, no_extraction)
            story = 1e6 * (time.perf_counter() - began) / len(texts)
            print(f"  normalize without extraction: {story:.1f} µs a story")
            for label, test in (("the quick path's test", quiet),
                                ("its whole-text and first-line signs only (a floor)",
                                 first_line_only(quiet))):  # fmt: skip
                alone, inside = quick_path_cost(texts, quiet=test)
                print(f"  {label}: {alone:.1f} µs a story alone, {inside:.1f} µs inside "
                      f"normalize ({100 * inside / story:+.1f}% of it)")  # fmt: skip
        print("On the stories as cut:")
        for label, config in (
            ("the dateline alone", Config(header=False)),
            ("the header readers alone", Config(dateline=False)),
            ("both (the default)", Config()),
        ):
            overhead = extraction_overhead(bare, no_extraction, config=config)
            print(f"Extraction cost on {len(bare)} articles without a header, {label}: "
                  f"{overhead:+.1f}%")  # fmt: skip
        return 0

    if args.failures:
        prefix = {"body": "body start", "date": "date", "dateline": "dateline"}.get(
            args.failures, args.failures
        )
        shown = 0
        for record in records:
            article = normalize(record["raw"])
            verdict = judge(record, article)
            wrong = [m for m, right in verdict.items() if m.startswith(prefix) and right is False]
            if args.failures == "date":
                wrong = [m for m in wrong if not m.startswith("wrong")] + [
                    m for m, right in verdict.items() if m.startswith("wrong") and right
                ]
            if wrong and shown < args.limit:
                shown += 1
                got = {
                    "date": article.date, "title": article.title, "byline": article.byline,
                    "dateline": article.dateline, "body": body_start(article),
                }  # fmt: skip
                print(f"== {record['id']} [{record['rendering']}] {wrong}")
                print(f"   raw:  {record['raw'][:300]!r}")
                print(f"   got:  {got}")
                print(f"   gold: {record['gold']}")
        return 0

    counts = score(records, normalize)
    renderings = sorted({group for _, group in counts if group != "all"})
    print(f"Headers: {len(records)} records\n")
    rows = []
    for measure in TARGETS:
        cells = [percent(*counts[(measure, g)]) if (measure, g) in counts else "   -"
                 for g in ("all", *renderings)]  # fmt: skip
        rows.append([measure, *cells])
    print_table(["measure", "all", *renderings], rows)

    # The cost of extraction where there is nothing to extract: each story of the set once,
    # cut where its gold body starts (the annotators' cut, dateline and header removed).
    bare = headerless_bodies(records)
    no_header = Config(header=False, dateline=False)
    print(f"\nExtraction cost on {len(bare)} articles without a header (target: at most +10%):")
    for name, texts in paragraph_layouts(bare).items():
        each = extraction_overhead(texts, no_header)
        together = extraction_overhead(texts, no_header, run=_many)
        print(f"  {name}: {each:+.1f}% with normalize on each, {together:+.1f}% normalized "
              "together (normalize_many, as the command runs)")  # fmt: skip
    print(f"  normalize_many over normalize on each, with extraction: {many_over_each(bare):.2f}x")
    # And on the documents of the spacing set, most of which open with a headline.
    documents = [r["text"] for r in read_jsonl(eval_path("spacing", "dev.documents.jsonl"))]
    overhead = extraction_overhead(documents, no_header)
    print(f"Extraction cost on {len(documents)} documents, most with a headline: {overhead:+.1f}%")

    scores = {m: 100 * counts[(m, "all")][0] / counts[(m, "all")][1] for m in TARGETS}
    return report_targets(scores, TARGETS, FLOORS, check=args.check, ceilings=CEILINGS)


if __name__ == "__main__":
    sys.exit(main())
