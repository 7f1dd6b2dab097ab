"""Nothing lost on any output path: the letters and digits of a raw document, in order, are in
what newsnorm writes (text formats), or in the fields and text it writes (JSONL)."""

import json
import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsnorm import normalize_and_report
from newsnorm.cli import main
from newsnorm.formats import Document, OutputFormat, format_article
from tests.strategies import headed_documents


def _alnum(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


# Documents drawn here hold no declared unescapes (-LRB-, @-@, NEWLINE_CHAR) and no mojibake, so
# the text stages change only spaces and quote marks: every letter and digit stays.


@given(headed_documents())
def test_text_outputs_keep_every_letter_and_digit_in_order(raw: str) -> None:
    article, report = normalize_and_report(raw)
    for output_format in ("text", "lines", "multinews"):
        chunk = format_article(article, output_format, repaired=report.repaired)
        written = chunk.replace("NEWLINE_CHAR", "")  # the line formats' paragraph marker
        assert _alnum(written) == _alnum(raw), output_format


@given(headed_documents())
@example("A\n\nA\n\nA a.")  # the headline printed again above the story: furniture
def test_jsonl_fields_and_text_hold_every_letter_and_digit(raw: str) -> None:
    article, _ = normalize_and_report(raw)
    document = Document(raw, "story.txt")
    record = json.loads(format_article(article, "jsonl", document=document))
    values = [record["text"]]
    for key, value in record["headers"].items():  # a repeated key's values are joined by lines
        values += [key * (value.count("\n") + 1), value]
    values += [record[name] or "" for name in ("title", "byline")]
    values += [*record["highlights"], *record["furniture"]]  # a repeated headline, say
    if record["dateline"]:
        values += [part or "" for part in record["dateline"].values()]
    missing = Counter(_alnum(raw)) - Counter(_alnum("".join(values)))
    assert not missing, missing


@given(headed_documents(), st.sampled_from(["text", "jsonl"]))
@settings(max_examples=25)
def test_in_place_rewrite_loses_nothing(raw: str, output_format: OutputFormat) -> None:
    with tempfile.TemporaryDirectory() as folder:
        name = "story.jsonl" if output_format == "jsonl" else "story.txt"
        path = Path(folder) / name
        text = json.dumps({"text": raw}) + "\n" if output_format == "jsonl" else raw
        path.write_text(text, encoding="utf-8")
        assert main(["normalize", "-q", "--jobs", "1", "--in-place", str(path)]) == 0
        written = path.read_text(encoding="utf-8")
    if output_format == "text":
        assert _alnum(written) == _alnum(raw)
    else:
        (record,) = [json.loads(line) for line in written.splitlines()]
        assert Counter(_alnum(record["text"])) <= Counter(_alnum(raw))
        assert set(_alnum(raw)) <= set(_alnum(json.dumps(record, ensure_ascii=False)))
