"""Accuracy against the shared evaluation data, pinned at the floors in benchmarks/.

Skipped when ../shared/eval is not beside the project (the data is not shipped with it).
"""

from pathlib import Path

import pytest

from benchmarks import corpora, headers, quotes, spacing
from benchmarks import trace as tracing
from benchmarks.common import EVAL_DIR, outside_floors, read_jsonl
from newsnorm import fix_quotes, normalize, repair_spacing, trace

SPACING = EVAL_DIR / "spacing"
QUOTES = EVAL_DIR / "quotes"
HEADERS = EVAL_DIR / "headers"
CORPORA = EVAL_DIR / "corpora"


def _needs(path: Path) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not path.exists(), reason=f"no evaluation data at {path}")


@_needs(QUOTES / "dev.jsonl")
def test_quote_accuracy_stays_above_the_pinned_floors() -> None:
    records = list(read_jsonl(QUOTES / "dev.jsonl"))
    results = quotes.score(
        {"newsnorm": lambda text: fix_quotes(text, "curly")},
        lambda text: fix_quotes(text, "auto"),
        lambda text: fix_quotes(text, "straight"),
        records,
    )["newsnorm"]
    scores = {key: 100 * hits / total for key, (hits, total) in results.items()}
    outside = outside_floors(scores, quotes.FLOORS)
    assert not outside, f"accuracy fell below the pinned floors: {outside}"


@_needs(SPACING / "dev.sentences.jsonl")
def test_spacing_accuracy_stays_above_the_pinned_floors() -> None:
    sentences = list(read_jsonl(SPACING / "dev.sentences.jsonl"))
    documents = list(read_jsonl(SPACING / "dev.documents.jsonl"))
    counts = spacing.score_sentences({"newsnorm": repair_spacing}, sentences)
    doc_scores = {
        ("newsnorm", field): (
            sum(repair_spacing(record[field]) == record["text"] for record in documents),
            len(documents),
        )
        for field in spacing.DOCUMENT_FIELDS
    }
    scores = spacing.newsnorm_scores(counts, doc_scores)
    outside = outside_floors(scores, spacing.FLOORS)
    assert not outside, f"accuracy fell below the pinned floors: {outside}"


@_needs(HEADERS / "headers-dev.jsonl")
def test_header_accuracy_stays_within_the_pinned_floors() -> None:
    counts = headers.score(list(read_jsonl(HEADERS / "headers-dev.jsonl")), normalize)
    scores = {m: 100 * counts[(m, "all")][0] / counts[(m, "all")][1] for m in headers.FLOORS}
    outside = outside_floors(scores, headers.FLOORS, headers.CEILINGS)
    assert not outside, f"accuracy left the pinned floors: {outside}"


@_needs(CORPORA / "corpora-dev.jsonl")
def test_corpora_accuracy_stays_within_the_pinned_floors() -> None:
    results = corpora.judge_all(read_jsonl(CORPORA / "corpora-dev.jsonl"), normalize)
    scores = corpora.tally(results)["all"].scores()
    outside = outside_floors(scores, corpora.FLOORS, corpora.CEILINGS)
    assert not outside, f"accuracy left the pinned floors: {outside}"


@_needs(CORPORA / "corpora-dev.jsonl")
@_needs(HEADERS / "headers-dev.jsonl")
def test_every_eval_document_traces_back_to_its_raw_text() -> None:
    # The provenance issue's bar: on every real document, the edits give the repaired text and
    # each word of the article's text maps back to its source in the raw text.
    for path in (CORPORA / "corpora-dev.jsonl", HEADERS / "headers-dev.jsonl"):
        for record in read_jsonl(path):
            raw = record["raw"]
            result = trace(raw)
            for name, holds in tracing.CHECKS.items():
                assert holds(raw, result), f"{path.name}: {name}: {raw[:120]!r}"
