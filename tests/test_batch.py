"""Batching and transport of documents to worker processes."""

import concurrent.futures
import os
import pickle
import threading
import time
import warnings
from typing import Any

import pytest
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


def _pid(document: Document, article: object, report: object) -> int:
    return os.getpid()


def _ppid(document: Document, article: object, report: object) -> int:
    return os.getppid()


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="Linux tells the threads")
def test_workers_are_forked_from_a_process_of_one_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    documents = [Document(f"Item {n} , done .", "a", line=n) for n in range(600)]
    for alone in (True, False):
        monkeypatch.setattr(batch, "_single_threaded", lambda alone=alone: alone)
        with warnings.catch_warnings():  # Python 3.12 warns of forking a test runner's threads
            warnings.simplefilter("ignore", DeprecationWarning)
            results = list(batch.render_documents(documents, _ppid, jobs=2))
        assert [document.line for document, _ in results] == list(range(600))
        parents = {parent for _, parent in results}
        if alone:  # forked from here: started at once, and every batch went to them
            assert parents == {os.getpid()}
        else:  # forked from the fork server (or here, while it starts): never from here
            assert os.getpid() not in parents


def test_a_process_of_several_threads_is_never_forked() -> None:
    ready, done = threading.Event(), threading.Event()
    thread = threading.Thread(target=lambda: (ready.set(), done.wait()))
    thread.start()
    try:
        ready.wait()
        assert batch._start_method() != "fork"
    finally:
        done.set()
        thread.join()


def test_one_batch_is_normalized_here_without_starting_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(batch, "_single_threaded", lambda: False)  # the fork server's case

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker pool was started for one batch")

    # newsnorm.batch imports the pool's class when it starts one
    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    documents = [Document(f"Item {n} , done .", "a", line=n) for n in range(10)]
    results = list(batch.render_documents(documents, _pid, jobs=2))
    assert [document.line for document, _ in results] == list(range(10))
    assert {pid for _, pid in results} == {os.getpid()}


def test_batches_read_while_the_workers_start_are_normalized_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    start_worker = batch._start_worker

    def slow_start(*args: Any) -> None:
        time.sleep(1.0)  # a fork server slow to import newsnorm
        start_worker(*args)

    monkeypatch.setattr(batch, "_single_threaded", lambda: False)  # the fork server's case
    monkeypatch.setattr(batch, "_start_worker", slow_start)
    count = batch._BATCH_DOCUMENTS * 4
    documents = [Document(f"Item {n} , done .", "a", line=n) for n in range(count)]
    results = list(batch.render_documents(documents, _pid, jobs=2))
    assert [document.line for document, _ in results] == list(range(count))
    assert results[0][1] == os.getpid()  # the first batch did not wait for the workers
