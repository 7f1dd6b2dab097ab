"""Batching and transport of documents to worker processes."""

import pickle

from hypothesis import given
from hypothesis import strategies as st

from newsnorm import batch
from newsnorm.formats import Document
from newsnorm.spacing.literals import Literals


def test_a_batch_closes_at_its_character_budget() -> None:
    big = "x" * (batch._BATCH_CHARACTERS // 2 + 1)
    documents = [Document(big, "a", line=number) for number in range(1, 4)]
    sizes = [len(sent) for sent in batch._batches(documents)]
    assert sizes == [2, 1]


def test_a_batch_closes_at_its_document_count() -> None:
    documents = [Document("Short.", "a", line=n) for n in range(batch._BATCH_DOCUMENTS + 1)]
    assert [len(sent) for sent in batch._batches(documents)] == [batch._BATCH_DOCUMENTS, 1]


def test_documents_pickle_to_equal_documents() -> None:
    record = {"id": 7, "text": "One , two ."}
    document = Document(record["text"], "dump.jsonl", line=3, record=record, position=2, size=40)
    assert pickle.loads(pickle.dumps(document)) == document


def test_render_documents_keeps_order_with_workers() -> None:
    documents = [Document(f"Item {n} , done .", "a", line=n) for n in range(600)]
    articles = [article for _, article, _ in batch.normalize_documents(documents, jobs=2)]
    assert [article.text for article in articles] == [f"Item {n}, done." for n in range(600)]


_MARKS = Literals(" n't", "@-@", "RB-", ' " ', "NEWLINE_CHAR", "= = =")


@given(st.text(alphabet=st.sampled_from(list(" n't@-RB\"=NEWLINE_CHARx\n"))))
def test_literal_checks_agree_with_and_without_the_character_set(text: str) -> None:
    expected = any(literal in text for literal, _ in _MARKS.items)
    assert _MARKS.any_in(text) is expected
    assert _MARKS.any_in(text, frozenset(text)) is expected
