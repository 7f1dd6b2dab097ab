"""Finding an optional engine without importing it, and naming its extra when it is missing."""

from __future__ import annotations

import importlib.util

__all__ = ["require"]


def require(integration: str, extra: str, *modules: str) -> None:
    """Raise `ModuleNotFoundError` naming `extra` unless every module of `modules` is installed.

    Only looks the modules up (no import, so no engine's start-up cost is paid here).

    Examples:
        >>> require("newsnorm.integrations.example", "example", "attrs")
        >>> require("newsnorm.integrations.example", "example", "no_such_engine")
        Traceback (most recent call last):
        ...
        ModuleNotFoundError: newsnorm.integrations.example needs no_such_engine, ...
    """
    for module in modules:
        try:
            found = importlib.util.find_spec(module) is not None
        except (ImportError, ValueError):  # a parent package missing, or set to None
            found = False
        if not found:
            raise ModuleNotFoundError(
                f"{integration} needs {module}, which is not installed: "
                f"pip install 'newsnorm[{extra}]'",
                name=module,
            )
