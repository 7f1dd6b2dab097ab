import datetime as dt
import gzip
import io
import json
import os
import pickle
import stat
import tempfile
import threading
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsnorm import Article, DecodeError, InputError, NewsnormError, RecordError
from newsnorm.errors import OutputError
from newsnorm.formats import (
    ArticleWriter,
    Document,
    atomic_output,
    format_article,
    read_documents,
    render_article,
)


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


# --- output formats: lines and multinews, repaired text, body only ---------------------------


def test_text_output_writes_the_repaired_document_unless_body_only() -> None:
    article = Article("Body.", title="Title")
    repaired = "Title: Title\nBody."
    assert format_article(article, "text", repaired=repaired) == "Title: Title\nBody.\n"
    assert format_article(article, "text", repaired=repaired, body_only=True) == "Body.\n"
    assert format_article(article, "text") == "Body.\n"


def test_lines_output_is_one_line_per_article_with_paragraph_markers(tmp_path: Path) -> None:
    chunk = render_article(Article("One.\nTwo.\r\nThree.\rFour."), "lines")
    assert chunk == (
        "One. NEWLINE_CHAR NEWLINE_CHAR Two. NEWLINE_CHAR NEWLINE_CHAR Three."
        " NEWLINE_CHAR NEWLINE_CHAR Four.\n"
    )
    path = tmp_path / "out.txt"
    with atomic_output(path) as out:
        writer = ArticleWriter(out, "lines")
        writer.write(Article("A.\nB."), repaired="Head\nA.\nB.")
        writer.write(Article("C."))
    docs = list(read_documents(path, "lines"))
    assert [d.line for d in docs] == [1, 2]
    assert docs[0].text.startswith("Head NEWLINE_CHAR NEWLINE_CHAR A.")


def test_multinews_output_puts_a_cluster_on_one_line(tmp_path: Path) -> None:
    source = tmp_path / "in.src"
    source.write_text("A .|||||B . NEWLINE_CHAR C .\nD .\n", encoding="utf-8")
    target = tmp_path / "out.src"
    with atomic_output(target) as out, ArticleWriter(out, "multinews") as writer:
        for document in read_documents(source):
            article = Article(document.text.replace(" NEWLINE_CHAR ", "\n"))
            writer.write(article, document)
    assert target.read_text(encoding="utf-8") == (
        "A .|||||B . NEWLINE_CHAR NEWLINE_CHAR C .\nD .\n"
    )


def test_write_chunk_groups_consecutive_documents_of_one_cluster() -> None:
    stream = io.StringIO()
    writer = ArticleWriter(stream, "multinews")
    first, second = Document("a", "x.src", 1, position=0), Document("b", "x.src", 1, position=1)
    other = Document("c", "x.src", 2, position=0)
    for document in (first, second, other):
        writer.write_chunk(render_article(Article(document.text), "multinews"), document)
    writer.finish()
    assert stream.getvalue() == "a|||||b\nc\n"


cluster_texts = st.text(
    st.characters(
        whitelist_categories=("L", "Nd", "Zs", "P"), blacklist_characters="|\r\n\x85\u2028\u2029"
    ),
    max_size=30,
).filter(lambda s: bool(s.strip()))
clusters = st.lists(
    st.lists(st.tuples(cluster_texts, st.lists(cluster_texts, max_size=2)), min_size=1, max_size=4),
    min_size=1,
    max_size=5,
)


@given(clusters=clusters)
def test_multinews_output_reads_back_with_the_same_clusters(
    clusters: list[list[tuple[str, list[str]]]],
) -> None:
    stream = io.StringIO()
    writer = ArticleWriter(stream, "multinews")
    for line, cluster in enumerate(clusters, start=1):
        for position, (first, more) in enumerate(cluster):
            document = Document(first, "in.src", line, position=position)
            writer.write(Article("\n".join([first, *more])), document)
    writer.finish()
    folder = Path(tempfile.mkdtemp())
    path = folder / "out.src"
    path.write_text(stream.getvalue(), encoding="utf-8")
    read = list(read_documents(path, "multinews"))
    sizes = [sum(1 for d in read if d.line == line) for line in range(1, len(clusters) + 1)]
    assert sizes == [len(cluster) for cluster in clusters]
    assert len(read) == sum(sizes)


# --- Document: cluster and verbatim ----------------------------------------------------------


def test_multinews_documents_carry_their_cluster_id(tmp_path: Path) -> None:
    path = tmp_path / "t.src"
    path.write_text("A .|||||B .\n\nC .\n", encoding="utf-8")
    assert [d.cluster for d in read_documents(path)] == [1, 1, 3]
    assert [d.cluster for d in read_documents(path, cluster_offset=100)] == [101, 101, 103]
    assert [d.cluster for d in read_documents(path, "lines")] == [None, None]


def test_document_pickles_with_every_field() -> None:
    document = Document("t", "a.src", 3, None, 1, 9, cluster=42, verbatim="raw")
    assert pickle.loads(pickle.dumps(document)) == document
    assert attrs.astuple(pickle.loads(pickle.dumps(document))) == attrs.astuple(document)


def test_jsonl_output_of_a_multinews_document_has_cluster_and_position() -> None:
    document = Document("A .", "t.src", 3, position=1, cluster=1003)
    record = json.loads(format_article(Article("A."), "jsonl", document=document))
    assert (record["cluster"], record["position"]) == (1003, 1)
    legacy = Document("A .", "t.src", 3, position=1)
    assert json.loads(format_article(Article("A."), "jsonl", document=legacy))["cluster"] == 3


# --- JSONL: the record's own fields are never replaced ---------------------------------------


def test_jsonl_record_with_its_own_headers_is_an_error_naming_the_field() -> None:
    record = {"text": "x", "headers": {"Content-Type": "text/html"}}
    document = Document("x", "crawl.jsonl", 7, record=record)
    article = Article("X.", headers={"Source": "wire"})
    with pytest.raises(RecordError) as caught:
        format_article(article, "jsonl", document=document)
    error = caught.value
    assert (error.file, error.line) == ("crawl.jsonl", 7)
    assert "the record already has a field 'headers'" in str(error)
    assert "--field-prefix" in str(error)


def test_jsonl_field_prefix_keeps_both_values() -> None:
    record = {"text": "x", "date": "crawl-2024-05-01", "headers": {"Content-Type": "text/html"}}
    document = Document("x", "crawl.jsonl", 7, record=record)
    article = Article("X.", date=dt.date(2024, 5, 2), headers={"Source": "wire"})
    line = format_article(article, "jsonl", document=document, field_prefix="nn_")
    out = json.loads(line)
    assert out["date"] == "crawl-2024-05-01" and out["nn_date"] == "2024-05-02"
    assert out["headers"] == {"Content-Type": "text/html"}
    assert out["nn_headers"] == {"Source": "wire"}
    assert out["text"] == "X."


def test_jsonl_empty_values_leave_the_record_own_fields() -> None:
    record = {"text": "x", "date": "crawl-2024-05-01", "headers": {"Content-Type": "text/html"}}
    document = Document("x", "crawl.jsonl", 7, record=record)
    out = json.loads(format_article(Article("X."), "jsonl", document=document))
    assert out["date"] == "crawl-2024-05-01"
    assert out["headers"] == {"Content-Type": "text/html"}


def test_jsonl_rerun_on_its_own_output_is_fine() -> None:
    article = Article("X.", date=dt.date(2024, 5, 2), title="T", headers={"Source": "wire"})
    source = Document("X .", "in.jsonl", 1, record={"text": "X ."})
    first = json.loads(format_article(article, "jsonl", document=source, source_field="file"))
    assert first["file"] == "in.jsonl"
    document = Document("X.", "out.jsonl", 1, record=first)
    again = json.loads(format_article(article, "jsonl", document=document))
    assert again == first
    # the article read again from its body alone has fewer fields: the record keeps its own
    document = Document("X.", "out.jsonl", 1, record=first)
    assert json.loads(format_article(Article("X."), "jsonl", document=document)) == first


def test_jsonl_source_field_names_the_input_file() -> None:
    document = Document("x", "part-3.jsonl", 2, record={"id": 1, "text": "x"})
    out = json.loads(format_article(Article("X."), "jsonl", document=document, source_field="src"))
    assert out["src"] == "part-3.jsonl"
    earlier = Document("x", "part-3.jsonl", 2, record={"text": "x", "src": "elsewhere"})
    kept = format_article(Article("X."), "jsonl", document=earlier, source_field="src")
    assert json.loads(kept)["src"] == "elsewhere"  # the record's own provenance stays
    clash = earlier
    prefixed = format_article(
        Article("X."), "jsonl", document=clash, source_field="src", field_prefix="nn_"
    )
    assert json.loads(prefixed)["nn_src"] == "part-3.jsonl"


def test_article_writer_passes_prefix_and_source_field() -> None:
    stream = io.StringIO()
    writer = ArticleWriter(stream, "jsonl", field_prefix="nn_", source_field="source")
    writer.write(Article("X."), Document("x", "a.jsonl", 1, record={"text": "x", "date": "d"}))
    out = json.loads(stream.getvalue())
    assert out["date"] == "d" and out["nn_date"] is None and out["nn_source"] == "a.jsonl"


# --- skipped records written back byte for byte ----------------------------------------------


def test_skipped_records_are_written_back_byte_identical(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    bad_json = b'{"text": "unterminated\n'
    bad_bytes = b'{"text": "caf\xe9 \xff"}\n'
    source.write_bytes(b'{"text": "One ."}\n' + bad_json + bad_bytes + b'{"text": "Two ."}\n')
    errors: list[NewsnormError] = []
    target = tmp_path / "out.jsonl"
    with atomic_output(target) as out:
        writer = ArticleWriter(out, "jsonl")
        for document in read_documents(source, keep_verbatim=True, on_error=errors.append):
            writer.write(Article(document.text.replace(" .", ".")), document)
    assert [e.line for e in errors] == [2, 3]
    lines = target.read_bytes().splitlines(keepends=True)
    assert lines[1:3] == [bad_json, bad_bytes]
    assert [json.loads(line)["text"] for line in (lines[0], lines[3])] == ["One.", "Two."]


def test_a_verbatim_document_renders_as_its_line_in_every_format() -> None:
    document = Document("", "in.jsonl", 2, verbatim="{broken \udcff")
    for output_format in ("text", "jsonl", "lines", "multinews"):
        chunk = render_article(Article(""), output_format, document=document)  # type: ignore[arg-type]
        assert chunk == "{broken \udcff\n"


def test_keep_verbatim_without_on_error_still_raises(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"{bad\n")
    with pytest.raises(RecordError):
        list(read_documents(path, keep_verbatim=True))


def test_verbatim_multinews_line_stays_its_own_line() -> None:
    stream = io.StringIO()
    writer = ArticleWriter(stream, "multinews")
    good = Document("a", "x.src", 1, position=0)
    bad = Document("", "x.src", 2, verbatim="b\udcff|||||c")
    after = Document("d", "x.src", 3, position=0)
    for document in (good, bad, after):
        writer.write(Article(document.text), document)
    writer.finish()
    assert stream.getvalue() == "a\nb\udcff|||||c\nd\n"


# --- JSONL parse crashes are record errors ---------------------------------------------------


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "not valid JSON: nested too deeply"),
        ('{"text": "x", "n": ' + "9" * 5_000 + "}", "not valid JSON: number too long"),
    ],
)
def test_json_that_crashes_the_parser_is_a_record_error(
    tmp_path: Path, line: str, message: str
) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(line + '\n{"text": "fine"}\n', encoding="utf-8")
    with pytest.raises(RecordError, match=message) as caught:
        list(read_documents(path))
    assert caught.value.line == 1
    skipped: list[NewsnormError] = []
    assert [d.text for d in read_documents(path, on_error=skipped.append)] == ["fine"]
    assert len(skipped) == 1


# --- compressed output and missing folders ---------------------------------------------------


def _gzip_fname(data: bytes) -> bytes | None:
    assert data[:2] == b"\x1f\x8b"
    flags = data[3]
    if not flags & 0x08:
        return None
    position = 10
    if flags & 0x04:  # FEXTRA
        position += 2 + int.from_bytes(data[position : position + 2], "little")
    return data[position : data.index(b"\x00", position)]


def test_gzip_output_names_the_final_file_not_the_temporary_one(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl.gz"
    with atomic_output(target) as out:
        out.write("x\n")
    data = target.read_bytes()
    assert _gzip_fname(data) in (b"out.jsonl", None)
    assert gzip.decompress(data) == b"x\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl.gz"]


def test_output_into_a_missing_folder_is_an_output_error(tmp_path: Path) -> None:
    target = tmp_path / "absent" / "out.txt"
    with (
        pytest.raises(OutputError, match="cannot write: no such folder") as caught,
        atomic_output(target) as out,
    ):
        out.write("x")
    assert caught.value.file == str(target)
    assert isinstance(caught.value, NewsnormError)
    assert list(tmp_path.iterdir()) == []


def test_output_writes_surrogate_escaped_bytes_back(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with atomic_output(target) as out:
        out.write("caf\udce9\n")
    assert target.read_bytes() == b"caf\xe9\n"
