"""Normalizing many documents: in input order, optionally in parallel, with memory bounded.

Documents are sent to worker processes in batches, and only a few batches per worker are in
flight at once, so a dump of millions of records streams through in constant memory. Results
come back in input order whatever the number of workers, so the output of ``jobs=4`` is
byte-identical to that of ``jobs=1``.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.pool import AsyncResult
from typing import TypeVar

from newsnorm.article import Article
from newsnorm.config import Config
from newsnorm.formats import Document
from newsnorm.pipeline import NormalizeReport, normalize_and_report

__all__ = ["normalize_documents", "render_documents"]

# A batch closes at this many documents or characters, whichever comes first: large enough
# that sending it costs little beside the work, small enough that memory stays bounded.
_BATCH_DOCUMENTS = 256
_BATCH_CHARACTERS = 1_000_000
_IN_FLIGHT = 3  # batches queued per worker

R = TypeVar("R")
Render = Callable[[Document, Article, NormalizeReport], R]
"""What a worker makes of one normalized document; it must be picklable (a module-level
function, or a `functools.partial` of one)."""


def _render_batch(documents: list[Document], config: Config, render: Render[R]) -> list[R]:
    results = []
    for document in documents:
        article, report = normalize_and_report(document.text, config)
        results.append(render(document, article, report))
    return results


def _ignore_interrupts() -> None:
    # Ctrl-C is the parent's to handle: it stops the pool and removes partial output.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _batches(documents: Iterable[Document]) -> Iterator[list[Document]]:
    batch: list[Document] = []
    characters = 0
    for document in documents:
        batch.append(document)
        characters += len(document.text)
        if len(batch) >= _BATCH_DOCUMENTS or characters >= _BATCH_CHARACTERS:
            yield batch
            batch, characters = [], 0
    if batch:
        yield batch


def render_documents(
    documents: Iterable[Document],
    render: Render[R],
    config: Config | None = None,
    *,
    jobs: int = 1,
) -> Iterator[tuple[Document, R]]:
    """Normalize `documents` and `render` each result, lazily, in order, with `jobs` workers.

    `render` runs in the worker, so the work of turning an article into output (serializing
    it, say) is shared out too, and only its result travels back.

    Examples:
        >>> def words(document, article, report):
        ...     return len(article.text.split())
        >>> docs = [Document("One , two .", "a"), Document("Three .", "a", line=2)]
        >>> [count for _, count in render_documents(docs, words)]
        [2, 1]
    """
    cfg = Config.resolve(config)
    if jobs <= 1:
        for document in documents:
            article, report = normalize_and_report(document.text, cfg)
            yield document, render(document, article, report)
        return
    methods = multiprocessing.get_all_start_methods()
    # forkserver children start clean (no inherited threads or locks from the caller, which
    # may be a test runner or a notebook) yet cheaply; spawn where it is missing.
    context = multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")
    if context.get_start_method() == "forkserver":
        # Workers forked from a server that has imported newsnorm start without importing it.
        context.set_forkserver_preload(["newsnorm.batch"])
    pool = context.Pool(jobs, initializer=_ignore_interrupts)
    try:
        pending: deque[tuple[list[Document], AsyncResult[list[R]]]] = deque()
        for batch in _batches(documents):
            pending.append((batch, pool.apply_async(_render_batch, (batch, cfg, render))))
            if len(pending) >= jobs * _IN_FLIGHT:
                sent, result = pending.popleft()
                yield from zip(sent, result.get(), strict=True)
        while pending:
            sent, result = pending.popleft()
            yield from zip(sent, result.get(), strict=True)
        pool.close()
    finally:
        pool.terminate()
        pool.join()


def _article_and_report(
    _document: Document, article: Article, report: NormalizeReport
) -> tuple[Article, NormalizeReport]:
    return article, report


def normalize_documents(
    documents: Iterable[Document], config: Config | None = None, *, jobs: int = 1
) -> Iterator[tuple[Document, Article, NormalizeReport]]:
    """Normalize `documents` lazily, in order, with `jobs` worker processes.

    Examples:
        >>> docs = [Document("One , two .", "a"), Document("Three .", "a", line=2)]
        >>> [article.text for _, article, _ in normalize_documents(docs)]
        ['One, two.', 'Three.']
    """
    for document, (article, report) in render_documents(
        documents, _article_and_report, config, jobs=jobs
    ):
        yield document, article, report
