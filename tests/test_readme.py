"""The README's promises: its set-up commands, its API examples, and the example scripts."""

import doctest
import runpy
from pathlib import Path

import pytest

from newsnorm.cli import main

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _setup_commands() -> list[str]:
    block = README.split("## Set-up on a fresh machine", 1)[1].split("```sh", 1)[1]
    return [line for line in block.split("```", 1)[0].strip().splitlines() if line]


def test_readme_has_two_setup_commands() -> None:
    example_run, test_run = _setup_commands()
    assert example_run.endswith("newsnorm normalize examples/corpus")
    assert test_run.endswith("python -m pytest")


def test_ci_runs_the_readme_test_command() -> None:
    ci_script = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert _setup_commands()[1] in ci_script


def test_readme_api_examples() -> None:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(README, {}, "README.md", "README.md", 0)
    assert test.examples, "the README should show runnable API examples"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


def test_example_corpus_normalizes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", str(ROOT / "examples" / "corpus")]) == 0
    out = capsys.readouterr().out
    for repaired in [
        "officers, including the head librarian",
        "America’s broader push",
        "“This is what the neighborhood asked for,” said",
        "(which she said would cost about $40,000 a year)",
        "counties “that refuse to participate in immigration enforcement.”",
        "“We waited ten years for this,” one resident said.",
    ]:
        assert repaired in out
    assert " , " not in out and "NEWLINE_CHAR" not in out and "|||||" not in out


def test_api_quickstart_script_runs(capsys: pytest.CaptureFixture[str]) -> None:
    runpy.run_path(str(ROOT / "examples" / "api_quickstart.py"), run_name="__main__")
    out = capsys.readouterr().out
    assert "title:    County sheriffs split over detainer requests" in out
    assert "date:     2021-03-03" in out
