"""One record of an input: the options it is read with, decoding it, checking it.

Shared by the readers of `newsnorm.formats.readers`: `ReadOptions`, strict decoding with the
line and byte offset of a bad byte, the raw text of a bad record kept verbatim, the errors for
a NUL byte and for a record longer than the limit, and JSON records read without losing or
inventing anything (``NaN``, ``Infinity``, a number too large for a float and a key given
twice are refused).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from typing import IO, Any

import attrs
import regex

from newsnorm.errors import DecodeError, InputError, NewsnormError, RecordError
from newsnorm.formats.documents import Document
from newsnorm.formats.streams import DEFAULT_MAX_DOCUMENT_SIZE, describe_size, input_stream

__all__ = ["ReadOptions"]


@attrs.frozen
class ReadOptions:
    """How a `Reader` reads one input: its name for messages, the decoding, bad records.

    Attributes:
        source: the input's name in documents and messages (``"<stdin>"`` for standard input).
        text_field: the JSONL field holding the text.
        id_field: a JSONL field that names a record in error messages.
        encoding: the input encoding.
        errors: ``strict`` stops at an invalid byte; ``replace`` reads it as U+FFFD.
        on_error: called with the `RecordError` or `DecodeError` of a bad record of an input
            holding many (which is then skipped); None raises it.
        keep_verbatim: with `on_error`, yield a bad record as an empty document whose
            `Document.verbatim` holds its raw text.
        cluster_offset: added to the line number to make a Multi-News `Document.cluster`.
        max_document_size: the most bytes one document may take in the input (a whole file in
            the one-article-per-file formats, a line, a CoNLL block), 16 MiB by default; a
            longer one is an error (for a file of many records, a `RecordError` that
            `on_error` can skip), read past without being held in memory.

    Examples:
        >>> ReadOptions("a.txt").encoding, ReadOptions("a.txt").max_document_size
        ('utf-8', 16777216)
    """

    source: str
    text_field: str = "text"
    id_field: str | None = None
    encoding: str = "utf-8"
    errors: str = "strict"
    on_error: Callable[[NewsnormError], None] | None = None
    keep_verbatim: bool = False
    cluster_offset: int = 0
    max_document_size: int = attrs.field(
        default=DEFAULT_MAX_DOCUMENT_SIZE, validator=attrs.validators.ge(1)
    )


# --- decoding and checking records, shared by the readers---------------------------------------


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


def _verbatim(raw: bytes, *, source: str, encoding: str) -> str:
    # The raw record as text that encodes back to the same bytes (invalid ones as lone
    # surrogates), without its final line ending.
    if raw.endswith(b"\n"):
        raw = raw[:-1]
        if raw.endswith(b"\r"):
            raw = raw[:-1]
    try:
        return raw.decode(encoding, "surrogateescape")
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", file=source) from None


def _open(handle: IO[bytes], options: ReadOptions) -> tuple[IO[bytes], ReadOptions]:
    # The input as every reader reads it (see `input_stream`), with the options that decode it.
    stream, encoding, errors = input_stream(
        handle, source=options.source, encoding=options.encoding, errors=options.errors
    )
    if encoding != options.encoding or errors != options.errors:
        options = attrs.evolve(options, encoding=encoding, errors=errors)
    return stream, options


_LIMIT_HINT = "raise the limit with --max-document-size"


def _nul_error(raw: bytes, *, source: str, line: int, offset: int) -> DecodeError:
    at = offset + raw.index(b"\x00")
    return DecodeError(
        f"a NUL byte at byte {at} (binary data?); use --errors replace to read it anyway",
        file=source,
        line=line + raw.count(b"\n", 0, at - offset),
        offset=at,
    )


def _overlong_record(size: int, *, options: ReadOptions, line: int) -> NewsnormError:
    # A record longer than the limit: a bad record, unless the file is being rewritten with
    # its bad records kept, which this one cannot be (it is never held).
    limit = describe_size(options.max_document_size)
    cause = f"a record of {size:,} bytes, longer than the limit of {limit} ({_LIMIT_HINT})"
    if options.keep_verbatim and options.on_error is not None:
        cause += "; it cannot be kept in a rewritten file"
        return InputError(cause, file=options.source, line=line)
    return RecordError(cause, file=options.source, line=line)


def _overlong_file(options: ReadOptions) -> InputError:
    # A file read as one article that is longer than the limit.
    limit = describe_size(options.max_document_size)
    return InputError(
        f"longer than the limit of {limit} for one document (this format reads the whole file"
        f" as one article: use --input-format lines for one per line, or {_LIMIT_HINT})",
        file=options.source,
    )


# --- what the writers share: lone surrogates, the clash rule ---------------------------------

_SURROGATE = regex.compile("[\ud800-\udfff]")


def _without_surrogates(text: str) -> str:
    # A lone surrogate (from a JSON "\ud800" escape, say) cannot be written as UTF-8.
    return text if text.isascii() else _SURROGATE.sub("\ufffd", text)


def _value_without_surrogates(value: Any) -> Any:
    # newsnorm's own fields (text, title, headers...) as `_without_surrogates` makes strings.
    if isinstance(value, str):
        return _without_surrogates(value)
    if isinstance(value, dict):
        return {
            _without_surrogates(key): _value_without_surrogates(item) for key, item in value.items()
        }
    if isinstance(value, list):
        return [_value_without_surrogates(item) for item in value]
    return value


# --- the clash rule, shared by the writers -------------------------------------------------

_CLASH_REMEDY = "use --field-prefix to add newsnorm's fields under other names"


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


# --- JSON records ---------------------------------------------------------------------------


class _NotJSONError(Exception):
    """A value Python's JSON parser accepts but JSON does not (NaN, Infinity, 1e999)."""


def _refuse_constant(name: str) -> Any:
    raise _NotJSONError(f"not valid JSON: {name} is not a JSON value (write null or a string)")


def _finite_float(text: str) -> float:
    value = float(text)
    if math.isinf(value):
        shown = text if len(text) <= 24 else text[:20] + "..."
        raise _NotJSONError(f"not valid JSON: the number {shown} is too large for a float")
    return value


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # An object with a key twice would silently lose one of its values: refused.
    record = dict(pairs)
    if len(record) < len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                shown = repr(key) if len(key) <= 40 else repr(key[:40]) + "..."
                raise _NotJSONError(f"the key {shown} appears twice in one object")
            seen.add(key)
    return record


_DECODER = json.JSONDecoder(
    parse_constant=_refuse_constant, parse_float=_finite_float, object_pairs_hook=_unique_keys
)  # made once: json.loads would make one for every record


def _json_record(
    text: str, *, source: str, line: int, text_field: str, id_field: str | None = None
) -> dict[str, Any]:
    try:
        if text.startswith("\ufeff"):  # as json.loads says it
            raise json.JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", text, 0)
        record = _DECODER.decode(text)
    except _NotJSONError as exc:
        raise RecordError(str(exc), file=source, line=line) from None
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
