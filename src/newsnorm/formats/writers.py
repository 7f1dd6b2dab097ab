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
from typing import IO, Any, Literal, TextIO, cast

import attrs
import regex

from newsnorm.article import Article
from newsnorm.errors import DecodeError, InputError, NewsnormError, OutputError, RecordError

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

OutputFormat = Literal["text", "jsonl", "lines", "multinews"]
"""``text``: articles separated by a blank line; ``jsonl``: one JSON object per article;
``lines``: one article per line, a paragraph break written `` NEWLINE_CHAR NEWLINE_CHAR ``;
``multinews``: the same, with the documents of one cluster on one line, joined by ``|||||``.

The text formats write the whole repaired document (header lines and dateline included) when
it is given, so nothing is lost, and the body alone otherwise.

Examples:
    >>> from newsnorm import Article
    >>> format_article(Article("Body."), "text")
    'Body.\\n'
    >>> format_article(Article("One.\\nTwo."), "lines")
    'One. NEWLINE_CHAR NEWLINE_CHAR Two.\\n'
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
_MULTINEWS_NEWLINE = " NEWLINE_CHAR NEWLINE_CHAR "
# What would end a record of a line-based output early: "\n" splits a line when it is read
# back, and "\r" is taken for (part of) a line ending.
_LINE_BREAK = regex.compile("\r\n|[\r\n]")
_SURROGATE = regex.compile("[\ud800-\udfff]")
_TEXT_LIKE = frozenset({"text", "lines", "multinews"})
_CLASH_REMEDY = "use --field-prefix to add newsnorm's fields under other names"


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
        cluster: for Multi-News inputs, the cluster's id (``cluster_offset`` plus the line).
        verbatim: for a bad record kept with ``keep_verbatim``, its raw line (without the line
            ending; bytes invalid in the encoding as lone surrogates), which every output
            format writes back unchanged.

    Examples:
        >>> Document("Text.", source="a.txt", line=1).record is None
        True
        >>> Document("", "a.jsonl", 4, verbatim="{oops").verbatim
        '{oops'
    """

    text: str
    source: str
    line: int = 1
    record: Mapping[str, Any] | None = attrs.field(default=None, hash=False)
    position: int | None = None
    size: int = 0
    cluster: int | None = None
    verbatim: str | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        # A compact pickle (the fields, in order): documents travel to workers by the thousand.
        return (
            Document,
            (
                self.text,
                self.source,
                self.line,
                self.record,
                self.position,
                self.size,
                self.cluster,
                self.verbatim,
            ),
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
    except RecursionError:
        raise RecordError("not valid JSON: nested too deeply", file=source, line=line) from None
    except ValueError as exc:  # Python's limit on the digits of an integer, say
        too_long = "integer string conversion" in str(exc)
        cause = "not valid JSON: " + ("number too long" if too_long else str(exc))
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
    keep_verbatim: bool = False,
    cluster_offset: int = 0,
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
        keep_verbatim: with `on_error`, a bad record is not skipped but yielded as an empty
            document whose `Document.verbatim` is the raw line, so that writing it gives the
            line back byte for byte.
        cluster_offset: added to the line number to make a Multi-News document's
            `Document.cluster` (to number the clusters of several files apart).

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
        >>> _ = (folder / "b.jsonl").write_bytes(b'{"text": "Two ."}\\n{"text": \\xff}\\n')
        >>> skipped = []
        >>> docs = read_documents(folder / "b.jsonl", on_error=skipped.append, keep_verbatim=True)
        >>> [(d.text, d.verbatim) for d in docs], skipped[0].line
        ([('Two .', None), ('', '{"text": \\udcff}')], 2)
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
                    cluster = cluster_offset + number
                    for position, part in enumerate(parts):
                        if part.strip():
                            yield Document(
                                part, source, number, position=position, size=size, cluster=cluster
                            )
                            size = 0  # the cluster's bytes count once
                else:
                    yield Document(line, source, number, size=size)
            except (RecordError, DecodeError) as error:
                if on_error is None:
                    raise
                on_error(error)
                if keep_verbatim:
                    verbatim = _verbatim(raw_line, source=source, encoding=encoding)
                    yield Document("", source, number, size=size, verbatim=verbatim)


def _verbatim(raw_line: bytes, *, source: str, encoding: str) -> str:
    # The raw line as text that encodes back to the same bytes (invalid ones as lone
    # surrogates), without its line ending.
    if raw_line.endswith(b"\n"):
        raw_line = raw_line[:-1]
        if raw_line.endswith(b"\r"):
            raw_line = raw_line[:-1]
    try:
        return raw_line.decode(encoding, "surrogateescape")
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", file=source) from None


def _without_surrogates(text: str) -> str:
    # A lone surrogate (from a JSON "\ud800" escape, say) cannot be written as UTF-8.
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)


def _one_line(text: str) -> str:
    # A line-based record: each line break becomes Multi-News's paragraph marker, which the
    # spacing stage turns back into a line break when the output is read again.
    return _LINE_BREAK.sub(_MULTINEWS_NEWLINE, text)


def _add_field(record: dict[str, Any], key: str, value: Any, document: Document | None) -> None:
    # The clash rule: a record's own field is never replaced by a different value.
    if key not in record:
        record[key] = value
        return
    own = record[key]
    if value is None or value in ({}, []) or own == value:
        return
    if own is None:
        record[key] = value
        return
    raise RecordError(
        f"the record already has a field {key!r} ({_CLASH_REMEDY})",
        file=document.source if document else None,
        line=document.line if document else None,
    )


def _json_line(record: Mapping[str, Any], document: Document | None) -> str:
    try:
        return json.dumps(record, ensure_ascii=False) + "\n"
    except RecursionError:
        raise RecordError(
            "the record is nested too deeply to write",
            file=document.source if document else None,
            line=document.line if document else None,
        ) from None


def format_article(
    article: Article,
    output_format: OutputFormat = "text",
    *,
    document: Document | None = None,
    text_field: str = "text",
    repaired: str | None = None,
    body_only: bool = False,
    field_prefix: str = "",
    source_field: str | None = None,
) -> str:
    """Serialize one article as a chunk of output, newline included.

    The text formats (``text``, ``lines``, ``multinews``) write `repaired`, the whole document
    after text repair (`NormalizeReport.repaired`), when it is given and `body_only` is false,
    and the article's body otherwise. ``lines`` and ``multinews`` write one line per document,
    each line break as `` NEWLINE_CHAR NEWLINE_CHAR `` (`ArticleWriter` joins the documents of
    one Multi-News cluster).

    In JSONL, the fields of the document's own record come first, the normalized text replaces
    its `text_field`, and newsnorm's fields (``date``, ``title``, ``byline``, ``dateline``,
    ``headers``, and for a Multi-News document ``cluster`` and ``position``) are added beside
    them, each named `field_prefix` plus its name. A record's own field is never replaced: an
    empty value (None, no headers) leaves it, an equal one is fine (so newsnorm can run on its
    own output), a different one is a `RecordError`. `source_field`, when given, names one
    more (prefixed too) holding `Document.source`, the input file, unless the record already
    has that field: then the record's own provenance stays.

    A document kept with ``keep_verbatim`` (`Document.verbatim`) is written as its raw line,
    whatever the format.

    Raises:
        RecordError: the record already has one of the added fields, with another value.

    Examples:
        >>> format_article(Article("Body."))
        'Body.\\n'
        >>> format_article(Article("Body."), repaired="By Ann Lee\\nBody.")
        'By Ann Lee\\nBody.\\n'
        >>> format_article(Article("Body."), "lines", repaired="Title\\nBody.", body_only=True)
        'Body.\\n'
        >>> doc = Document("Body .", "a.jsonl", record={"id": 7, "text": "Body ."})
        >>> format_article(Article("Body."), "jsonl", document=doc)[:40]
        '{"id": 7, "text": "Body.", "date": null,'
        >>> own = Document("Body .", "a.jsonl", 3, record={"text": "Body .", "title": "Mine"})
        >>> format_article(Article("Body.", title="Other"), "jsonl", document=own)
        Traceback (most recent call last):
        ...
        newsnorm.errors.RecordError: a.jsonl:3: the record already has a field 'title' (...)
        >>> format_article(
        ...     Article("Body.", title="Other"), "jsonl", document=own, field_prefix="nn_"
        ... )[:56]
        '{"text": "Body.", "title": "Mine", "nn_date": null, "nn_'
    """
    if document is not None and document.verbatim is not None:
        return document.verbatim + "\n"
    if output_format in _TEXT_LIKE:
        text = repaired if repaired is not None and not body_only else article.text
        return (text if output_format == "text" else _one_line(text)) + "\n"
    fields = article.to_dict()
    record: dict[str, Any] = dict(document.record) if document and document.record else {}
    record[text_field] = fields.pop("text")
    added = {field_prefix + key: value for key, value in fields.items()}
    if document is not None and (document.position is not None or document.cluster is not None):
        cluster = document.cluster if document.cluster is not None else document.line
        added[field_prefix + "cluster"] = cluster
        added[field_prefix + "position"] = document.position
    for key, value in added.items():
        _add_field(record, key, value, document)
    if source_field is not None and document is not None:
        # Provenance already in the record (newsnorm run again over its own output, say) is
        # the earlier and truer one, so it stays.
        record.setdefault(field_prefix + source_field, document.source)
    return _json_line(record, document)


def render_article(
    article: Article,
    output_format: OutputFormat = "text",
    *,
    document: Document | None = None,
    text_field: str = "text",
    repaired: str | None = None,
    body_only: bool = False,
    field_prefix: str = "",
    source_field: str | None = None,
) -> str:
    """`format_article`, made safe to write as UTF-8 (a lone surrogate becomes U+FFFD).

    A verbatim document (`Document.verbatim`) is left as it is: its lone surrogates stand for
    the raw bytes of the input, which `atomic_output` writes back.

    Examples:
        >>> render_article(Article("Broken \\ud800 half."))
        'Broken \\ufffd half.\\n'
        >>> render_article(Article(""), document=Document("", "a.jsonl", verbatim="{\\udcff"))
        '{\\udcff\\n'
    """
    chunk = format_article(
        article,
        output_format,
        document=document,
        text_field=text_field,
        repaired=repaired,
        body_only=body_only,
        field_prefix=field_prefix,
        source_field=source_field,
    )
    if document is not None and document.verbatim is not None:
        return chunk
    return _without_surrogates(chunk)


class ArticleWriter:
    """Write articles one after another to an open text stream.

    In text format, articles are separated by one blank line (paragraphs inside an article are
    separated by a single newline, so the two never mix). In ``multinews`` format, consecutive
    documents of one cluster (same source and line) share a line, joined by ``|||||``; the
    line is ended by the next cluster or by `finish` (called on leaving a ``with`` block).

    Examples:
        >>> stream = io.StringIO()
        >>> writer = ArticleWriter(stream, "text")
        >>> writer.write(Article("One.\\nStill one.")); writer.write(Article("Two."))
        >>> stream.getvalue()
        'One.\\nStill one.\\n\\nTwo.\\n'
        >>> stream = io.StringIO()
        >>> with ArticleWriter(stream, "multinews") as writer:
        ...     for position, text in enumerate(["A.", "B.\\nC."]):
        ...         writer.write(Article(text), Document(text, "x.src", 1, position=position))
        >>> stream.getvalue()
        'A.|||||B. NEWLINE_CHAR NEWLINE_CHAR C.\\n'
    """

    def __init__(
        self,
        stream: TextIO,
        output_format: OutputFormat = "text",
        *,
        text_field: str = "text",
        body_only: bool = False,
        field_prefix: str = "",
        source_field: str | None = None,
    ) -> None:
        self.stream = stream
        self.output_format: OutputFormat = output_format
        self.text_field = text_field
        self.body_only = body_only
        self.field_prefix = field_prefix
        self.source_field = source_field
        self.count = 0
        # multinews: the cluster whose line is still open (its newline not yet written)
        self._open_cluster: tuple[str, int] | None = None
        self._line_open = False

    def __enter__(self) -> ArticleWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.finish()

    def write(
        self, article: Article, document: Document | None = None, *, repaired: str | None = None
    ) -> None:
        """Write one article (with the document it came from, and its repaired full text).

        Examples:
            >>> import io
            >>> stream = io.StringIO()
            >>> ArticleWriter(stream, "jsonl").write(Article("Rain fell.", title="Rain"))
            >>> stream.getvalue()
            '{"text": "Rain fell.", "date": null, "title": "Rain", "byline": null, "dateline": null,
             "headers": {}, "highlights": [], "furniture": []}\\n'
        """
        chunk = render_article(
            article,
            self.output_format,
            document=document,
            text_field=self.text_field,
            repaired=repaired,
            body_only=self.body_only,
            field_prefix=self.field_prefix,
            source_field=self.source_field,
        )
        self.write_chunk(chunk, document)

    def write_chunk(self, chunk: str, document: Document | None = None) -> None:
        """Write an article already rendered by `render_article` in this writer's format.

        In ``multinews`` format, give the `document` it came from, so that the documents of
        one cluster go on one line (without it, each chunk is a cluster of its own).

        Examples:
            >>> import io
            >>> stream = io.StringIO()
            >>> writer = ArticleWriter(stream, "text")
            >>> writer.write_chunk(render_article(Article("One."))); writer.write_chunk("Two.\\n")
            >>> stream.getvalue()
            'One.\\n\\nTwo.\\n'
        """
        if self.output_format == "multinews":
            self._write_cluster_part(chunk, document)
        else:
            if self.count and self.output_format == "text":
                self.stream.write("\n")
            self.stream.write(chunk)
        self.count += 1

    def _write_cluster_part(self, chunk: str, document: Document | None) -> None:
        body = chunk[:-1] if chunk.endswith("\n") else chunk
        verbatim = document is not None and document.verbatim is not None
        key = None if document is None or verbatim else (document.source, document.line)
        if self._line_open and key is not None and key == self._open_cluster:
            self.stream.write(_MULTINEWS_SEPARATOR)
        elif self._line_open:
            self.stream.write("\n")
        self.stream.write(body)
        self._line_open = True
        self._open_cluster = key

    def finish(self) -> None:
        """End the last line of a ``multinews`` output (other formats need nothing).

        The stream itself stays open; calling `finish` again does nothing.

        Examples:
            >>> import io
            >>> stream = io.StringIO()
            >>> writer = ArticleWriter(stream, "multinews")
            >>> writer.write(Article("Alone."))
            >>> stream.getvalue(), writer.finish(), stream.getvalue()
            ('Alone.', None, 'Alone.\\n')
        """
        if self._line_open:
            self.stream.write("\n")
            self._line_open = False
            self._open_cluster = None


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
    with atomic_output(path) as out, ArticleWriter(out, output_format) as writer:
        for article in articles:
            writer.write(article)
    return writer.count
