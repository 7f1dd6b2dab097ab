"""Parquet in and out: row groups read a batch at a time, the table's own columns kept with their
types, the article's fields added as the engines' columns, written atomically, in order."""

import datetime as dt
import decimal
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from newsnorm import Article, InputError, RecordError, normalize  # noqa: E402
from newsnorm.batch import normalize_documents  # noqa: E402
from newsnorm.cli import main  # noqa: E402
from newsnorm.columns import COLUMNS, arrow_schema, article_columns  # noqa: E402
from newsnorm.formats import (  # noqa: E402
    Document,
    open_writer,
    read_documents,
    render_chunk,
    write_articles,
)
from newsnorm.formats._arrow import to_array  # noqa: E402
from newsnorm.formats.parquet import ParquetArticleWriter, TableRow  # noqa: E402

HEADED = "Title: Storm Hits Coast\nBy Jane Doe\n\nSPRINGFIELD (Reuters) - The wind blew , hard .\n"
PLAIN = "Schools closed early , at noon ."


def _table(texts: list[str | None], column: str = "article") -> Any:
    """A table with columns of many types around its text column."""
    count = len(texts)
    return pa.table(
        {
            "id": pa.array(range(count), pa.int32()),
            "when": pa.array(
                [dt.datetime(2021, 5, 4, 12, 30, 1, 123456)] * count, pa.timestamp("us", "UTC")
            ),
            column: pa.array(texts, pa.string()),
            "price": pa.array([decimal.Decimal("1.25")] * count, pa.decimal128(6, 2)),
            "tags": pa.array([["a", "b"] if n % 2 else [] for n in range(count)]),
            "meta": pa.array([{"lang": "en", "n": n} for n in range(count)]),
            "site": pa.array(["x.test"] * count).dictionary_encode(),
            "score": pa.array([0.5] * count, pa.float32()),
        }
    )


def _write(path: Path, table: Any, row_group_size: int | None = None) -> Path:
    pq.write_table(table, path, row_group_size=row_group_size)
    return path


def _texts(count: int) -> list[str | None]:
    return [f"{HEADED if n % 3 == 0 else ''}Item {n} , {PLAIN}" for n in range(count)]


# --- round trips through the command ---------------------------------------------------------


def test_round_trip_keeps_the_tables_columns_types_and_row_order(tmp_path: Path) -> None:
    texts = _texts(30)
    source = _write(tmp_path / "in.parquet", _table(texts), row_group_size=7)
    out = tmp_path / "out.parquet"
    args = ["normalize", "-q", str(source), "--text-field", "article", "-o", str(out)]
    assert main(args) == 0
    read, written = pq.read_table(source), pq.read_table(out)
    added = [*COLUMNS, "source_file"]
    assert written.column_names == [*read.column_names, *added]
    for field in read.schema:  # every own column in its place, with its type and values
        assert written.schema.field(field.name).type == field.type
        if field.name != "article":
            assert written.column(field.name).equals(read.column(field.name))
    for field in arrow_schema():
        assert written.schema.field(field.name).type == field.type
    expected = [normalize(text) for text in texts]  # type: ignore[arg-type]
    assert written.column("article").to_pylist() == [article.text for article in expected]
    assert written.column("title").to_pylist() == [article.title for article in expected]
    headers = written.column("headers").to_pylist()
    assert headers == [article_columns(article)["headers"] for article in expected]
    assert written.column("source_file").to_pylist() == [str(source)] * len(texts)


def test_the_installed_command_reads_and_writes_parquet(tmp_path: Path) -> None:
    command = shutil.which("newsnorm", path=str(Path(sys.executable).parent))
    assert command is not None
    source = _write(tmp_path / "in.parquet", _table(_texts(5)))
    out = tmp_path / "out.parquet"
    done = subprocess.run(
        [command, "normalize", str(source), "--text-field", "article", "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert pq.read_table(out).column("title").to_pylist()[0] == "Storm Hits Coast"


def test_the_output_format_follows_the_output_name(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(HEADED, encoding="utf-8")
    assert main(["normalize", "-q", str(story), "-o", str(tmp_path / "out.parquet")]) == 0
    (row,) = pq.read_table(tmp_path / "out.parquet").to_pylist()
    assert row["text"] == "The wind blew, hard." and row["title"] == "Storm Hits Coast"
    assert row["source_file"] == str(story)
    assert main(["normalize", "-q", str(story), "-o", str(tmp_path / "out.jsonl")]) == 0
    (record,) = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text().splitlines()]
    assert record["title"] == "Storm Hits Coast"
    assert main(["normalize", "-q", str(story), "-o", str(tmp_path / "out.txt")]) == 0
    assert (tmp_path / "out.txt").read_text().startswith("Title: Storm Hits Coast\n")


def test_field_prefix_names_the_added_columns(tmp_path: Path) -> None:
    source = _write(tmp_path / "in.parquet", _table(_texts(3)))
    out = tmp_path / "out.parquet"
    args = ["normalize", "-q", str(source), "--text-field", "article", "-o", str(out)]
    assert main([*args, "--field-prefix", "nn_", "--source-field", "from"]) == 0
    names = pq.read_table(out).column_names
    assert names[-10:] == [*(f"nn_{name}" for name in COLUMNS), "nn_from"]
    assert main([*args, "--source-field", ""]) == 0
    assert pq.read_table(out).column_names[-1] == "furniture"


def test_a_tables_own_column_is_never_replaced(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _table(_texts(4)).append_column("title", pa.array(["Mine", None, None, None]))
    source = _write(tmp_path / "in.parquet", table)
    out = tmp_path / "out.parquet"
    args = ["normalize", "-q", str(source), "--text-field", "article", "-o", str(out)]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert f"{source}:1: the record already has a field 'title'" in err
    assert "--field-prefix" in err
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".newsnorm-")] == []
    assert main([*args, "--field-prefix", "nn_"]) == 0
    written = pq.read_table(out)
    assert written.column("title").to_pylist() == ["Mine", None, None, None]
    assert written.column("nn_title").to_pylist()[0] == "Storm Hits Coast"


def test_newsnorm_runs_again_over_its_own_parquet_output(tmp_path: Path) -> None:
    source = _write(tmp_path / "in.parquet", _table(_texts(6)))
    once, twice = tmp_path / "once.parquet", tmp_path / "twice.parquet"
    base = ["normalize", "-q", "--text-field", "article"]
    assert main([*base, str(source), "-o", str(once)]) == 0
    assert main([*base, str(once), "-o", str(twice)]) == 0  # equal values: no clash
    first, second = pq.read_table(once), pq.read_table(twice)
    assert second.equals(first)  # its source_file too: the earlier provenance stays


def test_null_text_is_a_bad_row_skipped_with_keep_going_and_kept_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write(tmp_path / "in.parquet", _table(["One , two .", None, "Three ."]))
    out = tmp_path / "out.parquet"
    args = ["normalize", "-q", str(source), "--text-field", "article"]
    assert main([*args, "-o", str(out)]) == 1
    assert f"{source}:2: the text column 'article' is null" in capsys.readouterr().err
    assert main([*args, "-o", str(out), "--keep-going"]) == 1
    assert pq.read_table(out).column("id").to_pylist() == [0, 2]
    assert main([*args, "--in-place", "--keep-going"]) == 1
    rewritten = pq.read_table(source)
    assert rewritten.column("article").to_pylist() == ["One, two.", None, "Three."]
    assert rewritten.column("source_file").to_pylist() == [str(source), None, str(source)]


def test_in_place_keeps_parquet(tmp_path: Path) -> None:
    source = _write(tmp_path / "in.parquet", _table(_texts(4)), row_group_size=2)
    before = pq.read_table(source)
    assert main(["normalize", "-q", str(source), "--text-field", "article", "--in-place"]) == 0
    after = pq.read_table(source)
    assert after.column_names[: before.num_columns] == before.column_names
    assert after.column("id").equals(before.column("id"))
    assert after.column("article").to_pylist()[1] == "Item 1, Schools closed early, at noon."
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.parquet"]


def test_jobs_2_writes_the_same_bytes_as_jobs_1(tmp_path: Path) -> None:
    # Enough rows for several batches of work, so that the workers take part.
    texts = _texts(1400)
    source = _write(tmp_path / "in.parquet", _table(texts), row_group_size=300)
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}.parquet"
        args = ["normalize", "-q", str(source), "--text-field", "article", "-o", str(out)]
        assert main([*args, "--jobs", jobs]) == 0
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
    ids = pq.read_table(tmp_path / "out-2.parquet").column("id").to_pylist()
    assert ids == list(range(len(texts)))


def test_text_output_from_parquet_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _write(tmp_path / "in.parquet", _table([HEADED, PLAIN]))
    assert main(["normalize", "-q", str(source), "--text-field", "article"]) == 0
    assert capsys.readouterr().out.startswith("Title: Storm Hits Coast\nBy Jane Doe\n")
    assert main(["normalize", "-q", str(source), "--text-field", "article", "--body-only"]) == 0
    assert capsys.readouterr().out == ("The wind blew, hard.\n\nSchools closed early, at noon.\n")
    folder = tmp_path / "texts"
    assert (
        main(["normalize", "-q", str(source), "--text-field", "article", "-o", f"{folder}/"]) == 0
    )
    assert [path.name for path in folder.iterdir()] == ["in.txt"]  # not named as a table


def test_jsonl_output_writes_dates_and_decimals_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write(tmp_path / "in.parquet", _table([PLAIN]))
    args = ["normalize", "-q", str(source), "--text-field", "article", "--format", "jsonl"]
    assert main(args) == 0
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert record["when"] == "2021-05-04T12:30:01.123456+00:00"
    assert record["price"] == "1.25" and record["meta"] == {"lang": "en", "n": 0}
    assert list(record)[:3] == ["id", "when", "article"]


def test_text_and_multinews_inputs_become_tables(tmp_path: Path) -> None:
    lines = tmp_path / "many.txt"
    lines.write_text("One , two .\nThree .\n", encoding="utf-8")
    out = tmp_path / "lines.parquet"
    assert main(["normalize", "-q", str(lines), "--input-format", "lines", "-o", str(out)]) == 0
    assert pq.read_table(out).column("text").to_pylist() == ["One, two.", "Three."]
    clusters = tmp_path / "train.src"
    clusters.write_text("A , one .|||||B .\nC .\n", encoding="utf-8")
    out = tmp_path / "clusters.parquet"
    assert main(["normalize", "-q", str(clusters), "-o", str(out)]) == 0
    table = pq.read_table(out)
    assert table.column("cluster").to_pylist() == [1, 1, 2]
    assert table.column("position").to_pylist() == [0, 1, 0]
    assert table.schema.field("cluster").type == pa.int64()


def test_several_tables_into_one_output_need_the_same_columns(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    one = _write(tmp_path / "one.parquet", _table(["One ."]))
    two = _write(tmp_path / "two.parquet", _table(["Two ."]))
    other = _write(tmp_path / "other.parquet", pa.table({"article": ["Three ."]}))
    out = tmp_path / "all.parquet"
    base = ["normalize", "-q", "--text-field", "article", "-o", str(out)]
    assert main([*base, str(one), str(two)]) == 0
    assert pq.read_table(out).column("article").to_pylist() == ["One.", "Two."]
    assert main([*base, str(one), str(other)]) == 1
    err = capsys.readouterr().err
    assert f"{other}: its columns differ" in err and "-o FOLDER/" in err and err.count("\n") == 1
    assert not out.exists() or pq.read_table(out).num_rows == 2  # the earlier output stands


# --- refusals: one line each ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "cause"),
    [
        (b"not a table at all\n", "not a readable Parquet file"),
        (b"PAR1" + b"\x00" * 40 + b"PAR1", "not a readable Parquet file"),
    ],
)
def test_a_damaged_file_is_one_line_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, cause: str
) -> None:
    path = tmp_path / "bad.parquet"
    path.write_bytes(content)
    assert main(["normalize", "-q", str(path), "-o", str(tmp_path / "out.parquet")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"newsnorm: error: {path}: {cause}") and err.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.parquet"]


def test_a_file_damaged_in_its_middle_is_one_line_naming_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path / "in.parquet", pa.table({"text": _texts(50)}), row_group_size=10)
    second = pq.ParquetFile(path).metadata.row_group(1).column(0).data_page_offset
    data = bytearray(path.read_bytes())
    data[second : second + 40] = b"\x0f" * 40  # the second row group's first page header
    path.write_bytes(bytes(data))
    out = tmp_path / "out.parquet"
    assert main(["normalize", "-q", str(path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"newsnorm: error: {path}: cannot read row 11: ")
    assert err.count("\n") == 1 and "damaged" in err
    assert not out.exists()  # the rows before it are not written either
    cut = tmp_path / "cut.parquet"
    cut.write_bytes(bytes(data[:200] + data[-2000:]))  # a footer pointing past the end
    assert main(["normalize", "-q", str(cut), "-o", "-"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"newsnorm: error: {cut}: ") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("table", "cause"),
    [
        (pa.table({"body": ["One ."]}), "no column 'text' in the table (its columns: 'body')"),
        (pa.table({"text": [1, 2]}), "the column 'text' holds int64, not strings"),
    ],
)
def test_a_table_without_a_text_column_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], table: Any, cause: str
) -> None:
    path = _write(tmp_path / "in.parquet", table)
    assert main(["normalize", "-q", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"newsnorm: error: {path}: {cause}") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-", "--input-format", "parquet"], "Parquet cannot be read from standard input"),
        (["IN", "--format", "parquet"], "Parquet output needs a file"),
        (["JSONL", "-o", "OUT"], "JSONL records cannot be written as Parquet"),
    ],
)
def test_what_parquet_cannot_do_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    source = _write(tmp_path / "in.parquet", pa.table({"text": ["One ."]}))
    records = tmp_path / "in.jsonl"
    records.write_text('{"text": "One ."}\n', encoding="utf-8")
    names = {"IN": str(source), "JSONL": str(records), "OUT": str(tmp_path / "out.parquet")}
    assert main(["normalize", "-q", *(names.get(arg, arg) for arg in args)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
    assert not (tmp_path / "out.parquet").exists()


def test_an_unwritable_output_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _write(tmp_path / "in.parquet", pa.table({"text": ["One ."] * 50}))
    args = ["normalize", "-q", str(source), "--format", "parquet", "-o", "/dev/full"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err == "newsnorm: error: /dev/full: cannot write: No space left on device\n"


def test_without_pyarrow_parquet_is_one_line_naming_the_extra(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = _write(tmp_path / "in.parquet", pa.table({"text": ["One ."]}))
    story = tmp_path / "story.txt"
    story.write_text(PLAIN, encoding="utf-8")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    for args in ([str(source)], [str(story), "-o", str(tmp_path / "out.parquet")]):
        assert main(["normalize", "-q", *args]) == 2
        err = capsys.readouterr().err
        assert "Parquet needs pyarrow (pip install 'newsnorm[parquet]')" in err
        assert err.count("\n") == 1
    with pytest.raises(InputError, match=r"newsnorm\[parquet\]"):
        list(read_documents(source))
    assert main(["normalize", "-q", str(story)]) == 0  # everything else works without it


def test_newsnorm_imports_without_pyarrow() -> None:
    script = (
        "import sys; sys.modules['pyarrow'] = None; sys.modules['pyarrow.parquet'] = None\n"
        "import newsnorm, newsnorm.cli, newsnorm.formats, newsnorm.formats.parquet\n"
        "from newsnorm.formats import render_chunk\n"
        "print(render_chunk(newsnorm.Article('Body.'), 'parquet')[0])"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Body.\n"


# --- the library: reading a batch at a time, writing ----------------------------------------


class _Counting(io.FileIO):
    """A file that counts the bytes read from it."""

    read_bytes = 0

    def readinto(self, buffer: Any) -> int:
        size = super().readinto(buffer) or 0
        self.read_bytes += size
        return size

    def read(self, size: int = -1) -> bytes:
        data = super().read(size)
        self.read_bytes += len(data or b"")
        return data or b""


def test_the_reader_holds_a_row_group_not_the_file(tmp_path: Path) -> None:
    # 40 row groups of 50 rows of 4 kB each: about 8 MB of text, stored uncompressed.
    texts = [f"Row {n} , {'word ' * 800}" for n in range(2000)]
    path = tmp_path / "big.parquet"
    pq.write_table(pa.table({"text": texts}), path, row_group_size=50, compression="none")
    whole = sum(len(text) for text in texts)
    # Reading the first document reads its row group and the footer, not the file.
    with _Counting(path) as handle:
        from newsnorm.formats.parquet import read_parquet
        from newsnorm.formats.records import ReadOptions

        documents = read_parquet(handle, ReadOptions(str(path)))
        first = next(documents)
        assert first.text.startswith("Row 0 ,")
        assert handle.read_bytes < whole / 10
        documents.close()
    # And memory stays near one row group all the way through.
    pool = pa.default_memory_pool()
    base = pool.bytes_allocated()
    peak = 0
    for number, document in enumerate(read_documents(path), start=1):
        assert document.line == number
        peak = max(peak, pool.bytes_allocated() - base)
    assert number == len(texts)
    assert peak < whole / 8, f"held {peak:,} bytes of {whole:,}"
    table = pq.read_table(path)  # what a whole-file read holds, for comparison
    assert pool.bytes_allocated() - base > whole
    del table


def test_the_command_holds_a_few_row_groups_not_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsnorm.formats.parquet as parquet

    texts = [f"Row {n} , {'word ' * 800}" for n in range(2000)]  # 8 MB in 40 row groups
    source = tmp_path / "big.parquet"
    table = pa.table({"id": list(range(len(texts))), "text": texts})
    pq.write_table(table, source, row_group_size=50, compression="none")
    del table
    pool = pa.default_memory_pool()
    base, peak = pool.bytes_allocated(), [0]
    write_chunk = parquet.ParquetArticleWriter.write_chunk

    def measured(self: Any, chunk: Any, document: Any = None) -> None:
        peak[0] = max(peak[0], pool.bytes_allocated() - base)
        write_chunk(self, chunk, document)

    monkeypatch.setattr(parquet.ParquetArticleWriter, "write_chunk", measured)
    monkeypatch.setattr(parquet, "_GROUP_ROWS", 100)
    out = tmp_path / "out.parquet"
    assert main(["normalize", "-q", "--jobs", "1", str(source), "-o", str(out)]) == 0
    whole = sum(len(text) for text in texts)
    assert 0 < peak[0] < whole / 8, f"held {peak[0]:,} bytes of Arrow data for {whole:,}"
    assert pq.ParquetFile(out).metadata.num_row_groups == 20


def test_library_round_trip_matches_the_command(tmp_path: Path) -> None:
    source = _write(tmp_path / "in.parquet", _table(_texts(12)), row_group_size=5)
    by_library = tmp_path / "library.parquet"
    with open_writer(
        by_library, "parquet", text_field="article", source_field="source_file"
    ) as writer:
        documents = read_documents(source, text_field="article")
        for document, article, _ in normalize_documents(documents):
            writer.write(article, document)
    by_command = tmp_path / "command.parquet"
    args = ["normalize", "-q", str(source), "--text-field", "article", "-o", str(by_command)]
    assert main(args) == 0
    assert by_library.read_bytes() == by_command.read_bytes()


def test_write_articles_writes_a_table_of_articles(tmp_path: Path) -> None:
    target = tmp_path / "articles.parquet"
    assert write_articles([Article("One.", title="T"), Article("Two.")], target, "parquet") == 2
    table = pq.read_table(target)
    assert table.column_names == ["text", *COLUMNS]
    assert table.column("title").to_pylist() == ["T", None]


def test_an_empty_output_is_a_table_with_no_rows(tmp_path: Path) -> None:
    target = tmp_path / "none.parquet"
    assert write_articles([], target, "parquet") == 0
    assert pq.read_table(target).schema.names == ["text", *COLUMNS]


def test_rows_read_from_parquet_pickle_as_plain_dicts() -> None:
    import pickle

    rows = pa.record_batch({"id": [7], "text": ["One ."]})
    data = io.BytesIO()
    pq.write_table(pa.Table.from_batches([rows]), data)
    (document,) = read_documents_from(data)
    assert isinstance(document.record, TableRow)
    copy = pickle.loads(pickle.dumps(document))
    assert copy.record == {"id": 7, "text": "One ."} and type(copy.record) is dict
    assert copy == document


def read_documents_from(data: io.BytesIO) -> list[Document]:
    from newsnorm.formats.parquet import read_parquet
    from newsnorm.formats.records import ReadOptions

    return list(read_parquet(data, ReadOptions("in.parquet")))


def test_the_writer_refuses_jsonl_records() -> None:
    writer = ParquetArticleWriter(io.BytesIO())
    document = Document("One .", "a.jsonl", 1, record={"text": "One ."})
    with pytest.raises(InputError, match="a JSONL record cannot be written as Parquet"):
        writer.write(Article("One."), document)


def test_a_clash_is_a_record_error_naming_the_row(tmp_path: Path) -> None:
    source = _write(
        tmp_path / "in.parquet", pa.table({"text": ["A .", "B ."], "byline": ["x", "y"]})
    )
    documents = list(read_documents(source))
    writer = ParquetArticleWriter(io.BytesIO())
    for document in documents:
        writer.write(
            Article(document.text, byline="By Ann" if document.line == 2 else None), document
        )
    with pytest.raises(RecordError, match=r"in.parquet:2: the record already has a field 'byline'"):
        writer.finish()


# --- building the columns without pyarrow.array (which imports pandas) -------------------------

_TEXT = st.text(max_size=12).filter(lambda text: not any(0xD800 <= ord(c) <= 0xDFFF for c in text))


@given(
    strings=st.lists(st.none() | _TEXT),
    dates=st.lists(st.none() | st.dates()),
    numbers=st.lists(st.none() | st.integers(-(2**63), 2**63 - 1)),
    lists=st.lists(st.none() | st.lists(_TEXT, max_size=3)),
    pairs=st.lists(
        st.none() | st.lists(st.fixed_dictionaries({"key": _TEXT, "value": _TEXT}), max_size=3)
    ),
)
def test_columns_are_built_as_pyarrow_builds_them(
    strings: list[Any], dates: list[Any], numbers: list[Any], lists: list[Any], pairs: list[Any]
) -> None:
    headers = arrow_schema().field("headers").type
    for values, kind in (
        (strings, pa.string()),
        (strings, pa.large_string()),
        (dates, pa.date32()),
        (numbers, pa.int64()),
        (lists, pa.list_(pa.string())),
        (pairs, headers),
    ):
        built = to_array(values, kind)
        built.validate(full=True)
        assert built.equals(pa.array(values, kind)), kind


def test_building_the_columns_does_not_import_pandas(tmp_path: Path) -> None:
    script = (
        "import sys, pyarrow.parquet as pq\n"
        "from newsnorm.cli import main\n"
        "story = sys.argv[1] + '/story.txt'\n"
        "open(story, 'w').write('Title: Rain\\n\\nIt rained , again .')\n"
        "assert main(['normalize', '-q', story, '-o', sys.argv[1] + '/out.parquet']) == 0\n"
        "assert main(['normalize', '-q', sys.argv[1] + '/out.parquet', '--in-place']) == 0\n"
        "print('pandas' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "False\n"


def test_chunks_for_parquet_are_rows_and_keep_verbatim_rows() -> None:
    article = Article("Body \ud800 text.", title="T")
    row = render_chunk(article, "parquet")
    assert isinstance(row, tuple) and row[0] == "Body \ufffd text." and row[1] == "T"
    assert len(row) == 1 + len(COLUMNS)
    kept = Document("", "in.parquet", 3, verbatim="")
    assert render_chunk(article, "parquet", document=kept) == ()


def test_the_row_group_size_of_the_output_is_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import newsnorm.formats.parquet as parquet

    monkeypatch.setattr(parquet, "_GROUP_ROWS", 4)
    target = tmp_path / "out.parquet"
    assert write_articles([Article(f"Item {n}.") for n in range(10)], target, "parquet") == 10
    metadata = pq.ParquetFile(target).metadata
    assert [metadata.row_group(i).num_rows for i in range(metadata.num_row_groups)] == [4, 4, 2]


def test_sizes_spread_the_file_over_its_rows(tmp_path: Path) -> None:
    path = _write(tmp_path / "in.parquet", pa.table({"text": [f"Row {n} ." for n in range(7)]}))
    assert sum(document.size for document in read_documents(path)) == os.path.getsize(path)
