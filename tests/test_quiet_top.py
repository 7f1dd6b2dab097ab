"""The metadata stages' quick path passes by only texts from which no reader reads anything.

Each reader of the top of a text declares its signs (`TopSigns`); `QuietTop` joins a layout's.
A sign may show where the reader then finds nothing, never the other way round.
"""

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import newsnorm.pipeline as pipeline
from benchmarks.common import EVAL_DIR, read_jsonl
from newsnorm import Config, normalize, split_dateline, split_header
from newsnorm.config import Corpus
from newsnorm.header import generic, layouts
from newsnorm.header.generic import opens_with_body, read_generic_header, without_header
from newsnorm.header.layouts import DATELINE_SIGNS, LAYOUTS, RECOGNIZERS, Layout, quiet_top
from newsnorm.header.recognizer import Found, Recognizer
from newsnorm.header.signs import QuietTop, TopSigns
from newsnorm.header.top import Top
from tests.strategies import TOP_FAMILIES, TOP_PIECES

CORPORA: tuple[Corpus, ...] = tuple(LAYOUTS)
FAMILIES = sorted(TOP_FAMILIES)
tops = st.one_of(*TOP_FAMILIES.values())


@given(tops, st.sampled_from(CORPORA))
@example("Rates rose on Monday as\ntraders bought bonds.", "auto")
@example("Rates rose.\nA man waves.\nOSLO (Reuters) - Crowds gathered.", "auto")
@example("A crowd gathers.\nA man waves.\nOSLO (Reuters) - Crowds gathered.", "web")
@example("Rates rose on Monday as traders\nbought bonds.\nLONDON 1996-08-30", "conll2003")
@example("2 November 2014 Last updated at 17:20 GMT\nRates rose.", "auto")
@example("Rates rose on Monday as\ntraders bought bonds.\n", "auto")  # the readers strip it
def test_a_quiet_top_holds_nothing_for_the_readers(text: str, corpus: Corpus) -> None:
    quiet = quiet_top(corpus, header=True, dateline=True)
    if quiet is None or not quiet(text):
        return
    fields, body = split_header(text, corpus)
    assert body == text
    assert fields.recognizers == ()
    assert (fields.title, fields.byline, fields.date, fields.dateline) == (None,) * 4
    assert (dict(fields.headers), fields.highlights, fields.furniture) == ({}, (), ())
    assert split_dateline(text) == (None, text)


def _check_each_readers_signs(text: str) -> None:
    # Checked reader by reader, so that a declaration that misses its reader's layout fails
    # here even where another reader's signs cover for it in a layout's joined test.
    for recognizer in RECOGNIZERS:
        signs = recognizer.signs
        assert signs is not None, recognizer.name
        if QuietTop([signs])(text):
            assert not recognizer.applies(text), recognizer.name
            assert recognizer.read(text) is None, recognizer.name
    if QuietTop([generic.TOP_SIGNS])(text):
        assert opens_with_body(Top(text))
        assert read_generic_header(text) == without_header(text)
    if QuietTop([DATELINE_SIGNS])(text):
        assert split_dateline(text) == (None, text)


@pytest.mark.parametrize("family", FAMILIES)
@given(data=st.data())
def test_each_readers_signs_show_wherever_it_would_read(family: str, data: st.DataObject) -> None:
    _check_each_readers_signs(data.draw(TOP_FAMILIES[family]))


@pytest.mark.parametrize(
    "text",
    [
        "Rates Rise In London\nLONDON (Reuters) - Rates rose.",  # a dateline below a headline
        "A crowd gathers.\nA man waves.\nOSLO (Reuters) - Crowds gathered.",  # captions
        "Rates rose.\nLONDON 1996-08-30\nThey did.",  # a CoNLL dateline below its headline
        "Ann Lee | Staff Writer | Tuesday, 25 November 2014\nRates rose.",  # a bar byline
        # CoNLL's dateline on the fourth line, below -DOCSTART-, a headline and a byline
        "-DOCSTART-\nSOCCER - LEADERS WIN .\nAnn Lee\nLONDON 1996-08-30\nLeaders won .",
    ],
)
def test_each_readers_signs_show_on_its_layouts(text: str) -> None:
    _check_each_readers_signs(text)


def test_each_readers_signs_show_on_every_pair_of_pieces() -> None:
    # Every piece alone, after another, on the line below another and below a blank line,
    # the second line ending in prose, as a line of a story would.
    for first in TOP_PIECES:
        for second in TOP_PIECES:
            for below in ("\n", "\n\n"):
                for text in (f"{first}{second}", f"{first}{below}{second}",
                             f"{first}{below}{second} Rain."):  # fmt: skip
                    _check_each_readers_signs(text)


@settings(max_examples=60)
@given(tops, st.sampled_from(CORPORA), st.booleans(), st.booleans())
def test_normalize_gives_the_same_article_without_the_quick_path(
    text: str, corpus: Corpus, header: bool, dateline: bool
) -> None:
    config = Config(corpus=corpus, header=header, dateline=dateline)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "quiet_top", lambda *args, **kwargs: None)
        without = normalize(text, config)
    assert normalize(text, config) == without


def test_most_stories_are_passed_by() -> None:
    quiet = quiet_top("auto", header=True, dateline=True)
    assert quiet is not None
    stories = [
        "Rates rose on Monday as traders bought bonds,\ndealers in London said.",
        "Biogen Inc said the European\nPatent Office granted it a patent covering certain"
        " proteins\nused to produce a vaccine.",
        "The council met on Tuesday evening to weigh the plan, which would add three hundred"
        " homes to the edge of the town and a new road to the station, and voted it through"
        " after a long debate in which the mayor spoke twice.\nShe said so.",
        # paragraphs between blank lines, or one a line, with a story's brackets and dashes
        "Rates rose on Monday, dealers said.\n\nThe bank (FDIC) held its long- and"
        " short-term rates.\n\nIt said so.",
        "Rates rose on Monday and again on Tuesday, dealers in London and in New York said"
        " late on Tuesday, as bonds fell.\nThe agency (FDIC) - a regulator - said so.\n"
        "It did.\nOSLO was calm.",
    ]
    assert all(map(quiet, stories))
    shown = [
        "Rates Rise\n\nRates rose.",  # a headline above a blank line
        "Sports\n\nThe Lions won.",  # a page's label above a blank line
        "A man waves in Oslo.\nOSLO (Reuters) - Crowds gathered.",  # a caption above a dateline
        "RATES RISE\nRates rose.",  # a headline in capitals
        "Rates rose,\nBy Ann Lee\nsaid.",  # a byline below
        "Source: wire\nRates rose.",  # a keyed header
        "LONDON (Reuters) - Rates rose.",  # a dateline
        "Rates rose.\nADVERTISEMENT\nThey fell.",  # a widget line in the story
        " Rates rose.",  # white space the readers strip
    ]
    assert not any(map(quiet, shown))


def test_a_blank_line_below_the_first_shows_what_its_readers_gap_test_says() -> None:
    quiet = QuietTop([TopSigns(openings=("by",), gap_test=str.istitle, lines=2, short=50)])
    assert quiet("Rates rose.\n\nThey fell.") and quiet("Rates rose.\nThey fell.")
    assert not quiet("Rates Rose\n\nThey fell.")  # the gap test
    assert not quiet("Rates rose.\n\nBy Ann Lee")  # the line below the blank one is the second
    assert not quiet("Rates rose.\n\n\nThey fell.")  # two blank lines: left to the readers
    assert quiet("Rates Rose\n\nThey fell.".replace("\n\n", "\n"))
    assert QuietTop([TopSigns(openings=("by",), lines=2, short=50)])("Rates Rose\n\nThey fell.")


def test_marks_below_are_looked_for_down_to_their_own_line() -> None:
    dash = (("-", (" -",), None),)
    signs = TopSigns(openings=("by",), below_marks=dash, head=20, lines=2, marks_lines=3, short=50)
    quiet = QuietTop([signs])
    assert not quiet("Rain.\nSnow.\nOSLO - Wind.")  # the mark, on the third line
    assert quiet("Rain.\nSnow.\nSnow.\nOSLO - Wind.")  # not on the fourth
    assert not quiet("Rain.\nBy Ann Lee\nSnow.") and quiet("Rain.\nSnow.\nBy Ann Lee")
    assert signs.depth == 3


def test_a_long_first_line_hides_the_lines_below_it() -> None:
    quiet = QuietTop([TopSigns(openings=("by",), lines=2, short=20)])
    assert quiet("Rates rose on Monday, as traders bought.\nBy Ann Lee")
    assert not quiet("Rates rose today\nBy Ann Lee")


def test_a_confirmed_sign_counts_only_where_its_reader_confirms_it() -> None:
    signs = TopSigns(
        openings=("by",),
        confirm=lambda line: line.startswith("By "),
        confirm_below=lambda line: line == "By Ann Lee",
        lines=2,
        short=40,
    )
    quiet = QuietTop([signs])
    assert quiet("Byron Bay drew crowds on Monday.\nThey came by train.")  # no byline
    assert not quiet("By Ann Lee\nRain.")
    assert quiet("Storm Hits Coast\nBy Ann Lee and Bo Li")  # below: its own test
    assert not quiet("Storm Hits Coast\nBy Ann Lee")
    # Another reader's sign on the same line counts whatever the first reader's test says.
    assert not QuietTop([signs, TopSigns(openings=("by",))])("Byron Bay drew crowds.")


def test_a_head_mark_shows_with_a_literal_of_its_own_and_its_shape() -> None:
    shape = re.compile(r"[0-9]{4}-[01]").search
    quiet = QuietTop([TopSigns(head_marks=(("-", (" -",), None), ("-", ("-1",), shape)), head=30)])
    assert quiet("Money supply M-1 fell, and M-2 rose in March.")  # a mark, no literal's shape
    assert not quiet("OSLO 1996-11-02\nRates rose.")
    assert not quiet("OSLO - Rates rose.")
    assert quiet("Rates rose in Oslo on Monday, traders said - a rise.")  # beyond the head
    assert not QuietTop([TopSigns(head_marks=(("—", ("—",), None),), head=10)])("OSLO—Rain.")
    below = QuietTop([TopSigns(below_marks=((" -", (" -",), None),), head=10, lines=2, short=40)])
    assert not below("Rates Rise\nOSLO - Rates rose.")
    assert below("OSLO - Rates rose.\nThey did.")  # the first line is not below
    assert below("Rates Rise\nRates rose in Oslo - again.")  # beyond the line's head


def test_marks_need_a_head_to_be_looked_for_in() -> None:
    with pytest.raises(ValueError, match="head=0"):
        QuietTop([TopSigns(head_marks=(("-", (" -",), None),))])
    assert not QuietTop([TopSigns(head_marks=(("—", (), None),), head=5)])("OSLO—Rain.")


def test_the_test_is_a_function_written_for_its_signs() -> None:
    quiet = QuietTop([TopSigns(anywhere=("@highlight",), openings=("by",), digit=True)])
    assert quiet.source.startswith("def quiet(text):")
    assert "'@highlight' in text" in quiet.source
    assert quiet.test("Rain fell.") and not quiet.test("3 of 4. Rain fell.")
    assert QuietTop([]).test("Rain fell.")


def test_the_dateline_gate_asks_an_iso_date_of_its_dashes() -> None:
    assert split_dateline("Money supply M-1 fell 5 pct, the bank said.")[0] is None
    assert split_dateline("Rates on 7-1/2 pct notes rose, dealers said.")[0] is None
    dateline = split_dateline("LONDON 1996-08-30\nRates rose.")[0]
    assert dateline is not None and dateline.date_text == "1996-08-30"
    quiet = QuietTop([DATELINE_SIGNS])
    assert quiet("Money supply M-1 fell 5 pct, the bank said.")
    assert not quiet("LONDON 1996-08-30\nRates rose.")


def test_a_recognizer_without_signs_turns_the_quick_path_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def read(text: str) -> tuple[Found, str] | None:
        return None

    unknown = Recognizer("bang", (), read, at_top=lambda top: top.first.startswith("!"))
    assert unknown.signs is None
    monkeypatch.setitem(layouts.LAYOUTS, "web", Layout((unknown,)))
    monkeypatch.setattr(layouts, "_QUIET_TOPS", {})
    assert quiet_top("web", header=True, dateline=True) is None
    assert quiet_top("web", header=False, dateline=True) is not None


_HEADERS = EVAL_DIR / "headers" / "headers-dev.jsonl"
_CORPORA = EVAL_DIR / "corpora" / "corpora-dev.jsonl"


@pytest.mark.skipif(not _HEADERS.exists(), reason=f"no evaluation data at {_HEADERS}")
def test_the_quick_path_changes_no_article_of_the_evaluation_data() -> None:
    texts = [record["raw"] for path in (_HEADERS, _CORPORA) for record in read_jsonl(Path(path))]
    quick = [normalize(text) for text in texts]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pipeline, "quiet_top", lambda *args, **kwargs: None)
        assert [normalize(text) for text in texts] == quick
