"""Hugging Face datasets: `normalize_batch`, a batched function for ``Dataset.map``.

Needs the ``hf`` extra: ``pip install 'newsnorm[hf]'``. The text column is normalized in
place and the article's fields are added as columns (`newsnorm.columns`, the same as every
engine's and Parquet's), with the same Arrow types in every batch (a batch without any date
still gives a ``date32`` column: each added column is a list that tells Arrow its type)::

    from functools import partial

    from datasets import load_dataset
    from newsnorm import Config
    from newsnorm.integrations.hf import normalize_batch

    dataset = load_dataset("parquet", data_files="crawl/*.parquet", split="train")
    dataset = dataset.map(
        partial(normalize_batch, text_column="article", config=Config(quotes="straight")),
        batched=True,
        num_proc=8,
    )

A row whose text is None keeps a None text, and all its fields are None.

Examples:
    >>> columns = normalize_batch({"text": ["WASHINGTON ( Reuters ) - Talks began ."]})
    >>> columns["text"], columns["dateline_location"], columns["date"]
    (['Talks began.'], ['WASHINGTON'], [None])
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

from newsnorm.integrations._engines import require

require(__name__, "hf", "datasets", "pyarrow", "pandas")

from newsnorm.config import Config  # noqa: E402
from newsnorm.integrations._tables import (  # noqa: E402
    Options,
    normalize_arrow,
    normalize_lists,
    normalize_pandas,
)

__all__ = ["normalize_batch"]


def normalize_batch(
    batch: Any, text_column: str = "text", config: Config | None = None, prefix: str = ""
) -> Any:
    """Normalize one batch of ``Dataset.map(normalize_batch, batched=True)``.

    Options go through `functools.partial`:
    ``dataset.map(partial(normalize_batch, text_column="article"), batched=True)``.

    Args:
        batch: a dict of lists (the default), or an Arrow table or pandas frame (a dataset
            with ``with_format("arrow")`` or ``"pandas"``).
        text_column: the column holding the raw texts; normalized in place.
        config: the options (`newsnorm.Config`); ``Config()`` by default.
        prefix: put before the name of each added column (for example ``"newsnorm_"``); a
            dataset that has a column of the same name already is refused with
            `newsnorm.ConfigError`, never overwritten.

    Returns:
        For a dict: the normalized text column and the added columns (``datasets`` keeps the
        others). For a table or frame: the whole batch, with the columns added.

    Examples:
        >>> from functools import partial
        >>> from newsnorm import Config
        >>> straight = partial(normalize_batch, config=Config(quotes="straight"), prefix="nn_")
        >>> columns = straight({"text": ["“ Fine , ” he said .", None], "id": [1, 2]})
        >>> columns["text"], columns["nn_byline"], columns["nn_highlights"]
        (['"Fine," he said.', None], [None, None], [[], None])
    """
    options = Options(text_column, config, prefix)
    # A batch can only be a pandas or Arrow object if that library is loaded already.
    pyarrow, pandas = sys.modules.get("pyarrow"), sys.modules.get("pandas")
    if pyarrow is not None and isinstance(batch, pyarrow.Table):
        return normalize_arrow(batch, options)
    if pandas is not None and isinstance(batch, pandas.DataFrame):
        return normalize_pandas(batch, options)
    if isinstance(batch, Mapping):
        return normalize_lists(batch, options)
    kind = type(batch).__name__
    raise TypeError(
        f"normalize_batch takes a dict of lists, a pyarrow.Table or a pandas.DataFrame, not a "
        f"{kind}: call Dataset.map with batched=True"
    )
