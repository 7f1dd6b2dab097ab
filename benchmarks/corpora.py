"""Real corpora: accuracy of `normalize` on ../shared/eval/corpora/corpora-dev.jsonl, and speed.

    python -m benchmarks.corpora                 # per corpus and overall, and ms per document
    python -m benchmarks.corpora --check         # also exit 1 outside the pinned floors
    python -m benchmarks.corpora --pin           # also print floors pinned at today's figures
    python -m benchmarks.corpora --failures 30   # failing documents: what failed, expected, got
    python -m benchmarks.corpora --corpus cnn    # only one corpus
    python -m benchmarks.corpora --id 'cnn:<doc>'  # one document's article in full, its misses

Scoring follows the data's README. A field not in a record's `gold_fields` is unknown, and
skipped; a listed null means newsnorm must return None. Titles, bylines and dateline parts
compare with whitespace collapsed and curly quotes read as straight; `body_start` compares the
first 50 characters that way (a shorter gold start, as a prefix of them); `must_contain`
strings match the body exactly or with quotes straightened; `must_not_contain` strings must not
appear in it. A document is fully right when every annotated field and every check holds. A
date given for a document whose gold date is another date, or null, is a wrong date; the rate is
over the documents with an annotated date.
"""

from __future__ import annotations

import argparse
import collections
import math
import sys
from collections.abc import Callable, Iterable
from typing import Any

import attrs
import regex

from benchmarks.common import (
    eval_path,
    percent,
    print_table,
    read_jsonl,
    report_targets,
    throughput,
)
from newsnorm import Article, Config, normalize
from newsnorm.config import Corpus

FIELDS = ("title", "byline", "date", "dateline", "body_start")
FULLY_RIGHT = "documents fully right"
HEADER = "header fields right"
BODY = "body checks right"
WRONG_DATES = "wrong dates (of annotated dates), at most"
# The targets, printed for reference.
TARGETS = {FULLY_RIGHT: 85.0, HEADER: 95.0, BODY: 97.0, WRONG_DATES: 0.5}
# Pinned a little below what newsnorm measures today; "wrong dates" is a ceiling (fail above it).
# To raise them as the figures rise, paste what `--pin` prints.
CEILINGS = frozenset({WRONG_DATES})
FLOORS = {FULLY_RIGHT: 96.6, HEADER: 99.0, BODY: 99.8, WRONG_DATES: 0.5}

_SPACES = regex.compile(r"\s+")
_STRAIGHT = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def straight(text: str) -> str:
    """Curly quotes read as straight."""
    return text.translate(_STRAIGHT)


def flat(text: str) -> str:
    """Whitespace collapsed and quotes straightened: the form fields compare in."""
    return straight(_SPACES.sub(" ", text).strip())


def plain(text: str | None) -> str | None:
    """`flat`, with None kept None."""
    return None if text is None else flat(text)


@attrs.frozen
class Miss:
    """One failed field or check: what it is, what the gold wants, what newsnorm gave."""

    what: str
    expected: object
    got: object


@attrs.frozen
class Judgement:
    """One document scored: (right, annotated) fields and checks, its misses, and whether it has
    a wrong date (None when no date is annotated)."""

    fields: tuple[int, int]
    checks: tuple[int, int]
    wrong_date: bool | None
    misses: tuple[Miss, ...]


def _dateline_parts(article: Article) -> dict[str, str | None] | None:
    if article.dateline is None:
        return None
    return {"location": article.dateline.location, "agency": article.dateline.agency}


def _got(article: Article, field: str) -> object:
    if field == "date":
        return article.date.isoformat() if article.date else None
    if field == "dateline":
        return _dateline_parts(article)
    if field == "body_start":
        return flat(article.text)[:50]
    return getattr(article, field)


def _field_right(field: str, expected: Any, got: Any) -> bool:
    if field == "date":
        return bool(expected == got)
    if field == "dateline":
        if expected is None or got is None:
            return expected is got
        return all(plain(expected[part]) == plain(got[part]) for part in ("location", "agency"))
    if field == "body_start":
        # A gold start shorter than 50 characters (the annotator stopped where the rendering
        # becomes a judgment call) is a prefix of the body's first 50.
        return got.startswith(flat(expected)[:50])
    return plain(expected) == plain(got)


def judge(record: dict[str, Any], article: Article) -> Judgement:
    """Score one document's article against its gold."""
    misses = []
    annotated = [field for field in FIELDS if field in record["gold_fields"]]
    for field in annotated:
        expected, got = record["gold"][field], _got(article, field)
        if not _field_right(field, expected, got):
            misses.append(Miss(field, expected, got))
    body, straightened = article.text, straight(article.text)
    for wanted in record["must_contain"]:
        if wanted not in body and straight(wanted) not in straightened:
            misses.append(Miss("must_contain", wanted, _context(body, wanted)))
    for unwanted in record["must_not_contain"]:
        if unwanted in body:
            misses.append(Miss("must_not_contain", unwanted, _around(body, body.index(unwanted))))
    checks = len(record["must_contain"]) + len(record["must_not_contain"])
    field_misses = sum(miss.what in FIELDS for miss in misses)
    wrong_date = None
    if "date" in annotated:
        given = _got(article, "date")
        wrong_date = given is not None and given != record["gold"]["date"]
    return Judgement(
        fields=(len(annotated) - field_misses, len(annotated)),
        checks=(checks - (len(misses) - field_misses), checks),
        wrong_date=wrong_date,
        misses=tuple(misses),
    )


def _around(text: str, index: int, width: int = 40) -> str:
    return text[max(0, index - width) : index + width]


def _context(body: str, wanted: str) -> str:
    """Where the body has the start of a missing string, or its opening when nowhere."""
    head = straight(wanted)[:12]
    found = straight(body).find(head)
    return _around(body, found) if found >= 0 else body[:80]


@attrs.define
class Tally:
    """Counts over a group of documents."""

    documents: int = 0
    fully_right: int = 0
    fields: list[int] = attrs.field(factory=lambda: [0, 0])
    checks: list[int] = attrs.field(factory=lambda: [0, 0])
    dates: list[int] = attrs.field(factory=lambda: [0, 0])  # wrong, annotated

    def add(self, judgement: Judgement) -> None:
        self.documents += 1
        self.fully_right += not judgement.misses
        for counts, pair in ((self.fields, judgement.fields), (self.checks, judgement.checks)):
            counts[0] += pair[0]
            counts[1] += pair[1]
        if judgement.wrong_date is not None:
            self.dates[0] += judgement.wrong_date
            self.dates[1] += 1

    def scores(self) -> dict[str, float]:
        """The four measures, in percent."""
        pairs = {
            FULLY_RIGHT: (self.fully_right, self.documents),
            HEADER: tuple(self.fields),
            BODY: tuple(self.checks),
            WRONG_DATES: tuple(self.dates),
        }
        return {name: 100 * hits / total if total else 0.0 for name, (hits, total) in pairs.items()}


# The corpus name a user would give (`Config(corpus=...)`, --corpus) for each corpus of the set.
NAMED: dict[str, Corpus] = {
    "cnn": "cnn_dailymail", "dailymail": "cnn_dailymail", "cnndm-tokenized": "cnn_dailymail",
    "multinews": "multinews", "conll2003": "conll2003", "xsum": "xsum", "wikitext": "wikitext",
    "gigaword": "gigaword", "newspaper": "web", "bbc-news": "web",
}  # fmt: skip


def judge_all(
    records: Iterable[dict[str, Any]],
    run: Callable[[str], Article] = normalize,
    *,
    named: bool = False,
) -> list[tuple[dict[str, Any], Article, Judgement]]:
    """Every record with its article and judgement; `named` names each record's corpus."""
    results = []
    for record in records:
        corpus = NAMED.get(record["corpus"], "auto") if named else "auto"
        if corpus == "auto":
            article = run(record["raw"])
        else:
            article = normalize(record["raw"], corpus=corpus)
        results.append((record, article, judge(record, article)))
    return results


def tally(results: Iterable[tuple[dict[str, Any], Article, Judgement]]) -> dict[str, Tally]:
    """corpus (and "all") -> its tally."""
    tallies: dict[str, Tally] = collections.defaultdict(Tally)
    for record, _, judgement in results:
        tallies[record["corpus"]].add(judgement)
        tallies["all"].add(judgement)
    return tallies


def pinned(scores: dict[str, float]) -> str:
    """A FLOORS dict a little below today's scores (a little above them for ceilings)."""
    names = {FULLY_RIGHT: "FULLY_RIGHT", HEADER: "HEADER", BODY: "BODY", WRONG_DATES: "WRONG_DATES"}
    floors = {
        name: max(TARGETS[name], math.ceil(10 * scores[name] + 1) / 10)
        if name in CEILINGS
        else math.floor(10 * scores[name]) / 10
        for name in FLOORS
    }
    return "FLOORS = {" + ", ".join(f"{names[n]}: {v}" for n, v in floors.items()) + "}"


def _short(value: object, width: int = 90) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 3] + "..."


def print_failures(results: list[tuple[dict[str, Any], Article, Judgement]], limit: int) -> None:
    failing = [(record, judgement) for record, _, judgement in results if judgement.misses]
    shown = min(limit, len(failing))
    print(f"{len(failing)} of {len(results)} documents fail; the first {shown}:\n")
    for record, judgement in failing[:limit]:
        print(f"== {record['id']}")
        for miss in judgement.misses:
            print(f"   {miss.what:<17} expected {_short(miss.expected)}")
            print(f"   {'':<17} got      {_short(miss.got)}")


def print_document(record: dict[str, Any], article: Article, judgement: Judgement) -> None:
    print(f"== {record['id']}  ({record['corpus']}; annotated: {', '.join(record['gold_fields'])})")
    for field in ("title", "byline", "date", "dateline"):
        print(f"{field:>9}: {getattr(article, field)!r}")
    print(f"  headers: {dict(article.headers)!r}")
    print(f"     gold: {record['gold']!r}")
    print(f"    notes: {record['notes']}")
    print("\n--- text ---")
    print(article.text)
    print("--- end ---\n")
    for miss in judgement.misses:
        print(f"MISS {miss.what}: expected {miss.expected!r}\n{'':>5}got {miss.got!r}")
    if not judgement.misses:
        print("fully right")


def print_extraction_cost(records: list[dict[str, Any]], rounds: int = 10) -> None:
    """Print what extraction costs on each document's story with its header taken off.

    The story is the body newsnorm reads off the document (its header, dateline, highlights
    and furniture moved to fields): text with no header, as long as the corpora's stories.
    Timed as `benchmarks.headers` times its headerless stories, each story `rounds` times.
    """
    from benchmarks.headers import _many, extraction_overhead  # the same measure

    stories = [story for record in records if (story := normalize(record["raw"]).text)]
    length = sum(map(len, stories)) / len(stories)
    no_extraction = Config(header=False, dateline=False)
    texts = stories * rounds
    each = extraction_overhead(texts, no_extraction)
    together = extraction_overhead(texts, no_extraction, run=_many)
    print(f"Extraction cost on {len(stories)} stories of the corpora with their header taken off "
          f"({length:.0f} characters on average): {each:+.1f}% with normalize on each, "
          f"{together:+.1f}% normalized together (normalize_many)")  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 outside the pinned floors")
    parser.add_argument("--pin", action="store_true", help="print FLOORS for today's figures")
    parser.add_argument("--failures", type=int, nargs="?", const=20, metavar="N",
                        help="list the first N failing documents (20 without N)")  # fmt: skip
    parser.add_argument("--corpus", help="only the documents of this corpus")
    parser.add_argument("--id", help="show this document's article in full")
    parser.add_argument("--named", action="store_true",
                        help="name each document's corpus (--corpus for the command) instead of "
                        "letting newsnorm find its layout")  # fmt: skip
    parser.add_argument("--cost", action="store_true",
                        help="only the extraction cost on the documents' stories, their header "
                        "taken off")  # fmt: skip
    args = parser.parse_args(argv)
    records = list(read_jsonl(eval_path("corpora", "corpora-dev.jsonl")))
    if args.cost:
        print_extraction_cost(records)
        return 0
    if args.id:
        records = [record for record in records if record["id"] == args.id]
    if args.corpus:
        records = [record for record in records if record["corpus"] == args.corpus]
    if not records:
        raise SystemExit(f"no documents match (--corpus {args.corpus}, --id {args.id})")

    results = judge_all(records, named=args.named)
    if args.id:
        print_document(*results[0])
        return 0
    if args.failures is not None:
        print_failures(results, args.failures)
        return 0

    tallies = tally(results)
    print(f"Real corpora: {len(records)} documents\n")
    rows = []
    for corpus in [*sorted(name for name in tallies if name != "all"), "all"]:
        counts = tallies[corpus]
        rows.append([
            corpus, str(counts.documents),
            f"{percent(counts.fully_right, counts.documents)} ({counts.fully_right})",
            f"{percent(*counts.fields)} ({counts.fields[0]}/{counts.fields[1]})",
            f"{percent(*counts.checks)} ({counts.checks[0]}/{counts.checks[1]})",
            f"{percent(*counts.dates)} ({counts.dates[0]}/{counts.dates[1]})",
        ])  # fmt: skip
    print_table(["corpus", "docs", "fully right", "header fields", "body checks",
                 "wrong dates / annotated dates"], rows)  # fmt: skip
    given = sum(article.date is not None for _, article, _ in results)
    print(f"\n(wrong dates: over documents with an annotated date; newsnorm gave {given} dates)")

    texts = [record["raw"] for record in records]
    per_second = throughput(normalize, texts)
    milliseconds = 1000 * sum(map(len, texts)) / per_second / len(texts)
    print(f"Speed: {milliseconds:.2f} ms/doc ({per_second / 1e6:.2f} M chars/s), best of passes")

    if args.corpus:
        return 0
    scores = tallies["all"].scores()
    if args.pin:
        print("\nFLOORS pinned at today's figures:")
        print(pinned(scores))
    return report_targets(scores, TARGETS, FLOORS, check=args.check, ceilings=CEILINGS)


if __name__ == "__main__":
    sys.exit(main())
