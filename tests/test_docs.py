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


def _build_site(folder: Path, *, broken: str = "") -> subprocess.CompletedProcess[str]:
    # Zensical builds beside its config (site/ and .cache/): it builds a copy of the sources,
    # so that the test leaves nothing in the checkout.
    pytest.importorskip("mkdocstrings_handlers.python")
    zensical = shutil.which("zensical", path=str(Path(sys.executable).parent))
    assert zensical is not None
    shutil.copy(ROOT / "mkdocs.yml", folder)
    shutil.copytree(ROOT / "docs", folder / "docs")
    (folder / "src").symlink_to(ROOT / "src")
    if broken:
        with (folder / "docs" / "limits.md").open("a", encoding="utf-8") as page:
            page.write(f"\n{broken}\n")
    return subprocess.run(
        [zensical, "build", "--strict"],
        cwd=folder,
        capture_output=True,
        text=True,
        env={"PATH": str(Path(sys.executable).parent)},
        check=False,
    )


def test_site_builds_strictly(tmp_path: Path) -> None:
    result = _build_site(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "api" / "normalize" / "index.html").is_file()


@pytest.mark.parametrize(
    "broken",
    ["[a page](no-such-page.md)", "[a name][newsnorm.no_such_name]", "::: newsnorm.no_such_name"],
)
def test_a_broken_page_or_reference_fails_the_build(tmp_path: Path, broken: str) -> None:
    assert _build_site(tmp_path, broken=broken).returncode != 0
