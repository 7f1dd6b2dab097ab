"""Accuracy against the shared evaluation data, pinned at the floors in benchmarks/.

Skipped when ../shared/eval is not beside the project (the data is not shipped with it).
"""

import pytest

from benchmarks import spacing
from benchmarks.common import EVAL_DIR, read_jsonl
from newsnorm import repair_spacing

SPACING = EVAL_DIR / "spacing"

pytestmark = pytest.mark.skipif(
    not (SPACING / "dev.sentences.jsonl").exists(), reason=f"no evaluation data at {SPACING}"
)


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
    below = {key: round(score, 2) for key, score in scores.items() if score < spacing.FLOORS[key]}
    assert not below, f"accuracy fell below the pinned floors: {below}"
