import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsnorm import split_header
from tests.strategies import clean_paragraphs


def test_glued_date_line() -> None:
    fields, body = split_header(" date 2020-02-17 Just when we thought it was over.")
    assert fields.date == dt.date(2020, 2, 17)
    assert body == "Just when we thought it was over."


@pytest.mark.parametrize(
    "text",
    [
        " title Rain returns date 2019-05-01 Clouds gathered early.",
        "Rain returns\n date 2019-05-01 Clouds gathered early.",
        "Rain returns\ndate 2019-05-01\nClouds gathered early.",
    ],
)
def test_title_with_a_glued_date(text: str) -> None:
    fields, body = split_header(text)
    assert (fields.title, fields.date, body) == (
        "Rain returns",
        dt.date(2019, 5, 1),
        "Clouds gathered early.",
    )


def test_header_block_keeps_unknown_keys() -> None:
    fields, body = split_header(
        "Headline: Port reopens\nAuthor: Sam Ortiz\nPosted on March 3, 2021\n"
        "Desk: Metro\n\nThe port reopened."
    )
    assert fields.title == "Port reopens"
    assert fields.byline == "By Sam Ortiz"  # a keyed author gets the "By" it implies
    assert fields.date == dt.date(2021, 3, 3)
    assert dict(fields.headers) == {
        "Headline": "Port reopens",
        "Author": "Sam Ortiz",
        "Posted on": "March 3, 2021",
        "Desk": "Metro",
    }
    assert body == "The port reopened."


@pytest.mark.parametrize(
    "text",
    [
        "Date night is back.",
        "By the time we arrived, it was over.",
        "Title IX cases rose.",
        "Note: this looks like a header but stands alone.",
        "Published reports say the deal is off.",
    ],
)
def test_body_that_only_looks_like_a_header_stays_body(text: str) -> None:
    fields, body = split_header(text)
    assert body == text
    assert fields.title is None and fields.date is None and fields.byline is None


@given(clean_paragraphs())
def test_plain_paragraphs_have_no_header(text: str) -> None:
    assert split_header(text)[1] == text


@given(st.text())
def test_nothing_lost(text: str) -> None:
    fields, body = split_header(text)
    kept = body + " ".join(fields.headers.values()) + (fields.title or "")
    for word in text.split():
        assert word in kept or word in {"title", "date", "By", "by", "BY"} or word.endswith(":")
