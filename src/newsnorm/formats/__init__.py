"""Reading documents from files and writing articles back: the only package that touches files.

- `newsnorm.formats.readers`: one named `Reader` per input format in the registry `READERS`;
  `read_documents` reads a file through the one its format (or name) chooses.
- `newsnorm.formats.writers`: `render_chunk`, `open_writer`, `format_article`,
  `ArticleWriter` and `write_articles` for the output formats.
- `newsnorm.formats.parquet`: Parquet tables read a batch of rows at a time and written with
  their own columns kept (needs pyarrow, the ``parquet`` extra, imported only when used).
- `newsnorm.formats.compression`: compressed files by suffix, standard input and output, and
  `atomic_output` (`atomic_binary_output` for bytes).
- `newsnorm.formats.documents`: `Document`, a raw document with where it came from.
- `newsnorm.formats.streams`: how every reader reads: read errors as `InputError`, binary
  content refused from the first block, UTF-16 and other encodings decoded before they are
  split, and no document held beyond `DEFAULT_MAX_DOCUMENT_SIZE` (or the limit given).

Inputs are decoded strictly (a bad byte is an error that names the file, line and byte offset)
unless told otherwise, and read lazily, one record at a time, so memory stays flat: a document
longer than the limit is an error, found without holding it. ``.gz``,
``.bz2``, ``.xz`` and (with the ``zstandard`` package) ``.zst`` files are read and written
transparently. Outputs are written to a temporary file beside the destination and renamed into
place only when complete, so an interrupted run never leaves a half-written file.
"""

from __future__ import annotations

from newsnorm.formats.compression import (
    COMPRESSED_SUFFIXES,
    STDIO,
    atomic_binary_output,
    atomic_output,
)
from newsnorm.formats.documents import Document
from newsnorm.formats.readers import (
    READERS,
    InputFormat,
    Reader,
    ReadOptions,
    describe_input_formats,
    read_documents,
    resolve_input_format,
    resolve_output_format,
)
from newsnorm.formats.streams import DEFAULT_MAX_DOCUMENT_SIZE
from newsnorm.formats.writers import (
    ArticleWriter,
    Chunk,
    ChunkWriter,
    OutputFormat,
    format_article,
    open_writer,
    render_article,
    render_chunk,
    write_articles,
)

__all__ = [
    "COMPRESSED_SUFFIXES",
    "DEFAULT_MAX_DOCUMENT_SIZE",
    "READERS",
    "STDIO",
    "ArticleWriter",
    "Chunk",
    "ChunkWriter",
    "Document",
    "InputFormat",
    "OutputFormat",
    "ReadOptions",
    "Reader",
    "atomic_binary_output",
    "atomic_output",
    "describe_input_formats",
    "format_article",
    "open_writer",
    "read_documents",
    "render_article",
    "render_chunk",
    "resolve_input_format",
    "resolve_output_format",
    "write_articles",
]
