"""An article's fields as the columns of a table: one naming for Parquet and every engine.

Parquet output, and the engine adapters of `newsnorm.integrations` (Ray Data, Hugging Face
datasets, Dask), add the same columns beside the normalized text, with types every table
library holds without loss: strings, a `datetime.date`, lists of strings, and the headers as a
list of ``{"key", "value"}`` pairs (a map column is not read alike by all of them).

=====================  =========================  ==========================================
column                 type                       value
=====================  =========================  ==========================================
``title``              string or null             `Article.title`
``byline``             string or null             `Article.byline`
``date``               date or null               `Article.date`
``dateline_location``  string or null             `Dateline.location`
``dateline_agency``    string or null             `Dateline.agency`
``dateline_date``      string or null             `Dateline.date_text`, as written
``headers``            list of {key, value}       `Article.headers`, in order
``highlights``         list of strings            `Article.highlights`
``furniture``          list of strings            `Article.furniture`
=====================  =========================  ==========================================

A table's own column is never replaced: `check_clashes` refuses a column of the same name, and
a prefix (``newsnorm_``) puts newsnorm's columns beside the table's own.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from newsnorm.article import Article
from newsnorm.errors import ConfigError

if TYPE_CHECKING:  # pyarrow is the optional `parquet` extra: imported where it is used
    import pyarrow

__all__ = ["COLUMNS", "arrow_schema", "article_columns", "articles_to_columns", "check_clashes"]

COLUMNS: tuple[str, ...] = (
    "title",
    "byline",
    "date",
    "dateline_location",
    "dateline_agency",
    "dateline_date",
    "headers",
    "highlights",
    "furniture",
)
"""The names of the columns an article adds, in order, before any prefix.

Examples:
    >>> COLUMNS[:3]
    ('title', 'byline', 'date')
"""


def article_columns(article: Article) -> dict[str, Any]:
    """Return the article's fields as one row of `COLUMNS` (no prefix).

    Examples:
        >>> from newsnorm import normalize
        >>> article = normalize("Title: Rain\\nDate: 2021-05-04\\n\\nLONDON (Reuters) - It rained.")
        >>> row = article_columns(article)
        >>> row["title"], row["date"], row["dateline_location"], row["headers"][0]
        ('Rain', datetime.date(2021, 5, 4), 'LONDON', {'key': 'Title', 'value': 'Rain'})
    """
    dateline = article.dateline
    return {
        "title": article.title,
        "byline": article.byline,
        "date": article.date,
        "dateline_location": dateline.location if dateline else None,
        "dateline_agency": dateline.agency if dateline else None,
        "dateline_date": dateline.date_text if dateline else None,
        "headers": [{"key": key, "value": value} for key, value in article.headers.items()],
        "highlights": list(article.highlights),
        "furniture": list(article.furniture),
    }


def articles_to_columns(articles: Iterable[Article], prefix: str = "") -> dict[str, list[Any]]:
    """Return the articles' fields column by column, each name after `prefix`.

    Examples:
        >>> columns = articles_to_columns([Article("A."), Article("B.", title="T")], "nn_")
        >>> columns["nn_title"], len(columns)
        ([None, 'T'], 9)
    """
    columns: dict[str, list[Any]] = {name: [] for name in COLUMNS}
    for article in articles:
        for name, value in article_columns(article).items():
            columns[name].append(value)
    return {f"{prefix}{name}": values for name, values in columns.items()}


def check_clashes(existing: Collection[str], prefix: str = "", *, text: str | None = None) -> None:
    """Refuse to add a column a table has already, naming it and the way out.

    `text` is the table's text column, which newsnorm replaces on purpose and so may share
    nothing else's name.

    Examples:
        >>> check_clashes(["text", "url"])
        >>> check_clashes(["text", "title"])
        Traceback (most recent call last):
        ...
        newsnorm.errors.ConfigError: the table has a column 'title' already: give a prefix ...
        >>> check_clashes(["text", "title"], "newsnorm_")
    """
    for name in COLUMNS:
        column = f"{prefix}{name}"
        if column in existing or column == text:
            raise ConfigError(
                f"the table has a column {column!r} already: give a prefix for newsnorm's "
                "columns (for example 'newsnorm_')"
            )


def arrow_schema(prefix: str = "") -> pyarrow.Schema:
    """Return the Arrow types of `COLUMNS` (needs pyarrow, the ``parquet`` extra).

    Examples:
        >>> arrow_schema().field("date").type
        DataType(date32[day])
    """
    import pyarrow as pa

    string, strings = pa.string(), pa.list_(pa.string())
    pair = pa.struct([("key", string), ("value", string)])
    types: Sequence[pa.DataType] = (
        string, string, pa.date32(), string, string, string, pa.list_(pair), strings, strings
    )  # fmt: skip
    return pa.schema([(f"{prefix}{name}", kind) for name, kind in zip(COLUMNS, types, strict=True)])
