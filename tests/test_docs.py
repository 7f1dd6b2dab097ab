"""The documentation site: its examples run, its CLI reference is complete, and it builds."""

import argparse
import doctest
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsnorm.cli import EXIT_INPUT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, _build_parser

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))


def test_every_page_is_in_the_navigation() -> None:
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in PAGES:
        assert page.relative_to(DOCS).as_posix() in nav, page


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.relative_to(DOCS).as_posix())
def test_page_examples_run(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    test = doctest.DocTestParser().get_doctest(text, {}, page.name, str(page), 0)
    if not test.examples:
        pytest.skip("no runnable examples on this page")
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = _build_parser()
    (commands,) = [
        action for action in parser._actions if isinstance(action, argparse._SubParsersAction)
    ]
    return dict(commands.choices)


@pytest.mark.parametrize("command", ["normalize", "inspect"])
def test_cli_reference_names_every_flag(command: str) -> None:
    reference = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert f"`newsnorm {command}`" in reference
    for action in _subcommands()[command]._actions:
        for flag in action.option_strings:
            if flag not in ("-h", "--help"):
                assert f"`{flag}" in reference or f" {flag} " in reference, flag
        for choice in action.choices or ():
            assert str(choice) in reference, (action.dest, choice)


def test_cli_reference_lists_every_exit_code() -> None:
    reference = (DOCS / "cli.md").read_text(encoding="utf-8")
    for code in (EXIT_OK, EXIT_INPUT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED):
        assert f"| {code} |" in reference


def test_site_builds_strictly(tmp_path: Path) -> None:
    pytest.importorskip("mkdocstrings_handlers.python")
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent))
    assert mkdocs is not None
    result = subprocess.run(
        [mkdocs, "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": str(Path(sys.executable).parent)},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "api" / "normalize" / "index.html").is_file()
