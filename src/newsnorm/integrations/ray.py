"""Ray Data: `NormalizeBatches`, a callable class for ``Dataset.map_batches``.

Needs the ``ray`` extra: ``pip install 'newsnorm[ray]'``. Ray starts one `NormalizeBatches`
per worker (an actor) and hands it batches; each batch comes back as the same kind of batch
(an Arrow table, a pandas frame, or Ray's default dict of NumPy arrays), in the same row
order, with the text column normalized in place and the article's fields added as columns
(`newsnorm.columns`, the same as every engine's and Parquet's)::

    import ray
    from newsnorm import Config
    from newsnorm.integrations.ray import NormalizeBatches

    dataset = ray.data.read_parquet("crawl/")
    dataset = dataset.map_batches(
        NormalizeBatches,
        concurrency=8,
        batch_format="pyarrow",
        fn_constructor_kwargs={"text_column": "article", "config": Config(quotes="straight")},
    )
    dataset.write_parquet("clean/")

A row whose text is null keeps a null text, and all its fields are null.

Examples:
    >>> import pyarrow as pa
    >>> batch = NormalizeBatches()(pa.table({"id": [7], "text": ["ROME ( AP ) - It rained ."]}))
    >>> batch.column_names[:4], batch["text"][0].as_py(), batch["dateline_agency"][0].as_py()
    (['id', 'text', 'title', 'byline'], 'It rained.', 'AP')
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

from newsnorm.integrations._engines import require

require(__name__, "ray", "ray", "pyarrow")

from newsnorm.config import Config  # noqa: E402
from newsnorm.integrations._tables import (  # noqa: E402
    Options,
    normalize_arrow,
    normalize_numpy,
    normalize_pandas,
)

__all__ = ["NormalizeBatches"]


class NormalizeBatches:
    """Normalize Ray Data batches: ``dataset.map_batches(NormalizeBatches, concurrency=N)``.

    Args:
        text_column: the column holding the raw texts; normalized in place.
        config: the options (`newsnorm.Config`, pickled to every worker); ``Config()`` by
            default.
        prefix: put before the name of each added column (for example ``"newsnorm_"``); a
            table that has a column of the same name already is refused with
            `newsnorm.ConfigError`, never overwritten.

    Give the options to Ray as ``fn_constructor_kwargs={"text_column": ..., "config": ...}``.

    Examples:
        >>> import pandas as pd
        >>> normalize = NormalizeBatches(text_column="body", prefix="nn_")
        >>> frame = pd.DataFrame({"body": ["Title: Rain\\n\\nIt rained , a lot .", None]})
        >>> frame = normalize(frame)
        >>> frame["body"].tolist()[0], frame["nn_title"].tolist(), frame["nn_title"].dtype
        ('It rained, a lot.', ['Rain', <NA>], string[pyarrow])
    """

    def __init__(
        self, text_column: str = "text", config: Config | None = None, prefix: str = ""
    ) -> None:
        self.options = Options(text_column, config, prefix)

    def __call__(self, batch: Any) -> Any:
        """Return `batch` normalized: an Arrow table, a pandas frame or a dict of NumPy arrays.

        Examples:
            >>> import numpy as np
            >>> batch = NormalizeBatches()({"text": np.array(["It ’ s late ."], dtype=object)})
            >>> batch["text"], batch["date"]
            (array(['It’s late.'], dtype=object), array([None], dtype=object))
        """
        # A batch can only be a pandas or Arrow object if that library is loaded already.
        pyarrow, pandas = sys.modules.get("pyarrow"), sys.modules.get("pandas")
        if pyarrow is not None and isinstance(batch, pyarrow.Table):
            return normalize_arrow(batch, self.options)
        if pandas is not None and isinstance(batch, pandas.DataFrame):
            return normalize_pandas(batch, self.options)
        if isinstance(batch, Mapping):
            return normalize_numpy(batch, self.options)
        kind = type(batch).__name__
        raise TypeError(
            f"NormalizeBatches takes a pyarrow.Table, a pandas.DataFrame or a dict of NumPy "
            f"arrays, not a {kind}: use batch_format='pyarrow', 'pandas' or 'numpy'"
        )
