"""`normalize --offsets` and the edits `inspect` lists: the trace, as the command writes it."""

import json
from pathlib import Path

import pytest

from newsnorm import normalize, normalize_text
from newsnorm.cli import main

# Written for these tests: a keyed header, a wire dateline, tokenized spacing, straight quotes.
DOCUMENTS = [
    "Title: Harbour Reopens\nBy Ann Lee\n\nOSLO (Reuters) - The harbour reopened , "
    'officials said .\n\n"It is open again , " one said .',
    "Markets rallied on Tuesday as oil fell .",
    "Nothing to repair here.",
]


def _records(tmp_path: Path, *options: str) -> list[dict[str, object]]:
    source = tmp_path / "in.jsonl"
    source.write_text(
        "".join(json.dumps({"id": n, "text": text}) + "\n" for n, text in enumerate(DOCUMENTS)),
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert main(["normalize", str(source), "-o", str(out), "--offsets", *options]) == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _apply(raw: str, edits: list[list[object]]) -> str:
    text = raw
    for start, end, new, _stage, _rule in reversed(edits):
        assert isinstance(start, int) and isinstance(end, int) and isinstance(new, str)
        text = text[:start] + new + text[end:]
    return text


def test_the_offsets_rebuild_the_repaired_text_and_point_at_the_fields(tmp_path: Path) -> None:
    for raw, record in zip(DOCUMENTS, _records(tmp_path), strict=True):
        offsets = record["offsets"]
        assert isinstance(offsets, dict)
        assert _apply(raw, offsets["edits"]) == normalize_text(raw)
        article = normalize(raw)
        assert record["text"] == article.text
        for name, (start, end) in offsets["fields"].items():
            assert 0 <= start <= end <= len(raw), name
        if article.title is not None:
            start, end = offsets["fields"]["title"]
            assert raw[start:end] == article.title


def test_a_clean_document_has_no_edits(tmp_path: Path) -> None:
    offsets = _records(tmp_path)[2]["offsets"]
    assert offsets == {"edits": [], "fields": {}}


def test_the_offsets_are_the_same_with_workers(tmp_path: Path) -> None:
    assert _records(tmp_path, "--jobs", "2") == _records(tmp_path, "--jobs", "1")


def test_the_offsets_field_takes_the_prefix(tmp_path: Path) -> None:
    record = _records(tmp_path, "--field-prefix", "nn_")[1]
    assert "nn_offsets" in record and "offsets" not in record


@pytest.mark.parametrize("output", ["out.txt", "out.parquet"])
def test_offsets_need_jsonl_output(
    tmp_path: Path, output: str, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "in.txt"
    source.write_text(DOCUMENTS[1], encoding="utf-8")
    assert main(["normalize", str(source), "-o", str(tmp_path / output), "--offsets"]) == 2
    error = capsys.readouterr().err.strip()
    assert error.count("\n") == 0 and "--offsets is for JSONL output" in error
    assert not (tmp_path / output).exists()


def test_inspect_lists_the_edits_with_their_rules(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "story.txt"
    source.write_text(DOCUMENTS[1], encoding="utf-8")
    assert main(["inspect", str(source)]) == 0
    out = capsys.readouterr().out
    assert "edits:     1 " in out
    space = DOCUMENTS[1].index(" .")
    assert f'{space}-{space + 1}  spacing  closing period  " " -> ""' in out
