"""Writing articles: text, JSONL, the line-based formats and Parquet, one chunk per article.

The text formats write the whole repaired document (header lines and dateline included) when it
is given, so nothing is lost. `render_chunk` turns an article into its output's chunk (a piece
of text, or a row for Parquet), which can be made in a worker process; `open_writer` opens an
output for the chunks of one format (the writer of `newsnorm.formats.parquet` for Parquet).
`write_articles` and the command line write through `newsnorm.formats.atomic_output`, so an
interrupted run never leaves a half-written file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import decimal
import json
import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Literal, Protocol, TextIO

import regex

from newsnorm.article import Article
from newsnorm.errors import RecordError
from newsnorm.formats.compression import atomic_binary_output, atomic_output
from newsnorm.formats.documents import MULTINEWS_SEPARATOR as _MULTINEWS_SEPARATOR
from newsnorm.formats.documents import Document
from newsnorm.formats.parquet import ParquetArticleWriter, ParquetRow, article_row
from newsnorm.formats.records import (
    _SURROGATE,
    _add_field,
    _value_without_surrogates,
    _without_surrogates,
)

__all__ = [
    "ArticleWriter",
    "Chunk",
    "ChunkWriter",
    "OutputFormat",
    "format_article",
    "open_writer",
    "render_article",
    "render_chunk",
    "write_articles",
]

OutputFormat = Literal["text", "jsonl", "lines", "multinews", "parquet"]
"""``text``: articles separated by a blank line; ``jsonl``: one JSON object per article;
``lines``: one article per line, a paragraph break written `` NEWLINE_CHAR NEWLINE_CHAR ``;
``multinews``: the same, with the documents of one cluster on one line, joined by ``|||||``;
``parquet``: one row per article, the input table's own columns kept (needs pyarrow, the
``parquet`` extra; see `newsnorm.formats.parquet`).

The text formats write the whole repaired document (header lines and dateline included) when
it is given, so nothing is lost, and the body alone otherwise.

Examples:
    >>> from newsnorm import Article
    >>> format_article(Article("Body."), "text")
    'Body.\\n'
    >>> format_article(Article("One.\\nTwo."), "lines")
    'One. NEWLINE_CHAR NEWLINE_CHAR Two.\\n'
"""

_MULTINEWS_NEWLINE = " NEWLINE_CHAR NEWLINE_CHAR "
# What would end a record of a line-based output early: "\n" splits a line when it is read
# back, and "\r" is taken for (part of) a line ending.
_LINE_BREAK = regex.compile("\r\n|[\r\n]")
_TEXT_LIKE = frozenset({"text", "lines", "multinews"})


def _json_value(value: object) -> Any:
    # The values a Parquet row holds that JSON has no type for: dates and times as ISO text,
    # decimals as their exact digits.
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    raise TypeError(f"a value of type {type(value).__name__} cannot be written as JSON")


# A record read from JSON cannot refer to itself: no check for cycles (a record nested too
# deeply still fails, with a RecursionError).
_ENCODER = json.JSONEncoder(
    ensure_ascii=False, allow_nan=False, default=_json_value, check_circular=False
)


def _escape_surrogate(match: regex.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def _one_line(text: str) -> str:
    # A line-based record: each line break becomes Multi-News's paragraph marker, which the
    # spacing stage turns back into a line break when the output is read again.
    return _LINE_BREAK.sub(_MULTINEWS_NEWLINE, text)


def _json_line(record: Mapping[str, Any], document: Document | None, *, escape: bool = True) -> str:
    # A lone surrogate left in the record (one of its own fields held a "\ud800" escape) is
    # written as that escape again, so the field reads back exactly as it was read.
    try:
        line = _ENCODER.encode(record)
    except (RecursionError, ValueError, TypeError) as exc:
        cause = "the record is nested too deeply to write"
        if isinstance(exc, TypeError):
            cause = f"the record holds {exc}"
        elif not isinstance(exc, RecursionError):
            cause = "the record holds NaN or Infinity, which JSON cannot hold"
        raise RecordError(
            cause,
            file=document.source if document else None,
            line=document.line if document else None,
        ) from None
    if escape and not line.isascii():
        line = _SURROGATE.sub(_escape_surrogate, line)
    return line + "\n"


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
    extra_fields: Mapping[str, Any] | None = None,
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
    has that field: then the record's own provenance stays. `extra_fields` are added after
    newsnorm's own, prefixed and under the same rule (JSONL only: ``--offsets`` adds the raw
    offsets of `newsnorm.tracing.records.offsets_record` so).

    A lone surrogate (which a JSON ``"\\ud800"`` escape reads as) cannot be written as UTF-8:
    in newsnorm's own fields it becomes U+FFFD, in the record's other fields it is written
    as its escape again, so those fields read back exactly as they were read.

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
        >>> format_article(Article("Body."), "jsonl", extra_fields={"offsets": {"edits": []}})
        '{"text": "Body.", "date": null, ..., "offsets": {"edits": []}}\\n'
        >>> format_article(Article("Body."), "jsonl", extra_fields={"title": "Mine"})
        Traceback (most recent call last):
        ...
        ValueError: extra fields cannot replace newsnorm's own: ['title']
        >>> odd = Document("Body .", "a.jsonl", record={"text": "Body .", "key": "\\ud800"})
        >>> format_article(Article("Body."), "jsonl", document=odd)[:35]
        '{"text": "Body.", "key": "\\\\ud800", '
    """
    if document is not None and document.verbatim is not None:
        return document.verbatim + "\n"
    if output_format in _TEXT_LIKE:
        text = repaired if repaired is not None and not body_only else article.text
        return (text if output_format == "text" else _one_line(text)) + "\n"
    if output_format != "jsonl":
        raise ValueError(f"{output_format} is not a text format: see render_chunk")
    fields = article.to_dict()
    if extra_fields:
        if not fields.keys().isdisjoint(extra_fields):
            raise ValueError(f"extra fields cannot replace newsnorm's own: {sorted(extra_fields)}")
        fields.update(extra_fields)
    try:  # almost always: no lone surrogate anywhere, nothing to replace
        line = _jsonl_record(fields, document, text_field, field_prefix, source_field)
        if line.isascii() or _SURROGATE.search(line) is None:
            return line
    except RecordError:
        pass  # told again below, with newsnorm's fields as they are written
    fields = _value_without_surrogates(fields)
    return _jsonl_record(fields, document, text_field, field_prefix, source_field, escape=True)


def _jsonl_record(
    fields: dict[str, Any],
    document: Document | None,
    text_field: str,
    field_prefix: str,
    source_field: str | None,
    *,
    escape: bool = False,
) -> str:
    record: dict[str, Any] = dict(document.record) if document and document.record else {}
    record[text_field] = fields["text"]
    added = fields.items()
    if document is not None and (document.position is not None or document.cluster is not None):
        cluster = document.cluster if document.cluster is not None else document.line
        added = {**fields, "cluster": cluster, "position": document.position}.items()
    for name, value in added:
        if name == "text":
            continue
        key = field_prefix + name
        if key in record:
            _add_field(record, key, value, document)  # the clash rule
        else:
            record[key] = value  # most fields: new to the record
    if source_field is not None and document is not None:
        # Provenance already in the record (newsnorm run again over its own output, say) is
        # the earlier and truer one, so it stays.
        record.setdefault(field_prefix + source_field, document.source)
    return _json_line(record, document, escape=escape)


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
    extra_fields: Mapping[str, Any] | None = None,
) -> str:
    """`format_article`, made safe to write as UTF-8 (a lone surrogate becomes U+FFFD).

    In JSONL, a lone surrogate in one of the record's own fields is already written as its
    ``\\u`` escape by `format_article`, and stays so.

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
        extra_fields=extra_fields,
    )
    if output_format == "jsonl" or (document is not None and document.verbatim is not None):
        return chunk  # JSONL is written with its lone surrogates replaced or escaped already
    return _without_surrogates(chunk)


Chunk = str | ParquetRow
"""One article as its output takes it: a piece of text (newline included) for the text
formats and JSONL, a row (`newsnorm.formats.parquet.ParquetRow`) for Parquet.

Examples:
    >>> render_chunk(Article("Body."), "jsonl")[:17], render_chunk(Article("Body."), "parquet")[0]
    ('{"text": "Body.",', 'Body.')
"""


def render_chunk(
    article: Article,
    output_format: OutputFormat = "text",
    *,
    document: Document | None = None,
    **options: Any,
) -> Chunk:
    """Turn an article into the chunk its output format writes.

    For the text formats and JSONL, the text of `render_article`, given `options` (its
    keyword arguments: ``text_field``, ``repaired``, ``body_only``, ``field_prefix``,
    ``source_field``). For Parquet, the row of `newsnorm.formats.parquet.article_row` (the
    writer names the columns and adds the input's own), or the empty row for a document kept
    as it was read (`Document.verbatim`). The chunk pickles, so that worker processes can
    make it.

    Examples:
        >>> render_chunk(Article("Body.", title="T"), "parquet")[:2]
        ('Body.', 'T')
        >>> render_chunk(Article("Body."), "lines", repaired="Title\\nBody.", body_only=True)
        'Body.\\n'
    """
    if output_format == "jsonl":  # written safe already: render_article would return it as is
        return format_article(article, output_format, document=document, **options)
    if output_format != "parquet":
        return render_article(article, output_format, document=document, **options)
    return article_row(article, document)


class ChunkWriter(Protocol):
    """What `open_writer` gives: a writer of articles, or of the chunks `render_chunk` made.

    `ArticleWriter` (the text formats and JSONL) and
    `newsnorm.formats.parquet.ParquetArticleWriter` are the two kinds.

    Examples:
        >>> import io
        >>> writer: ChunkWriter = ArticleWriter(io.StringIO(), "jsonl")
        >>> writer.count
        0
    """

    count: int

    def write(
        self, article: Article, document: Document | None = None, *, repaired: str | None = None
    ) -> None:
        """Write one article: the writer renders it (`repaired` is for the text formats).

        Examples:
            >>> from newsnorm.formats.parquet import ParquetArticleWriter
            >>> import io
            >>> rows: ChunkWriter = ParquetArticleWriter(io.BytesIO())
            >>> rows.write(Article("Body."), Document("Body .", "in.txt")); rows.count
            1
        """

    def write_chunk(self, chunk: Any, document: Document | None = None) -> None:
        """Write one article already rendered by `render_chunk` in this writer's format.

        Examples:
            >>> import io
            >>> stream = io.StringIO()
            >>> ArticleWriter(stream, "lines").write_chunk(render_chunk(Article("A."), "lines"))
            >>> stream.getvalue()
            'A.\\n'
        """

    def finish(self) -> None:
        """Complete the output (the stream stays open).

        Examples:
            >>> import io
            >>> stream = io.StringIO()
            >>> writer = ArticleWriter(stream, "multinews"); writer.write(Article("A."))
            >>> writer.finish(); stream.getvalue()
            'A.\\n'
        """


@contextlib.contextmanager
def open_writer(
    path: str | os.PathLike[str],
    output_format: OutputFormat = "jsonl",
    *,
    text_field: str = "text",
    body_only: bool = False,
    field_prefix: str = "",
    source_field: str | None = None,
) -> Iterator[ChunkWriter]:
    """Open `path` for articles in `output_format`, atomically (``"-"``: standard output).

    The file appears when the block ends without an exception, complete (the writer's
    `ChunkWriter.finish` is called first); otherwise the temporary file is removed. Parquet is
    written by `newsnorm.formats.parquet.ParquetArticleWriter` (its `text_field`,
    `field_prefix` and `source_field` name its columns; those of the text formats are given to
    `render_chunk` instead, which the writer's `ChunkWriter.write` calls).

    Raises:
        OutputError: the file cannot be written (see `atomic_output`); Parquet without
            pyarrow.

    Examples:
        >>> import tempfile, pathlib, pyarrow.parquet as pq
        >>> from newsnorm.formats import read_documents
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> with open_writer(folder / "a.parquet", "parquet", source_field="source") as out:
        ...     out.write(Article("Rain fell.", title="Rain"), Document("", "in.txt"))
        >>> pq.read_table(folder / "a.parquet").column("source").to_pylist()
        ['in.txt']
        >>> [d.text for d in read_documents(folder / "a.parquet")]
        ['Rain fell.']
    """
    if output_format == "parquet":
        with atomic_binary_output(path) as binary:
            rows = ParquetArticleWriter(
                binary,
                text_field=text_field,
                field_prefix=field_prefix,
                source_field=source_field,
                name=os.fspath(path),
            )
            with rows:  # the footer on success; on an error, nothing more is written
                yield rows
        return
    with atomic_output(path) as stream:
        text_writer = ArticleWriter(
            stream,
            output_format,
            text_field=text_field,
            body_only=body_only,
            field_prefix=field_prefix,
            source_field=source_field,
        )
        yield text_writer
        text_writer.finish()


class ArticleWriter:
    """Write articles one after another to an open text stream.

    In text format, articles are separated by one blank line (paragraphs inside an article are
    separated by a single newline, so the two never mix). In ``multinews`` format, consecutive
    documents of one cluster (same source and line) share a line, joined by ``|||||``; the
    line is ended by the next cluster or by `finish` (called on leaving a ``with`` block).

    Examples:
        >>> import io
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

    def write_chunk(self, chunk: Chunk, document: Document | None = None) -> None:
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
        if not isinstance(chunk, str):
            raise TypeError(f"a {self.output_format} output takes text, not a Parquet row")
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
    with open_writer(path, output_format) as writer:
        for article in articles:
            writer.write(article)
    return writer.count
