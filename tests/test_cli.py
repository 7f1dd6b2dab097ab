import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from newsnorm import __version__
from newsnorm.cli import main

GLUED = " date 2020-02-17 Just when we thought , it was over ."


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"newsnorm {__version__}"


def test_help_lists_examples_and_exit_codes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", "--help"]) == 0
    out = capsys.readouterr().out
    assert "examples:" in out and "exit codes:" in out and "130" in out


def test_stdin_to_jsonl(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", _binary_stdin(GLUED))
    assert main(["normalize", "--format", "jsonl"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["date"] == "2020-02-17"
    assert record["text"] == "Just when we thought, it was over."
    assert set(record) == {
        "text", "date", "title", "byline", "dateline", "headers", "highlights", "furniture",
        "source_file",
    }  # fmt: skip
    assert record["source_file"] == "<stdin>"


def test_files_and_folders_to_an_output_file(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("First , article .", encoding="utf-8")
    (folder / "sub" / "b.txt").write_text("Second , article .", encoding="utf-8")
    (folder / ".hidden").write_text("skipped", encoding="utf-8")
    out = tmp_path / "out.txt"
    assert main(["normalize", str(folder), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == "First, article.\n\nSecond, article.\n"


@pytest.mark.parametrize(
    ("text", "option", "expected"),
    [
        ("“Curly” quotes.", ["--quotes", "straight"], '"Curly" quotes.\n'),
        # A named tokenizer settles the dash that one sentence cannot show.
        (
            "The six - member team can not go .",
            ["--spacing", "moses"],
            "The six - member team can not go.\n",
        ),
    ],
    ids=["quotes", "spacing"],
)
def test_stage_option_reaches_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, option: list[str], expected: str
) -> None:
    path = tmp_path / "in.txt"
    path.write_text(text, encoding="utf-8")
    assert main(["normalize", str(path), *option]) == 0
    assert capsys.readouterr().out == expected


def test_missing_input_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", "no-such-file.txt"]) == 2
    err = capsys.readouterr().err
    assert err == "newsnorm: error: no-such-file.txt: no such file or folder\n"


def test_invalid_utf8_names_the_file_and_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"fine\nbroken \xc3\x28 here\n")
    out = tmp_path / "out.txt"
    assert main(["normalize", str(path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"{path}:2: invalid utf-8 at byte 12" in err
    assert not out.exists()  # no half-written output


def test_refuses_to_overwrite_an_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Keep me .", encoding="utf-8")
    assert main(["normalize", str(path), "-o", str(path)]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "Keep me ."


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", "--quotes", "fancy"]) == 2
    assert "invalid choice" in capsys.readouterr().err


def test_installed_command_runs_as_a_subprocess() -> None:
    command = shutil.which("newsnorm", path=str(Path(sys.executable).parent))
    assert command is not None, "the newsnorm command is not installed beside this Python"
    result = subprocess.run(
        [command, "normalize", "--format", "jsonl"],
        input=GLUED.encode(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["date"] == "2020-02-17"


def test_python_dash_m_reports_bad_input_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"\xff")
    result = subprocess.run(
        [sys.executable, "-m", "newsnorm", "normalize", str(path)],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr
    assert b"invalid utf-8 at byte 0" in result.stderr


def _binary_stdin(text: str) -> SimpleNamespace:
    # A stand-in for sys.stdin; closable, as a worker forked from this process closes its copy.
    buffer = io.BytesIO(text.encode())
    return SimpleNamespace(buffer=buffer, isatty=lambda: False, close=lambda: None)


def test_corpus_option_reads_only_that_corpus_layout(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(
        "TENNIS - LOCAL PLAYER WINS .\nPERTH , Australia 1996-08-30\nShe won on Friday .\n",
        encoding="utf-8",
    )
    titles = []
    for corpus in ("conll2003", "wikitext"):
        assert main(["normalize", "-q", str(path), "--format", "jsonl", "--corpus", corpus]) == 0
        titles.append(json.loads(capsys.readouterr().out)["title"])
    assert titles == ["TENNIS - LOCAL PLAYER WINS.", None]


@pytest.mark.parametrize("pyarrow_imported", [True, False])
def test_the_console_script_ends_the_process_itself_once_pyarrow_is_there(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], pyarrow_imported: bool
) -> None:
    # pyarrow's thread pools can abort Python's shutdown after a good run (exit 134): the
    # console script then ends the process itself, with main's exit code.
    from newsnorm.cli import run

    if pyarrow_imported:
        monkeypatch.setitem(sys.modules, "pyarrow", SimpleNamespace())
    else:
        monkeypatch.delitem(sys.modules, "pyarrow", raising=False)
    monkeypatch.setattr(sys, "argv", ["newsnorm", "--version"])
    ended: list[int] = []
    with pytest.raises(SystemExit) as stopped:
        run(exit_process=ended.append)
    assert stopped.value.code == 0
    assert ended == ([0] if pyarrow_imported else [])
    assert capsys.readouterr().out.strip() == f"newsnorm {__version__}"


def test_workers_are_sent_parquet_bound_rows_without_the_input_columns() -> None:
    # A Parquet output copies the input's own columns itself; only the text need travel.
    from newsnorm.cli import _worker_copy
    from newsnorm.formats import Document

    assert _worker_copy({"a.jsonl": "jsonl"}, "jsonl") is None
    copy = _worker_copy({"a.parquet": "parquet", "b.jsonl": "jsonl"}, "jsonl")
    assert copy is not None
    row = Document("Rain .", "a.parquet", 1, {"id": 1, "text": "Rain ."})
    record = Document("Rain .", "b.jsonl", 1, {"id": 1, "text": "Rain ."})
    assert copy(row).record is None and copy(row).text == "Rain ."
    assert copy(record) is record
