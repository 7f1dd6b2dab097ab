"""Adapters that hand newsnorm to the engines corpus builders run, each an optional extra.

Importing `newsnorm.integrations` imports no engine; each adapter is its own module, imported
by name, and raises `ImportError` naming its extra when its engine is not installed:

- `newsnorm.integrations.datatrove`: `NewsnormFormatter` and `NewsnormAnnotator`, datatrove
  pipeline steps (extra ``datatrove``);
- `newsnorm.integrations.ray`: `NormalizeBatches`, for Ray Data's ``map_batches`` (``ray``);
- `newsnorm.integrations.hf`: `normalize_batch`, for ``datasets.Dataset.map`` (``hf``);
- `newsnorm.integrations.dask`: `normalize_bag` and `normalize_dataframe` (``dask``).

Every adapter takes a `newsnorm.Config` (which pickles, for the engines' workers), returns
its rows in their order, normalizes the text where it stands, and adds the article's fields
under the names of `newsnorm.columns`, the same for every engine and for Parquet; a table's
own column of the same name is never replaced (give a prefix instead). A missing text (None,
NaN) stays missing, with all its fields null.

Examples:
    >>> from newsnorm.integrations import EXTRAS
    >>> EXTRAS["newsnorm.integrations.hf"]
    'hf'
"""

from collections.abc import Mapping

__all__ = ["EXTRAS"]

EXTRAS: Mapping[str, str] = {
    "newsnorm.integrations.datatrove": "datatrove",
    "newsnorm.integrations.ray": "ray",
    "newsnorm.integrations.hf": "hf",
    "newsnorm.integrations.dask": "dask",
}
"""Each adapter module and the extra that installs its engine (``pip install 'newsnorm[X]'``).

Examples:
    >>> for module, extra in EXTRAS.items():
    ...     print(f"{module:34} newsnorm[{extra}]")
    newsnorm.integrations.datatrove    newsnorm[datatrove]
    newsnorm.integrations.ray          newsnorm[ray]
    newsnorm.integrations.hf           newsnorm[hf]
    newsnorm.integrations.dask         newsnorm[dask]
"""
