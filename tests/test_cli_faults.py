"""Bad input and faults: clear one-line errors, exit codes, and never a half-written output."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsnorm.cli
from newsnorm.cli import main


def _command() -> str:
    command = shutil.which("newsnorm", path=str(Path(sys.executable).parent))
    assert command is not None, "the newsnorm command is not installed beside this Python"
    return command


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_command(), *args], capture_output=True, text=True, check=False, timeout=120
    )


def test_invalid_utf8_in_jsonl_names_file_line_and_byte(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "d.jsonl"
    path.write_bytes(b'{"text": "ok"}\n{"text": "bad \xff"}\n')
    out = tmp_path / "out.jsonl"
    assert main(["normalize", str(path), "-o", str(out)]) == 1
    assert capsys.readouterr().err == (
        f"newsnorm: error: {path}:2: invalid utf-8 at byte 29: invalid start byte"
        " (use --encoding or --errors replace to read it anyway)\n"
    )
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [path]


def test_errors_replace_and_other_encodings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\xe9 , open .".encode("latin-1"))
    assert main(["normalize", str(path), "--encoding", "latin-1"]) == 0
    assert capsys.readouterr().out == "Café, open.\n"
    assert main(["normalize", str(path), "--errors", "replace"]) == 0
    assert capsys.readouterr().out == "Caf\ufffd, open.\n"


def test_malformed_jsonl_stops_with_the_cause(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"text": "One ."}\n{"text": oops}\n{"body": "x"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["normalize", str(path), "-o", str(out), "--jobs", "1"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"newsnorm: error: {path}:2: not valid JSON: Expecting value")
    assert err.count("\n") == 1
    assert not out.exists()


def test_keep_going_skips_bad_records_and_fails_at_the_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "d.jsonl"
    path.write_bytes(b'{"text": "One ."}\n{"text": oops}\n{"body": "x"}\n\xff\n{"text": "Two ."}\n')
    out = tmp_path / "out.jsonl"
    assert main(["normalize", str(path), "-o", str(out), "--keep-going", "--format", "jsonl"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"newsnorm: skipped: {path}:2: not valid JSON")
    assert err[1] == f"newsnorm: skipped: {path}:3: no string field 'text' in the record"
    assert err[2].startswith(f"newsnorm: skipped: {path}:4: invalid utf-8 at byte 47")
    texts = [json.loads(line)["text"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert texts == ["One.", "Two."]


def test_empty_input_gives_empty_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert main(["normalize", str(path)]) == 0
    assert capsys.readouterr().out == ""


def test_binary_files_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert main(["normalize", str(path)]) == 1
    assert "looks like a binary file (it contains NUL bytes)" in capsys.readouterr().err


def test_lone_surrogates_never_break_the_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"text": "broken \\ud800 escape"}\n', encoding="utf-8")
    for flags in ([], ["--no-characters"]):
        assert main(["normalize", str(path), "--format", "jsonl", *flags]) == 0
        assert json.loads(capsys.readouterr().out)["text"] == "broken \ufffd escape"


def test_a_very_long_single_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "long.txt"
    sentence = "The council met , and ( after a vote ) it ’ s done . "
    path.write_text(sentence * 200_000, encoding="utf-8")  # about 10 MB on one line
    assert main(["normalize", str(path), "--input-format", "lines", "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("The council met, and (after a vote) it’s done. The council")
    assert len(out) > 9_000_000


def test_interrupt_leaves_no_partial_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "many.txt"
    path.write_text("Line , one .\n" * 50, encoding="utf-8")
    out = tmp_path / "out.txt"
    real = newsnorm.cli.render_documents

    def interrupted(*args: object, **kwargs: object) -> Iterator[object]:
        for number, result in enumerate(real(*args, **kwargs)):  # type: ignore[arg-type]
            if number == 10:
                raise KeyboardInterrupt
            yield result

    monkeypatch.setattr(newsnorm.cli, "render_documents", interrupted)
    assert main(["normalize", str(path), "--input-format", "lines", "-o", str(out)]) == 130
    assert "interrupted" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["many.txt"]


def test_installed_command_reports_bad_input_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"text": "One ."}\n[1]\n', encoding="utf-8")
    result = _run("normalize", str(path), "--keep-going", "--format", "jsonl")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == f"newsnorm: skipped: {path}:2: a JSON object is required\n"
    assert json.loads(result.stdout)["text"] == "One."


def test_installed_command_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    record = json.dumps({"text": "Shares rose , traders said ( again ) . " * 40}) + "\n"
    path.write_text(record * 40_000, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [_command(), "normalize", str(path), "-o", str(out), "--jobs", "2"],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 90  # until the run is under way: its output is open
    while not list(tmp_path.glob(".newsnorm-*.tmp")):
        assert time.monotonic() < deadline and process.poll() is None, "the run did not start"
        time.sleep(0.05)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=90)
    assert process.returncode == 130, err
    assert err == "newsnorm: interrupted\n"  # one line: no blank line before it off a terminal
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.jsonl"]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    assert _run("normalize", str(path), "-o", str(path)).returncode == 2
    assert _run("normalize", "--jobs", "many").returncode == 2
    assert _run("normalize", str(tmp_path / "missing.txt")).returncode == 2
    assert _run("normalize", "-", "--in-place").returncode == 2
    assert os.listdir(tmp_path) == ["a.txt"]


def test_id_field_names_the_bad_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"id": "doc-7", "body": 5}\n', encoding="utf-8")
    assert main(["normalize", str(path), "--id-field", "id"]) == 1
    err = capsys.readouterr().err
    assert err == f"newsnorm: error: {path}:1: no string field 'text' in the record 'doc-7'\n"


def test_progress_on_a_terminal_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "many.txt"
    path.write_text("Line , one .\n" * 20, encoding="utf-8")
    args = ["normalize", str(path), "--input-format", "lines", "-o", str(tmp_path / "o.txt")]
    assert main(args) == 0
    assert capsys.readouterr().err == ""  # piped: silent
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(args) == 0
    err = capsys.readouterr().err
    assert "B/s" in err  # shown (by tqdm)...
    assert _screen_line(err).strip() == ""  # ...and cleared at the end
    assert main([*args, "--quiet"]) == 0
    assert capsys.readouterr().err == ""


def _screen_line(written: str) -> str:
    """What a terminal shows of a line written with carriage returns: each part overwrites."""
    line = ""
    for part in written.split("\r"):
        line = part + line[len(part) :]
    return line


def test_max_document_size_sets_the_reading_limit(tmp_path: Path) -> None:
    records = tmp_path / "in.jsonl"
    records.write_text('{"text": "Short ."}\n{"text": "' + "Long story . " * 200 + '"}\n')
    command = [sys.executable, "-m", "newsnorm", "normalize", str(records), "--format", "jsonl"]
    kept = subprocess.run(command, capture_output=True, text=True, check=False)
    assert kept.returncode == 0, kept.stderr
    assert kept.stdout.count("\n") == 2
    limited = subprocess.run(
        [*command, "--max-document-size", "1K", "--keep-going"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert limited.returncode == 1
    assert limited.stdout.count("\n") == 1  # the short record, and not the long one
    assert len(limited.stderr.strip().splitlines()) == 1
    assert "in.jsonl:2:" in limited.stderr
    refused = subprocess.run(
        [*command, "--max-document-size", "lots"], capture_output=True, text=True, check=False
    )
    assert refused.returncode == 2
    assert "not a size" in refused.stderr


def test_time_budget_leaves_a_slow_document_as_given_and_counts_it(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("Officers , including two , met .\n", encoding="utf-8")
    command = [sys.executable, "-m", "newsnorm", "normalize", str(source), "--stats"]
    within = subprocess.run([*command, "--time-budget", "60"], capture_output=True, text=True)
    assert within.stdout == "Officers, including two, met.\n"
    assert "documents over the time budget  0" in within.stderr
    # A budget no document can meet: the text is written as given, and counted.
    over = subprocess.run([*command, "--time-budget", "1e-9"], capture_output=True, text=True)
    assert over.returncode == 0
    assert over.stdout.startswith("Officers , including two , met .\n")  # as given
    assert "documents over the time budget  1" in over.stderr
    refused = subprocess.run([*command, "--time-budget", "0"], capture_output=True, text=True)
    assert refused.returncode == 2
    assert "seconds above 0" in refused.stderr
