"""The scripts in examples/ run as they are, from that folder, and agree with the CLI."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsnorm.cli import main

EXAMPLES = Path(__file__).parent.parent / "examples"


def _run(script: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, script, *args],
        cwd=EXAMPLES,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(["normalize", "-q", *args]) == 0
    return capsys.readouterr().out


def test_normalize_folder_writes_what_the_cli_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = _run("normalize_folder.py", "corpus", str(tmp_path))
    assert "3 files normalized" in out
    written = sorted(path.name for path in tmp_path.iterdir())
    assert written == ["date-glued.txt", "mixed-quotes.txt", "tokenized.txt"]
    for name in written:
        expected = _cli(capsys, "--quotes", "curly", str(EXAMPLES / "corpus" / name))
        assert (tmp_path / name).read_text(encoding="utf-8") == expected


def test_jsonl_in_out_matches_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "records.jsonl"
    out = _run("jsonl_in_out.py", "corpus/records.jsonl", str(target))
    assert "2 records written" in out
    records = str(EXAMPLES / "corpus" / "records.jsonl")
    expected = _cli(capsys, "--format", "jsonl", "--source-field", "", records)
    assert target.read_text(encoding="utf-8") == expected
    first = json.loads(expected.splitlines()[0])
    assert first["id"] == "wire-001" and first["dateline"]["location"] == "LONDON"


def test_jsonl_in_out_skips_and_reports_bad_records(tmp_path: Path) -> None:
    source = tmp_path / "mixed.jsonl"
    source.write_text('{"id": "a", "text": "Fine , really ."}\nnot json\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "jsonl_in_out.py", str(source), str(tmp_path / "out.jsonl")],
        cwd=EXAMPLES,
        capture_output=True,
        text=True,
        check=True,
    )
    assert "1 records written" in result.stdout and "1 skipped" in result.stdout
    assert "mixed.jsonl:2" in result.stderr


def test_split_multinews_gives_one_article_per_document() -> None:
    out = _run("split_multinews.py")
    assert out.count("--- cluster 1, document") == 2
    assert "“We waited ten years for this,” one resident said." in out
    assert "NEWLINE_CHAR" not in out and "|||||" not in out
