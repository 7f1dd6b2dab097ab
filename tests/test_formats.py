import gzip
import json
import os
import stat
import threading
from pathlib import Path

import pytest

from newsnorm import Article, DecodeError, InputError, RecordError
from newsnorm.formats import Document, atomic_output, format_article, read_documents


def test_text_file_is_one_document(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Line one.\nLine two.\n", encoding="utf-8")
    assert [d.text for d in read_documents(path)] == ["Line one.\nLine two.\n"]


def test_lines_format_keeps_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "many.txt"
    path.write_text("First.\n\nThird.\n", encoding="utf-8")
    docs = list(read_documents(path, "lines"))
    assert [(d.text, d.line) for d in docs] == [("First.", 1), ("Third.", 3)]


def test_gzip_jsonl_is_read_transparently(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "a", "body": "Hi ."}) + "\n")
    (doc,) = read_documents(path, text_field="body")
    assert doc.text == "Hi ." and doc.record == {"id": "a", "body": "Hi ."}


def test_multinews_splits_documents_and_records_positions(tmp_path: Path) -> None:
    path = tmp_path / "test.src"
    path.write_text("One . NEWLINE_CHAR Two .|||||Three .\nFour .\n", encoding="utf-8")
    docs = [(d.text, d.line, d.position) for d in read_documents(path)]
    assert docs == [("One . NEWLINE_CHAR Two .", 1, 0), ("Three .", 1, 1), ("Four .", 2, 0)]


def test_invalid_utf8_names_file_line_and_byte(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"good line\nbad \xff here\n")
    with pytest.raises(DecodeError) as caught:
        list(read_documents(path, "lines"))
    error = caught.value
    assert (error.file, error.line, error.offset) == (str(path), 2, 14)
    assert "byte 14" in str(error)


def test_errors_replace_reads_on(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"bad \xff here")
    assert [d.text for d in read_documents(path, errors="replace")] == ["bad \ufffd here"]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "a JSON object is required"),
        ('{"id": 1}', "no string field 'text'"),
    ],
)
def test_malformed_jsonl_names_the_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"text": "fine"}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(RecordError, match=message) as caught:
        list(read_documents(path))
    assert caught.value.line == 2


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_documents(tmp_path / "absent.txt"))


def test_jsonl_output_keeps_record_fields_in_order() -> None:
    doc = Document("x", "a.jsonl", record={"id": 1, "text": "x", "title": "Own title"})
    line = format_article(Article("X."), "jsonl", document=doc)
    record = json.loads(line)
    assert list(record)[:3] == ["id", "text", "title"]
    assert record["text"] == "X." and record["title"] == "Own title"


def test_atomic_output_leaves_nothing_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("previous\n", encoding="utf-8")

    def write_half_then_fail() -> None:
        with atomic_output(target) as out:
            out.write("half")
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError):
        write_half_then_fail()
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_atomic_output_writes_through_a_pipe_and_leaves_it_a_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    with atomic_output(fifo) as out:
        out.write("through the pipe\n")
    reader.join(timeout=10)
    assert received == [b"through the pipe\n"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["pipe"]


def test_atomic_output_replaces_what_a_link_points_to_and_keeps_the_link(tmp_path: Path) -> None:
    target = tmp_path / "target.txt"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    with atomic_output(link) as out:
        out.write("new\n")
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "new\n"


def test_writing_to_the_null_device_leaves_it_a_device() -> None:
    with atomic_output(os.devnull) as out:
        out.write("discarded\n")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
