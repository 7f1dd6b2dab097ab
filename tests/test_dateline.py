import collections
import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsnorm import Dateline, normalize, split_dateline
from newsnorm.dateline import DATE_LINE_FORM, DATELINE_FORMS, split_dateline_and_form
from tests.strategies import (
    DATELINE_FAMILIES,
    clean_paragraphs,
    metadata_documents,
)


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


# --- the case file: tests/cases/dateline/dateline.json ---
# Each case: label, input, the expected dateline (or null) and body, the form that must read
# it (or null), "via": "normalize" when the earlier stages must repair the input first (PTB
# brackets, tokenized spacing), and "expect": "fail" for a known gap (a strict xfail).

# The file sits in its own folder for now: tests/test_cases.py reads every tests/cases/*.json
# as a text stage's cases (input -> expected), which a dateline case is not.
CASE_FILE = Path(__file__).parent / "cases" / "dateline" / "dateline.json"
_CASES = json.loads(CASE_FILE.read_text("utf-8"))
_FORM_NAMES = {form.name for form in DATELINE_FORMS} | {DATE_LINE_FORM}


def _case_params() -> list[Any]:
    params = []
    for case in _CASES:
        marks = [pytest.mark.xfail(strict=True, reason="known gap")]
        params.append(
            pytest.param(
                case, id=case["label"], marks=marks if case.get("expect") == "fail" else []
            )
        )
    return params


@pytest.mark.parametrize("case", _case_params())
def test_dateline_case(case: dict[str, Any]) -> None:
    expected = Dateline(**case["dateline"]) if case["dateline"] else None
    if case.get("via") == "normalize":
        article = normalize(case["input"])
        assert (article.dateline, article.text) == (expected, case["body"])
        repaired = normalize(case["input"], dateline=False).text
        assert split_dateline_and_form(repaired)[2] == case["form"]
    else:
        got = split_dateline_and_form(case["input"])
        assert got == (expected, case["body"], case["form"])
        assert split_dateline(case["input"]) == got[:2]


def test_the_case_file_is_well_formed() -> None:
    labels = [case["label"] for case in _CASES]
    assert len(labels) == len(set(labels))
    negatives = [case for case in _CASES if case["dateline"] is None]
    assert len(negatives) >= 10  # negative cases are a first-class category
    for case in _CASES:
        assert case["form"] is None or case["form"] in _FORM_NAMES, case["label"]
        assert (case["form"] is None) == (case["dateline"] is None), case["label"]
        if case["dateline"] is None:
            assert case["body"] == case["input"], case["label"]
    tried = {case["form"] for case in _CASES if case.get("expect") != "fail"}
    assert tried >= _FORM_NAMES  # every form has a case that it must read


def test_forms_are_named_once_and_guarded() -> None:
    names = [form.name for form in DATELINE_FORMS]
    assert len(names) == len(set(names))
    for form in DATELINE_FORMS:
        assert form.first and form.literals, form.name


# --- properties ---------------------------------------------------------------------------


@pytest.mark.parametrize("family", sorted(DATELINE_FAMILIES))
def test_each_family_is_read_exactly(family: str) -> None:
    @given(DATELINE_FAMILIES[family])
    def check(drawn: tuple[str, Dateline, str, str]) -> None:
        text, dateline, body, form = drawn
        assert split_dateline_and_form(text) == (dateline, body, form)

    check()


_FORM_PIECES = st.sampled_from([
    "(CNN)", "(CNNMoney)", "(Reuters)", "(cnn)", "(IE9)", "(left)", "(EW.com)", " ", ", ",
    "Marseille", "France", "BOSTON", "WASHINGTON", " -- ", " - ", "—", " _ ", "The", "storm",
    "hit.", "1996-08-30", "March 3", "\n",
])  # fmt: skip


@given(
    st.one_of(*DATELINE_FAMILIES.values()).map(lambda drawn: drawn[0])
    | st.lists(_FORM_PIECES, max_size=12).map("".join)
)
def test_a_form_reads_only_a_text_whose_head_holds_its_literals(text: str) -> None:
    # The literals are the forms' guard (the quick path for text with no dateline): a form's
    # pattern never matches where none of them is in the text's first 120 characters.
    from newsnorm.dateline import _could_hold_dateline

    head = text[:120]
    for form in DATELINE_FORMS:
        if form.pattern.match(text[:400]) is not None:
            assert any(literal in head for literal in form.literals), form.name
            assert _could_hold_dateline(head), form.name


def _letters_and_digits(*texts: str | None) -> collections.Counter[str]:
    return collections.Counter(char for text in texts if text for char in text if char.isalnum())


def _assert_nothing_lost(text: str) -> None:
    dateline, body = split_dateline(text)
    parts = (dateline.location, dateline.agency, dateline.date_text) if dateline else ()
    assert _letters_and_digits(*parts, body) == _letters_and_digits(text)


@given(st.one_of(*DATELINE_FAMILIES.values()).map(lambda drawn: drawn[0]) | metadata_documents())
def test_nothing_is_lost_from_datelines(text: str) -> None:
    _assert_nothing_lost(text)


@given(st.text() | st.text("ABC ,.-—(CNN)_\n1969-0", max_size=60))
def test_arbitrary_text_never_raises_and_loses_nothing(text: str) -> None:
    _assert_nothing_lost(text)
    split_dateline_and_form(text)


@pytest.mark.parametrize(
    "text",
    [
        "LONDON, March 4" + ", AB" * 25_000 + " x",
        "LONDON" + ", Ab" * 12 + " -" + ", AB" * 25_000,
        "SAN" + ", Ab" * 30 + " —" + " Ab" * 30_000,
        "A" * 100_000 + " - x",
        "AB " * 33_000 + "- The x",
        "(" + "CNN" * 33_000,
        "(CNN)" + "A" * 100_000,
        "Reuters - " + "Ab " * 33_000,
        "washington (ap) _ " + "a" * 100_000,
        "LONDON 1996-08-30" + " A" * 50_000,
        "Ab Cd, Ef Gh, Ij" + " —" * 50_000,
        "ST. " * 25_000 + "— The x",
    ],
    ids=lambda text: text[:16],
)
def test_time_is_linear_on_long_adversarial_input(text: str) -> None:
    began = time.perf_counter()
    for _ in range(3):
        split_dateline_and_form(text)
        split_dateline_and_form(text[:200])
    assert time.perf_counter() - began < 0.5
