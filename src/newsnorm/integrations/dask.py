"""Dask: `normalize_bag` over a ``dask.bag`` of dict records, `normalize_dataframe` over a frame.

Needs the ``dask`` extra: ``pip install 'newsnorm[dask]'``. Both return a new lazy collection,
partition by partition, in the same order, on any scheduler or cluster (use worker processes,
not threads: normalizing is pure Python and holds the GIL)::

    import dask.dataframe as dd
    from distributed import Client
    from newsnorm.integrations.dask import normalize_dataframe

    client = Client("tcp://scheduler:8786")
    frame = normalize_dataframe(dd.read_parquet("crawl/"), column="article")
    frame.to_parquet("clean/")

The text is normalized in place and the article's fields are added (`newsnorm.columns`, the
same as every engine's and Parquet's). A record or row whose text is None (or NaN) keeps a
missing text, and all its fields are None.

Examples:
    >>> import dask.bag as db
    >>> bag = normalize_bag(db.from_sequence([{"text": "LONDON - It rained ."}]))
    >>> [(record["text"], record["dateline_location"]) for record in bag.compute(scheduler="sync")]
    [('It rained.', 'LONDON')]
"""

from __future__ import annotations

from typing import Any

from newsnorm.integrations._engines import require

require(__name__, "dask", "dask", "dask.bag")

from newsnorm.config import Config  # noqa: E402
from newsnorm.integrations._tables import Options, normalize_pandas, normalize_records  # noqa: E402

__all__ = ["normalize_bag", "normalize_dataframe"]


def normalize_bag(
    bag: Any, text_field: str = "text", config: Config | None = None, *, prefix: str = ""
) -> Any:
    """Return a ``dask.bag`` of the records of `bag`, each normalized (lazily).

    Each record is a dict; its copy has `text_field` normalized and the article's fields
    added (after `prefix`). A record that has a key of the same name already is refused with
    `newsnorm.ConfigError` when the bag is computed, never overwritten.

    Args:
        bag: a ``dask.bag.Bag`` of dicts, such as ``db.read_text(...).map(json.loads)``.
        text_field: the key holding the raw text.
        config: the options (`newsnorm.Config`, pickled to every worker); ``Config()`` by
            default.
        prefix: put before each added key (for example ``"newsnorm_"``).

    Examples:
        >>> import dask.bag as db
        >>> records = [{"body": "Title: Rain\\n\\nIt rained , a lot ."}, {"body": None}]
        >>> bag = normalize_bag(db.from_sequence(records), "body", prefix="nn_")
        >>> [(record["body"], record["nn_title"]) for record in bag.compute(scheduler="sync")]
        [('It rained, a lot.', 'Rain'), (None, None)]
    """
    options = Options(text_field, config, prefix)
    return bag.map_partitions(normalize_records, options)


def normalize_dataframe(
    df: Any, column: str = "text", config: Config | None = None, *, prefix: str = ""
) -> Any:
    """Return a ``dask.dataframe`` of `df` with `column` normalized and the fields added.

    The index, the divisions and the other columns are kept. The added columns hold Arrow
    types (``pandas.ArrowDtype``: strings, ``date32``, lists), as Parquet does; their
    ``meta`` is known without computing anything. A frame without `column`, or with a column
    of the same name as one to add, is refused at once with `newsnorm.ConfigError`.

    Args:
        df: a ``dask.dataframe.DataFrame``.
        column: the column holding the raw texts.
        config: the options (`newsnorm.Config`, pickled to every worker); ``Config()`` by
            default.
        prefix: put before the name of each added column (for example ``"newsnorm_"``).

    Examples:
        >>> import dask.dataframe as dd, pandas as pd
        >>> frame = dd.from_pandas(pd.DataFrame({"text": ["(CNN) -- It rained ."]}), npartitions=1)
        >>> normalized = normalize_dataframe(frame)
        >>> list(normalized.columns[:3]), normalized["dateline_agency"].compute().tolist()
        (['text', 'title', 'byline'], ['CNN'])
    """
    require(f"{__name__}.normalize_dataframe", "dask", "dask.dataframe", "pandas", "pyarrow")
    options = Options(column, config, prefix)
    meta = normalize_pandas(df._meta, options)  # checks the columns too, before any compute
    return df.map_partitions(normalize_pandas, options, meta=meta)
