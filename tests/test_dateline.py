import pytest
from hypothesis import given

from newsnorm import Dateline, split_dateline
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
