"""Nothing lost on any CLI path: text output keeps header lines, in-place keeps structure and
records, outputs never land on inputs or on each other, and usage mistakes are one-line errors."""

import gzip
import json
import os
from pathlib import Path

import pytest

import newsnorm.cli
from newsnorm.cli import main

HEADED = (
    "Title: Storm Hits Coast\n"
    "By Jane Doe\n"
    "Published: Tuesday, September 1, 2015\n"
    "\n"
    "SPRINGFIELD (Reuters) - The wind blew hard , officials said ( twice ) .\n"
    "\n"
    "Schools closed early , at noon .\n"
)


def _alnum(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def _records(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- text output and --in-place keep the header -------------------------------------------


def test_in_place_keeps_title_byline_date_and_dateline(tmp_path: Path) -> None:
    story = _write(tmp_path / "story.txt", HEADED)
    assert main(["normalize", "-q", "--in-place", str(story)]) == 0
    assert story.read_text(encoding="utf-8") == (
        "Title: Storm Hits Coast\n"
        "By Jane Doe\n"
        "Published: Tuesday, September 1, 2015\n"
        "SPRINGFIELD (Reuters) - The wind blew hard, officials said (twice).\n"
        "Schools closed early, at noon.\n"
    )


def test_text_output_keeps_every_letter_and_digit_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = _write(tmp_path / "story.txt", HEADED)
    assert main(["normalize", "-q", str(story)]) == 0
    assert _alnum(capsys.readouterr().out) == _alnum(HEADED)


def test_body_only_is_the_explicit_way_to_leave_the_header_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = _write(tmp_path / "story.txt", HEADED)
    assert main(["normalize", "-q", "--body-only", str(story)]) == 0
    assert (
        capsys.readouterr().out
        == "The wind blew hard, officials said (twice).\nSchools closed early, at noon.\n"
    )


def test_jsonl_fields_plus_text_hold_every_letter_and_digit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = _write(tmp_path / "story.txt", HEADED)
    assert main(["normalize", "-q", "--format", "jsonl", "--source-field", "", str(story)]) == 0
    (record,) = _records(capsys.readouterr().out)
    found = sorted(_alnum(json.dumps(record, ensure_ascii=False)))
    remaining = list(found)
    for char in _alnum(HEADED):
        assert char in remaining, char
        remaining.remove(char)


# --- in-place keeps the input's format and its unreadable records -------------------------


def test_in_place_multinews_keeps_clusters_separators_and_markers(tmp_path: Path) -> None:
    source = _write(
        tmp_path / "train.src",
        "A ferry sailed , again . NEWLINE_CHAR NEWLINE_CHAR It was late .|||||Rain fell .\n"
        "Second cluster , one document .\n",
    )
    assert main(["normalize", "-q", "--in-place", str(source)]) == 0
    lines = source.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    first = lines[0].split("|||||")
    assert len(first) == 2
    assert "NEWLINE_CHAR" in first[0] and "sailed, again." in first[0]
    assert first[1].strip() == "Rain fell."
    assert lines[1] == "Second cluster, one document."


def test_in_place_lines_keeps_one_record_per_line(tmp_path: Path) -> None:
    path = _write(tmp_path / "many.txt", "One , two . NEWLINE_CHAR Three .\nFour .\n")
    assert main(["normalize", "-q", "--input-format", "lines", "--in-place", str(path)]) == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert lines[1] == "Four."


def test_in_place_keep_going_writes_skipped_records_back_byte_for_byte(tmp_path: Path) -> None:
    bad_json = b'{"text": "broken\n'
    bad_bytes = b'{"text": "caf\xe9 ."}\n'
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b'{"text": "One , two ."}\n' + bad_json + bad_bytes + b'{"text": "Three ."}\n')
    assert main(["normalize", "-q", "--in-place", "--keep-going", str(path)]) == 1
    lines = path.read_bytes().splitlines(keepends=True)
    assert len(lines) == 4
    assert lines[1] == bad_json
    assert lines[2] == bad_bytes
    assert json.loads(lines[3])["text"] == "Three."


# --- outputs never land on inputs or on each other -----------------------------------------


def test_output_folder_inside_the_input_folder_never_overwrites_an_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path / "in" / "a.txt", "Top level a , text .\n")
    user = _write(tmp_path / "in" / "out" / "a.txt", "USER DATA .\n")
    code = main(["normalize", "-q", str(tmp_path / "in"), "-o", str(tmp_path / "in" / "out")])
    assert code == 2
    assert user.read_text(encoding="utf-8") == "USER DATA .\n"
    assert "refusing to overwrite the input" in capsys.readouterr().err


@pytest.mark.parametrize(
    "names",
    [
        ("a/x.txt", "b/x.txt"),  # two files of one name
        ("x.txt", "x.txt.gz"),  # a name and its compressed twin
        ("one/data/x.txt", "two/data/x.txt"),  # two folders of one name, given as folders
    ],
)
def test_outputs_that_would_collide_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], names: tuple[str, str]
) -> None:
    inputs = []
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = b"Some text .\n"
        path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
        inputs.append(str(path.parent if name.count("/") == 2 else path))
    out = tmp_path / "out"
    out.mkdir()
    assert main(["normalize", "-q", *inputs, "-o", str(out)]) == 2
    assert "would both be written there" in capsys.readouterr().err
    assert list(out.iterdir()) == []


def test_output_name_ending_in_a_slash_is_a_new_folder(tmp_path: Path) -> None:
    a = _write(tmp_path / "a.txt", "One , two .\n")
    b = _write(tmp_path / "b.txt", "Three .\n")
    out = tmp_path / "out"
    assert main(["normalize", "-q", str(a), str(b), "-o", f"{out}/"]) == 0
    assert out.is_dir()
    assert (out / "a.txt").read_text(encoding="utf-8") == "One, two.\n"


def test_several_inputs_and_a_bare_new_name_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _write(tmp_path / "a.txt", "One .\n")
    b = _write(tmp_path / "b.txt", "Two .\n")
    assert main(["normalize", "-q", str(a), str(b), "-o", str(tmp_path / "out")]) == 2
    assert not (tmp_path / "out").exists()
    assert "no such folder" in capsys.readouterr().err


def test_missing_output_folder_is_a_one_line_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a = _write(tmp_path / "a.txt", "One .\n")
    assert main(["normalize", "-q", str(a), "-o", str(tmp_path / "nope" / "sub" / "x.txt")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no such folder" in err and "Traceback" not in err


# --- JSONL: records keep their own fields, and say where they came from --------------------


def test_jsonl_never_replaces_a_record_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = {"text": HEADED, "headers": {"Content-Type": "text/html"}}
    path = _write(tmp_path / "d.jsonl", json.dumps(record) + "\n")
    original = path.read_bytes()
    assert main(["normalize", "-q", "--in-place", str(path)]) == 1
    assert "already has a field 'headers'" in capsys.readouterr().err
    assert path.read_bytes() == original
    assert main(["normalize", "-q", "--in-place", "--field-prefix", "nn_", str(path)]) == 0
    (written,) = _records(path.read_text(encoding="utf-8"))
    assert written["headers"] == {"Content-Type": "text/html"}
    assert written["nn_title"] == "Storm Hits Coast"


def test_jsonl_records_name_their_source_and_clusters_are_unique(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = _write(tmp_path / "one.src", "First , cluster .|||||Same cluster .\n")
    two = _write(tmp_path / "two.src", "Other file .\n")
    assert main(["normalize", "-q", "--format", "jsonl", str(one), str(two)]) == 0
    records = _records(capsys.readouterr().out)
    assert [r["source_file"] for r in records] == [str(one), str(one), str(two)]
    assert [r["cluster"] for r in records][:2] == [1, 1]
    assert records[2]["cluster"] != 1
    assert main(["normalize", "-q", "--format", "jsonl", "--source-field", "", str(two)]) == 0
    assert "source_file" not in _records(capsys.readouterr().out)[0]


# --- inspect shows what normalize does ---------------------------------------------------


def test_inspect_diffs_the_body_and_takes_the_normalize_options(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    story = _write(tmp_path / "story.txt", HEADED)
    assert main(["inspect", str(story), "--spacing", "ptb", "--quotes", "straight"]) == 0
    out = capsys.readouterr().out
    assert "title:     Storm Hits Coast" in out
    assert "-Title: Storm Hits Coast" in out  # read into a field, so gone from the body
    assert "+The wind blew hard, officials said (twice)." in out
    assert "+++ body" in out


# --- usage mistakes are exit 2 with one line ---------------------------------------------


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--encoding", "nosuch"], "unknown encoding"),
        (["--jobs", "0"], "at least one worker"),
        (["--jobs", "-1"], "at least one worker"),
        (["--text-field", "body"], "--text-field is for JSONL or Parquet input"),
    ],
)
def test_usage_mistakes_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    story = _write(tmp_path / "story.txt", "Text .\n")
    assert main(["normalize", "-q", str(story), *extra]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_glob_that_matches_nothing_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _write(tmp_path / "in" / "story.txt", "Text .\n")
    assert main(["normalize", "-q", str(tmp_path / "in"), "--glob", "*.md"]) == 2
    assert "matches --glob '*.md'" in capsys.readouterr().err


class _Terminal:
    """A stand-in for a terminal stream: isatty() is True, writes are kept."""

    def __init__(self, text: str = "") -> None:
        self.written: list[str] = []
        self.text = text

    def isatty(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.written.append(text)
        return len(text)

    def flush(self) -> None:
        pass

    def read(self, size: int = -1) -> str:
        return self.text


def test_a_terminal_on_stdin_gets_a_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    err = _Terminal()
    stdin = _Terminal()
    monkeypatch.setattr("sys.stdin", stdin)
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.setattr(newsnorm.cli, "read_documents", lambda *a, **k: iter(()))
    assert main(["normalize"]) == 0
    assert any("reading standard input" in text for text in err.written)


def test_progress_stays_off_the_terminal_the_articles_go_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capfd: pytest.CaptureFixture[str]
) -> None:
    story = _write(tmp_path / "story.txt", "Text .\n")
    err = _Terminal()
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    assert main(["normalize", "--jobs", "1", str(story)]) == 0
    assert not any("documents" in text for text in err.written)


def test_progress_line_is_cleared_at_the_end(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stories = [_write(tmp_path / f"s{n}.txt", "Text .\n") for n in range(3)]
    err = _Terminal()
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.setattr(newsnorm.cli._Progress, "update", _show_every_time)
    args = ["normalize", "--jobs", "1", *map(str, stories), "-o", str(tmp_path / "o.txt")]
    assert main(args) == 0
    written = "".join(err.written)
    assert "3 documents" in written and "21.0/21.0" in written  # documents and bytes
    assert _screen_line(written).strip() == ""  # cleared: nothing left on the terminal


def test_progress_without_a_total_counts_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = tmp_path / "story.txt.gz"
    story.write_bytes(gzip.compress(b"Text .\n"))
    err = _Terminal()
    monkeypatch.setattr("sys.stderr", err)
    monkeypatch.setattr(newsnorm.cli._Progress, "update", _show_every_time)
    assert main(["normalize", "--jobs", "1", str(story), "-o", str(tmp_path / "o.txt")]) == 0
    written = "".join(err.written)
    assert "1 documents" in written and "%" not in written  # no total: no percentage


_update = newsnorm.cli._Progress.update


def _show_every_time(self: newsnorm.cli._Progress, document: newsnorm.cli.Document) -> None:
    _update(self, document)
    if self.bar is not None:
        self.bar.refresh()


def _screen_line(written: str) -> str:
    """What a terminal shows of a line written with carriage returns: each part overwrites."""
    line = ""
    for part in written.split("\r"):
        line = part + line[len(part) :]
    return line


def test_compressed_output_names_no_temporary_file(tmp_path: Path) -> None:
    story = _write(tmp_path / "story.txt", "Text .\n")
    out = tmp_path / "clean.txt.gz"
    assert main(["normalize", "-q", str(story), "-o", str(out)]) == 0
    header = out.read_bytes()
    assert b".newsnorm-" not in header and b".tmp" not in header
    assert gzip.decompress(header) == b"Text.\n"
    assert not [name for name in os.listdir(tmp_path) if name.startswith(".newsnorm-")]


def test_jsonl_records_that_crash_the_json_parser_are_skipped_not_fatal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "d.jsonl"
    deep = "[" * 100_000 + "]" * 100_000
    huge = '{"text": "x", "n": ' + "9" * 5_000 + "}"
    path.write_text(f'{deep}\n{huge}\n{{"text": "Fine , really ."}}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["normalize", "-q", "--keep-going", str(path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("skipped") == 2
    (record,) = _records(out.read_text(encoding="utf-8"))  # .jsonl: written as JSONL
    assert record["text"] == "Fine, really."
