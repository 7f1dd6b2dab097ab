"""The normalize command's inputs and outputs: formats, compression, folders, in place, order."""

import bz2
import gzip
import json
import lzma
import os
import stat
from pathlib import Path

import pytest
import zstandard

from newsnorm.cli import main

STORY = "WASHINGTON ( Reuters ) - Lawmakers met , aides said .\nThey left at noon ."


def _jsonl(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _records(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.mark.parametrize(
    ("suffix", "compress"),
    [
        (".gz", gzip.compress),
        (".bz2", bz2.compress),
        (".xz", lzma.compress),
        (".zst", zstandard.ZstdCompressor().compress),
    ],
)
def test_compressed_inputs_are_read_transparently(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str, compress: object
) -> None:
    path = tmp_path / f"story.txt{suffix}"
    path.write_bytes(compress(STORY.encode()))  # type: ignore[operator]
    assert main(["normalize", str(path), "--jobs", "1"]) == 0
    assert capsys.readouterr().out == (
        "WASHINGTON (Reuters) - Lawmakers met, aides said.\nThey left at noon.\n"
    )


def test_jsonl_keeps_record_fields_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _jsonl(tmp_path / "dump.jsonl", [{"id": "a", "body": STORY, "lang": "en"}])
    assert main(["normalize", str(path), "--text-field", "body", "--format", "jsonl"]) == 0
    (record,) = _records(capsys.readouterr().out)
    assert list(record)[:3] == ["id", "body", "lang"]
    assert record["body"] == "Lawmakers met, aides said.\nThey left at noon."
    assert record["dateline"] == {"location": "WASHINGTON", "agency": "Reuters", "date_text": None}


def test_lines_format_is_one_article_per_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "many.txt"
    path.write_text("First , one .\nSecond , two .\n", encoding="utf-8")
    assert main(["normalize", str(path), "--input-format", "lines"]) == 0
    assert capsys.readouterr().out == "First, one.\n\nSecond, two.\n"


def test_multinews_records_cluster_and_position(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "test.src"
    path.write_text("A , b . NEWLINE_CHAR C .|||||D , e .\nF .\n", encoding="utf-8")
    assert main(["normalize", str(path), "--format", "jsonl"]) == 0
    records = _records(capsys.readouterr().out)
    assert [(r["text"], r["cluster"], r["position"]) for r in records] == [
        ("A, b.\nC.", 1, 0),
        ("D, e.", 1, 1),
        ("F.", 2, 0),
    ]


def test_folder_with_glob_into_an_output_folder(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "wire").mkdir(parents=True)
    (corpus / "a.txt").write_text("One , here .", encoding="utf-8")
    (corpus / "wire" / "b.txt").write_text("Two , there .", encoding="utf-8")
    (corpus / "notes.md").write_text("Not matched , skipped .", encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    assert main(["normalize", str(corpus), "--glob", "*.txt", "-o", str(out)]) == 0
    assert (out / "a.txt").read_text(encoding="utf-8") == "One, here.\n"
    assert (out / "wire" / "b.txt").read_text(encoding="utf-8") == "Two, there.\n"
    assert (out / "empty.txt").read_text(encoding="utf-8") == ""
    assert not (out / "notes.md").exists()
    assert sorted(p.name for p in out.rglob("*") if p.name.startswith(".")) == []


def test_output_folder_names_jsonl_outputs(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    (source / "a.txt.gz").write_bytes(gzip.compress(b"One , here ."))
    out = tmp_path / "out"
    out.mkdir()
    assert main(["normalize", str(source), "-o", str(out), "--format", "jsonl"]) == 0
    assert _records((out / "a.txt.jsonl").read_text(encoding="utf-8"))[0]["text"] == "One, here."


def test_in_place_rewrites_each_input_atomically(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_text("One , here .", encoding="utf-8")
    dump = _jsonl(tmp_path / "b.jsonl", [{"id": 1, "text": "Two , there ."}])
    assert main(["normalize", str(text), str(dump), "--in-place"]) == 0
    assert text.read_text(encoding="utf-8") == "One, here.\n"
    assert _records(dump.read_text(encoding="utf-8"))[0]["text"] == "Two, there."
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.jsonl"]


def test_in_place_keeps_compression(tmp_path: Path) -> None:
    path = tmp_path / "a.txt.gz"
    path.write_bytes(gzip.compress(b"One , here ."))
    assert main(["normalize", str(path), "--in-place"]) == 0
    assert gzip.decompress(path.read_bytes()) == b"One, here.\n"


def test_inputs_are_never_modified_without_in_place(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("One , here .", encoding="utf-8")
    out = tmp_path / "out.txt"
    assert main(["normalize", str(path), "-o", str(out)]) == 0
    assert path.read_text(encoding="utf-8") == "One , here ."


def test_jobs_give_byte_identical_output(tmp_path: Path) -> None:
    lines = [
        {"id": n, "text": f'Story {n} , told ( again ) by "someone , " here .'} for n in range(500)
    ]
    dump = _jsonl(tmp_path / "dump.jsonl", lines)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    assert main(["normalize", str(dump), "--format", "jsonl", "-o", str(one), "--jobs", "1"]) == 0
    assert main(["normalize", str(dump), "--format", "jsonl", "-o", str(two), "--jobs", "2"]) == 0
    assert one.read_bytes() == two.read_bytes()
    assert [r["id"] for r in _records(one.read_text(encoding="utf-8"))] == list(range(500))


def test_config_file_and_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = tmp_path / "newsnorm.toml"
    config.write_text('quotes = "straight"\nheader = false\n', encoding="utf-8")
    story = tmp_path / "s.txt"
    story.write_text("Title: Kept in the text\n\n“Curly” it is.", encoding="utf-8")
    assert main(["normalize", str(story), "--config", str(config)]) == 0
    assert capsys.readouterr().out == 'Title: Kept in the text\n"Curly" it is.\n'
    assert main(["normalize", str(story), "--config", str(config), "--quotes", "curly"]) == 0
    assert "“Curly” it is." in capsys.readouterr().out


def test_bad_config_file_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('qoutes = "straight"\n', encoding="utf-8")
    assert main(["normalize", "--config", str(config)]) == 2
    assert "unknown option 'qoutes'" in capsys.readouterr().err


def test_stats_count_each_stage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.txt"
    path.write_text(f' date 2020-02-17 {STORY} "odd .”', encoding="utf-8")
    assert main(["normalize", str(path), "--stats", "-o", str(tmp_path / "o.txt")]) == 0
    err = capsys.readouterr().err
    stages, _, rules = err.partition("documents changed by each spacing rule:\n")
    rules, _, readers = rules.partition("documents read by each header recognizer:\n")
    stats = {}
    for line in stages.splitlines():
        name, _, value = line.rpartition("  ")
        stats[name.strip()] = int(value.replace(",", ""))
    assert stats["documents"] == 1
    assert stats["tokenized documents repaired"] == 1
    assert stats["quotes changed"] == 1  # the flattened opener
    assert stats["dates found"] == 1
    assert stats["records failed"] == 0
    fired = {line.rpartition("  ")[0].strip(): line.split()[-1] for line in rules.splitlines()}
    assert fired == {"closing punctuation": "1", "closing period": "1", "opening bracket": "1"}
    assert readers.split() == ["corpus", "date", "line", "1"]


def test_inspect_explains_one_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.txt"
    path.write_text(f"Council votes\nBy Ann Lee\n\n{STORY}", encoding="utf-8")
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    assert "style:     moses" in out
    assert "rules:     closing punctuation, closing period, opening bracket" in out
    assert "title:     Council votes" in out
    assert "byline:    By Ann Lee" in out
    assert "readers:   headline, byline" in out
    assert "-Council votes" in out  # read into the title: not in the body
    assert "-WASHINGTON ( Reuters ) - Lawmakers met , aides said ." in out
    assert "+Lawmakers met, aides said." in out  # the dateline is a field too


def test_output_to_the_null_device_keeps_it_a_device(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text("It works , mostly .", encoding="utf-8")
    assert main(["normalize", "-q", str(story), "-o", os.devnull]) == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_stats_on_an_empty_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("", encoding="utf-8")
    assert main(["normalize", str(path), "--stats", "-o", str(tmp_path / "o.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "documents" in err and "records failed" in err
    assert all(line.split()[-1] == "0" for line in err.strip().splitlines())
