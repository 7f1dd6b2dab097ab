"""Normalizing many documents: in input order, optionally in parallel, with memory bounded.

Documents are sent to worker processes in small batches, and only a few batches per worker are
in flight at once, so a dump of millions of records streams through in constant memory. Results
come back in input order whatever the number of workers, so the output of ``jobs=4`` is
byte-identical to that of ``jobs=1``.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from multiprocessing.pool import AsyncResult

from newsnorm.article import Article
from newsnorm.config import Config
from newsnorm.formats import Document
from newsnorm.pipeline import NormalizeReport, normalize_and_report

__all__ = ["normalize_documents"]

_BATCH = 64  # documents sent to a worker at once
_IN_FLIGHT = 3  # batches queued per worker

Result = tuple[Article, NormalizeReport]


def _normalize_batch(texts: list[str], config: Config) -> list[Result]:
    return [normalize_and_report(text, config) for text in texts]


def _ignore_interrupts() -> None:
    # Ctrl-C is the parent's to handle: it stops the pool and removes partial output.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch


def normalize_documents(
    documents: Iterable[Document], config: Config | None = None, *, jobs: int = 1
) -> Iterator[tuple[Document, Article, NormalizeReport]]:
    """Normalize `documents` lazily, in order, with `jobs` worker processes.

    Examples:
        >>> docs = [Document("One , two .", "a"), Document("Three .", "a", line=2)]
        >>> [article.text for _, article, _ in normalize_documents(docs)]
        ['One, two.', 'Three.']
    """
    cfg = Config.resolve(config)
    if jobs <= 1:
        for document in documents:
            article, report = normalize_and_report(document.text, cfg)
            yield document, article, report
        return
    methods = multiprocessing.get_all_start_methods()
    # forkserver children start clean (no inherited threads or locks from the caller, which
    # may be a test runner or a notebook) yet cheaply; spawn where it is missing.
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    pool = context.Pool(jobs, initializer=_ignore_interrupts)
    try:
        pending: deque[tuple[list[Document], AsyncResult[list[Result]]]] = deque()
        for batch in _batches(documents, _BATCH):
            texts = [document.text for document in batch]
            pending.append((batch, pool.apply_async(_normalize_batch, (texts, cfg))))
            if len(pending) >= jobs * _IN_FLIGHT:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _collect(
    batch: list[Document], result: AsyncResult[list[Result]]
) -> Iterator[tuple[Document, Article, NormalizeReport]]:
    for document, (article, report) in zip(batch, result.get(), strict=True):
        yield document, article, report
