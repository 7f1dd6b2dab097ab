"""The summary-corpus layouts: CNN/DailyMail highlights, XSum sections, WikiText headings.

Case file ``tests/cases/header-layouts-summaries.json`` (label, input, optional corpus, the
recognizer that should fire or null, the expected fields and body, ``expect: "fail"`` for a
known gap), and properties over documents drawn in each layout (`tests.strategies`).
"""

import json
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import assume, example, given

from newsnorm import Article, normalize, normalize_and_report, split_dateline, split_header
from newsnorm.header import furniture, highlights, wikitext, xsum
from newsnorm.header.layouts import LAYOUTS, RECOGNIZERS
from tests.strategies import (
    highlight_stories,
    layout_opening_soups,
    wikitext_articles,
    xsum_files,
)

CASES = Path(__file__).parent / "cases" / "header-layouts-summaries.json"
OURS = (highlights.RECOGNIZER, xsum.RECOGNIZER, wikitext.RECOGNIZER)
MINE = {recognizer.name for recognizer in OURS}
_WORD = regex.compile(r"[^\W_]+")
# The words of the layouts' own markers, which go with the markers.
_MARKER_WORDS = {"highlight", "SN", "XSUM", "URL", "TITLE", "FIRST", "SENTENCE", "INTRODUCTION"}
_MARKER_WORDS |= {"RESTBODY"}


def _fields(article: Article) -> dict[str, Any]:
    return {
        "title": article.title,
        "highlights": list(article.highlights),
        "furniture": list(article.furniture),
        "headers": dict(article.headers),
        "text": article.text,
    }


def _load() -> list[Any]:
    params = []
    for number, case in enumerate(json.loads(CASES.read_text(encoding="utf-8"))):
        marks = [pytest.mark.xfail(strict=True)] if case.get("expect") == "fail" else []
        params.append(pytest.param(case, id=f"{number}-{case['label'][:40]}", marks=marks))
    return params


@pytest.mark.parametrize("case", _load())
def test_case(case: dict[str, Any]) -> None:
    article, report = normalize_and_report(case["input"], corpus=case.get("corpus", "auto"))
    fields = _fields(article)
    assert {key: fields[key] for key in case["expected"]} == case["expected"], case["label"]
    fired = [name for name in report.recognizers if name in MINE]
    assert fired == ([case["recognizer"]] if case["recognizer"] else []), case["label"]


def test_the_case_file_covers_each_recognizer_and_its_negatives() -> None:
    cases = json.loads(CASES.read_text(encoding="utf-8"))
    assert {case["recognizer"] for case in cases} == MINE | {None}
    assert all(case["label"] for case in cases)


def test_the_layouts_name_the_recognizers_in_order() -> None:
    names = [recognizer.name for recognizer in RECOGNIZERS]
    assert names.index("highlights") < names.index("xsum sections")
    assert names.index("xsum sections") < names.index("wikitext headings")
    assert LAYOUTS["cnn_dailymail"].recognizers[0] is highlights.RECOGNIZER
    assert LAYOUTS["xsum"].recognizers == (xsum.RECOGNIZER, furniture.RECOGNIZER)
    assert LAYOUTS["wikitext"].recognizers == (wikitext.RECOGNIZER,)


def _plain(body: str) -> bool:
    """Tell whether clean text passes through the header and dateline readers untouched."""
    return split_header(body)[1] == body and split_dateline(body)[0] is None


def _kept(article: Article) -> str:
    parts = [article.text, article.title or "", article.byline or ""]
    parts += [f"{key} {value}" for key, value in article.headers.items()]
    parts += [*article.highlights, *article.furniture]
    if article.dateline:
        parts += [article.dateline.location or "", article.dateline.agency or ""]
        parts += [article.dateline.date_text or ""]
    return " ".join(parts)


def _nothing_lost(raw: str, article: Article) -> None:
    kept = set(_WORD.findall(_kept(article)))
    for word in _WORD.findall(raw):
        assert word in kept or word in _MARKER_WORDS, word


# --- highlights ---


@given(highlight_stories())
def test_highlights_are_read_exactly(story: tuple[str, list[str], list[str]]) -> None:
    raw, paragraphs, expected = story
    found = highlights.RECOGNIZER.read(raw)
    assert found is not None
    assert list(found[0].highlights) == expected
    assert found[1] == "\n\n".join(paragraphs)


@given(highlight_stories())
def test_highlights_through_normalize(story: tuple[str, list[str], list[str]]) -> None:
    raw, paragraphs, expected = story
    body = "\n".join(paragraphs)
    assume(_plain("\n\n".join(paragraphs)))  # laid out as in the story: blank lines between
    article = normalize(raw)
    assert (list(article.highlights), article.text) == (expected, body)
    assert normalize(article.text).text == article.text
    _nothing_lost(raw, article)


# --- XSum ---


@given(xsum_files())
def test_xsum_sections_are_read_exactly(file: tuple[str, str, str, str, list[str]]) -> None:
    raw, url, title, first, rest = file
    found = xsum.RECOGNIZER.read(raw)
    assert found is not None
    assert (found[0].title, found[0].headers) == (title, (("url", url),))
    assert found[1] == "\n".join([first, *rest])


@given(xsum_files())
def test_xsum_through_normalize(file: tuple[str, str, str, str, list[str]]) -> None:
    raw, url, title, first, rest = file
    body = "\n".join([first, *rest])
    assume(_plain(body))
    article = normalize(raw)
    assert (article.title, dict(article.headers), article.text) == (title, {"url": url}, body)
    assert normalize(article.text).text == article.text
    _nothing_lost(raw, article)


# --- WikiText ---


@given(wikitext_articles())
def test_wikitext_headings_through_normalize(document: tuple[str, str, list[str]]) -> None:
    raw, title, lines = document
    article = normalize(raw, corpus="wikitext")
    assert (article.title, article.text) == (title, "\n".join(lines))
    assert "= =" not in article.text and "==" not in article.text
    assert normalize(article.text, corpus="wikitext").text == article.text
    _nothing_lost(raw, article)


@given(wikitext_articles())
def test_wikitext_title_in_auto(document: tuple[str, str, list[str]]) -> None:
    raw, title, _ = document
    article = normalize(raw)
    assert article.title == title
    assert "= =" not in article.text
    _nothing_lost(raw, article)


# --- any text with the openings sprinkled in ---


@given(layout_opening_soups)
@example("@highlight")
@example("[SN]TITLE[SN]")
@example(" = = ")
@example("=== a ===\n= b =")
def test_openings_anywhere_lose_nothing(text: str) -> None:
    for recognizer in OURS:
        result = recognizer.read(text)
        if result is not None:
            found, rest = result
            parts = [rest, found.title or "", *found.highlights, *found.furniture]
            kept = " ".join([*parts, *(f"{key} {value}" for key, value in found.headers)])
            words = set(_WORD.findall(kept))
            for word in _WORD.findall(text):
                assert word in words or word in _MARKER_WORDS, (recognizer.name, word)
    for corpus in ("auto", "cnn_dailymail", "xsum", "wikitext"):
        _nothing_lost(text, normalize(text, corpus=corpus))


def test_a_bare_line_the_generic_reader_takes_as_title_stays_when_a_layout_has_the_title() -> None:
    # Found by the explore run: the WikiText title won and the section heading, read as a second
    # title by the generic reader, was in no field.
    article = normalize(" = Rain = \n\n = = Notes = = \n\n = Rain = \n")
    assert article.title == "Rain"
    assert article.text == "Notes\nRain"
