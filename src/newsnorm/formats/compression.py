"""Opening files: compression by suffix, standard input and output, atomic replacement.

``.gz``, ``.bz2``, ``.xz`` and (with the ``zstandard`` package) ``.zst`` files are read and
written transparently. Outputs are written to a temporary file beside the destination and
renamed into place only when complete, so an interrupted run never leaves a half-written file.
"""

from __future__ import annotations

import bz2
import contextlib
import errno
import gzip
import io
import lzma
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, TextIO, cast

from newsnorm.errors import InputError, OutputError, display_name

__all__ = ["COMPRESSED_SUFFIXES", "STDIO", "atomic_binary_output", "atomic_output", "open_binary"]

STDIO = "-"
"""The name that stands for standard input or standard output.

Examples:
    >>> STDIO
    '-'
"""

COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")
"""File name endings read and written through a compressor.

Examples:
    >>> from newsnorm.formats import resolve_input_format
    >>> resolve_input_format("dump.jsonl.gz"), ".gz" in COMPRESSED_SUFFIXES
    ('jsonl', True)
"""


def _zstd_open(file: Any, mode: str) -> IO[bytes]:
    name = file if isinstance(file, str) else None
    try:
        import zstandard  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        raise InputError(
            "reading or writing .zst needs the zstandard package (pip install 'newsnorm[zstd]')",
            file=name,
        ) from None
    handle: IO[bytes] = zstandard.open(file, mode)
    return handle


_OPENERS: Mapping[str, Callable[[Any, str], IO[bytes]]] = {
    ".gz": gzip.open,  # type: ignore[dict-item]
    ".bz2": bz2.open,  # type: ignore[dict-item]
    ".xz": lzma.open,  # type: ignore[dict-item]
    ".zst": _zstd_open,
}


def open_binary(path: str) -> contextlib.AbstractContextManager[IO[bytes]]:
    """Open an input for reading bytes, decompressed by its suffix (``"-"``: standard input).

    Reading the handle may raise the system's and the decompressor's own errors; the readers
    read it through `newsnorm.formats.streams.input_stream`, which turns them into
    `InputError`.

    Raises:
        InputError: the file does not exist, is a folder, or cannot be opened.

    Examples:
        >>> open_binary("/no/such/file")
        Traceback (most recent call last):
        ...
        newsnorm.errors.InputError: /no/such/file: no such file
    """
    if path == STDIO:
        if sys.stdin is None:
            raise InputError("cannot read: standard input is closed", file="<stdin>")
        return contextlib.nullcontext(sys.stdin.buffer)
    opener = _OPENERS.get(Path(path).suffix, open)
    try:
        handle: IO[bytes] = opener(path, "rb")
    except FileNotFoundError:
        raise InputError("no such file", file=path) from None
    except IsADirectoryError:
        raise InputError("is a directory", file=path) from None
    except OSError as exc:
        raise InputError(f"cannot open: {exc.strerror or exc}", file=path) from None
    return handle


class _GuardedOutput(io.BufferedIOBase):
    # A binary output whose failures (a full disk, a file-size limit, a device that refuses to
    # be written) are `OutputError`s naming it. A broken pipe on standard output stays a
    # `BrokenPipeError`, for the command line to end quietly. Closing it closes the underlying
    # handle when it `owns` it, and flushes it otherwise.

    def __init__(self, handle: IO[bytes], name: str, *, owns: bool = True) -> None:
        super().__init__()
        self._handle = handle
        self._name = name
        self._owns = owns

    def writable(self) -> bool:
        return True

    def _error(self, exc: OSError) -> OutputError:
        return OutputError(f"cannot write: {exc.strerror or exc}", file=self._name)

    @contextlib.contextmanager
    def _guarded(self) -> Iterator[None]:
        try:
            yield
        except BrokenPipeError:
            if self._name == _STDOUT_NAME:
                raise
            raise self._error(BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))) from None
        except OSError as exc:
            raise self._error(exc) from None

    def write(self, data: Any) -> int:
        with self._guarded():
            self._handle.write(data)
        return len(data)

    def flush(self) -> None:
        if self.closed:
            return
        with self._guarded():
            self._handle.flush()

    def close(self) -> None:
        if self.closed:
            return
        try:
            super().close()  # flushes
        except BaseException:
            if self._owns:
                with contextlib.suppress(OSError, ValueError):
                    self._handle.close()
            raise
        if self._owns:
            with self._guarded():
                self._handle.close()


_STDOUT_NAME = "<stdout>"


def _open_output(
    handle: IO[bytes], name: str, final: str, *, binary: bool = False
) -> tuple[IO[Any], _GuardedOutput]:
    # The stream writing to `handle` (text, or bytes when `binary`), compressed by the suffix
    # of `final` (the name the file will have: a gzip header names the final file, not a
    # temporary one), and the guarded binary layer under it (closed after the stream: a
    # compressor does not close a file object it was given).
    guard = _GuardedOutput(handle, name)
    try:
        suffix = Path(final).suffix
        opener = _OPENERS.get(suffix)
        stream: IO[bytes] | io.BufferedIOBase = guard
        if suffix == ".gz":
            basename = os.path.basename(final)
            stream = cast(IO[bytes], gzip.GzipFile(filename=basename, mode="wb", fileobj=guard))
        elif opener is not None:
            stream = opener(guard, "wb")
        return (cast(IO[bytes], stream) if binary else _text(stream)), guard
    except BaseException:
        _close_quietly(guard)
        raise


def _text(raw: IO[bytes] | io.BufferedIOBase, *, write_through: bool = False) -> io.TextIOWrapper:
    # surrogateescape: a verbatim line's invalid bytes (read as lone surrogates) go back as
    # they were; `render_article` has already replaced every other lone surrogate.
    return io.TextIOWrapper(
        cast(IO[bytes], raw),  # typeshed's _WrappedBuffer: IO[bytes] has no readinto
        encoding="utf-8",
        errors="surrogateescape",
        newline="\n",
        write_through=write_through,
    )


def _close_quietly(*streams: IO[Any] | io.IOBase) -> None:
    # After a failure: close without raising again (the first error is the one to report).
    for stream in streams:
        with contextlib.suppress(Exception):
            stream.close()


def _close(stream: IO[Any], guard: _GuardedOutput) -> None:
    try:
        stream.close()
        guard.close()
    except BaseException:
        _close_quietly(stream, guard)
        raise


def _output_error(exc: OSError, *, file: str, folder: str) -> OutputError:
    if isinstance(exc, FileNotFoundError | NotADirectoryError) and not os.path.isdir(folder):
        return OutputError(f"cannot write: no such folder {display_name(folder)}", file=file)
    if isinstance(exc, FileNotFoundError):  # the folder is there but takes no new file (/proc)
        cause = f"cannot create a file in {display_name(folder)}"
        return OutputError(f"cannot write: {cause} ({exc.strerror or exc})", file=file)
    return OutputError(f"cannot write: {exc.strerror or exc}", file=file)


@contextlib.contextmanager
def _stdout(*, binary: bool = False) -> Iterator[IO[Any]]:
    # Standard output, written through a duplicate of its descriptor when it has one: a failed
    # write then leaves nothing in sys.stdout's buffer for Python to retry (and report again)
    # at exit.
    if sys.stdout is None:
        raise OutputError("cannot write: standard output is closed")
    try:
        descriptor = sys.stdout.fileno()
    except (OSError, ValueError, io.UnsupportedOperation):
        descriptor = -1
    sys.stdout.flush()
    if descriptor >= 0:
        try:
            handle: IO[bytes] = open(os.dup(descriptor), "wb")  # noqa: SIM115
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", file=_STDOUT_NAME) from None
        guard = _GuardedOutput(handle, _STDOUT_NAME)
    else:  # a replaced sys.stdout (a test's capture, say): its own buffer
        guard = _GuardedOutput(sys.stdout.buffer, _STDOUT_NAME, owns=False)
    stream: IO[Any] = cast(IO[bytes], guard) if binary else _text(guard, write_through=True)
    try:
        yield stream
    except BaseException:
        _close_quietly(stream, guard)
        raise
    _close(stream, guard)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """Open `path` for writing UTF-8 text so that it appears only when complete.

    Everything goes to a temporary file in the same folder, which is renamed over `path` when the
    block ends without an exception and removed otherwise (an exception from the block is let
    through unchanged). A ``.gz``, ``.bz2``, ``.xz`` or ``.zst`` name is written compressed (a
    gzip header names the final file). ``"-"`` writes to standard output, as UTF-8. A device
    or a pipe (``/dev/null``, a FIFO) is written to directly, since there is no file to
    replace. Lone surrogates standing for raw bytes (``errors="surrogateescape"``) are written
    as those bytes.

    Replacing an existing file keeps its mode and, where the system permits (when running as
    root, or for a group the user belongs to), its owner and group; a file the user cannot
    write is not replaced. A symbolic link stays a link: the file it points to is replaced.
    A hard link does not: the new file takes the place of the name given, and the file's
    other names keep the old content.

    Raises:
        OutputError: the name is empty, the folder does not exist or takes no new file, the
            file cannot be written or replaced, or writing fails (a full disk, a file-size
            limit, ``/dev/full``); the temporary file is removed first.

    Examples:
        >>> import tempfile, pathlib
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
        >>> with atomic_output(target) as out:
        ...     _ = out.write("done \\udcff\\n")
        >>> target.read_bytes()
        b'done \\xff\\n'
        >>> with atomic_output("/dev/full") as out:
        ...     _ = out.write("more than the device takes\\n")
        Traceback (most recent call last):
        ...
        newsnorm.errors.OutputError: /dev/full: cannot write: No space left on device
    """
    with _atomic(path, binary=False) as stream:
        yield cast(TextIO, stream)


@contextlib.contextmanager
def atomic_binary_output(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """`atomic_output` for bytes: the file appears only when complete (a Parquet file, say).

    Everything `atomic_output` says holds (a temporary file beside the destination, renamed
    into place; compression by suffix; a device written directly; failures as
    `OutputError`), except that the stream takes bytes.

    Examples:
        >>> import tempfile, pathlib
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.bin"
        >>> with atomic_binary_output(target) as out:
        ...     _ = out.write(b"PAR1")
        >>> target.read_bytes()
        b'PAR1'
    """
    with _atomic(path, binary=True) as stream:
        yield cast(IO[bytes], stream)


@contextlib.contextmanager
def _atomic(path: str | os.PathLike[str], *, binary: bool) -> Iterator[IO[Any]]:
    name = os.fspath(path)
    if not name:
        raise OutputError("cannot write: the output file name is empty")
    if name == STDIO:
        with _stdout(binary=binary) as stream:
            yield stream
        return
    try:
        existing: os.stat_result | None = os.stat(name)
    except (FileNotFoundError, NotADirectoryError):
        existing = None  # a new file
    except OSError as exc:
        raise _output_error(exc, file=name, folder=os.path.dirname(name) or ".") from None
    if existing is not None and not stat.S_ISREG(existing.st_mode):
        try:
            handle: IO[bytes] = open(name, "wb")  # noqa: SIM115
        except OSError as exc:
            raise _output_error(exc, file=name, folder=os.path.dirname(name) or ".") from None
        stream, guard = _open_output(handle, name, name, binary=binary)
        try:
            yield stream
        except BaseException:
            _close_quietly(stream, guard)
            raise
        _close(stream, guard)
        return
    real = os.path.realpath(name)
    folder = os.path.dirname(real)
    if existing is not None and not _writable(real):
        raise OutputError("cannot write: permission denied", file=name)
    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".newsnorm-", suffix=".tmp")
    except OSError as exc:
        raise _output_error(exc, file=name, folder=folder) from None
    try:
        stream, guard = _open_output(open(descriptor, "wb"), name, real, binary=binary)  # noqa: SIM115
        try:
            yield stream
        except BaseException:
            _close_quietly(stream, guard)
            raise
        _close(stream, guard)
        try:
            _take_over(temporary, existing)
            os.replace(temporary, real)
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", file=name) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _writable(path: str) -> bool:
    effective = os.access in os.supports_effective_ids
    return os.access(path, os.W_OK, effective_ids=effective)


def _take_over(temporary: str, existing: os.stat_result | None) -> None:
    # The new file gets the mode of the one it replaces, and its owner and group where the
    # system permits; a new file gets the mode `open` would give it.
    if existing is None:
        os.chmod(temporary, 0o666 & ~_umask())
        return
    if existing.st_uid != os.geteuid() or existing.st_gid != os.getegid():
        for owner in (existing.st_uid, -1):  # a user who may not give the file away may
            try:  # still give it a group of theirs
                os.chown(temporary, owner, existing.st_gid)
                break
            except PermissionError:
                continue
    os.chmod(temporary, existing.st_mode & 0o7777)  # after chown, which clears set-id bits


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
