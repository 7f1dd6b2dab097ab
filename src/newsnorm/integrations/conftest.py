"""pytest (``--doctest-modules``): an adapter whose engine is not installed is not collected.

Importing such an adapter raises `ImportError` on purpose (naming the extra to install), so
its doctests are skipped, not failed, in an environment without that extra.
"""

import importlib

_NEEDS = {
    "datatrove.py": ("newsnorm.integrations.datatrove",),
    "ray.py": ("newsnorm.integrations.ray", "pandas", "numpy"),
    "hf.py": ("newsnorm.integrations.hf",),
    "dask.py": ("newsnorm.integrations.dask", "dask.dataframe", "pandas", "pyarrow"),
    "_tables.py": ("pyarrow", "pandas", "numpy"),
}


def _importable(module: str) -> bool:
    try:
        importlib.import_module(module)
    except ImportError:
        return False
    return True


collect_ignore = [
    name for name, modules in _NEEDS.items() if not all(_importable(m) for m in modules)
]
