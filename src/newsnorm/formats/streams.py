"""Reading an input safely: bounded memory, binary content refused early, one-line read errors.

Every reader reads its input through `input_stream`, which

- turns a failing read (a truncated or corrupt ``.gz``/``.bz2``/``.xz``/``.zst`` file, a device
  that refuses to be read) into an `InputError` naming the file;
- looks at the first block for binary content (NUL bytes, a compressed file under a plain
  name, a UTF-16 file read as UTF-8) before anything else is read;
- decodes an encoding whose line breaks are not the byte ``0x0A`` (UTF-16, UTF-32, EBCDIC)
  as it reads, giving the readers UTF-8, so that every reader splits it where its text does;
- reads from a decompressor only as much as the reader asks for, so a small archive that
  inflates to gigabytes is never held whole.

With `read_bounded` and `bounded_lines`, no document (a file, a line, a CoNLL block) is held
beyond `ReadOptions.max_document_size` bytes: a longer one is an error naming where it is.
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import io
import lzma
import zlib
from collections.abc import Iterator
from typing import IO

import attrs

from newsnorm.errors import DecodeError, InputError

__all__ = [
    "DEFAULT_MAX_DOCUMENT_SIZE",
    "Overlong",
    "bounded_lines",
    "describe_size",
    "input_stream",
    "read_bounded",
    "splits_on_bytes",
]

DEFAULT_MAX_DOCUMENT_SIZE = 16 * 1024 * 1024
"""The most bytes one document may take in its input by default (16 MiB).

A news article takes a few kilobytes; a document this large is far more likely a mistake (a
whole dump read as one article, a binary file) than a story, and normalizing it would hold
several times its size in memory.

Examples:
    >>> describe_size(DEFAULT_MAX_DOCUMENT_SIZE)
    '16 MiB'
"""

FIRST_BLOCK = 8192
# How much of an input is looked at for binary content before it is read (at most: what the
# first read gives).

_CHUNK = 1 << 20
# The most bytes asked of the underlying input (or decompressor) at once.

_BUFFER = 1 << 16

_MAGIC = (
    (b"\x1f\x8b", "gzip", ".gz"),
    (b"BZh", "bzip2", ".bz2"),
    (b"\xfd7zXZ\x00", "xz", ".xz"),
    (b"\x28\xb5\x2f\xfd", "zstandard", ".zst"),
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_SPLIT_PROBE = '\n\r\t -DOCSTART|[SN]@highlight{}":,0189azAZ'


def describe_size(size: int) -> str:
    """Write a byte count for a message: whole mebibytes or kibibytes as such, else in bytes.

    Examples:
        >>> describe_size(16 * 1024 * 1024), describe_size(64 * 1024), describe_size(1000)
        ('16 MiB', '64 KiB', '1,000 bytes')
    """
    for unit, scale in (("MiB", 1 << 20), ("KiB", 1 << 10)):
        if size >= scale and size % scale == 0:
            return f"{size // scale} {unit}"
    return f"{size:,} bytes"


def splits_on_bytes(encoding: str) -> bool:
    """Tell whether an encoding writes the ASCII characters (line breaks above all) as ASCII.

    Such an encoding (UTF-8, Latin-1, cp1252, Shift-JIS...) can be split into lines, JSON
    records and CoNLL columns on its bytes; any other (UTF-16, UTF-32, EBCDIC) is decoded
    before it is split.

    Raises:
        InputError: the encoding is unknown.

    Examples:
        >>> splits_on_bytes("utf-8"), splits_on_bytes("latin-1"), splits_on_bytes("utf-16")
        (True, True, False)
    """
    try:
        codecs.lookup(encoding)
        return _SPLIT_PROBE.encode(encoding) == _SPLIT_PROBE.encode("ascii")
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    except UnicodeError:
        return False


# --- read errors ----------------------------------------------------------------------------


def _compression(handle: object) -> str | None:
    if isinstance(handle, gzip.GzipFile):
        return "gzip"
    if isinstance(handle, bz2.BZ2File):
        return "bzip2"
    if isinstance(handle, lzma.LZMAFile):
        return "xz"
    if "zstd" in type(handle).__module__.lower() or "zstd" in type(handle).__name__.lower():
        return "zstandard"
    return None


def _read_error(exc: BaseException, *, source: str, compression: str | None) -> InputError:
    # One line for a read that failed: the system's reason, or what is wrong with the data.
    if isinstance(exc, EOFError):
        cause = f"the {compression or 'compressed'} data ends early (a truncated file?)"
        return InputError(f"cannot read: {cause}", file=source)
    if isinstance(exc, OSError) and exc.errno is not None:
        return InputError(f"cannot read: {exc.strerror or exc}", file=source)
    detail = str(exc) or type(exc).__name__
    kind = f"{compression} " if compression else ""
    return InputError(f"cannot read: not valid {kind}data ({detail})", file=source)


def _zstd_errors() -> tuple[type[BaseException], ...]:
    try:
        import zstandard  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return ()
    error: type[BaseException] = zstandard.ZstdError
    return (error,)


_READ_FAILURES: tuple[type[BaseException], ...] = (
    OSError,
    EOFError,
    zlib.error,
    lzma.LZMAError,
    *_zstd_errors(),
)


# --- raw streams: replaying a first block, the underlying input, transcoding -----------------


class _Replaying(io.RawIOBase):
    # A readable raw stream whose first bytes can be looked at (`head`) and read again.

    def __init__(self) -> None:
        super().__init__()
        self._pending = memoryview(b"")

    def readable(self) -> bool:
        return True

    def _read(self, size: int) -> bytes:  # pragma: no cover - always overridden
        raise NotImplementedError

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        target = memoryview(buffer).cast("B")
        if not self._pending:
            self._pending = memoryview(self._read(min(len(target), _CHUNK)))
        size = min(len(target), len(self._pending))
        target[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def head(self, size: int) -> bytes:
        """Look at the first bytes (up to `size`, as one read gives them), to be read again.

        One read only: a pipe or a terminal gives what it has, and the first line of a slow
        stream is not held back until a whole block has come.
        """
        if not self._pending:
            self._pending = memoryview(self._read(size))
        return bytes(self._pending[:size])


class _Source(_Replaying):
    # The input as opened (a file, standard input, a decompressor): its read errors become
    # `InputError`s naming it. Closing this leaves the input open (its opener closes it).

    def __init__(self, handle: IO[bytes], source: str) -> None:
        super().__init__()
        self._handle = handle
        self._read1 = getattr(handle, "read1", handle.read)
        self._source = source
        self.compression = _compression(handle)

    def _read(self, size: int) -> bytes:
        try:
            data: bytes = self._read1(size)
        except _READ_FAILURES as exc:
            raise _read_error(exc, source=self._source, compression=self.compression) from None
        return data


class _Transcoder(_Replaying):
    # Bytes in an encoding that does not split on 0x0A, read as UTF-8 (lone surrogates, which
    # some error handlers give, as their surrogatepass bytes).

    def __init__(self, raw: io.BufferedReader, *, source: str, encoding: str, errors: str) -> None:
        super().__init__()
        self._raw = raw
        self._source = source
        self._encoding = encoding
        self._errors = errors
        self._decoder = codecs.getincrementaldecoder(encoding)(errors)
        self._offset = 0  # bytes of the input given to the decoder so far
        self._line = 1  # the line the decoder has reached
        self._done = False

    def _read(self, size: int) -> bytes:
        while not self._done:
            data = self._raw.read1(size)
            self._done = not data
            state = self._decoder.getstate()
            try:
                text = self._decoder.decode(data, self._done)
            except UnicodeDecodeError as exc:
                raise self._decode_error(exc, state) from None
            self._offset += len(data)
            self._line += text.count("\n")
            if text:
                return text.encode("utf-8", "surrogatepass")
        return b""

    def _decode_error(self, exc: UnicodeDecodeError, state: tuple[bytes, int]) -> DecodeError:
        # `exc.object` is the decoder's pending bytes followed by the block just read.
        start = self._offset - len(state[0]) + exc.start
        before = codecs.getincrementaldecoder(self._encoding)("replace")
        before.setstate((b"", state[1]))
        line = self._line + before.decode(exc.object[: exc.start]).count("\n")
        return DecodeError(
            f"invalid {self._encoding} at byte {start}: {exc.reason}"
            f" (use --encoding or --errors replace to read it anyway)",
            file=self._source,
            line=line,
            offset=start,
        )


def _check_first_block(block: bytes, *, source: str, compression: str | None) -> None:
    for magic, name, suffix in _MAGIC:
        if block.startswith(magic) and compression is None:
            raise InputError(
                f"looks like a {name}-compressed file; name it with a {suffix} suffix to read it",
                file=source,
            )
    if b"\x00" not in block:
        return
    if block.startswith(_UTF16_BOMS):
        cause = "looks like a UTF-16 file (a byte-order mark, NUL bytes); use --encoding utf-16"
    else:
        cause = "looks like a binary file (it contains NUL bytes)"
        cause += "; use --errors replace to read it anyway"
    raise InputError(cause, file=source)


def input_stream(
    handle: IO[bytes], *, source: str, encoding: str = "utf-8", errors: str = "strict"
) -> tuple[io.BufferedReader, str, str]:
    """Prepare an open input for a reader; return the stream, its encoding and error handler.

    The stream raises `InputError` (naming `source`) where reading `handle` fails. In strict
    mode the first block is checked for binary content (NUL bytes, a compressor's signature
    on an input that was not decompressed), which is an `InputError`. An encoding that
    `splits_on_bytes` refuses is decoded here, as the stream is read, and the stream gives
    UTF-8 (so the encoding returned is ``utf-8``, with ``surrogatepass``); an invalid sequence
    in it is a `DecodeError` for the whole input.

    Raises:
        InputError: the input is binary, cannot be read, or `encoding` is unknown.

    Examples:
        >>> stream, encoding, _ = input_stream(io.BytesIO("Día\\n".encode("utf-16")), source="a")
        Traceback (most recent call last):
        ...
        newsnorm.errors.InputError: a: looks like a UTF-16 file (a byte-order mark, NUL bytes); ...
        >>> stream, encoding, errors = input_stream(
        ...     io.BytesIO("Día\\n".encode("utf-16")), source="a", encoding="utf-16"
        ... )
        >>> stream.read().decode(encoding), encoding, errors
        ('Día\\n', 'utf-8', 'surrogatepass')
    """
    source_stream = _Source(handle, source)
    compression = source_stream.compression
    strict = errors == "strict"
    raw: _Replaying = source_stream
    if not splits_on_bytes(encoding):
        # The decoded text is what is checked and split: read as UTF-8 from here on.
        raw = _Transcoder(
            io.BufferedReader(source_stream, _BUFFER),
            source=source,
            encoding=encoding,
            errors=errors,
        )
        encoding, errors = "utf-8", "surrogatepass"
    block = raw.head(FIRST_BLOCK)
    if strict:
        _check_first_block(block, source=source, compression=compression)
    return io.BufferedReader(raw, _BUFFER), encoding, errors


# --- bounded reading --------------------------------------------------------------------------


def read_bounded(stream: IO[bytes], limit: int) -> bytes | None:
    """Read a whole stream of at most `limit` bytes; None (having read ``limit + 1``) if longer.

    Examples:
        >>> read_bounded(io.BytesIO(b"12345"), 5), read_bounded(io.BytesIO(b"123456"), 5)
        (b'12345', None)
    """
    data = stream.read(limit + 1)
    return None if len(data) > limit else data


@attrs.frozen
class Overlong:
    """A line longer than the limit given to `bounded_lines`, skipped without being held.

    Attributes:
        size: its length in bytes, line ending included.

    Examples:
        >>> Overlong(12).size
        12
    """

    size: int


def bounded_lines(stream: IO[bytes], limit: int) -> Iterator[bytes | Overlong]:
    """Split a stream on ``b"\\n"``, holding no more than `limit` bytes of one line.

    A line of at most `limit` bytes (its ending included) is yielded as it is; a longer one is
    read to its end in pieces and yielded as an `Overlong` with its size.

    Examples:
        >>> list(bounded_lines(io.BytesIO(b"one\\n" + b"x" * 9 + b"\\ntwo"), 5))
        [b'one\\n', Overlong(size=10), b'two']
    """
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit:
            yield line
            continue
        size = len(line)
        while not line.endswith(b"\n"):
            line = stream.readline(_CHUNK)
            if not line:
                break
            size += len(line)
        yield Overlong(size)
