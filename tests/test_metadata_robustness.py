"""The metadata stages (dates, datelines, headers) never raise and never lose text.

Case folding maps letters such as ``ſ`` (long s), ``K`` (Kelvin sign), ``İ``, ``ß`` and the
ligatures ``ﬅ ﬆ ﬁ ﬀ`` onto ASCII ones, and a date grammar's spaces must not run across a
line break: text drawn from `tests.strategies.date_shaped_texts` mixes both.
"""

from collections import Counter

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsnorm import Article, normalize, parse_date, split_dateline, split_header
from tests.strategies import date_shaped_texts, metadata_documents

_RAW = {"characters": False, "spacing": "off", "quotes": "preserve", "unwrap": False}
_FOLDING_DATES = [
    "ſep4th1987",
    "ſep1st1987",
    "March 5ſt, 2020",
    "March 5ﬆ, 2020",
    "\u212aelvin 4, 2020",
    "Tue\n2020-2-7 1",
    "Tuesday,\nMay 4, 2021 The mayor spoke.",
    "İan 4, 2020",
    "wedneſday, May 4, 2021",
]


# Markup, not text: the wire codes around a contributor note (&UR; … &LR;) become its key.
_MARKUP = ("&UR;", "&LR;")


def _alnum(text: str) -> str:
    for code in _MARKUP:
        text = text.replace(code, " ")
    return "".join(ch for ch in text if ch.isalnum())


def _metadata(article: Article) -> str:
    """Every metadata field of `article`, header keys and values included, as one string.

    A key repeated in the document holds its values one per line: it was written once each.
    """
    dateline = article.dateline
    parts = [article.title, article.byline]
    for key, value in article.headers.items():
        parts += [key] * (value.count("\n") + 1) + [value]
    if dateline is not None:
        parts += [dateline.location, dateline.agency, dateline.date_text]
    parts += [*article.highlights, *article.furniture]
    return " ".join(part for part in parts if part)


@pytest.mark.parametrize("text", _FOLDING_DATES)
def test_case_folding_letters_and_line_breaks_are_no_date(text: str) -> None:
    assert parse_date(text) is None
    assert normalize(text).date is None


def test_ascii_dates_in_any_case_still_parse() -> None:
    assert parse_date("SEPT 4TH, 1987") == parse_date("sept 4th, 1987") is not None


@pytest.mark.parametrize(
    "text", ["ſep4th1987", "Tue\n2020-2-7 1", "Tuesday,\nMay 4, 2021 The mayor spoke."]
)
def test_case_folding_and_line_breaks_do_not_crash_the_stages(text: str) -> None:
    split_dateline(text)
    split_header(text)
    article = normalize(text, **_RAW)
    assert _alnum(text) == _alnum(article.text)  # no date: every word stays in the story


def _check_stages(text: str) -> None:
    date = parse_date(text)
    assert date is None or date.year >= 1600
    dateline, body = split_dateline(text)
    assert dateline is None or body in text
    split_header(text)
    normalize(text)
    normalize(text, **_RAW)


@given(date_shaped_texts())
@example("ſep4th1987")
@example("March 5ſt, 2020")
@example("Tuesday,\nMay 4, 2021 The mayor spoke.")
def test_date_shaped_text_never_raises(text: str) -> None:
    _check_stages(text)


@given(st.text())
def test_any_text_never_raises(text: str) -> None:
    _check_stages(text)


@given(metadata_documents())
def test_metadata_documents_never_raise(text: str) -> None:
    _check_stages(text)


@given(st.one_of(metadata_documents(), date_shaped_texts(), st.text()))
@example("Storm Hits Coast\nheadline: Wind warning issued\n\nThe wind blew hard.")
@example("Tuesday, September 1, 2015\nLONDON, March 2 - Shares rose.")
@example("Tuesday, May 4, 2021 10:00 The mayor spoke.")
@example("Title: \x1f\n\nBody.")
def test_nothing_is_lost_to_the_metadata(text: str) -> None:
    """Every letter and digit of the document is in the article, in a field or the body.

    The body's letters and digits come in the document's order (a subsequence of it: page
    furniture and highlights may be taken from inside or after the story); the others are all
    in the metadata fields. A field may repeat a header value (a keyed title is both), so that
    part is a multiset inclusion, not an equality.
    """
    article = normalize(text, **_RAW)
    document, body = _alnum(text), _alnum(article.text)
    remaining = iter(document)
    assert all(char in remaining for char in body)  # in order
    missing = Counter(document) - Counter(body) - Counter(_alnum(_metadata(article)))
    assert not missing, f"lost from the header: {''.join(sorted(missing.elements()))!r}"


@pytest.mark.parametrize(
    "text",
    [
        "Tuesday" + " " * 20_000 + "x",  # \s*,?\s* once split this run quadratically often
        "3:01 PM" + " \t" * 10_000 + "x",
        "May 4, 2021 10:00" + " " * 20_000 + "x",
        "ſep " * 20_000,
        "Tuesday,\n" * 10_000,
    ],
)
def test_long_runs_of_blanks_complete(text: str) -> None:
    # Quadratic backtracking took seconds here; linear patterns take milliseconds.
    assert parse_date(text) is None
    split_dateline(text)
    split_header(text)
