"""The provenance modules' public names are documented with examples (as test_docstrings checks
for the modules it lists), and their examples run."""

from __future__ import annotations

import importlib
import inspect

import pytest

from tests.test_docstrings import DOCUMENTED_DATA

MODULES = (
    "newsnorm.tracing",
    "newsnorm.tracing.edits",
    "newsnorm.tracing.offsets",
    "newsnorm.tracing.records",
    "newsnorm.tracing.stages",
)


@pytest.mark.parametrize(
    ("module_name", "name"),
    [(module, name) for module in MODULES for name in importlib.import_module(module).__all__],
)
def test_public_name_has_an_example(module_name: str, name: str) -> None:
    value = getattr(importlib.import_module(module_name), name)
    if not (inspect.isclass(value) or inspect.isfunction(value)):
        assert ">>>" in DOCUMENTED_DATA[name][1], f"{module_name}.{name} has no example"
        return
    assert ">>>" in (inspect.getdoc(value) or ""), f"{module_name}.{name} has no example"
    if inspect.isclass(value):
        for attribute, member in vars(value).items():
            if not attribute.startswith("_") and inspect.isfunction(member):
                doc = inspect.getdoc(member) or ""
                assert ">>>" in doc, f"{module_name}.{name}.{attribute} has no example"
