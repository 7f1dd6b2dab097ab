"""One batch of texts normalized, with the articles' fields as columns of each kind of table.

Every engine adapter goes through here, so Arrow tables, pandas frames, dicts of NumPy arrays,
dicts of lists and dict records all get the same columns (`newsnorm.columns`), with the same
types, and the same handling of a missing text: a null text (None, NaN, ``pandas.NA``) stays
null and all of its row's fields are null; an empty text is normalized like any other (to an
empty text with empty fields).

A batch is normalized in one loop over its texts; everything else is done per column, so an
adapter adds little beyond `newsnorm.normalize` itself.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from newsnorm.article import Article
from newsnorm.columns import COLUMNS, arrow_schema, article_columns, check_clashes
from newsnorm.config import Config
from newsnorm.errors import ConfigError, RecordError
from newsnorm.pipeline import normalize_many

if TYPE_CHECKING:  # optional extras, imported where they are used
    import numpy
    import pandas
    import pyarrow

__all__ = [
    "Options",
    "TypedList",
    "field_lists",
    "normalize_arrow",
    "normalize_lists",
    "normalize_numpy",
    "normalize_pandas",
    "normalize_records",
    "normalize_values",
]


def _to_config(value: Config | None) -> Config:
    if value is None:
        return Config()
    if not isinstance(value, Config):
        raise ConfigError(f"config must be a newsnorm Config or None, not {value!r}")
    return value


def _name(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or (attribute.name == "column" and not value):
        what = "a column name" if attribute.name == "column" else "a string"
        raise ConfigError(f"{attribute.name} must be {what}, not {value!r}")


@attrs.frozen
class Options:
    """What every adapter is told: the text column, the `Config`, and the columns' prefix.

    Examples:
        >>> Options("body", None, "nn_").config == Config()
        True
        >>> Options("", None, "")
        Traceback (most recent call last):
        ...
        newsnorm.errors.ConfigError: column must be a column name, not ''
    """

    column: str = attrs.field(default="text", validator=_name)
    config: Config = attrs.field(default=None, converter=_to_config)
    prefix: str = attrs.field(default="", validator=_name)

    def check(self, existing: Collection[str]) -> None:
        """Refuse a table without the text column, or with a column newsnorm would add.

        Examples:
            >>> Options().check(["text", "url"])
            >>> Options().check(["body"])
            Traceback (most recent call last):
            ...
            newsnorm.errors.ConfigError: there is no column 'text' (the columns are 'body'): ...
        """
        if self.column not in existing:
            names = ", ".join(repr(name) for name in existing) or "none"
            raise ConfigError(
                f"there is no column {self.column!r} (the columns are {names}): name the "
                "column that holds the text"
            )
        check_clashes(existing, self.prefix, text=self.column)


def _missing(value: object) -> bool:
    """None, a float NaN, or pandas's NA and NaT: a row without a text."""
    if value is None:
        return True
    if isinstance(value, float):
        return math.isnan(value)
    return type(value).__name__ in ("NAType", "NaTType")


def normalize_values(
    values: Iterable[object], options: Options
) -> tuple[list[str | None], list[Article | None]]:
    """Normalize each text of a column; a missing text gives None (text and article).

    Examples:
        >>> texts, articles = normalize_values(["It rained , a lot .", None, ""], Options())
        >>> texts, articles[1]
        (['It rained, a lot.', None, ''], None)
        >>> normalize_values([3], Options())
        Traceback (most recent call last):
        ...
        newsnorm.errors.RecordError: row 0 of the batch: the column 'text' holds int, not text
    """
    given: list[str | None] = []
    for row, value in enumerate(values):
        if isinstance(value, str):
            given.append(value)
        elif _missing(value):
            given.append(None)
        else:
            kind = type(value).__name__
            raise RecordError(
                f"row {row} of the batch: the column {options.column!r} holds {kind}, not text"
            )
    done = iter(normalize_many([text for text in given if text is not None], options.config))
    articles = [None if text is None else next(done) for text in given]
    return [None if article is None else article.text for article in articles], articles


_NULL_ROW: Mapping[str, Any] = dict.fromkeys(COLUMNS)


def field_lists(articles: Sequence[Article | None], prefix: str = "") -> dict[str, list[Any]]:
    """Return the articles' fields, column by column (`newsnorm.columns`); None gives nulls.

    Examples:
        >>> columns = field_lists([Article("A.", title="T"), None], "nn_")
        >>> columns["nn_title"], columns["nn_highlights"]
        (['T', None], [[], None])
    """
    lists: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    appends = [(name, lists[name].append) for name in COLUMNS]
    for article in articles:
        row = _NULL_ROW if article is None else article_columns(article)
        for name, append in appends:
            append(row[name])
    return {f"{prefix}{name}": values for name, values in lists.items()}


@functools.cache
def _schema(prefix: str) -> pyarrow.Schema:
    return arrow_schema(prefix)


def _field_arrays(
    articles: Sequence[Article | None], prefix: str
) -> tuple[pyarrow.Schema, list[pyarrow.Array]]:
    import pyarrow as pa

    schema = _schema(prefix)
    lists = field_lists(articles, prefix)
    return schema, [pa.array(lists[field.name], type=field.type) for field in schema]


def normalize_arrow(table: pyarrow.Table, options: Options) -> pyarrow.Table:
    """Normalize the text column of an Arrow table in place and append the fields' columns.

    Examples:
        >>> import pyarrow as pa
        >>> table = pa.table({"text": ["Title: Rain\\n\\nIt rained , a lot ."]})
        >>> table = normalize_arrow(table, Options())
        >>> table.column_names[:3], table["text"][0].as_py(), table["title"][0].as_py()
        (['text', 'title', 'byline'], 'It rained, a lot.', 'Rain')
    """
    import pyarrow as pa

    options.check(table.column_names)
    index = table.schema.get_field_index(options.column)
    field = table.schema.field(index)
    kind = field.type
    if pa.types.is_dictionary(kind):  # dictionary-encoded strings, as Parquet may give them
        kind = kind.value_type
        field = field.with_type(kind)
    if not (
        pa.types.is_string(kind)
        or pa.types.is_large_string(kind)
        or pa.types.is_string_view(kind)
        or pa.types.is_null(kind)
    ):
        raise ConfigError(f"the column {options.column!r} holds {kind}, not text")
    texts, articles = normalize_values(table.column(index).to_pylist(), options)
    table = table.set_column(index, field, pa.array(texts, type=kind))
    schema, arrays = _field_arrays(articles, options.prefix)
    for added, array in zip(schema, arrays, strict=True):
        table = table.append_column(added, array)
    return table


def normalize_pandas(frame: pandas.DataFrame, options: Options) -> pandas.DataFrame:
    """Return a pandas frame with its text column normalized and the fields' columns added.

    The index and the other columns are kept; the fields' columns hold Arrow types
    (``pandas.ArrowDtype``: strings, ``date32``, lists), as Parquet does.

    Examples:
        >>> import pandas as pd
        >>> frame = normalize_pandas(pd.DataFrame({"text": ["Ok , fine .", None]}), Options())
        >>> frame["text"].tolist()[0], frame["text"].isna().tolist(), frame["date"].dtype
        ('Ok, fine.', [False, True], date32[day][pyarrow])
    """
    import pandas as pd

    options.check([str(name) for name in frame.columns])
    column = frame[options.column]
    texts, articles = normalize_values(column.tolist(), options)
    out = frame.copy(deep=False)
    # The same index object: nothing is realigned (even where the index repeats a label).
    try:
        out[options.column] = pd.Series(texts, index=frame.index, dtype=column.dtype)
    except (TypeError, ValueError):  # a dtype that cannot hold the new texts
        out[options.column] = pd.Series(texts, index=frame.index, dtype=object)
    schema, arrays = _field_arrays(articles, options.prefix)
    fields = pd.DataFrame(
        {
            added.name: pd.arrays.ArrowExtensionArray(array)
            for added, array in zip(schema, arrays, strict=True)
        },
        index=frame.index,
    )
    return pd.concat([out, fields], axis=1)


def normalize_numpy(
    batch: Mapping[str, numpy.ndarray], options: Options
) -> dict[str, numpy.ndarray]:
    """Normalize a dict of NumPy arrays (Ray Data's default batch) and add the fields' arrays.

    The added arrays are object arrays of Python values (str, `datetime.date`, lists of
    str, lists of ``{"key", "value"}`` dicts, None where null), which Ray turns into their
    natural Arrow types; a column that is null in a whole batch gets Arrow's null type in
    that batch (use Arrow batches for the same types in every batch).

    Examples:
        >>> import numpy as np
        >>> batch = normalize_numpy({"text": np.array(["LONDON - It rained ."])}, Options())
        >>> batch["text"], batch["dateline_location"]
        (array(['It rained.'], dtype=object), array(['LONDON'], dtype=object))
        >>> batch["headers"], batch["date"]
        (array([list([])], dtype=object), array([None], dtype=object))
    """
    import numpy as np

    options.check(list(batch))
    column = batch[options.column]
    values = column.tolist() if isinstance(column, np.ndarray) else list(column)
    texts, articles = normalize_values(values, options)
    out = dict(batch)
    count = len(texts)
    out[options.column] = np.fromiter(texts, dtype=object, count=count)
    for name, values in field_lists(articles, options.prefix).items():
        out[name] = np.fromiter(values, dtype=object, count=count)
    return out


class TypedList(list[Any]):
    """A list that tells Arrow its type (the ``__arrow_array__`` protocol of `pyarrow.array`).

    A column of Python values alone says nothing of its type where every value is None (or
    every list empty): Arrow would call it null. A `TypedList` is a plain list to everyone
    else, and ``pyarrow.array`` gives it its declared type.

    Examples:
        >>> import pyarrow as pa
        >>> column = TypedList([None, None], pa.string())
        >>> column == [None, None], pa.array(column).type
        (True, DataType(string))
    """

    __slots__ = ("arrow_type",)

    def __init__(self, values: Iterable[Any], arrow_type: pyarrow.DataType) -> None:
        super().__init__(values)
        self.arrow_type = arrow_type

    def __arrow_array__(self, type: pyarrow.DataType | None = None) -> pyarrow.Array:
        import pyarrow as pa

        return pa.array(list(self), type=type or self.arrow_type)

    def __reduce__(self) -> tuple[Any, ...]:
        return (TypedList, (list(self), self.arrow_type))


def normalize_lists(batch: Mapping[str, Sequence[Any]], options: Options) -> dict[str, Any]:
    """Normalize a dict of lists (a Hugging Face batch): the text column and the fields' columns.

    Only the changed and the added columns are returned (`datasets` keeps the others), as
    lists of Python values; each added column is a `TypedList` holding its Arrow type, so that
    every batch has the same types even where a batch holds no value for a field.

    Examples:
        >>> columns = normalize_lists({"text": ["It ’ s here .", None]}, Options())
        >>> columns["text"], columns["title"], columns["title"].arrow_type
        (['It’s here.', None], [None, None], DataType(string))
    """
    options.check(list(batch))
    texts, articles = normalize_values(batch[options.column], options)
    out: dict[str, Any] = {options.column: texts}
    lists = field_lists(articles, options.prefix)
    for field in _schema(options.prefix):
        out[field.name] = TypedList(lists[field.name], field.type)
    return out


def normalize_records(records: Iterable[Any], options: Options) -> list[dict[str, Any]]:
    """Normalize dict records: each a new dict with the text normalized and the fields added.

    Examples:
        >>> [record] = normalize_records([{"id": 1, "text": "It rained ."}], Options())
        >>> record["id"], record["text"], record["title"]
        (1, 'It rained.', None)
    """
    column, prefix = options.column, options.prefix
    names = [f"{prefix}{name}" for name in COLUMNS]
    added = frozenset(names)
    given: list[tuple[Mapping[str, Any], bool]] = []  # each record, and whether it has text
    texts: list[str] = []
    for number, record in enumerate(records):
        if not isinstance(record, Mapping):
            kind = type(record).__name__
            raise RecordError(f"record {number} of the partition is a {kind}, not a dict")
        if column not in record or not added.isdisjoint(record):
            options.check(list(record))
        text = record[column]
        if isinstance(text, str):
            texts.append(text)
        elif not _missing(text):
            kind = type(text).__name__
            raise RecordError(
                f"record {number} of the partition: the field {column!r} holds {kind}, not text"
            )
        given.append((record, isinstance(text, str)))
    done = iter(normalize_many(texts, options.config))
    out: list[dict[str, Any]] = []
    for record, has_text in given:
        article = next(done) if has_text else None
        fields = _NULL_ROW if article is None else article_columns(article)
        new = dict(record)
        new[column] = None if article is None else article.text
        for name, key in zip(COLUMNS, names, strict=True):
            new[key] = fields[name]
        out.append(new)
    return out
