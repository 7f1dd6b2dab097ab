"""Reading documents from files: one named `Reader` per input format, in a registry.

Inputs are decoded strictly (a bad byte is an error that names the file, line and byte offset)
unless told otherwise, and read lazily, one record at a time, so memory stays flat: no record
is held beyond `ReadOptions.max_document_size` bytes, and binary content is refused from the
first block (see `newsnorm.formats.streams`). A new input format is one more `Reader` value in
`READERS`: `read_documents`, `resolve_input_format` (the ``auto`` choice by file name) and the
command line's ``--input-format`` follow from it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Literal

import attrs
import regex

from newsnorm.config import Corpus
from newsnorm.errors import DecodeError, InputError, NewsnormError, RecordError
from newsnorm.formats.compression import COMPRESSED_SUFFIXES, STDIO, open_binary
from newsnorm.formats.documents import MULTINEWS_SEPARATOR, Document
from newsnorm.formats.parquet import read_parquet
from newsnorm.formats.records import (
    ReadOptions,
    _decode,
    _json_record,
    _nul_error,
    _open,
    _overlong_file,
    _overlong_record,
    _verbatim,
)
from newsnorm.formats.streams import (
    DEFAULT_MAX_DOCUMENT_SIZE,
    Overlong,
    bounded_lines,
    read_bounded,
)
from newsnorm.formats.writers import OutputFormat

__all__ = [
    "CONLL",
    "JSONL",
    "LINES",
    "MULTINEWS",
    "PARQUET",
    "READERS",
    "STORY",
    "TEXT",
    "XSUM",
    "InputFormat",
    "ReadOptions",
    "Reader",
    "describe_input_formats",
    "read_documents",
    "resolve_input_format",
    "resolve_output_format",
]

InputFormat = Literal[
    "auto", "text", "lines", "jsonl", "multinews", "conll", "story", "xsum", "parquet"
]
"""``auto`` (by file name) or the name of a `Reader` in `READERS` (the two are kept equal by a
test: a type checker needs the names spelled out).

``text``: one article per file; ``lines``: one per line; ``jsonl``: one JSON object per line;
``multinews``: one cluster per line, documents separated by ``|||||``; ``conll``: CoNLL-2003
token-per-line files, one article per ``-DOCSTART-``; ``story``: a CNN/DailyMail ``.story``
file; ``xsum``: an XSum ``[SN]`` sections file; ``parquet``: one article per row of a Parquet
table, the text in a column (needs pyarrow, the ``parquet`` extra).

Examples:
    >>> [resolve_input_format(name) for name in ("a.txt", "b.jsonl", "train.src")]
    ['text', 'jsonl', 'multinews']
    >>> [resolve_input_format(name) for name in ("eng.conll", "a.story", "1.summary")]
    ['conll', 'story', 'xsum']
    >>> resolve_input_format("part-0.parquet")
    'parquet'
"""


ReadFunction = Callable[[IO[bytes], ReadOptions], Iterator[Document]]
# Reads the documents of one open binary input, lazily.


@attrs.frozen
class Reader:
    """One named input format: how its files are recognized and read.

    Attributes:
        name: the format's name (``--input-format NAME``), one of `InputFormat`.
        help: one line on what a file of this format holds, for ``--help`` and the docs.
        read: reads the documents of an open binary input with the given `ReadOptions`.
        suffixes: the file-name suffixes that make ``auto`` choose this reader, when one is the
            name's last suffix (compression suffixes are looked through).
        inner_suffixes: `suffixes` count in any position too (``train.src.cleaned``).
        rewrite_as: the output format that writes a file of this format back in its own form
            (``--in-place``), or None when no writer can (the file cannot be rewritten).
        corpus: the corpus whose layout its documents have, when the format tells.
        binary: the format is not text (Parquet): its reader reads the bytes itself, and none
            of the text checks apply (encodings, binary content, line numbers).

    Examples:
        >>> READERS["conll"].suffixes, READERS["conll"].rewrite_as, READERS["conll"].corpus
        (('.conll',), None, 'conll2003')
        >>> [name for name, reader in READERS.items() if reader.binary]
        ['parquet']
    """

    name: InputFormat
    help: str
    read: ReadFunction = attrs.field(repr=False)
    suffixes: tuple[str, ...] = ()
    inner_suffixes: bool = False
    rewrite_as: OutputFormat | None = "text"
    corpus: Corpus | None = None
    binary: bool = False


# --- whole files: text, story, xsum ---------------------------------------------------------


def _read_whole(handle: IO[bytes], options: ReadOptions) -> Iterator[Document]:
    strict = options.errors == "strict"
    stream, options = _open(handle, options)
    data = read_bounded(stream, options.max_document_size)
    if data is None:
        raise _overlong_file(options)
    if strict and b"\x00" in data:
        raise InputError(
            "looks like a binary file (it contains NUL bytes);"
            " use --errors replace to read it anyway",
            file=options.source,
        )
    source, encoding, errors = options.source, options.encoding, options.errors
    text = _decode(data, source=source, line=1, offset=0, encoding=encoding, errors=errors)
    if text.strip():
        yield Document(text, options.source, size=len(data))


# --- one record per line: lines, jsonl, multinews -------------------------------------------

LineParser = Callable[[str, int, int, ReadOptions], Iterable[Document]]
# (the decoded line without its ending, its number, its size in bytes, the options) -> documents


def _by_line(parse: LineParser) -> ReadFunction:
    def read(handle: IO[bytes], options: ReadOptions) -> Iterator[Document]:
        strict = options.errors == "strict"
        handle, options = _open(handle, options)
        source, encoding = options.source, options.encoding
        offset = 0
        for number, raw_line in enumerate(
            bounded_lines(handle, options.max_document_size), start=1
        ):
            if isinstance(raw_line, Overlong):
                offset += raw_line.size
                error = _overlong_record(raw_line.size, options=options, line=number)
                if options.on_error is None or not isinstance(error, RecordError):
                    raise error
                options.on_error(error)
                continue
            size = len(raw_line)
            start, offset = offset, offset + size
            try:
                if strict and b"\x00" in raw_line:
                    raise _nul_error(raw_line, source=source, line=number, offset=start)
                line = _decode(
                    raw_line,
                    source=source,
                    line=number,
                    offset=start,
                    encoding=encoding,
                    errors=options.errors,
                ).rstrip("\r\n")
                if not line or line.isspace():
                    continue
                yield from parse(line, number, size, options)
            except (RecordError, DecodeError) as error:
                if options.on_error is None:
                    raise
                options.on_error(error)
                if options.keep_verbatim:
                    verbatim = _verbatim(raw_line, source=source, encoding=encoding)
                    yield Document("", source, number, size=size, verbatim=verbatim)

    return read


def _line_document(line: str, number: int, size: int, options: ReadOptions) -> Iterable[Document]:
    return (Document(line, options.source, number, size=size),)


def _jsonl_document(line: str, number: int, size: int, options: ReadOptions) -> Iterable[Document]:
    source, text_field = options.source, options.text_field
    record = _json_record(
        line, source=source, line=number, text_field=text_field, id_field=options.id_field
    )
    return (Document(record[text_field], source, number, record, size=size),)


def _multinews_documents(
    line: str, number: int, size: int, options: ReadOptions
) -> Iterator[Document]:
    cluster = options.cluster_offset + number
    for position, part in enumerate(line.split(MULTINEWS_SEPARATOR)):
        if part.strip():
            yield Document(
                part, options.source, number, position=position, size=size, cluster=cluster
            )
            size = 0  # the cluster's bytes count once


# --- CoNLL-2003: token-per-line blocks between -DOCSTART- lines -----------------------------

_CONLL_DOCSTART = regex.compile(rb"[ \t]*-DOCSTART-(?:[ \t]|\r?\n|$)")
_CONLL_COLUMN = regex.compile(r"[ \t]")


def _read_conll(handle: IO[bytes], options: ReadOptions) -> Iterator[Document]:
    strict = options.errors == "strict"
    handle, options = _open(handle, options)
    limit = options.max_document_size
    block: list[bytes] = []  # the raw lines since the last -DOCSTART- line (included)
    first, offset, size = 1, 0, 0  # the block's first line, byte offset and size
    overlong = False  # the block is longer than the limit: its lines are no longer kept
    for number, raw_line in enumerate(bounded_lines(handle, limit), start=1):
        starts = not isinstance(raw_line, Overlong) and _CONLL_DOCSTART.match(raw_line)
        if size and starts:
            yield from _conll_block(block, first, offset, size, overlong, options, strict)
            block, first, offset, size, overlong = [], number, offset + size, 0, False
        size += raw_line.size if isinstance(raw_line, Overlong) else len(raw_line)
        if isinstance(raw_line, Overlong) or size > limit:
            block, overlong = [], True
        elif not overlong:
            block.append(raw_line)
    if size:
        yield from _conll_block(block, first, offset, size, overlong, options, strict)


def _conll_block(
    block: list[bytes],
    first: int,
    offset: int,
    size: int,
    overlong: bool,
    options: ReadOptions,
    strict: bool,
) -> Iterator[Document]:
    if not overlong:
        yield from _conll_document(block, first, offset, options, strict)
        return
    error = _overlong_record(size, options=options, line=first)
    if options.on_error is None or not isinstance(error, RecordError):
        raise error
    options.on_error(error)


def _conll_document(
    block: list[bytes], first: int, offset: int, options: ReadOptions, strict: bool
) -> Iterator[Document]:
    # One block, as its sentences one per line with their tokens (the first column) joined by
    # a space. The document starts at its first token; its size is the whole block's (its
    # -DOCSTART- line and blank lines included), for progress reports.
    size = sum(len(raw) for raw in block)
    sentences: list[str] = []
    tokens: list[str] = []
    start = 0
    try:
        for number, raw_line in enumerate(block, start=first):
            if strict and b"\x00" in raw_line:
                raise _nul_error(raw_line, source=options.source, line=number, offset=offset)
            line = _decode(
                raw_line,
                source=options.source,
                line=number,
                offset=offset,
                encoding=options.encoding,
                errors=options.errors,
            ).rstrip("\r\n")
            offset += len(raw_line)
            columns = line.strip(" \t")
            token = _CONLL_COLUMN.split(columns, maxsplit=1)[0]
            if not token:
                if tokens:
                    sentences.append(" ".join(tokens))
                    tokens = []
            elif not (number == first and _CONLL_DOCSTART.match(raw_line)):
                start = start or number
                tokens.append(token)
    except DecodeError as error:
        if options.on_error is None:
            raise
        options.on_error(error)
        if options.keep_verbatim:
            verbatim = _verbatim(b"".join(block), source=options.source, encoding=options.encoding)
            yield Document("", options.source, first, size=size, verbatim=verbatim)
        return
    if tokens:
        sentences.append(" ".join(tokens))
    if sentences:
        yield Document("\n".join(sentences), options.source, start, size=size)


# --- the registry ---------------------------------------------------------------------------

TEXT = Reader(
    "text",
    "one article per file",
    _read_whole,
)
"""One article per file, the whole file (the default for a name no reader claims).

Raises `InputError` for a file with NUL bytes (binary) unless ``errors="replace"``, and for a
file longer than `ReadOptions.max_document_size` (found having read that much, no more).

Examples:
    >>> import io
    >>> [d.text for d in TEXT.read(io.BytesIO(b"Title\\n\\nBody .\\n"), ReadOptions("a.txt"))]
    ['Title\\n\\nBody .\\n']
"""

LINES = Reader(
    "lines",
    "one article per line",
    _by_line(_line_document),
    rewrite_as="lines",
)
"""One article per line; blank lines are skipped, and each document keeps its line number.

Examples:
    >>> import io
    >>> docs = LINES.read(io.BytesIO(b"One .\\n\\nTwo .\\n"), ReadOptions("a.txt"))
    >>> [(d.text, d.line) for d in docs]
    [('One .', 1), ('Two .', 3)]
"""

JSONL = Reader(
    "jsonl",
    "one JSON object per line, the article in --text-field",
    _by_line(_jsonl_document),
    suffixes=(".jsonl", ".ndjson"),
    rewrite_as="jsonl",
)
"""One JSON object per line, the article in its `ReadOptions.text_field`; a line that is not
such an object is a `RecordError`.

Examples:
    >>> import io
    >>> docs = JSONL.read(io.BytesIO(b'{"id": 7, "body": "One ."}\\n'), ReadOptions("a", "body"))
    >>> [(d.text, d.record["id"]) for d in docs]
    [('One .', 7)]
"""

MULTINEWS = Reader(
    "multinews",
    "one cluster per line, documents separated by |||||",
    _by_line(_multinews_documents),
    suffixes=(".src",),
    inner_suffixes=True,
    rewrite_as="multinews",
    corpus="multinews",
)
"""Multi-News: one cluster per line, its documents separated by ``|||||``; each document is an
article with its `Document.cluster` and `Document.position` (``train.src.cleaned`` too).

Examples:
    >>> import io
    >>> docs = MULTINEWS.read(io.BytesIO(b"A .|||||B .\\n"), ReadOptions("x.src"))
    >>> [(d.text, d.cluster, d.position) for d in docs]
    [('A .', 1, 0), ('B .', 1, 1)]
"""

CONLL = Reader(
    "conll",
    "CoNLL-2003 token-per-line columns, one article per -DOCSTART- block",
    _read_conll,
    suffixes=(".conll",),
    rewrite_as=None,
    corpus="conll2003",
)
"""CoNLL-2003: one token per line (``TOKEN POS CHUNK NER``, or the token alone), a blank line
after each sentence, a ``-DOCSTART-`` line before each document.

Each document is one article: its sentences one per line, tokens joined by a single space (so
the headline, byline and ``PLACE YYYY-MM-DD`` lines stand as the header readers expect), its
`Document.line` the line of its first token. The tags are not read. A file holding no
``-DOCSTART-`` line is one document. A document with an invalid byte is one bad record (see
`ReadOptions.on_error`). Only ``.conll`` files are chosen by ``auto`` (``eng.train`` and
``.txt`` files need ``--input-format conll``), and no writer writes the columns back, so
these files cannot be rewritten in place.

Examples:
    >>> import io
    >>> data = b"-DOCSTART- -X- -X- O\\n\\nRAIN NN B-NP O\\n\\n"
    >>> data += b"ROME NNP B-NP B-LOC\\n1996-08-30 CD I-NP O\\n"
    >>> [(d.text, d.line) for d in CONLL.read(io.BytesIO(data), ReadOptions("a.conll"))]
    [('RAIN\\nROME 1996-08-30', 3)]
"""

STORY = Reader(
    "story",
    "one CNN/DailyMail article per file, its @highlight lines included",
    _read_whole,
    suffixes=(".story",),
    corpus="cnn_dailymail",
)
"""A CNN/DailyMail ``.story`` file: one article per file, read whole as `TEXT` reads it, so its
``@highlight`` lines stay in the text for the header readers to move into a field.

Examples:
    >>> import io
    >>> data = b"Rain fell .\\n\\n@highlight\\n\\nIt rained\\n"
    >>> [d.text for d in STORY.read(io.BytesIO(data), ReadOptions("a.story"))]
    ['Rain fell .\\n\\n@highlight\\n\\nIt rained\\n']
"""

XSUM = Reader(
    "xsum",
    "one XSum article per file, in [SN]URL[SN], [SN]TITLE[SN]... sections",
    _read_whole,
    suffixes=(".summary", ".data"),
    corpus="xsum",
)
"""An XSum ``.summary`` (or ``.data``) file: one article per file in ``[SN]URL[SN]``,
``[SN]TITLE[SN]``, ``[SN]FIRST-SENTENCE[SN]`` and ``[SN]RESTBODY[SN]`` sections, read whole as
`TEXT` reads it (nothing is split), so the header readers see every section.

Examples:
    >>> import io
    >>> data = b"[SN]URL[SN]\\nhttp://x.test/1\\n\\n[SN]TITLE[SN]\\nRain\\n"
    >>> [d.text for d in XSUM.read(io.BytesIO(data), ReadOptions("1.summary"))]
    ['[SN]URL[SN]\\nhttp://x.test/1\\n\\n[SN]TITLE[SN]\\nRain\\n']
"""

PARQUET = Reader(
    "parquet",
    "one article per row of a Parquet table, the text in the --text-field column",
    read_parquet,
    suffixes=(".parquet",),
    rewrite_as="parquet",
    binary=True,
)
"""A Parquet table: one article per row, the text in the `ReadOptions.text_field` column,
read a batch of rows at a time, so memory is bounded by a row group (see
`newsnorm.formats.parquet.read_parquet`). Each document's `Document.record` is the row (a
`newsnorm.formats.parquet.TableRow`), whose other columns Parquet output keeps with their
types. Needs pyarrow (the ``parquet`` extra) and a file: standard input cannot be read as
Parquet.

Examples:
    >>> import io, pyarrow as pa, pyarrow.parquet as pq
    >>> data = io.BytesIO()
    >>> pq.write_table(pa.table({"id": [3], "text": ["It rained ."]}), data)
    >>> [(d.text, d.line, d.record["id"]) for d in PARQUET.read(data, ReadOptions("a.parquet"))]
    [('It rained .', 1, 3)]
"""

READERS: Mapping[str, Reader] = {
    reader.name: reader for reader in (TEXT, LINES, JSONL, MULTINEWS, CONLL, STORY, XSUM, PARQUET)
}
"""Every input format's reader by name, in the order ``--help`` lists them.

Examples:
    >>> list(READERS)
    ['text', 'lines', 'jsonl', 'multinews', 'conll', 'story', 'xsum', 'parquet']
"""

_DEFAULT = TEXT


def resolve_input_format(name: str, input_format: InputFormat = "auto") -> InputFormat:
    """Choose the input format for a file name: the reader claiming its last suffix.

    Compression suffixes are looked through; a reader with `Reader.inner_suffixes` also claims
    a suffix in any position (``test.src.cleaned``); a name no reader claims is ``text``. An
    explicit format other than ``auto`` wins.

    Examples:
        >>> resolve_input_format("dump.jsonl.gz"), resolve_input_format("test.src.cleaned")
        ('jsonl', 'multinews')
        >>> resolve_input_format("story.txt"), resolve_input_format("x.txt", "lines")
        ('text', 'lines')
        >>> resolve_input_format("eng.train"), resolve_input_format("eng.train", "conll")
        ('text', 'conll')
    """
    if input_format != "auto":
        return input_format
    suffixes = [s for s in Path(name).suffixes if s not in COMPRESSED_SUFFIXES]
    chosen = _DEFAULT
    if suffixes:
        last = [r for r in READERS.values() if suffixes[-1] in r.suffixes]
        inner = [r for r in READERS.values() if r.inner_suffixes and set(r.suffixes) & {*suffixes}]
        chosen = (last or inner or [_DEFAULT])[0]
    return chosen.name


def resolve_output_format(name: str) -> OutputFormat:
    """Choose the output format a file name implies: the one its own reader rewrites it as.

    So ``.jsonl`` and ``.ndjson`` names are written as JSONL, ``.parquet`` as Parquet,
    ``.src`` as Multi-News, and any other name (``.txt``, none) as text; compression suffixes
    are looked through.

    Examples:
        >>> [resolve_output_format(n) for n in ("out.jsonl.gz", "out.parquet", "out.txt")]
        ['jsonl', 'parquet', 'text']
        >>> resolve_output_format("clean.conll"), resolve_output_format("-")
        ('text', 'text')
    """
    return READERS[resolve_input_format(name)].rewrite_as or "text"


def describe_input_formats() -> str:
    """Describe the input formats for ``--help``: each reader's line, then how ``auto`` chooses.

    Examples:
        >>> describe_input_formats()[:55]
        'text: one article per file; lines: one article per line'
        >>> describe_input_formats()[-66:]
        '.data: xsum; .parquet: parquet; anything else text (default: auto)'
    """
    formats = "; ".join(f"{reader.name}: {reader.help}" for reader in READERS.values())
    claims = "; ".join(
        f"{', '.join(reader.suffixes)}: {reader.name}"
        for reader in READERS.values()
        if reader.suffixes
    )
    default = f"anything else {_DEFAULT.name} (default: auto)"
    return f"{formats}; auto chooses by file name: {claims}; {default}"


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
    max_document_size: int = DEFAULT_MAX_DOCUMENT_SIZE,
) -> Iterator[Document]:
    """Read the documents of one input file (``"-"`` for standard input), lazily.

    The file is read by the `Reader` of `input_format` in `READERS`.

    Args:
        path: the file, or ``"-"``.
        input_format: see `InputFormat`; ``auto`` chooses by file name.
        text_field: the JSONL field holding the text.
        id_field: a JSONL field that names a record in error messages.
        encoding: the input encoding.
        errors: ``strict`` stops at an invalid byte; ``replace`` reads it as U+FFFD.
        on_error: called with a `RecordError` or `DecodeError` for a bad record of a
            line-based input (a document of a CoNLL file), which is then skipped; by default
            the error is raised.
        keep_verbatim: with `on_error`, a bad record is not skipped but yielded as an empty
            document whose `Document.verbatim` is the raw line, so that writing it gives the
            line back byte for byte.
        cluster_offset: added to the line number to make a Multi-News document's
            `Document.cluster` (to number the clusters of several files apart).
        max_document_size: the most bytes one document may take (see
            `ReadOptions.max_document_size`).

    An encoding that does not write line breaks as the byte ``0x0A`` (UTF-16, UTF-32) is
    decoded as the file is read and split afterwards; byte offsets in messages then count
    the text's UTF-8 bytes, and an invalid sequence in it stops the file.

    Raises:
        InputError: the file cannot be opened or read (a truncated or corrupt archive, say), is
            binary (NUL bytes in its first block, with strict `errors`), or (in a format of one
            article per file) is longer than `max_document_size`.
        DecodeError: a byte sequence is invalid in `encoding` (with the line and byte offset).
        RecordError: a JSONL line is not an object with a string `text_field` (or holds
            ``NaN``, ``Infinity`` or a number too large for a float), or a record is longer
            than `max_document_size`.
        ValueError: `input_format` names no reader.

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
    chosen = resolve_input_format(name, input_format)
    reader = READERS.get(chosen)
    if reader is None:
        raise ValueError(f"unknown input format {chosen!r}: one of auto, {', '.join(READERS)}")
    options = ReadOptions(
        "<stdin>" if name == STDIO else name,
        text_field=text_field,
        id_field=id_field,
        encoding=encoding,
        errors=errors,
        on_error=on_error,
        keep_verbatim=keep_verbatim,
        cluster_offset=cluster_offset,
        max_document_size=max_document_size,
    )
    with open_binary(name) as handle:
        yield from reader.read(handle, options)
