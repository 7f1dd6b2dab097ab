"""Reading documents from files and writing articles back: the only module that touches files.

Inputs are decoded strictly (a bad byte is an error that names the file, line and byte offset)
unless told otherwise, and read lazily, one record at a time, so memory stays flat. ``.gz``,
``.bz2``, ``.xz`` and (with the ``zstandard`` package) ``.zst`` files are read and written
transparently. Outputs are written to a temporary file beside the destination and renamed into
place only when complete, so an interrupted run never leaves a half-written file.
"""

from __future__ import annotations

import bz2
import contextlib
import gzip
import io
import json
import lzma
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any, Literal, TextIO

import attrs
import regex

from newsnorm.article import Article
from newsnorm.errors import DecodeError, InputError, NewsnormError, RecordError

__all__ = [
    "COMPRESSED_SUFFIXES",
    "STDIO",
    "ArticleWriter",
    "Document",
    "InputFormat",
    "OutputFormat",
    "atomic_output",
    "format_article",
    "read_documents",
    "render_article",
    "resolve_input_format",
    "write_articles",
]

InputFormat = Literal["auto", "text", "lines", "jsonl", "multinews"]
"""``text``: one article per file; ``lines``: one per line; ``jsonl``: one JSON object per line;
``multinews``: one cluster per line, documents separated by ``|||||``; ``auto``: by file name.

Examples:
    >>> [resolve_input_format(name) for name in ("a.txt", "b.jsonl", "train.src")]
    ['text', 'jsonl', 'multinews']
"""

OutputFormat = Literal["text", "jsonl"]
"""``text``: article bodies separated by a blank line; ``jsonl``: one JSON object per article.

Examples:
    >>> from newsnorm import Article
    >>> format_article(Article("Body."), "text")
    'Body.\\n'
"""

STDIO = "-"
"""The name that stands for standard input or standard output.

Examples:
    >>> STDIO
    '-'
"""

COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")
"""File name endings read and written through a compressor.

Examples:
    >>> resolve_input_format("dump.jsonl.gz"), ".gz" in COMPRESSED_SUFFIXES
    ('jsonl', True)
"""

_MULTINEWS_SEPARATOR = "|||||"
_SURROGATE = regex.compile("[\ud800-\udfff]")


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


@attrs.frozen
class Document:
    """One raw document read from an input, with where it came from.

    Attributes:
        text: the raw document text.
        source: the file it was read from, or ``"<stdin>"``.
        line: the 1-based line of `source` where the document starts (for Multi-News, the
            cluster's line).
        record: for JSONL inputs, the whole JSON object (the text field included).
        position: for Multi-News inputs, the 0-based index of the document in its cluster.
        size: how many bytes of the input the record took, for progress reports.

    Examples:
        >>> Document("Text.", source="a.txt", line=1).record is None
        True
    """

    text: str
    source: str
    line: int = 1
    record: Mapping[str, Any] | None = attrs.field(default=None, hash=False)
    position: int | None = None
    size: int = 0

    def __reduce__(self) -> tuple[Any, ...]:
        # A compact pickle (the fields, in order): documents travel to workers by the thousand.
        return (
            Document,
            (self.text, self.source, self.line, self.record, self.position, self.size),
        )


def resolve_input_format(name: str, input_format: InputFormat = "auto") -> InputFormat:
    """Choose the input format for a file name: ``.jsonl`` is JSONL, ``.src`` Multi-News.

    Compression suffixes are looked through. An explicit format other than ``auto`` wins.

    Examples:
        >>> resolve_input_format("dump.jsonl.gz"), resolve_input_format("test.src.cleaned")
        ('jsonl', 'multinews')
        >>> resolve_input_format("story.txt"), resolve_input_format("x.txt", "lines")
        ('text', 'lines')
    """
    if input_format != "auto":
        return input_format
    suffixes = [s for s in Path(name).suffixes if s not in COMPRESSED_SUFFIXES]
    if suffixes and suffixes[-1] in (".jsonl", ".ndjson"):
        return "jsonl"
    if ".src" in suffixes:
        return "multinews"
    return "text"


def _open_binary(path: str) -> contextlib.AbstractContextManager[IO[bytes]]:
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


def _decode(data: bytes, *, source: str, line: int, offset: int, encoding: str, errors: str) -> str:
    try:
        return data.decode(encoding, errors)
    except UnicodeDecodeError as exc:
        bad_line = line + data.count(b"\n", 0, exc.start)
        raise DecodeError(
            f"invalid {encoding} at byte {offset + exc.start}: {exc.reason}"
            f" (use --encoding or --errors replace to read it anyway)",
            file=source,
            line=bad_line,
            offset=offset + exc.start,
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", file=source) from None


def _json_record(
    text: str, *, source: str, line: int, text_field: str, id_field: str | None = None
) -> dict[str, Any]:
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        cause = f"not valid JSON: {exc.msg} (column {exc.colno})"
        raise RecordError(cause, file=source, line=line) from None
    if not isinstance(record, dict):
        raise RecordError("a JSON object is required", file=source, line=line)
    if not isinstance(record.get(text_field), str):
        named = f" {record[id_field]!r}" if id_field and id_field in record else ""
        cause = f"no string field {text_field!r} in the record{named}"
        raise RecordError(cause, file=source, line=line)
    return record


def _lines(handle: IO[bytes]) -> Iterator[bytes]:
    # Iterating a binary file splits on b"\n" only, whatever the line ending, which keeps
    # byte offsets exact.
    yield from handle


def read_documents(
    path: str | os.PathLike[str],
    input_format: InputFormat = "auto",
    *,
    text_field: str = "text",
    id_field: str | None = None,
    encoding: str = "utf-8",
    errors: str = "strict",
    on_error: Callable[[NewsnormError], None] | None = None,
) -> Iterator[Document]:
    """Read the documents of one input file (``"-"`` for standard input), lazily.

    Args:
        path: the file, or ``"-"``.
        input_format: see `InputFormat`; ``auto`` chooses by file name.
        text_field: the JSONL field holding the text.
        id_field: a JSONL field that names a record in error messages.
        encoding: the input encoding.
        errors: ``strict`` stops at an invalid byte; ``replace`` reads it as U+FFFD.
        on_error: called with a `RecordError` or `DecodeError` for a bad record of a
            line-based input, which is then skipped; by default the error is raised.

    Raises:
        InputError: the file cannot be opened, or (text format) is binary.
        DecodeError: a byte sequence is invalid in `encoding` (with the line and byte offset).
        RecordError: a JSONL line is not an object with a string `text_field`.

    Examples:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "a.jsonl").write_text('{"id": 1, "text": "One ."}\\n')
        >>> [(d.text, d.line, d.record["id"]) for d in read_documents(folder / "a.jsonl")]
        [('One .', 1, 1)]
    """
    name = os.fspath(path)
    source = "<stdin>" if name == STDIO else name
    chosen = resolve_input_format(name, input_format)
    with _open_binary(name) as handle:
        if chosen == "text":
            data = handle.read()
            if b"\x00" in data and errors == "strict":
                raise InputError(
                    "looks like a binary file (it contains NUL bytes);"
                    " use --errors replace to read it anyway",
                    file=source,
                )
            text = _decode(data, source=source, line=1, offset=0, encoding=encoding, errors=errors)
            if text.strip():
                yield Document(text, source, size=len(data))
            return
        offset = 0
        for number, raw_line in enumerate(_lines(handle), start=1):
            size = len(raw_line)
            start, offset = offset, offset + size
            try:
                line = _decode(
                    raw_line,
                    source=source,
                    line=number,
                    offset=start,
                    encoding=encoding,
                    errors=errors,
                ).rstrip("\r\n")
                if not line.strip():
                    continue
                if chosen == "jsonl":
                    record = _json_record(
                        line, source=source, line=number, text_field=text_field, id_field=id_field
                    )
                    yield Document(record[text_field], source, number, record, size=size)
                elif chosen == "multinews":
                    parts = line.split(_MULTINEWS_SEPARATOR)
                    for position, part in enumerate(parts):
                        if part.strip():
                            yield Document(part, source, number, position=position, size=size)
                            size = 0  # the cluster's bytes count once
                else:
                    yield Document(line, source, number, size=size)
            except (RecordError, DecodeError) as error:
                if on_error is None:
                    raise
                on_error(error)


def _without_surrogates(text: str) -> str:
    # A lone surrogate (from a JSON "\ud800" escape, say) cannot be written as UTF-8.
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)


def format_article(
    article: Article,
    output_format: OutputFormat = "text",
    *,
    document: Document | None = None,
    text_field: str = "text",
) -> str:
    """Serialize one article as a chunk of output, newline included.

    In JSONL, the fields of the document's own record come first and stay untouched, the
    normalized text replaces its `text_field`, and the article's fields are added beside them (a
    None never overwrites a value the record already had). A Multi-News document also gets its
    ``cluster`` (the line) and ``position``.

    Examples:
        >>> format_article(Article("Body."))
        'Body.\\n'
        >>> doc = Document("Body .", "a.jsonl", record={"id": 7, "text": "Body ."})
        >>> format_article(Article("Body."), "jsonl", document=doc)[:40]
        '{"id": 7, "text": "Body.", "date": null,'
    """
    if output_format == "text":
        return article.text + "\n"
    fields = article.to_dict()
    record: dict[str, Any] = dict(document.record) if document and document.record else {}
    record[text_field] = fields.pop("text")
    for key, value in fields.items():
        if value is not None or key not in record:
            record[key] = value
    if document is not None and document.position is not None:
        record.setdefault("cluster", document.line)
        record.setdefault("position", document.position)
    return json.dumps(record, ensure_ascii=False) + "\n"


def render_article(
    article: Article,
    output_format: OutputFormat = "text",
    *,
    document: Document | None = None,
    text_field: str = "text",
) -> str:
    """`format_article`, made safe to write as UTF-8 (a lone surrogate becomes U+FFFD).

    Examples:
        >>> render_article(Article("Broken \\ud800 half."))
        'Broken \\ufffd half.\\n'
    """
    chunk = format_article(article, output_format, document=document, text_field=text_field)
    return _without_surrogates(chunk)


class ArticleWriter:
    """Write articles one after another to an open text stream.

    In text format, articles are separated by one blank line (paragraphs inside an article are
    separated by a single newline, so the two never mix).

    Examples:
        >>> stream = io.StringIO()
        >>> writer = ArticleWriter(stream, "text")
        >>> writer.write(Article("One.\\nStill one.")); writer.write(Article("Two."))
        >>> stream.getvalue()
        'One.\\nStill one.\\n\\nTwo.\\n'
    """

    def __init__(
        self, stream: TextIO, output_format: OutputFormat = "text", *, text_field: str = "text"
    ) -> None:
        self.stream = stream
        self.output_format: OutputFormat = output_format
        self.text_field = text_field
        self.count = 0

    def write(self, article: Article, document: Document | None = None) -> None:
        """Write one article (with the document it came from, for JSONL records).

        Examples:
            >>> import io
            >>> stream = io.StringIO()
            >>> ArticleWriter(stream, "jsonl").write(Article("Rain fell.", title="Rain"))
            >>> stream.getvalue()
            '{"text": "Rain fell.", "date": null, "title": "Rain", "byline": null, "dateline": null,
             "headers": {}}\\n'
        """
        self.write_chunk(
            render_article(
                article, self.output_format, document=document, text_field=self.text_field
            )
        )

    def write_chunk(self, chunk: str) -> None:
        """Write an article already rendered by `render_article` in this writer's format.

        Examples:
            >>> import io
            >>> stream = io.StringIO()
            >>> writer = ArticleWriter(stream, "text")
            >>> writer.write_chunk(render_article(Article("One."))); writer.write_chunk("Two.\\n")
            >>> stream.getvalue()
            'One.\\n\\nTwo.\\n'
        """
        if self.count and self.output_format == "text":
            self.stream.write("\n")
        self.stream.write(chunk)
        self.count += 1


@contextlib.contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """Open `path` for writing UTF-8 text so that it appears only when complete.

    Everything goes to a temporary file in the same folder, which is renamed over `path` when the
    block ends without an exception and removed otherwise. A ``.gz``, ``.bz2``, ``.xz`` or
    ``.zst`` name is written compressed. ``"-"`` writes to standard output, as UTF-8. A
    symbolic link stays a link: the file it points to is replaced. A device or a pipe
    (``/dev/null``, a FIFO) is written to directly, since there is no file to replace.

    Examples:
        >>> import tempfile, pathlib
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
        >>> with atomic_output(target) as out:
        ...     _ = out.write("done\\n")
        >>> target.read_text()
        'done\\n'
    """
    name = os.fspath(path)
    if name == STDIO:
        stdout = io.TextIOWrapper(
            sys.stdout.buffer, encoding="utf-8", newline="\n", write_through=True
        )
        try:
            yield stdout
            stdout.flush()
        finally:
            stdout.detach()  # leave sys.stdout usable
        return
    try:
        regular = stat.S_ISREG(os.stat(name).st_mode)
    except FileNotFoundError:
        regular = True  # a new file
    if not regular:
        opener = _OPENERS.get(Path(name).suffix)
        raw_stream: IO[bytes] = open(name, "wb") if opener is None else opener(name, "wb")  # noqa: SIM115
        with raw_stream, io.TextIOWrapper(raw_stream, encoding="utf-8", newline="\n") as handle:
            yield handle
        return
    name = os.path.realpath(name)
    folder = os.path.dirname(name)
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=".newsnorm-", suffix=".tmp")
    try:
        opener = _OPENERS.get(Path(name).suffix)
        if opener is None:
            raw: IO[bytes] = os.fdopen(descriptor, "wb")
        else:
            os.close(descriptor)
            raw = opener(temporary, "wb")
        with raw, io.TextIOWrapper(raw, encoding="utf-8", newline="\n") as handle:
            yield handle
            handle.flush()
        if os.path.exists(name):
            os.chmod(temporary, os.stat(name).st_mode & 0o7777)
        else:
            os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, name)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def write_articles(
    articles: Iterable[Article],
    path: str | os.PathLike[str],
    output_format: OutputFormat = "jsonl",
) -> int:
    """Write articles to `path` atomically (``"-"`` for standard output); return how many.

    Examples:
        >>> import tempfile, pathlib
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "out.jsonl"
        >>> write_articles([Article("One."), Article("Two.")], target)
        2
        >>> Article.from_json(target.read_text().splitlines()[1]).text
        'Two.'
    """
    with atomic_output(path) as out:
        writer = ArticleWriter(out, output_format)
        for article in articles:
            writer.write(article)
    return writer.count
