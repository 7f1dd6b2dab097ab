"""Every public name is documented, and every callable one with a runnable example.

The examples themselves run as doctests (``--doctest-modules``); this checks that they exist.
"""

import ast
import doctest
import importlib
import inspect
import itertools
from pathlib import Path

import pytest

PUBLIC_MODULES = (
    "newsnorm",
    "newsnorm.article",
    "newsnorm.batch",
    "newsnorm.characters",
    "newsnorm.cli",
    "newsnorm.config",
    "newsnorm.dateline",
    "newsnorm.dates",
    "newsnorm.errors",
    "newsnorm.formats",
    "newsnorm.formats.compression",
    "newsnorm.formats.documents",
    "newsnorm.formats.readers",
    "newsnorm.formats.writers",
    "newsnorm.header",
    "newsnorm.header.generic",
    "newsnorm.header.layouts",
    "newsnorm.header.recognizer",
    "newsnorm.layout",
    "newsnorm.patterns",
    "newsnorm.pipeline",
    "newsnorm.quotes",
    "newsnorm.spacing",
    "newsnorm.tracing",
    "newsnorm.tracing.edits",
    "newsnorm.tracing.offsets",
    "newsnorm.tracing.records",
    "newsnorm.tracing.stages",
)


def _documented_data() -> dict[str, tuple[str, str]]:
    """Module-level names with a docstring literal after them: name -> (module, docstring)."""
    import newsnorm

    package = Path(inspect.getfile(newsnorm)).parent
    found = {}
    for path in package.rglob("*.py"):
        parts = path.relative_to(package.parent).with_suffix("").parts
        module = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        body = ast.parse(path.read_text(encoding="utf-8")).body
        for statement, following in itertools.pairwise(body):
            if isinstance(statement, ast.Assign):
                targets = statement.targets
            elif isinstance(statement, ast.AnnAssign):
                targets = [statement.target]
            else:
                continue
            if (
                isinstance(following, ast.Expr)
                and isinstance(following.value, ast.Constant)
                and isinstance(following.value.value, str)
            ):
                for target in targets:
                    if isinstance(target, ast.Name):
                        found[target.id] = (module, following.value.value)
    return found


DOCUMENTED_DATA = _documented_data()


def _public_names() -> list[tuple[str, str]]:
    return [
        (module_name, name)
        for module_name in PUBLIC_MODULES
        for name in importlib.import_module(module_name).__all__
    ]


@pytest.mark.parametrize(("module_name", "name"), _public_names())
def test_public_name_is_documented_with_an_example(module_name: str, name: str) -> None:
    module = importlib.import_module(module_name)
    value = getattr(module, name)
    if not (inspect.isclass(value) or inspect.isfunction(value)):
        # Constants and type aliases carry a docstring literal where they are defined; its
        # examples run here, in that module's namespace (doctest does not collect them).
        assert name in DOCUMENTED_DATA, f"{module_name}.{name} has no docstring"
        home, docstring = DOCUMENTED_DATA[name]
        assert ">>>" in docstring, f"{module_name}.{name} has no example"
        globs = dict(vars(importlib.import_module(home)))
        test = doctest.DocTestParser().get_doctest(docstring, globs, name, home, 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        runner.run(test)
        assert runner.summarize(verbose=False).failed == 0
        return
    assert ">>>" in (inspect.getdoc(value) or ""), f"{module_name}.{name} has no example"
    if inspect.isclass(value):
        for attribute, member in vars(value).items():
            if attribute.startswith("_") or not (
                inspect.isfunction(member)
                or isinstance(member, (classmethod, staticmethod, property))
            ):
                continue
            doc = inspect.getdoc(getattr(value, attribute)) or ""
            assert ">>>" in doc, f"{module_name}.{name}.{attribute} has no example"
