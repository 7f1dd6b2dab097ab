"""Provenance: `trace` follows `normalize` exactly and maps every word and field to the raw text."""

from __future__ import annotations

import json
from typing import get_args

import ftfy
import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from newsnorm import (
    Config,
    Edit,
    Trace,
    normalize,
    normalize_and_report,
    normalize_text,
    trace,
)
from newsnorm.characters import _fix_text_recorded, _ftfy_config, fix_characters
from newsnorm.config import Corpus, QuoteStyle, SpacingMode
from newsnorm.quotes import fix_quotes_and_count
from newsnorm.spacing import HOUSEKEEPING_NAMES, RULE_NAMES, repair_spacing_and_report
from newsnorm.tracing import apply_edits
from newsnorm.tracing.edits import Recorder, compose, localized_edits
from newsnorm.tracing.records import describe_edits, offsets_record
from newsnorm.tracing.stages import STAGES
from tests.strategies import (
    clean_documents,
    mojibake_paragraphs,
    token_soup,
    tokenizer_renderings,
    traced_documents,
)

WORD = regex.compile(r"[\p{L}\p{N}]+")
_STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "„": '"', "‚": "'"})


def squeezed(text: str) -> str:
    """The text without whitespace, curly quotes read as straight ones."""
    return "".join(text.split()).translate(_STRAIGHT)


def touched(result: Trace, start: int, end: int) -> bool:
    """Whether an edit changed something in (or at the edge of) the raw span."""
    return any(edit.start <= end and start <= edit.end for edit in result.edits)


def check_trace(raw: str, **overrides: object) -> Trace:
    """Every invariant of the contract, on one document."""
    result = trace(raw, **overrides)  # type: ignore[arg-type]
    # The trace follows normalize exactly, and its edits make the repaired text.
    assert result.article == normalize(raw, **overrides)  # type: ignore[arg-type]
    assert result.repaired == normalize_text(raw, **overrides)  # type: ignore[arg-type]
    assert (result.article, result.report) == normalize_and_report(raw, **overrides)  # type: ignore[arg-type]
    assert apply_edits(raw, result.edits) == result.repaired
    position = 0
    for edit in result.edits:
        assert position <= edit.start <= edit.end <= len(raw), edit
        assert raw[edit.start : edit.end] != edit.text, edit
        assert set(edit.stage.split(" + ")) <= set(STAGES), edit
        position = edit.end
    # Each word maps to its source, and back to a span containing it.
    text = result.article.text
    for word in WORD.finditer(text):
        start, end = result.to_raw(*word.span())
        assert 0 <= start <= end <= len(raw)
        if squeezed(raw[start:end]) != squeezed(word.group()):
            assert touched(result, start, end), (word, raw[start:end])
        back = result.to_text(start, end)
        assert back is not None, (word, start, end)
        assert back[0] <= word.start() and word.end() <= back[1], (word, back)
    # So does each line, and the whole text.
    offset = 0
    for line in [*text.split("\n"), text]:
        span = (offset, offset + len(line)) if line is not text else (0, len(text))
        offset += len(line) + 1
        start, end = result.to_raw(*span)
        assert 0 <= start <= end <= len(raw)
        back = result.to_text(start, end)
        if span[0] < span[1]:
            assert back is not None and back[0] <= span[0] and span[1] <= back[1], (span, back)
    # Each field's span holds its value.
    article = result.article
    values: dict[str, list[str]] = {
        "title": [article.title or ""],
        "byline": [article.byline or ""],
        "dateline": [
            part
            for part in (
                *(
                    (article.dateline.location, article.dateline.agency, article.dateline.date_text)
                    if article.dateline
                    else ()
                ),
            )
            if part
        ],
    }
    for key, value in article.headers.items():
        values[f"headers[{key}]"] = [line for line in value.split("\n") if line.strip()]
    for number, line in enumerate(article.highlights):
        values[f"highlights[{number}]"] = [line]
    for number, line in enumerate(article.furniture):
        values[f"furniture[{number}]"] = [line]
    for name, (start, end) in result.field_spans().items():
        assert 0 <= start <= end <= len(raw), name
        assert result.field_span(name) == (start, end)
        for value in values.get(name, []):
            if squeezed(value) not in squeezed(raw[start:end]):
                assert touched(result, start, end), (name, value, raw[start:end])
    return result


# --- the contract, on examples ---


def test_trace_of_a_tokenized_story_with_a_header() -> None:
    raw = "Storm Hits Coast\nBy Ann Lee\n\nLONDON ( Reuters ) - Wind rose , it said .\n"
    result = check_trace(raw)
    assert result.article.text == "Wind rose, it said."
    assert raw[slice(*result.field_span("title"))] == "Storm Hits Coast"
    assert raw[slice(*result.field_span("byline"))] == "By Ann Lee"
    assert raw[slice(*result.field_span("dateline"))] == "LONDON ( Reuters ) -"
    assert result.to_text(0, 16) is None  # the title line is not in the body
    start, end = result.to_raw(0, 4)
    assert raw[start:end] == "Wind"
    assert {edit.rule for edit in result.edits} >= {"closing punctuation", "closing period"}


def test_spacing_edits_name_their_rules() -> None:
    result = check_trace("They do n't know -LRB- yet -RRB- , `` he said '' .")
    spacing = [edit for edit in result.edits if edit.stage == "spacing"]
    assert spacing
    for edit in spacing:
        for rule in edit.rule.split(" + "):
            assert rule in RULE_NAMES or rule in HOUSEKEEPING_NAMES, rule


def test_ftfy_repairs_are_localized() -> None:
    raw = "The cafÃ© is fine and the barâ€™s menu is long, &amp; cheap."
    result = check_trace(raw)
    assert result.article.text == "The café is fine and the bar’s menu is long, & cheap."
    characters = [edit for edit in result.edits if edit.stage == "characters"]
    assert [raw[edit.start : edit.end] for edit in characters] == ["cafÃ©", "barâ€™s", "&amp;"]
    assert all(edit.rule.startswith("ftfy") for edit in characters)
    start, end = result.to_raw(*regex.search("menu", result.article.text).span())  # type: ignore[union-attr]
    assert raw[start:end] == "menu"


def test_every_stage_is_traced() -> None:
    raw = 'HEADLINE\n    LONDON , March 2 - Shares rose in\nlate trade .\n    It ’ s &amp; "up" .'
    result = check_trace(raw)
    stages = {stage for edit in result.edits for stage in edit.stage.split(" + ")}
    assert {"layout", "characters", "spacing"} <= stages
    assert check_trace("She said 'no' and \"yes\".", quotes="curly").edits[0].stage == "quotes"
    assert check_trace("“It’s” fine", quotes="straight").edits[0].rule == "straight quote"


def test_clean_text_has_no_edits() -> None:
    result = check_trace("Already clean prose stays as it is.")
    assert result.edits == ()
    assert result.to_raw(0, 7) == (0, 7)
    assert result.to_text(8, 13) == (8, 13)


def test_highlights_and_headers_are_fields() -> None:
    raw = "Title: Rain\nSource: wire\n\nIt rained.\n\n@highlight\n\nRain fell"
    result = check_trace(raw)
    assert raw[slice(*result.field_span("highlights[0]"))] == "Rain fell"
    assert raw[slice(*result.field_span("Source"))] == "wire"
    assert raw[slice(*result.field_span("headers[Title]"))] == "Rain"
    assert result.to_text(*result.field_span("highlights[0]")) is None  # type: ignore[misc]


def test_date_span() -> None:
    raw = " date 2020-02-17 Just when we thought , it was over ."
    result = check_trace(raw)
    assert raw[slice(*result.field_span("date"))] == "2020-02-17"
    raw = "Published on May 4, 2021\nRain fell."
    assert raw[slice(*check_trace(raw).field_span("date"))] == "May 4, 2021"
    # A page's own date on a line that stays in the body: that line.
    raw = "Storm\n\nIt rained.\n\nUpdated 3:01 PM ET, Thu May 6, 2021"
    assert raw[slice(*check_trace(raw).field_span("date"))] == raw.split("\n")[-1]


def test_absent_fields_and_bad_spans() -> None:
    result = check_trace("Rain fell .")
    for name in ("title", "byline", "dateline", "date", "Source", "highlights[0]", "nothing"):
        assert result.field_span(name) is None
    with pytest.raises(ValueError, match="not within"):
        result.to_raw(3, 2)
    with pytest.raises(ValueError, match="not within"):
        result.to_text(0, 100)
    with pytest.raises(ValueError, match="not within"):
        result.to_raw(-1, 2)


def test_empty_and_blank_documents() -> None:
    for raw in ("", " ", "\n\n", "\t \r\n"):
        result = check_trace(raw)
        assert result.article.text == ""
        start, end = result.to_raw(0, 0)
        assert 0 <= start == end <= len(raw)


def test_over_budget_documents_have_no_edits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsnorm.pipeline._within_budget", lambda budget, work: None)
    result = trace("It , works .", time_budget=1.0)
    assert result.article == normalize("It , works .", time_budget=1.0)
    assert result.article.text == "It , works ."
    assert result.edits == ()
    assert result.repaired == "It , works ."


def test_config_and_overrides_are_followed() -> None:
    raw = "“It ’ s” here , ok ."
    config = Config(quotes="straight", spacing="off")
    assert check_trace(raw, quotes="straight").article.text == '"It\'s" here, ok.'
    assert trace(raw, config).article == normalize(raw, config)


def test_edit_validation() -> None:
    with pytest.raises(ValueError, match="0 <= start <= end"):
        Edit(-1, 2, "", "spacing", "x")
    with pytest.raises(ValueError, match="overlap"):
        apply_edits("abc", [(1, 2, "", "s", "r"), (0, 1, "", "s", "r")])
    with pytest.raises(ValueError, match="overlap or leave"):
        apply_edits("abc", [(1, 5, "", "s", "r")])


def test_trace_is_frozen_and_public() -> None:
    import newsnorm

    result = trace("It , works .")
    assert {"trace", "Trace", "Edit"} <= set(newsnorm.__all__)
    with pytest.raises(AttributeError):
        result.raw = "x"  # type: ignore[misc]
    assert result == trace("It , works .")


# --- the CLI's helpers ---


def test_offsets_record_applies_and_round_trips() -> None:
    raw = "Storm Hits Coast\nBy Ann Lee\n\nLONDON ( Reuters ) - Wind rose , it said ."
    record = offsets_record(trace(raw))
    assert json.loads(json.dumps(record)) == record
    text = raw
    for start, end, new, _stage, _rule in reversed(record["edits"]):
        text = text[:start] + new + text[end:]
    assert text == normalize_text(raw)
    assert record["fields"]["title"] == [0, 16]


def test_describe_edits() -> None:
    lines = describe_edits(trace("It , works .\n\n" + "x " * 40 + ", end ."))
    assert lines[0] == '2-3  spacing  closing punctuation  " " -> ""'
    assert all(line.count("->") >= 1 for line in lines)
    assert describe_edits(trace("Clean.")) == []


# --- the pieces ---


def test_compose_merges_overlapping_edits() -> None:
    source = "a  ,b"
    first = [(1, 3, " ", "characters", "space run")]
    second = [(1, 2, "", "spacing", "closing punctuation")]
    assert apply_edits(apply_edits(source, first), second) == "a,b"
    assert compose(source, first, second) == [
        (1, 3, "", "characters + spacing", "space run + closing punctuation")
    ]
    # An edit that undoes another leaves nothing.
    assert compose("ab", [(0, 1, "X", "s", "r")], [(0, 1, "a", "t", "q")]) == []
    # An insertion inside another edit's text merges with it.
    assert compose("ab", [(0, 1, "XY", "s", "r")], [(1, 1, "-", "t", "q")]) == [
        (0, 1, "X-Y", "s + t", "r + q")
    ]


edit_lists = st.lists(
    st.tuples(st.integers(0, 12), st.integers(0, 3), st.text("xyz", max_size=3)), max_size=5
)


def _normalized_edits(
    text: str, drawn: list[tuple[int, int, str]]
) -> list[tuple[int, int, str, str, str]]:
    edits = []
    position = 0
    for start, length, new in sorted(drawn):
        start = max(start, position)
        end = min(start + length, len(text))
        if start > len(text):
            break
        edits.append((start, end, new, "s", "r"))
        position = end
    return edits


@given(st.text("abc ", max_size=12), edit_lists, edit_lists)
def test_compose_is_applying_one_then_the_other(
    source: str, first_drawn: list[tuple[int, int, str]], second_drawn: list[tuple[int, int, str]]
) -> None:
    first = _normalized_edits(source, first_drawn)
    middle = apply_edits(source, first)
    second = _normalized_edits(middle, second_drawn)
    composed = compose(source, first, second)
    assert apply_edits(source, composed) == apply_edits(middle, second)
    position = 0
    for start, end, _, _, _ in composed:
        assert position <= start <= end
        position = end


@given(st.text(max_size=40), st.text(max_size=40))
def test_localized_edits_make_the_change(before: str, after: str) -> None:
    assert apply_edits(before, localized_edits(before, after, "characters", "x")) == after


@given(st.text(" \n\tab", max_size=30))
def test_whitespace_and_deletion_steps(text: str) -> None:
    recorder = Recorder(text)
    squashed = " ".join(text.split())
    recorder.whitespace(text, squashed, "w")
    assert apply_edits(text, recorder.edits) == squashed
    recorder = Recorder(text)
    kept = text.replace(" ", "")
    recorder.deletions(text, kept, "d")
    assert apply_edits(text, recorder.edits) == kept


def test_steps_that_do_not_fit_are_refused() -> None:
    with pytest.raises(ValueError, match="whitespace-only"):
        Recorder("ab").whitespace("ab", "ac", "w")
    with pytest.raises(ValueError, match="deletion-only"):
        Recorder("ab").deletions("ab", "ac", "d")


@given(st.text(max_size=60) | mojibake_paragraphs())
@example("a\rb\nc&amp;<d>\ne&amp;")
def test_ftfy_is_run_segment_by_segment_as_it_runs(text: str) -> None:
    config = _ftfy_config(False)
    recorder = Recorder(text)
    recorder.stage = "characters"
    fixed = _fix_text_recorded(text, config, recorder)
    assert fixed == ftfy.fix_text(text, config)
    assert apply_edits(text, recorder.edits) == fixed


@given(st.one_of(token_soup(), tokenizer_renderings, mojibake_paragraphs(), st.text(max_size=80)))
def test_recording_stages_change_nothing(text: str) -> None:
    for function in (
        lambda t, r: repair_spacing_and_report(t, recorder=r)[0],
        lambda t, r: repair_spacing_and_report(t, "ptb", recorder=r)[0],
        lambda t, r: fix_characters(t, recorder=r),
        lambda t, r: fix_characters(t, Config(fold_compatibility=True), recorder=r),
        lambda t, r: fix_quotes_and_count(t, "curly", recorder=r)[0],
        lambda t, r: fix_quotes_and_count(t, "straight", recorder=r)[0],
    ):
        recorder = Recorder(text)
        recorded = function(text, recorder)
        assert recorded == function(text, None)
        assert apply_edits(text, recorder.edits) == recorded


# --- the invariants, as properties ---


@given(traced_documents)
def test_trace_invariants_on_every_layout(raw: str) -> None:
    check_trace(raw)


@given(st.text())
@example("\x00 . . . a\x00")
@example("a . . . b\n\n. . . c")
@example("\ufeff\u2028 x  \xa0 y\r\n")
def test_trace_invariants_on_arbitrary_unicode(raw: str) -> None:
    check_trace(raw)


@given(clean_documents())
def test_clean_documents_have_no_spacing_edits(raw: str) -> None:
    result = check_trace(raw)
    assert not [edit for edit in result.edits if edit.stage == "spacing"]


configs = st.builds(
    Config,
    unwrap=st.booleans(),
    characters=st.booleans(),
    fold_compatibility=st.booleans(),
    spacing=st.sampled_from(get_args(SpacingMode)),
    quotes=st.sampled_from(get_args(QuoteStyle)),
    header=st.booleans(),
    dateline=st.booleans(),
    corpus=st.sampled_from(get_args(Corpus)),
)


@given(traced_documents, configs)
def test_trace_invariants_under_every_config(raw: str, config: Config) -> None:
    result = trace(raw, config)
    assert result.article == normalize(raw, config)
    assert apply_edits(raw, result.edits) == result.repaired == normalize_text(raw, config)
    for word in WORD.finditer(result.article.text):
        start, end = result.to_raw(*word.span())
        if squeezed(raw[start:end]) != squeezed(word.group()):
            assert touched(result, start, end), (word, raw[start:end])
