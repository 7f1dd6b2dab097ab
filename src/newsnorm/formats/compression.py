"""Opening files: compression by suffix, standard input and output, atomic replacement.

``.gz``, ``.bz2``, ``.xz`` and (with the ``zstandard`` package) ``.zst`` files are read and
written transparently. Outputs are written to a temporary file beside the destination and
renamed into place only when complete, so an interrupted run never leaves a half-written file.
"""

from __future__ import annotations

import bz2
import contextlib
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

from newsnorm.errors import InputError, OutputError

__all__ = ["COMPRESSED_SUFFIXES", "STDIO", "atomic_output", "open_binary"]

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


def _zstd_open(path: str, mode: str) -> IO[bytes]:
    try:
        import zstandard  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        raise InputError(
            "reading or writing .zst needs the zstandard package (pip install 'newsnorm[zstd]')",
            file=path,
        ) from None
    handle: IO[bytes] = zstandard.open(path, mode)
    return handle


_OPENERS: Mapping[str, Callable[[str, str], IO[bytes]]] = {
    ".gz": gzip.open,  # type: ignore[dict-item]
    ".bz2": bz2.open,  # type: ignore[dict-item]
    ".xz": lzma.open,  # type: ignore[dict-item]
    ".zst": _zstd_open,
}


def open_binary(path: str) -> contextlib.AbstractContextManager[IO[bytes]]:
    """Open an input for reading bytes, decompressed by its suffix (``"-"``: standard input).

    Raises:
        InputError: the file does not exist, is a folder, or cannot be opened.

    Examples:
        >>> open_binary("/no/such/file")
        Traceback (most recent call last):
        ...
        newsnorm.errors.InputError: /no/such/file: no such file
    """
    if path == STDIO:
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


def _open_output(stack: contextlib.ExitStack[Any], path: str, final: str) -> IO[bytes]:
    # Open `path` for writing bytes (closed with `stack`), compressed by the suffix of `final`,
    # the name the file will have: a gzip header names the final file, not a temporary one.
    suffix = Path(final).suffix
    opener = _OPENERS.get(suffix)
    if opener is not None and suffix != ".gz":
        return stack.enter_context(opener(path, "wb"))
    raw: IO[bytes] = stack.enter_context(open(path, "wb"))  # noqa: SIM115
    if opener is None:
        return raw
    compressed = gzip.GzipFile(filename=os.path.basename(final), mode="wb", fileobj=raw)
    return cast(IO[bytes], stack.enter_context(compressed))


def _text(raw: IO[bytes]) -> io.TextIOWrapper:
    # surrogateescape: a verbatim line's invalid bytes (read as lone surrogates) go back as
    # they were; `render_article` has already replaced every other lone surrogate.
    return io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape", newline="\n")


def _output_error(exc: OSError, *, file: str, folder: str) -> OutputError:
    if isinstance(exc, FileNotFoundError):
        return OutputError(f"cannot write: no such folder {folder}", file=file)
    return OutputError(f"cannot write: {exc.strerror or exc}", file=file)


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """Open `path` for writing UTF-8 text so that it appears only when complete.

    Everything goes to a temporary file in the same folder, which is renamed over `path` when the
    block ends without an exception and removed otherwise. A ``.gz``, ``.bz2``, ``.xz`` or
    ``.zst`` name is written compressed (a gzip header names the final file). ``"-"`` writes to
    standard output, as UTF-8. A symbolic link stays a link: the file it points to is replaced.
    A device or a pipe (``/dev/null``, a FIFO) is written to directly, since there is no file to
    replace. Lone surrogates standing for raw bytes (``errors="surrogateescape"``) are written
    as those bytes.

    Raises:
        OutputError: the folder does not exist, or the file cannot be created.

    Examples:
        >>> import tempfile, pathlib
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
        >>> with atomic_output(target) as out:
        ...     _ = out.write("done \\udcff\\n")
        >>> target.read_bytes()
        b'done \\xff\\n'
    """
    name = os.fspath(path)
    if name == STDIO:
        stdout = io.TextIOWrapper(
            sys.stdout.buffer,
            encoding="utf-8",
            errors="surrogateescape",
            newline="\n",
            write_through=True,
        )
        try:
            yield stdout
            stdout.flush()
        finally:
            stdout.detach()  # leave sys.stdout usable
        return
    try:
        regular = stat.S_ISREG(os.stat(name).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        regular = True  # a new file
    if not regular:
        with contextlib.ExitStack() as stack:
            try:
                raw_stream = _open_output(stack, name, name)
            except OSError as exc:
                raise _output_error(exc, file=name, folder=os.path.dirname(name)) from None
            yield stack.enter_context(_text(raw_stream))
        return
    real = os.path.realpath(name)
    folder = os.path.dirname(real)
    try:
        descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".newsnorm-", suffix=".tmp")
    except OSError as exc:
        raise _output_error(exc, file=name, folder=os.path.dirname(name) or ".") from None
    try:
        os.close(descriptor)
        with contextlib.ExitStack() as stack:
            handle = stack.enter_context(_text(_open_output(stack, temporary, real)))
            yield handle
            handle.flush()
        if os.path.exists(real):
            os.chmod(temporary, os.stat(real).st_mode & 0o7777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, real)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current
