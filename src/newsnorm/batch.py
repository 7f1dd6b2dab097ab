"""Normalizing many documents: in input order, optionally in parallel, with memory bounded.

Documents are sent to worker processes in batches, and only a few batches per worker are in
flight at once, so a dump of millions of records streams through in constant memory. Results
come back in input order whatever the number of workers, so the output of ``jobs=4`` is
byte-identical to that of ``jobs=1``.

A worker that dies (killed by a signal, or by the system's out-of-memory killer) ends the run
with a `WorkerError` instead of leaving it waiting for a result that never comes; when the run
ends early for any reason (an error, Ctrl-C, the consumer stopping), the workers are ended too.
"""

from __future__ import annotations

import contextlib
import itertools
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from typing import TYPE_CHECKING, TypeVar

from newsnorm.article import Article
from newsnorm.config import Config
from newsnorm.errors import WorkerError
from newsnorm.formats import Document
from newsnorm.pipeline import NormalizeReport, normalize_many_and_report

# multiprocessing and concurrent.futures are imported where workers are started (--jobs 2 and
# more), not by every run: they take a noticeable part of the command's start-up.
if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

__all__ = ["normalize_documents", "render_documents"]

# A batch closes at this many documents or characters, whichever comes first: large enough
# that sending it costs little beside the work, small enough that memory stays bounded.
_BATCH_DOCUMENTS = 256
_BATCH_CHARACTERS = 1_000_000
_IN_FLIGHT = 3  # batches queued per worker
# With one job, this process takes the documents in batches of its own.
_LOCAL_BATCH_DOCUMENTS = 64
_LOCAL_BATCH_CHARACTERS = 128_000

R = TypeVar("R")
Render = Callable[[Document, Article, NormalizeReport], R]
"""What a worker makes of one normalized document; it must be picklable (a module-level
function, or a `functools.partial` of one)."""


def _render_batch(documents: list[Document], config: Config, render: Render[R]) -> list[R]:
    # Each step runs over the whole batch before the next: the code of one stays in the
    # processor's caches for many documents, where alternating the steps for each document
    # evicts it (rendering apart made the command 7 % faster, measured with benchmarks/cli.py).
    done = normalize_many_and_report([document.text for document in documents], config)
    return [
        render(document, article, report)
        for document, (article, report) in zip(documents, done, strict=True)
    ]


# The signals that stop a run: the parent holds them back while it starts a worker.
_STOP_SIGNALS = frozenset(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


def _ignore_interrupts() -> None:
    # Ctrl-C and a closed terminal reach the whole process group; they are the parent's to
    # handle: it ends the workers and removes partial output. SIGTERM has its default, as
    # ending a worker is what it is for (the executor ends the others with it); a worker
    # forked from the parent would otherwise have the parent's handler.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "SIGHUP"):  # not on Windows
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):  # held back by the parent while it started us
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)


@contextlib.contextmanager
def _signals_held() -> Generator[None, None, None]:
    # Submitting a batch may start a worker process. A signal that stops the run in the middle
    # of that (Ctrl-C, SIGTERM) would leave a worker the executor does not know of yet, which
    # nobody ends and which fails noisily once the parent is gone; held back here, the signal
    # arrives right after, with every worker known. (Threads the executor starts meanwhile
    # inherit the mask, so the signal cannot reach the main thread through them either.)
    if not hasattr(signal, "pthread_sigmask") or (
        threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


_WORKER_DIED = (
    "a worker process died (killed by a signal, or by the system for lack of memory); "
    "try fewer --jobs"
)


def _result(future: Future[list[R]]) -> list[R]:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:
        raise WorkerError(_WORKER_DIED) from None


def _end_workers(executor: ProcessPoolExecutor) -> None:
    # Stop at once: queued batches are dropped and running ones killed, since their results
    # are no longer wanted (Python 3.14's `terminate_workers`, by hand).
    processes = list(getattr(executor, "_processes", {}).values())
    results = getattr(executor, "_result_queue", None)
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(ProcessLookupError, ValueError):
            process.terminate()
    # A worker ended while it was sending a result leaves half a message in the results pipe,
    # which the executor's thread would wait for the rest of for ever (and the interpreter,
    # at exit, for that thread). With this process's end of the pipe closed as well, that
    # thread reads the pipe's end instead once the workers are gone, and stops.
    with contextlib.suppress(AttributeError, OSError):
        results._writer.close()  # type: ignore[union-attr]
    for process in processes:
        with contextlib.suppress(ValueError):
            process.join()


def _batches(
    documents: Iterable[Document],
    most_documents: int = _BATCH_DOCUMENTS,
    most_characters: int = _BATCH_CHARACTERS,
) -> Iterator[list[Document]]:
    batch: list[Document] = []
    characters = 0
    for document in documents:
        batch.append(document)
        characters += len(document.text)
        if len(batch) >= most_documents or characters >= most_characters:
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
    worker_copy: Callable[[Document], Document] | None = None,
) -> Generator[tuple[Document, R], None, None]:
    """Normalize `documents` and `render` each result, lazily, in order, with `jobs` workers.

    `render` runs in the worker, so the work of turning an article into output (serializing
    it, say) is shared out too, and only its result travels back. `worker_copy`, when given,
    makes the copy of each document that a worker is sent, from which `render` must be able
    to work (a record's columns that the output copies from the input need not travel); the
    results are paired with the documents as read. Documents are read a batch ahead (with one
    job, up to 64 documents or 128,000 characters), since a batch runs faster than the same
    documents one at a time. Closing the generator before the end ends the workers at once.

    Workers are forked from this process when it runs one thread alone (on Linux): they
    start at once, newsnorm imported. Otherwise (other threads, whose locks a forked child
    could inherit held; a test runner, a notebook) they are forked from a fork server, a clean
    process that imports newsnorm first: the documents read while it does are normalized
    here, in this process, rather than waited on. The results are the same, in the same
    order, either way.

    Raises:
        WorkerError: a worker process died (killed by a signal or for lack of memory).

    Examples:
        >>> def words(document, article, report):
        ...     return len(article.text.split())
        >>> docs = [Document("One , two .", "a"), Document("Three .", "a", line=2)]
        >>> [count for _, count in render_documents(docs, words)]
        [2, 1]
    """
    cfg = Config.resolve(config)
    if jobs <= 1:
        # Batches as a worker takes them (see `_render_batch`), smaller: what is read ahead
        # is held in memory, and the gain is all there at 64 documents.
        for batch in _batches(documents, _LOCAL_BATCH_DOCUMENTS, _LOCAL_BATCH_CHARACTERS):
            yield from zip(batch, _render_batch(batch, cfg, render), strict=True)
        return
    method = _start_method()
    if method == "fork":
        yield from _render_in_workers(_batches(documents), render, cfg, jobs, method, worker_copy)
        return
    batches = _batches(documents)
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None)
    if second is None:  # one batch: not worth starting the fork server for
        yield from zip(first, _render_batch(first, cfg, render), strict=True)
        return
    chained = itertools.chain((first, second), batches)
    yield from _render_in_workers(chained, render, cfg, jobs, method, worker_copy)


def _single_threaded() -> bool:
    # Linux lists every thread of the process, those of native libraries too (pyarrow starts
    # some when imported); elsewhere, the answer is no.
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:
        return False


def _start_method() -> str:
    # A forked child has only the thread that forked it: a lock another thread held at that
    # moment (a library's, an allocator's) stays held in the child for ever. So fork only a
    # process that runs one thread; else a fork server (a clean process that imports newsnorm
    # once, then forks the workers), or spawn where there is none.
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and _single_threaded():
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _render_in_workers(
    batches: Iterator[list[Document]],
    render: Render[R],
    cfg: Config,
    jobs: int,
    method: str,
    worker_copy: Callable[[Document], Document] | None = None,
) -> Generator[tuple[Document, R], None, None]:
    import multiprocessing
    import multiprocessing.forkserver
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    context = multiprocessing.get_context(method)
    if method == "forkserver":
        # Workers forked from a server that has imported newsnorm start without importing it.
        context.set_forkserver_preload(["newsnorm.batch"])
        # Started now, so that it does not inherit the signals held back in `_signals_held`.
        multiprocessing.forkserver.ensure_running()
    executor = ProcessPoolExecutor(jobs, mp_context=context, initializer=_ignore_interrupts)
    failures: list[BaseException] = []
    starter: threading.Thread | None = None
    if method == "fork":
        # Every worker is forked now, before anything is read (reading Parquet starts
        # threads), with what this process has buffered for its output written first (a
        # child flushes its copy of the buffers when it ends).
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        with _signals_held():
            _start_worker(executor, failures)
    else:
        # The first worker starts in a thread of its own, since starting it waits for the
        # fork server to import newsnorm; the batches read meanwhile are rendered here. The
        # thread starts with the stop signals held back, as its own threads do.
        with _signals_held():
            starter = threading.Thread(
                target=_start_worker, args=(executor, failures), name="newsnorm-start", daemon=True
            )
            starter.start()
    finished = False
    try:
        pending: deque[tuple[list[Document], Future[list[R]]]] = deque()
        for batch in batches:
            if starter is not None and starter.is_alive():
                yield from zip(batch, _render_batch(batch, cfg, render), strict=True)
                continue
            if failures:
                raise _start_failure(failures[0])
            try:  # submitting starts the workers it needs
                copies = batch if worker_copy is None else [worker_copy(doc) for doc in batch]
                with _signals_held():
                    future = executor.submit(_render_batch, copies, cfg, render)
            except (BrokenProcessPool, OSError) as exc:
                raise _start_failure(exc) from None
            pending.append((batch, future))
            if len(pending) >= jobs * _IN_FLIGHT:
                sent, oldest = pending.popleft()
                yield from zip(sent, _result(oldest), strict=True)
        while pending:
            sent, oldest = pending.popleft()
            yield from zip(sent, _result(oldest), strict=True)
        finished = True
    finally:
        if starter is not None:  # a worker being started is known to the executor once started
            starter.join()
        if finished:
            executor.shutdown(wait=True)
        else:
            _end_workers(executor)


def _warm() -> None:
    """Nothing: the task that makes the first worker start."""


def _start_worker(executor: ProcessPoolExecutor, failures: list[BaseException]) -> None:
    try:
        executor.submit(_warm)
    except BaseException as exc:  # reported by the thread that reads the results
        failures.append(exc)


def _start_failure(exc: BaseException) -> WorkerError:
    from concurrent.futures.process import BrokenProcessPool

    if isinstance(exc, BrokenProcessPool):
        return WorkerError(_WORKER_DIED)
    if isinstance(exc, OSError):
        cause = f"cannot start a worker process: {exc.strerror or exc}; try --jobs 1"
        return WorkerError(cause)
    return WorkerError(f"cannot start a worker process: {exc}; try --jobs 1")


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
