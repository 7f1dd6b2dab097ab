"""DailyMail headers, CoNLL-2003 headers and page furniture: case file and properties.

The cases (tests/cases/header-layouts-pages.json) run through `normalize`, so the readers see
the text as the spacing stage leaves it. Each names the recognizer that should read it (or, for
a negative case, the one that must not) and the fields and body expected; ``expect: "fail"``
marks a known gap.
"""

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from newsnorm import Article, normalize
from newsnorm.header import conll, dailymail, furniture
from newsnorm.pipeline import normalize_and_report
from tests.strategies import conll_documents, dailymail_documents, furniture_documents

CASES = Path(__file__).parent / "cases" / "header-layouts-pages.json"
_WORD = regex.compile(r"[^\W_]+")


def _cases() -> list[Any]:
    params = []
    for number, case in enumerate(json.loads(CASES.read_text(encoding="utf-8"))):
        marks = [pytest.mark.xfail(strict=True)] if case.get("expect") == "fail" else []
        params.append(pytest.param(case, id=f"{number}-{case['label'][:40]}", marks=marks))
    return params


def _field(article: Article, name: str) -> Any:
    value = getattr(article, name)
    if name == "date":
        return None if value is None else value.isoformat()
    if name == "dateline":
        return None if value is None else {k: getattr(value, k) for k in ("location", "agency")}
    if name in ("headers",):
        return dict(value)
    if name in ("furniture", "highlights"):
        return list(value)
    return value


@pytest.mark.parametrize("case", _cases())
def test_case(case: dict[str, Any]) -> None:
    article, report = normalize_and_report(case["input"])
    if case.get("recognizer"):
        assert case["recognizer"] in report.recognizers, case["label"]
    if case.get("not_recognizer"):
        assert case["not_recognizer"] not in report.recognizers, case["label"]
    for name, expected in case["expected"].items():
        got = _field(article, name)
        if name == "headers":
            got = {key: got.get(key) for key in expected}
        if name == "dateline" and expected is not None and "date_text" in expected:
            assert article.dateline is not None
            assert article.dateline.date_text == expected["date_text"], case["label"]
            expected = {k: v for k, v in expected.items() if k != "date_text"}
        assert got == expected, (case["label"], name)
    if "body" in case:
        assert article.text == case["body"], case["label"]


def _words(text: str) -> list[str]:
    return [word.lower() for word in _WORD.findall(text)]


def _kept(article: Article) -> str:
    parts = [article.text, article.title or "", article.byline or ""]
    parts += [f"{key} {value}" for key, value in article.headers.items()]
    parts += [*article.highlights, *article.furniture]
    if article.dateline is not None:
        parts += [article.dateline.location or "", article.dateline.agency or ""]
        parts.append(article.dateline.date_text or "")
    return " ".join(parts).lower()


def _nothing_lost(raw: str, article: Article) -> None:
    kept = _kept(article)
    for word in _words(raw):
        assert word in kept, word


@given(dailymail_documents())
def test_dailymail_fields(document: tuple[str, dict[str, Any], str]) -> None:
    raw, fields, body = document
    article = normalize(raw)
    assert article.title == fields["title"]
    assert article.byline == fields["byline"]
    assert article.date == fields["date"]
    assert article.text == body
    _nothing_lost(raw, article)


@given(conll_documents())
def test_conll_fields(document: tuple[str, dict[str, Any], str]) -> None:
    raw, fields, body = document
    article = normalize(raw)
    assert (article.title, article.byline, article.date) == (
        fields["title"],
        fields["byline"],
        fields["date"],
    )
    assert article.dateline is not None
    assert article.dateline.location == fields["location"]
    assert article.text == body
    _nothing_lost(raw, article)


@given(furniture_documents())
def test_furniture_fields(document: tuple[str, dict[str, Any], str]) -> None:
    raw, fields, body = document
    article = normalize(raw)
    assert list(article.furniture) == fields["furniture"]
    assert list(article.highlights) == fields["highlights"]
    assert article.date == fields["date"]
    assert article.text == body
    _nothing_lost(raw, article)


_OPENINGS = [
    "By . ", " . ", "PUBLISHED: . ", " . | . ", "UPDATED: . ", "Last updated at ", "By\n\n",
    "-DOCSTART-\n", "LONDON 1996-08-30\n", "\n", " 2001-02-03", "1 of 2. ", "Credit: ",
    "ADVERTISEMENT", "View full size image", "Story highlights", " | ", "(Editor's note: ",
    "Media playback is unsupported on your device\n", "Share Pin It More Galleries ",
    "Related article »", "(Reuters) - ", " — ",
]  # fmt: skip


@given(st.lists(st.one_of(st.sampled_from(_OPENINGS), st.text(max_size=12)), max_size=14))
def test_no_crash_and_nothing_lost_with_openings_sprinkled(pieces: list[str]) -> None:
    raw = "".join(pieces)
    for reader in (dailymail.RECOGNIZER, conll.RECOGNIZER, furniture.RECOGNIZER):
        result = reader.read(raw)
        if result is not None:
            assert isinstance(result[1], str)
    article = normalize(raw)
    assert isinstance(article, Article)


def test_recognizers_are_in_their_corpus_layouts() -> None:
    from newsnorm.header.layouts import LAYOUTS, RECOGNIZERS

    names = [recognizer.name for recognizer in RECOGNIZERS]
    assert names[-3:] == ["dailymail header", "conll header", "page furniture"]
    assert "dailymail header" in [r.name for r in LAYOUTS["cnn_dailymail"].recognizers]
    assert [r.name for r in LAYOUTS["conll2003"].recognizers] == ["conll header"]
    assert [r.name for r in LAYOUTS["web"].recognizers] == ["page furniture"]


def test_conll_body_lines_join_only_in_the_conll_layout() -> None:
    broken = "Rain fell on the\nhills all day."
    assert normalize(broken).text == broken  # no CoNLL dateline: the lines stay
    assert normalize(f"RAIN .\nOSLO 1996-08-30\n{broken}").text == "Rain fell on the hills all day."


def test_date_is_the_published_date() -> None:
    raw = (
        "By . Ann Lee . PUBLISHED: . 23:50 EST, 1 May 2013 . | . "
        "UPDATED: . 00:10 EST, 2 May 2013 . Hi."
    )
    assert normalize(raw).date == dt.date(2013, 5, 1)
