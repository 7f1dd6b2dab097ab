"""Arrow arrays built from Python values, for the Parquet writer (needs pyarrow).

``pyarrow.array`` imports pandas the first time it is called (to look for pandas objects in
its input), which takes longer than writing a few megabytes of Parquet. The columns newsnorm
adds (strings, dates, integers, lists of strings, lists of key-value pairs) are built here
from their buffers instead, which is also quicker than converting each value; any other type
falls back to ``pyarrow.array``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from array import array
from collections.abc import Sequence
from typing import Any

import pyarrow as pa

__all__ = ["to_array"]

_EPOCH = dt.date(1970, 1, 1)
_INT32 = "i" if array("i").itemsize == 4 else "l"
_INT64 = "q"


def to_array(values: Sequence[Any], kind: Any) -> Any:
    """Return a ``pyarrow.Array`` of `kind` holding `values` (None for a null).

    Examples:
        >>> to_array(["a", None, "b"], pa.string()).to_pylist()
        ['a', None, 'b']
        >>> to_array([[{"key": "By", "value": "Ann"}], None], pa.list_(
        ...     pa.struct([("key", pa.string()), ("value", pa.string())])
        ... )).to_pylist()
        [[{'key': 'By', 'value': 'Ann'}], None]
    """
    if pa.types.is_string(kind):
        return _strings(values)
    if pa.types.is_date32(kind):
        return _numbers(values, kind, _INT32, _days)
    if pa.types.is_int64(kind):
        return _numbers(values, kind, _INT64, int)
    if pa.types.is_list(kind):
        return _lists(values, kind)
    if pa.types.is_struct(kind):
        return _structs(values, kind)
    if _is_text(kind):  # large strings, string views, dictionaries of strings
        return _strings(values).cast(kind)
    return pa.array(values, kind)


def _is_text(kind: Any) -> bool:
    if pa.types.is_dictionary(kind):
        kind = kind.value_type
    is_view = getattr(pa.types, "is_string_view", None)  # pyarrow 16 and later
    return bool(
        pa.types.is_string(kind)
        or pa.types.is_large_string(kind)
        or (is_view is not None and is_view(kind))
    )


def _validity(values: Sequence[Any]) -> tuple[Any, int]:
    # The validity bitmap (None when every value is there) and the number of nulls.
    nulls = [index for index, value in enumerate(values) if value is None]
    if not nulls:
        return None, 0
    bits = bytearray(b"\xff" * ((len(values) + 7) // 8))
    for index in nulls:
        bits[index >> 3] &= ~(1 << (index & 7)) & 0xFF
    return pa.py_buffer(bits), len(nulls)


def _strings(values: Sequence[str | None]) -> Any:
    encoded = [b"" if value is None else value.encode("utf-8", "replace") for value in values]
    offsets = array(_INT64, itertools.accumulate(map(len, encoded), initial=0))
    kind = pa.large_string()
    if offsets[-1] < 2**31:
        offsets, kind = array(_INT32, offsets), pa.string()
    validity, nulls = _validity(values)
    buffers = [validity, pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded))]
    built = pa.Array.from_buffers(kind, len(values), buffers, null_count=nulls)
    return built if kind == pa.string() else built.cast(pa.string())


def _days(value: dt.date) -> int:
    return (value - _EPOCH).days


def _numbers(values: Sequence[Any], kind: Any, code: str, number: Any) -> Any:
    data = array(code, (0 if value is None else number(value) for value in values))
    validity, nulls = _validity(values)
    return pa.Array.from_buffers(
        kind, len(values), [validity, pa.py_buffer(data)], null_count=nulls
    )


def _lists(values: Sequence[Sequence[Any] | None], kind: Any) -> Any:
    items: list[Any] = []
    ends = []
    for value in values:
        if value:
            items.extend(value)
        ends.append(len(items))
    offsets = array(_INT32, itertools.chain((0,), ends))
    validity, nulls = _validity(values)
    child = to_array(items, kind.value_type)
    return pa.Array.from_buffers(
        kind, len(values), [validity, pa.py_buffer(offsets)], null_count=nulls, children=[child]
    )


def _structs(values: Sequence[dict[str, Any] | None], kind: Any) -> Any:
    children = []
    for index in range(kind.num_fields):
        field = kind.field(index)
        items = [None if value is None else value.get(field.name) for value in values]
        children.append(to_array(items, field.type))
    validity, nulls = _validity(values)
    return pa.Array.from_buffers(kind, len(values), [validity], null_count=nulls, children=children)
