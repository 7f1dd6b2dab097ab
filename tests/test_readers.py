"""The input formats' registry: one named reader per format, CoNLL-2003 files, .story and XSum
files, and the command line's --input-format following the registry."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsnorm import DecodeError, InputError, NewsnormError, RecordError
from newsnorm.cli import main
from newsnorm.config import Corpus
from newsnorm.formats import (
    READERS,
    InputFormat,
    OutputFormat,
    ReadOptions,
    read_documents,
    resolve_input_format,
)

# Three documents of our own in CoNLL-2003's layout: a headline, a byline in one, a
# PLACE YYYY-MM-DD line, then the story, a blank line after each sentence.
CONLL = """\
-DOCSTART- -X- -X- O

HARBOUR NN B-NP O
FERRY NN I-NP O
RESUMES VBZ B-VP O

Mara NNP B-NP B-PER
Velde NNP I-NP I-PER

NORDVIK NNP B-NP B-LOC
1996-09-14 CD I-NP O

The DT B-NP O
ferry NN I-NP O
sailed VBD B-VP O
again RB B-ADVP O
, , O O
officials NNS B-NP O
said VBD B-VP O
. . O O

-DOCSTART- -X- -X- O

TENNIS NN B-NP O
- : O O
RESULTS NNS B-NP O

BRANTFORD NNP B-NP B-LOC
1996-09-15 CD I-NP O

Results NNS B-NP O
of IN B-PP O
the DT B-NP O
final JJ I-NP O
( ( O O
seeded VBN O O
) ) O O
: : O O

-DOCSTART- -X- -X- O

QUIET
WEEK

Nothing
happened
.
"""

CONLL_TEXTS = [
    "HARBOUR FERRY RESUMES\nMara Velde\nNORDVIK 1996-09-14\n"
    "The ferry sailed again , officials said .",
    "TENNIS - RESULTS\nBRANTFORD 1996-09-15\nResults of the final ( seeded ) :",
    "QUIET WEEK\nNothing happened .",
]
CONLL_LINES = [3, 24, 42]


def _write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


# --- CoNLL-2003 ---------------------------------------------------------------------------


def test_conll_documents_are_their_sentences_one_per_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "news.conll", CONLL)
    documents = list(read_documents(path))
    assert [d.text for d in documents] == CONLL_TEXTS
    assert [d.line for d in documents] == CONLL_LINES
    assert {d.source for d in documents} == {str(path)}
    assert all(d.record is None and d.verbatim is None for d in documents)
    assert sum(d.size for d in documents) == len(CONLL.encode())


def test_conll_line_numbers_point_at_the_first_token(tmp_path: Path) -> None:
    path = _write(tmp_path, "news.conll", CONLL)
    lines = CONLL.splitlines()
    for document in read_documents(path):
        assert lines[document.line - 1].split(" ")[0] == document.text.split(" ")[0]


def test_conll_is_chosen_by_name_for_dot_conll_only(tmp_path: Path) -> None:
    assert resolve_input_format("eng.conll") == "conll"
    assert resolve_input_format("eng.conll.gz") == "conll"
    # eng.train, eng.testa, .txt: CoNLL by habit, but also anything else: named explicitly.
    assert resolve_input_format("eng.train") == "text"
    assert resolve_input_format("eng.testa") == "text"
    path = _write(tmp_path, "eng.train", CONLL)
    assert [d.text for d in read_documents(path, "conll")] == CONLL_TEXTS


def test_conll_without_docstart_is_one_document(tmp_path: Path) -> None:
    path = _write(tmp_path, "one.conll", "Rain NN O\nfell VBD O\n\nAgain RB O\n")
    assert [(d.text, d.line) for d in read_documents(path)] == [("Rain fell\nAgain", 1)]


def test_conll_tolerates_tabs_crlf_bare_docstart_and_runs_of_blank_lines(tmp_path: Path) -> None:
    data = (
        b"-DOCSTART-\r\n\r\n\r\n-DOCSTART- -X- O O\r\n\r\n"
        b"  Snow\tNN\tO\r\nfell\r\n\r\n\r\n\r\nAgain RB O\r\n"
    )
    path = _write(tmp_path, "crlf.conll", data)
    assert [(d.text, d.line) for d in read_documents(path)] == [("Snow fell\nAgain", 6)]


def test_conll_empty_and_docstart_only_files_hold_no_document(tmp_path: Path) -> None:
    assert list(read_documents(_write(tmp_path, "empty.conll", ""))) == []
    only = _write(tmp_path, "only.conll", "-DOCSTART- -X- -X- O\n\n-DOCSTART- -X- -X- O\n")
    assert list(read_documents(only)) == []


def test_conll_bad_byte_names_its_line_and_skips_only_its_document(tmp_path: Path) -> None:
    data = CONLL.encode().replace(b"TENNIS", b"TENN\xffS")
    path = _write(tmp_path, "bad.conll", data)
    with pytest.raises(DecodeError) as raised:
        list(read_documents(path))
    assert raised.value.line == 24
    skipped: list[NewsnormError] = []
    documents = list(read_documents(path, on_error=skipped.append))
    assert [d.text for d in documents] == [CONLL_TEXTS[0], CONLL_TEXTS[2]]
    assert [e.line for e in skipped] == [24]
    kept = list(read_documents(path, on_error=skipped.append, keep_verbatim=True))
    bad = kept[1]
    assert bad.text == "" and bad.line == 22
    assert bad.verbatim is not None
    assert bad.verbatim.encode("utf-8", "surrogateescape") + b"\n" in data
    replaced = list(read_documents(path, errors="replace"))
    assert replaced[1].text.startswith("TENN\ufffdS - RESULTS\n")


_TOKEN = st.text(
    st.characters(exclude_categories=("Cs", "Zs", "Zl", "Zp", "Cc")), min_size=1, max_size=6
).filter(lambda token: token != "-DOCSTART-")
_TAGS = st.lists(st.sampled_from(["NN", "B-NP", "I-PER", "O", "-X-"]), max_size=3)


@st.composite
def _conll_files(draw: st.DrawFn) -> tuple[str, list[str], list[int]]:
    # A CoNLL file of drawn documents, with the texts and first lines it must read back as.
    lines: list[str] = []
    texts, starts = [], []
    for _ in range(draw(st.integers(0, 3))):
        lines += ["-DOCSTART- -X- -X- O", ""]
        sentences = draw(st.lists(st.lists(_TOKEN, min_size=1, max_size=4), min_size=1, max_size=3))
        starts.append(len(lines) + 1)
        for sentence in sentences:
            lines += [" ".join([token, *draw(_TAGS)]) for token in sentence]
            lines += [""] * draw(st.integers(1, 2))
        texts.append("\n".join(" ".join(sentence) for sentence in sentences))
    return "".join(line + "\n" for line in lines), texts, starts


@given(_conll_files())
def test_conll_reads_back_the_tokens_it_was_written_from(
    drawn: tuple[str, list[str], list[int]],
) -> None:
    data, texts, starts = drawn
    documents = list(READERS["conll"].read(io.BytesIO(data.encode()), ReadOptions("x.conll")))
    assert [d.text for d in documents] == texts
    assert [d.line for d in documents] == starts
    assert sum(d.size for d in documents) == len(data.encode())


# --- .story and XSum files: one document per file, read whole --------------------------------


def test_story_file_is_one_document_with_its_highlights(tmp_path: Path) -> None:
    story = "(CNN) -- A bridge reopened .\n\nCars returned .\n\n@highlight\n\nIt reopened\n"
    path = _write(tmp_path, "0a1b2c.story", story)
    assert resolve_input_format(str(path)) == "story"
    assert [(d.text, d.line) for d in read_documents(path)] == [(story, 1)]


def test_xsum_file_keeps_its_sections(tmp_path: Path) -> None:
    sections = (
        "[SN]URL[SN]\nhttp://news.example/42\n\n[SN]TITLE[SN]\nA bridge reopens\n\n"
        "[SN]FIRST-SENTENCE[SN]\nA bridge reopened.\n\n[SN]RESTBODY[SN]\nTraffic returned.\n"
    )
    for name in ("42.summary", "42.data"):
        path = _write(tmp_path, name, sections)
        assert resolve_input_format(str(path)) == "xsum"
        assert [d.text for d in read_documents(path)] == [sections]


# --- the registry ---------------------------------------------------------------------------


def test_registry_and_input_format_type_name_the_same_formats() -> None:
    assert get_args(InputFormat) == ("auto", *READERS)
    for name, reader in READERS.items():
        assert reader.name == name and reader.help and "\n" not in reader.help
        assert reader.rewrite_as is None or reader.rewrite_as in get_args(OutputFormat)
        assert reader.corpus is None or reader.corpus in get_args(Corpus)
        assert all(suffix.startswith(".") for suffix in reader.suffixes)


def test_each_suffix_is_claimed_by_one_reader() -> None:
    claimed = [suffix for reader in READERS.values() for suffix in reader.suffixes]
    assert len(claimed) == len(set(claimed))
    for reader in READERS.values():
        for suffix in reader.suffixes:
            assert resolve_input_format("a" + suffix) == reader.name
            assert resolve_input_format(f"a{suffix}.gz") == reader.name


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.txt", "text"),
        ("a.jsonl", "jsonl"),
        ("a.ndjson.bz2", "jsonl"),
        ("a.src.jsonl", "jsonl"),
        ("a.jsonl.src", "multinews"),
        ("train.src.cleaned", "multinews"),
        ("a.jsonl.cleaned", "text"),
        ("a.story.txt", "text"),
        ("a", "text"),
        ("-", "text"),
    ],
)
def test_auto_chooses_as_before_for_the_older_formats(name: str, expected: str) -> None:
    assert resolve_input_format(name) == expected


def test_unknown_format_is_a_clear_error(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", "Text.")
    with pytest.raises(ValueError, match=r"unknown input format 'nope'.*conll"):
        list(read_documents(path, "nope"))  # type: ignore[arg-type]


_PIECES = st.sampled_from(
    [
        *(b"\n", b"\r\n", b" ", b"\t", b"-DOCSTART-", b" -X- O", b"{", b'"text"', b":", b"}"),
        *(b"|||||", b"\xff", b"\xc3", b"\x00", b"NN", b"\xe2\x80\x9c", b"[SN]"),
    ]
)
_BYTES = st.lists(_PIECES | st.binary(max_size=4), max_size=30).map(b"".join)


@given(
    data=_BYTES,
    name=st.sampled_from(list(READERS)),
    errors=st.sampled_from(["strict", "replace"]),
    collect=st.booleans(),
    keep_verbatim=st.booleans(),
)
def test_no_reader_raises_on_arbitrary_bytes_beyond_its_documented_errors(
    data: bytes, name: str, errors: str, collect: bool, keep_verbatim: bool
) -> None:
    reader = READERS[name]
    skipped: list[NewsnormError] = []
    options = ReadOptions(
        f"in.{name}",
        errors=errors,
        on_error=skipped.append if collect else None,
        keep_verbatim=keep_verbatim,
    )
    whole_file = reader.read is READERS["text"].read
    raised: NewsnormError | None = None
    try:
        documents = list(reader.read(io.BytesIO(data), options))
    except (DecodeError, RecordError, InputError) as error:
        raised = error
    if reader.binary and raised is not None:
        # Parquet is binary: bytes that are no Parquet file are refused whole, the file named.
        assert not isinstance(raised, DecodeError | RecordError)
        assert "not a readable Parquet file" in str(raised) and raised.file == "in.parquet"
        return
    if isinstance(raised, InputError) and not isinstance(raised, (DecodeError, RecordError)):
        # Every reader refuses a binary file (NUL bytes, a compressor's signature on a file
        # not named for it), unless told to replace.
        signatures = (b"\x1f\x8b", b"BZh", b"\xfd7zXZ\x00", b"\x28\xb5\x2f\xfd")
        assert errors == "strict" and (b"\x00" in data or data.startswith(signatures))
        assert "binary" in str(raised) or "compressed" in str(raised)
        return
    if raised is not None:
        # A file read whole is one record: its error is raised whatever on_error says.
        assert whole_file or not collect, "a bad record is reported, not raised, with on_error"
        assert raised.file == f"in.{name}" and raised.line is not None and raised.line >= 1
        return
    for document in documents:
        assert isinstance(document.text, str) and document.source == f"in.{name}"
        assert document.line >= 1 and document.size >= 0
        assert document.verbatim is None or (collect and keep_verbatim)
    assert all(isinstance(error, (DecodeError, RecordError)) for error in skipped)
    assert sum(d.size for d in documents) <= len(data)


# --- the command line ---------------------------------------------------------------------


def test_help_lists_every_reader(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", "--help"]) == 0
    out = "".join(capsys.readouterr().out.split())  # argparse wraps lines, at hyphens too
    assert "--input-format{" + ",".join(("auto", *READERS)) + "}" in out
    for reader in READERS.values():
        assert f"{reader.name}:" + "".join(reader.help.split()) in out
    assert ".conll:conll" in out


def test_input_format_choices_come_from_the_registry(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", "--input-format", "nope", "-"]) == 2
    assert "'conll'" in capsys.readouterr().err


def test_normalize_conll_to_jsonl_end_to_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "f.conll", CONLL)
    assert main(["normalize", "-q", str(path), "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(records) == 3
    assert {record["source_file"] for record in records} == {str(path)}
    # Nothing is lost: every word of each document is in its record's fields or text.
    for record, text in zip(records, CONLL_TEXTS, strict=True):
        written = json.dumps(record, ensure_ascii=False)
        assert all(word in written for word in text.split() if word.isalnum())
    assert records[0]["text"].startswith("The ferry sailed again")


def test_named_conll_input_of_any_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "eng.testa", CONLL)
    args = ["normalize", "-q", str(path), "--input-format", "conll", "--format", "jsonl"]
    assert main(args) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3


def test_conll_cannot_be_rewritten_in_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _write(tmp_path, "f.conll", CONLL)
    assert main(["normalize", "-q", str(path), "--in-place"]) == 2
    assert "--in-place cannot write conll files back" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == CONLL


def test_story_is_rewritten_in_place_as_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.story", "Rain fell , again .\n\n@highlight\n\nRain fell\n")
    assert main(["normalize", "-q", str(path), "--in-place"]) == 0
    assert "Rain fell, again." in path.read_text(encoding="utf-8")
