import datetime as dt

import pytest
from hypothesis import given

from newsnorm import Dateline, normalize, split_dateline
from tests.strategies import clean_paragraphs


@pytest.mark.parametrize(
    ("text", "dateline", "body"),
    [
        (
            "WASHINGTON (Reuters) - The bill passed.",
            Dateline("WASHINGTON", "Reuters"),
            "The bill passed.",
        ),
        (
            "NEW YORK, Feb 17 (AP) — Stocks fell.",
            Dateline("NEW YORK", "AP", "Feb 17"),
            "Stocks fell.",
        ),
        ("NAIROBI, Kenya (AP) _ Rain fell.", Dateline("NAIROBI, Kenya", "AP"), "Rain fell."),
        (
            "VALLEY STREAM, N.Y., March 26 - It rose.",
            Dateline("VALLEY STREAM, N.Y.", None, "March 26"),
            "It rose.",
        ),
        (
            "BAHIA BLANCA, Argentina, Feb 26 - Grain.",
            Dateline("BAHIA BLANCA, Argentina", None, "Feb 26"),
            "Grain.",
        ),
        ("LONDON, 2 March - Shares rose.", Dateline("LONDON", None, "2 March"), "Shares rose."),
        ("(CNN) -- A storm hit.", Dateline(None, "CNN"), "A storm hit."),
        ("WASHINGTON _ The vote.", Dateline("WASHINGTON"), "The vote."),
        (
            "CARSON, CALIF., April 3 - Sales rose.",
            Dateline("CARSON, CALIF.", None, "April 3"),
            "Sales rose.",
        ),
        ("NEW YORK , April 13 - It fell.", Dateline("NEW YORK", None, "April 13"), "It fell."),
        ("CHICAGO, March 4, - Trade grew.", Dateline("CHICAGO", None, "March 4"), "Trade grew."),
        (
            "CHICAGO, April 13 -Airlines flew.",
            Dateline("CHICAGO", None, "April 13"),
            "Airlines flew.",
        ),
        (
            "Detroit (Reuters) - Car sales rose.",
            Dateline("Detroit", "Reuters"),
            "Car sales rose.",
        ),
        (
            "fort worth, june 3 - cattle prices were steady.",
            Dateline("fort worth", None, "june 3"),
            "cattle prices were steady.",
        ),
        (
            "Kansas city, june 3 - wheat rose.",
            Dateline("Kansas city", None, "june 3"),
            "wheat rose.",
        ),
        (
            "Tuesday, May 4, 2021\nThe story.",
            Dateline(None, None, "Tuesday, May 4, 2021"),
            "The story.",
        ),
    ],
)
def test_dateline_forms(text: str, dateline: Dateline, body: str) -> None:
    assert split_dateline(text) == (dateline, body)


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON is a state in the west.",
        "NASA said on Monday it would launch.",
        "Hello - world.",
    ],
)
def test_no_dateline_is_invented(text: str) -> None:
    assert split_dateline(text) == (None, text)


@given(clean_paragraphs())
def test_plain_paragraphs_have_no_dateline(text: str) -> None:
    assert split_dateline(text) == (None, text)


def test_a_date_line_above_a_dated_dateline_is_kept() -> None:
    # One dateline cannot hold both dates: the date line is the dateline, the other dateline
    # stays in the body (it once replaced the date line's date, which was lost).
    text = "Tuesday, September 1, 2015\nLONDON, March 2 - Shares rose."
    assert split_dateline(text) == (
        Dateline(None, None, "Tuesday, September 1, 2015"),
        "LONDON, March 2 - Shares rose.",
    )
    glued = "Tuesday, September 1, 2015 LONDON, March 2 - Shares rose."
    assert split_dateline(glued) == (
        Dateline(None, None, "Tuesday, September 1, 2015"),
        "LONDON, March 2 - Shares rose.",
    )
    # normalize reads the date line as the header's date first, so both are fields.
    article = normalize(text)
    assert article.date == dt.date(2015, 9, 1)
    assert article.headers == {"date": "Tuesday, September 1, 2015"}
    assert article.dateline == Dateline("LONDON", None, "March 2")
    assert article.text == "Shares rose."


def test_a_date_line_above_an_undated_dateline_is_its_date() -> None:
    text = "Tuesday, September 1, 2015\nLONDON (Reuters) - Shares rose."
    assert split_dateline(text) == (
        Dateline("LONDON", "Reuters", "Tuesday, September 1, 2015"),
        "Shares rose.",
    )


@pytest.mark.parametrize(
    ("text", "date_text", "body"),
    [
        ("Tuesday, May 4, 2021 10:00 The mayor spoke.", "Tuesday, May 4, 2021 10:00", "The"),
        (
            "Tuesday, May 4, 2021 10:00 EST The mayor spoke.",
            "Tuesday, May 4, 2021 10:00 EST",
            "The",
        ),
        (
            "Tuesday, May 4, 2021 3 p.m. GMT The mayor spoke.",
            "Tuesday, May 4, 2021 3 p.m. GMT",
            "The",
        ),
        ("Tuesday, May 4, 2021 10:00 It rained.", "Tuesday, May 4, 2021 10:00", "It"),
    ],
)
def test_the_word_after_a_datelines_time_is_the_storys(
    text: str, date_text: str, body: str
) -> None:
    dateline, rest = split_dateline(text)
    assert dateline == Dateline(None, None, date_text)
    assert rest.split()[0] == body


@pytest.mark.parametrize(
    "text",
    [
        "Tue\n2020-2-7 1",
        "Tuesday,\nMay 4, 2021 The mayor spoke.",
        "Tuesday, May\n4, 2021 The mayor spoke.",
        "Tuesday, May 4,\n2021 10:00 The mayor spoke.",
        "Tuesday, May 4, 2021\n10:00 The mayor spoke.",
    ],
)
def test_a_dateline_never_spans_a_line_break(text: str) -> None:
    dateline, body = split_dateline(text)
    fields = (dateline.location, dateline.agency, dateline.date_text) if dateline else ()
    assert all(field is None or "\n" not in field for field in fields)
    kept = " ".join([*(field for field in fields if field), body])
    assert kept.split() == text.split()  # nothing lost, nothing moved
    article = normalize(text)  # the Dateline validator once raised here
    assert article.dateline is None or "\n" not in (article.dateline.date_text or "")
