"""Parquet: one article per row of a table, read a batch at a time, written atomically.

Needs pyarrow (the ``parquet`` extra, ``pip install 'newsnorm[parquet]'``), imported only when
a Parquet file is read or written: newsnorm imports without it, and reading or writing Parquet
without it is a one-line error naming the extra.

Reading (`read_parquet`, the ``parquet`` reader of `newsnorm.formats.READERS`) goes through the
file's row groups in order, a batch of rows at a time, so memory is bounded by a row group,
never by the file. Each row is a `Document` whose text is the row's text column and whose
`Document.record` is a `TableRow`: a read-only mapping over the row that keeps the table's own
values in Arrow, so that writing them back keeps their types exactly.

Writing (`ParquetArticleWriter`) keeps every column of the input table in its place and type,
replaces the text column with the normalized text, and adds the article's fields as the
columns of `newsnorm.columns` (the names and Arrow types the engine adapters use), under a
prefix when asked. A table's own column is never replaced by another value: the same rule as
for JSONL records (an empty value leaves it, an equal one is no clash, a different one is a
`RecordError` naming the row; a prefix puts newsnorm's columns beside the table's own).
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
from collections.abc import Iterator, Mapping, Sequence
from typing import IO, Any

from newsnorm.article import Article
from newsnorm.columns import arrow_schema, article_columns
from newsnorm.errors import InputError, NewsnormError, OutputError, RecordError
from newsnorm.formats.documents import Document
from newsnorm.formats.records import (
    ReadOptions,
    _add_field,
    _overlong_record,
    _value_without_surrogates,
)

__all__ = [
    "PARQUET_EXTRA",
    "ParquetArticleWriter",
    "ParquetRow",
    "TableRow",
    "article_row",
    "has_pyarrow",
    "read_parquet",
    "require_pyarrow",
]

PARQUET_EXTRA = "pyarrow (pip install 'newsnorm[parquet]')"
"""What reading or writing Parquet needs, as error messages name it.

Examples:
    >>> PARQUET_EXTRA
    "pyarrow (pip install 'newsnorm[parquet]')"
"""

ParquetRow = tuple[Any, ...]
"""An article as one row of Parquet output: its text, then its `newsnorm.columns.COLUMNS`
values in order (see `article_row`); the empty tuple keeps the input row as it was.

Examples:
    >>> article_row(Article("Body.", title="T"))[:2]
    ('Body.', 'T')
"""

_BATCH_ROWS = 1024
# Rows read at a time from a row group: a batch of them, never more than one row group, is
# decoded at once.
_GROUP_ROWS = 8192
_GROUP_CHARACTERS = 16 * 1024 * 1024
# A row group of the output closes at this many rows or characters of text, whichever first.


def has_pyarrow() -> bool:
    """Tell whether pyarrow is installed, without importing it.

    Importing pyarrow starts threads, after which a process is no longer forked for workers
    (see `newsnorm.batch.render_documents`): the command line asks this first, and imports
    pyarrow when it reads or writes the first table.

    Examples:
        >>> has_pyarrow()
        True
    """
    try:
        return importlib.util.find_spec("pyarrow") is not None
    except (ImportError, ValueError):
        return False


def require_pyarrow(*, file: str | None = None, writing: bool = False) -> Any:
    """Import and return ``pyarrow.parquet``, or fail with one line naming the extra.

    Raises:
        InputError: pyarrow is not installed (`OutputError` when `writing`).

    Examples:
        >>> require_pyarrow().__name__
        'pyarrow.parquet'
    """
    try:
        import pyarrow.parquet as pq
    except ImportError:
        error = OutputError if writing else InputError
        verb = "writing" if writing else "reading"
        raise error(f"{verb} Parquet needs {PARQUET_EXTRA}", file=file) from None
    return pq


# --- reading --------------------------------------------------------------------------------


class _Batch:
    # One batch of rows read from a table, shared by the `TableRow`s over it; its columns are
    # turned into Python values only when asked, once (the text column is, already).

    __slots__ = ("names", "rows", "values")

    def __init__(self, rows: Any, text_field: str, texts: list[str | None]) -> None:
        self.rows = rows  # a pyarrow.RecordBatch
        self.names: list[str] = list(rows.schema.names)
        self.values: dict[str, list[Any]] = {text_field: texts}

    def column(self, name: str) -> list[Any]:
        values = self.values.get(name)
        if values is None:
            if name not in self.names:
                raise KeyError(name)
            values = self.values[name] = self.rows.column(name).to_pylist()
        return values


class TableRow(Mapping[str, Any]):
    """One row of a table read from Parquet, as a read-only mapping of its columns' values.

    The values are Python objects (as ``pyarrow``'s ``as_py`` gives them); the row also keeps
    its place in the Arrow data read (`TableRow.rows`, `TableRow.index`), from which
    `ParquetArticleWriter` copies the row's own columns with their types. A pickled row (sent
    to a worker process) becomes a plain dict.

    Examples:
        >>> import io, pyarrow as pa, pyarrow.parquet as pq
        >>> data = io.BytesIO()
        >>> pq.write_table(pa.table({"id": [7, 8], "text": ["A .", "B ."]}), data)
        >>> row = list(read_parquet(data, ReadOptions("a.parquet")))[1].record
        >>> dict(row), row.index
        ({'id': 8, 'text': 'B .'}, 1)
    """

    __slots__ = ("_batch", "index")

    def __init__(self, batch: _Batch, index: int) -> None:
        self._batch = batch
        self.index = index

    @property
    def rows(self) -> Any:
        """The ``pyarrow.RecordBatch`` the row belongs to.

        Examples:
            >>> import io, pyarrow as pa, pyarrow.parquet as pq
            >>> data = io.BytesIO()
            >>> pq.write_table(pa.table({"text": ["A .", "B ."]}), data)
            >>> next(read_parquet(data, ReadOptions("a.parquet"))).record.rows.num_rows
            2
        """
        return self._batch.rows

    def __getitem__(self, key: str) -> Any:
        return self._batch.column(key)[self.index]

    def __iter__(self) -> Iterator[str]:
        return iter(self._batch.names)

    def __len__(self) -> int:
        return len(self._batch.names)

    def __repr__(self) -> str:
        return f"TableRow({dict(self)!r})"

    def __reduce__(self) -> tuple[type[dict[str, Any]], tuple[list[tuple[str, Any]]]]:
        return (dict, (list(self.items()),))


def _open_table(handle: IO[bytes], options: ReadOptions) -> tuple[Any, int]:
    # The file, checked for its text column, and its size in bytes.
    pq = require_pyarrow(file=options.source)
    import pyarrow as pa

    source = options.source
    try:
        handle.read(4)  # a failing device says so here, as it does to every reader
        seekable = handle.seekable()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=source) from None
    except ValueError:
        seekable = False
    if not seekable:
        raise InputError(
            "Parquet is read from the end of the file: give a file, not a stream or a pipe",
            file=source,
        )
    try:
        size = handle.seek(0, os.SEEK_END)
        handle.seek(0)
        table = pq.ParquetFile(handle)
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise InputError(f"not a readable Parquet file ({_cause(exc)})", file=source) from None
    schema = table.schema_arrow
    field = options.text_field
    if field not in schema.names:
        shown = ", ".join(repr(name) for name in schema.names[:8])
        more = ", ..." if len(schema.names) > 8 else ""
        raise InputError(
            f"no column {field!r} in the table (its columns: {shown}{more});"
            " name the text column with --text-field",
            file=source,
        )
    kind = schema.field(field).type
    from newsnorm.formats._arrow import _is_text

    if not _is_text(kind):
        raise InputError(f"the column {field!r} holds {kind}, not strings", file=source)
    return table, size


def _cause(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def read_parquet(handle: IO[bytes], options: ReadOptions) -> Iterator[Document]:
    """Read the rows of an open Parquet file as documents, one batch of rows at a time.

    Each row is a `Document` with the text of its `ReadOptions.text_field` column, its
    1-based row number as `Document.line`, and the row as a `TableRow` in `Document.record`.
    A row whose text is null, or longer than `ReadOptions.max_document_size`, is a bad record
    (a `RecordError` given to `ReadOptions.on_error`, which skips it, or kept as it was with
    `ReadOptions.keep_verbatim`). The file's size is spread over its rows as their
    `Document.size`, for progress reports.

    Raises:
        InputError: pyarrow is missing; the input is not a seekable file (standard input);
            it is not a Parquet file or is damaged; it has no text column, or that column does
            not hold strings.
        RecordError: a row's text is null or too long (without `ReadOptions.on_error`).

    Examples:
        >>> import io, pyarrow as pa, pyarrow.parquet as pq
        >>> data = io.BytesIO()
        >>> pq.write_table(pa.table({"id": [1, 2], "body": ["One .", "Two ."]}), data)
        >>> docs = read_parquet(data, ReadOptions("a.parquet", text_field="body"))
        >>> [(d.text, d.line, d.record["id"]) for d in docs]
        [('One .', 1, 1), ('Two .', 2, 2)]
    """
    table, file_size = _open_table(handle, options)  # pyarrow is there from here on
    import pyarrow as pa

    source, field = options.source, options.text_field
    total_rows = table.metadata.num_rows
    limit = options.max_document_size
    number = 0
    try:
        for rows in _batches(table):
            texts = rows.column(field).to_pylist()
            batch = _Batch(rows, field, texts)
            for index, text in enumerate(texts):
                size = file_size * (number + 1) // total_rows - file_size * number // total_rows
                number += 1
                record = TableRow(batch, index)
                error = _bad_row(text, limit, options, number)
                if error is None:
                    yield Document(text, source, number, record, size=size)
                    continue
                if options.on_error is None or not isinstance(error, RecordError):
                    raise error
                options.on_error(error)
                if options.keep_verbatim:
                    yield Document("", source, number, record, size=size, verbatim="")
    except (pa.ArrowException, OSError, ValueError, UnicodeDecodeError) as exc:
        cause = f"cannot read row {number + 1}: {_cause(exc)} (a damaged Parquet file?)"
        raise InputError(cause, file=source) from None


def _batches(table: Any) -> Iterator[Any]:
    # Row group by row group, a batch of rows at a time: no batch spans two row groups, so
    # what is held is bounded by a row group (and by the batch's rows within one).
    for group in range(table.num_row_groups):
        yield from table.iter_batches(batch_size=_BATCH_ROWS, row_groups=[group], use_threads=False)


def _bad_row(
    text: str | None, limit: int, options: ReadOptions, number: int
) -> NewsnormError | None:
    if text is None:
        cause = f"the text column {options.text_field!r} is null in this row"
        return RecordError(cause, file=options.source, line=number)
    if len(text) * 4 > limit and len(text.encode("utf-8", "surrogatepass")) > limit:
        return _overlong_record(
            len(text.encode("utf-8", "surrogatepass")), options=options, line=number
        )
    return None


# --- writing --------------------------------------------------------------------------------


def article_row(article: Article, document: Document | None = None) -> ParquetRow:
    """Return an article as a row of Parquet output: its text, then its columns' values.

    For a `document` kept as it was read (`Document.verbatim`), the empty row, which keeps the
    input row as it was.

    The values follow `newsnorm.columns.COLUMNS` (see `newsnorm.columns.article_columns`); a
    lone surrogate, which UTF-8 cannot hold, becomes U+FFFD (as `render_article` makes it).

    Examples:
        >>> from newsnorm import normalize
        >>> article_row(normalize("Title: Rain\\n\\nLONDON (Reuters) - It rained , again ."))[:5]
        ('It rained, again.', 'Rain', None, None, 'LONDON')
    """
    if document is not None and document.verbatim is not None:
        return ()
    row = (article.text, *article_columns(article).values())
    return tuple(_value_without_surrogates(list(row)))


class ParquetArticleWriter:
    """Write articles as the rows of one Parquet file, to an open binary stream.

    Rows are written in the order given, a row group at a time. A row read from Parquet (a
    document whose record is a `TableRow`) keeps every column of its table in its place and
    type, its text column replaced by the normalized text; other documents give a table of the
    text column alone. Then come newsnorm's columns (`newsnorm.columns.COLUMNS`, each named
    `field_prefix` plus its name), ``cluster`` and ``position`` for Multi-News documents, and
    `source_field` (prefixed too) naming each row's input file, unless the table has that
    column already. A column the table has already keeps its values; newsnorm's value may
    only fill a null (see `format_article` for JSONL's same rule).

    All the rows of one output share the first row's columns: a row from a table with other
    columns (another input file) is an `InputError`. A JSONL record has no column types and
    cannot be written as Parquet.

    `finish` (called on leaving a ``with`` block) writes the last row group and the file's
    footer; the stream itself stays open.

    Raises:
        RecordError: a row's own column holds another value than newsnorm's (a clash), or
            newsnorm's value does not fit the type of that column.
        InputError: a row's table has other columns than the first row's, or its record is not
            a Parquet row.

    Examples:
        >>> import io, pyarrow.parquet as pq
        >>> stream = io.BytesIO()
        >>> with ParquetArticleWriter(stream, source_field="source") as writer:
        ...     writer.write(Article("Rain fell.", title="Rain"), Document("", "a.txt"))
        >>> table = pq.read_table(stream)
        >>> table.column_names[:3], table.column("title").to_pylist(), table["source"][0]
        (['text', 'title', 'byline'], ['Rain'], <pyarrow.StringScalar: 'a.txt'>)
    """

    def __init__(
        self,
        stream: IO[bytes],
        *,
        text_field: str = "text",
        field_prefix: str = "",
        source_field: str | None = None,
        name: str | None = None,
    ) -> None:
        self.stream = stream
        self.text_field = text_field
        self.field_prefix = field_prefix
        self.source_field = source_field
        self.name = name
        self.count = 0
        if not has_pyarrow():  # imported with the first row group (it starts threads)
            require_pyarrow(file=name, writing=True)
        self._writer: Any = None  # the pyarrow.parquet.ParquetWriter, from the first group
        self._own: Any = None  # the schema of the rows' own columns, from the first row
        self._own_source: str | None = None
        self._clusters = False  # Multi-News documents: cluster and position columns
        self._pending: list[tuple[Document | None, ParquetRow]] = []
        self._characters = 0

    def __enter__(self) -> ParquetArticleWriter:
        return self

    def __exit__(self, exc_type: object, *exc_info: object) -> None:
        if exc_type is None:
            self.finish()
        else:
            self.abandon()

    def write(
        self, article: Article, document: Document | None = None, *, repaired: str | None = None
    ) -> None:
        """Write one article (with the document it came from; `repaired` is not used).

        Examples:
            >>> import io
            >>> writer = ParquetArticleWriter(io.BytesIO())
            >>> writer.write(Article("One.")); writer.count
            1
        """
        self.write_chunk(article_row(article, document), document)

    def write_chunk(self, chunk: ParquetRow, document: Document | None = None) -> None:
        """Write an article already made a row by `article_row` (the empty row: keep as read).

        Examples:
            >>> import io
            >>> writer = ParquetArticleWriter(io.BytesIO())
            >>> writer.write_chunk(article_row(Article("One."))); writer.count
            1
        """
        self._check(document)
        self._pending.append((document, chunk))
        if chunk:
            self._characters += len(chunk[0])
        self.count += 1
        if len(self._pending) >= _GROUP_ROWS or self._characters >= _GROUP_CHARACTERS:
            self._flush()

    def finish(self) -> None:
        """Write the rows still held and the file's footer; the stream stays open.

        A writer given no row writes a table of the text column and newsnorm's columns, with
        no rows. Calling `finish` again does nothing.

        Examples:
            >>> import io, pyarrow.parquet as pq
            >>> stream = io.BytesIO()
            >>> writer = ParquetArticleWriter(stream); writer.finish()
            >>> pq.read_table(stream).num_rows
            0
        """
        if self._writer is False:
            return
        self._flush()
        if self._writer is None:
            self._write(self._table([]))
        self._writer.close()
        self._writer = False

    def abandon(self) -> None:
        """Stop without writing the rows still held: the output is being discarded.

        Examples:
            >>> import io
            >>> writer = ParquetArticleWriter(io.BytesIO())
            >>> writer.write(Article("One.")); writer.abandon(); writer.finish()
        """
        self._pending = []
        writer, self._writer = self._writer, False
        if writer:
            # The footer goes into a file about to be removed; the error that got us here is
            # the one to report.
            with contextlib.suppress(Exception):
                writer.close()

    # --- the rows' own columns ----------------------------------------------------------

    def _check(self, document: Document | None) -> None:
        record = document.record if document is not None else None
        if record is not None and not isinstance(record, TableRow):
            raise InputError(
                "a JSONL record cannot be written as Parquet (its fields have no column types);"
                " write JSONL, or give Parquet or text input",
                file=document.source if document else None,
            )
        schema = record.rows.schema if record is not None else None
        if self._own is None:  # the first row
            self._own = schema if schema is not None else False
            self._own_source = document.source if document is not None else None
            self._clusters = document is not None and (
                document.position is not None or document.cluster is not None
            )
            return
        if schema is self._own or (schema is None and self._own is False):
            return
        if schema is not None and self._own is not False and schema.equals(self._own):
            self._own = schema  # the next batch of the same file is checked by identity
            return
        raise InputError(
            "its columns differ from those of the rows before it"
            f"{f' (from {self._own_source})' if self._own_source else ''}, which one Parquet"
            " output cannot hold: write one output per input (-o FOLDER/)",
            file=document.source if document else None,
        )

    def _own_table(self, pending: Sequence[tuple[Document | None, ParquetRow]]) -> Any:
        # The rows' own columns, copied from the Arrow data they were read from: runs of
        # consecutive rows of one batch are sliced, anything else taken row by row.
        import pyarrow as pa

        pieces = []
        run_rows: Any = None
        run_start = run_end = 0
        for document, _ in pending:
            row = document.record if document is not None else None
            assert isinstance(row, TableRow)
            if row.rows is run_rows and row.index == run_end:
                run_end += 1
                continue
            if run_rows is not None:
                pieces.append(run_rows.slice(run_start, run_end - run_start))
            run_rows, run_start, run_end = row.rows, row.index, row.index + 1
        if run_rows is not None:
            pieces.append(run_rows.slice(run_start, run_end - run_start))
        return pa.Table.from_batches(pieces, schema=self._own)

    # --- assembling a row group -----------------------------------------------------------

    def _flush(self) -> None:
        pending, self._pending, self._characters = self._pending, [], 0
        if pending:
            self._write(self._table(pending))

    def _write(self, table: Any) -> None:
        import pyarrow as pa

        try:
            if self._writer is None:
                pq = require_pyarrow(file=self.name, writing=True)
                self._writer = pq.ParquetWriter(self.stream, table.schema)
            self._writer.write_table(table)
        except pa.ArrowException as exc:  # not expected: the table is built to fit
            raise OutputError(f"cannot write Parquet: {_cause(exc)}", file=self.name) from None

    def _table(self, pending: Sequence[tuple[Document | None, ParquetRow]]) -> Any:
        import pyarrow as pa

        from newsnorm.formats._arrow import to_array

        own = self._own_table(pending) if self._own else None
        names = set(own.column_names) if own is not None else {self.text_field}
        kept = [not chunk for _, chunk in pending]  # rows kept as they were read
        texts = [None if keep else chunk[0] for keep, (_, chunk) in zip(kept, pending, strict=True)]
        if own is None:
            table = pa.table({self.text_field: to_array(texts, pa.string())})
        else:
            index = own.schema.get_field_index(self.text_field)
            field = own.schema.field(index)
            if any(kept):
                original = own.column(index).to_pylist()
                texts = [
                    was if keep else text
                    for keep, was, text in zip(kept, original, texts, strict=True)
                ]
            table = own.set_column(index, field, to_array(texts, field.type))
        documents = [document for document, _ in pending]
        added = arrow_schema(self.field_prefix)
        for position, field in enumerate(added):
            values = [
                None if keep else chunk[position + 1]
                for keep, (_, chunk) in zip(kept, pending, strict=True)
            ]
            table = self._add(table, names, field, values, documents)
        prefix = self.field_prefix
        if self._clusters:
            clusters = [
                None
                if document is None
                else document.cluster
                if document.cluster is not None
                else document.line
                for document in documents
            ]
            positions = [None if document is None else document.position for document in documents]
            for name, values in ((f"{prefix}cluster", clusters), (f"{prefix}position", positions)):
                table = self._add(table, names, pa.field(name, pa.int64()), values, documents)
        if self.source_field is not None:
            name = f"{prefix}{self.source_field}"
            if name not in names:  # a table's own provenance stays, as in JSONL
                sources = [
                    None if keep or document is None else document.source
                    for keep, document in zip(kept, documents, strict=True)
                ]
                table = table.append_column(
                    pa.field(name, pa.string()), to_array(sources, pa.string())
                )
        return table

    def _add(
        self,
        table: Any,
        names: set[str],
        field: Any,
        values: list[Any],
        documents: list[Document | None],
    ) -> Any:
        import pyarrow as pa

        from newsnorm.formats._arrow import to_array

        if field.name not in names:
            return table.append_column(field, to_array(values, field.type))
        # The table has this column already: its values stay, newsnorm's may fill a null.
        index = table.schema.get_field_index(field.name)
        own = table.column(index)
        merged = own.to_pylist()
        changed = False
        for row, (value, document) in enumerate(zip(values, documents, strict=True)):
            record = {field.name: merged[row]}
            _add_field(record, field.name, value, document)
            if record[field.name] is not merged[row]:
                merged[row], changed = record[field.name], True
        if not changed:
            return table
        kind = table.schema.field(index)
        try:
            column = to_array(merged, kind.type)
        except (pa.ArrowException, TypeError, ValueError) as exc:
            raise RecordError(
                f"the table's column {field.name!r} ({kind.type}) cannot hold newsnorm's values"
                f" ({_cause(exc)}); use --field-prefix to add newsnorm's columns under other names",
                file=documents[0].source if documents and documents[0] else None,
            ) from None
        return table.set_column(index, kind, column)
