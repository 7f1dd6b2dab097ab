import datetime as dt
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsnorm import parse_date
from newsnorm.dates import DATE_START, TIME_ZONES, match_date
from tests.strategies import date_shaped_texts, date_texts, dates

D = dt.date(1987, 2, 26)


@pytest.mark.parametrize(
    "text",
    [
        "1987-02-26",
        "1987-02-26T15:01:01Z",
        "1987-02-26 15:01",
        "Feb. 26, 1987",
        "Feb 26, 1987",
        "February 26, 1987",
        "February 26th, 1987",
        "26 February 1987",
        "Thursday, February 26, 1987",
        "3:01 PM ET, Thu February 26, 1987",
        "Thu, 26 Feb 1987 15:01:01 GMT",
        "February 26, 1987 3:01 PM",
        "02/26/1987",
        "26/02/1987",
        "26.02.1987",
        "FEBRUARY 26, 1987",
    ],
)
def test_news_date_forms(text: str) -> None:
    assert parse_date(text) == D


@pytest.mark.parametrize(
    "text",
    [
        "March 26",  # no year: never invented
        "GETS 240 YEARS",
        "1ST QTR 14 CTS",
        "February 30, 2021",
        "2021-13-01",
        "02/26/87",  # two-digit year: the century is a guess
        "today",
        "",
        "The meeting on February 26, 1987 was long.",  # not the whole string
    ],
)
def test_non_dates_give_none(text: str) -> None:
    assert parse_date(text) is None


def test_ambiguous_day_order_needs_a_hint() -> None:
    assert parse_date("03/04/1987") is None
    assert parse_date("03/04/1987", day_first=True) == dt.date(1987, 4, 3)
    assert parse_date("03/04/1987", day_first=False) == dt.date(1987, 3, 4)
    assert parse_date("04/04/1987") == dt.date(1987, 4, 4)  # either order reads the same


@given(dates)
def test_iso_and_long_forms_round_trip(date: dt.date) -> None:
    assert parse_date(date.isoformat()) == date
    assert parse_date(f"{date:%B} {date.day}, {date.year}") == date
    assert parse_date(f"{date.day} {date:%b} {date.year}") == date


@given(st.text())
def test_never_raises(text: str) -> None:
    result = parse_date(text)
    assert result is None or isinstance(result, dt.date)


@pytest.mark.parametrize(
    "text",
    [
        "ſep1st1987",  # long s: IGNORECASE matched "sep", then MONTHS["ſep"] raised KeyError
        "ſept 4, 1987",
        "March 5ſt, 2020",  # an ordinal suffix with a long s raised ValueError
        "March 5ﬆ, 2020",
        "\u0130an 4, 2020",  # İ
        "Wedneſday, May 4, 2021",
        "Tue\n2020-2-7",  # a date is written on one line
        "Tuesday,\nMay 4, 2021",
        "May 4,\n2021",
        "May\n4, 2021",
        "February 26, 1987\n3:01 PM",
    ],
)
def test_case_folding_letters_and_line_breaks_make_no_date(text: str) -> None:
    assert parse_date(text) is None


def test_a_capitalized_word_after_a_time_is_no_time_zone() -> None:
    assert parse_date("February 26, 1987 3:01 The") is None
    found = match_date("Tuesday, May 4, 2021 10:00 The mayor spoke.")
    assert found is not None and found.end == len("Tuesday, May 4, 2021 10:00")


@pytest.mark.parametrize("zone", ["EST", "GMT", "UTC", "ET", "BST", "CET", "PST", "GMT+8"])
def test_time_zones(zone: str) -> None:
    assert parse_date(f"February 26, 1987 3:01 PM {zone}") == D
    text = f"Tuesday, May 4, 2021 10:00 {zone} The mayor spoke."
    found = match_date(text)
    assert found is not None and text[found.end :] == " The mayor spoke."
    assert zone in TIME_ZONES or zone.startswith("GMT")


@pytest.mark.parametrize("month", ["sept", "SEPT", "Sept.", "sEpTeMbEr"])
def test_months_in_any_ascii_case(month: str) -> None:
    assert parse_date(f"{month} 4TH, 1987") == dt.date(1987, 9, 4)


@given(st.one_of(date_texts(), date_shaped_texts(), st.text(max_size=40)))
@example("MondayFeb 17, 2020")  # a weekday glued to its month
@example("Mar. 3, 2020")
def test_every_date_begins_as_date_start_says(text: str) -> None:
    # DATE_START turns away the header lines that cannot be dates ("market traders"), so it
    # must never turn away one that match_date reads.
    if match_date(text) is not None:
        assert re.match(DATE_START, text), text


@pytest.mark.parametrize("word", ["market", "Marine", "Monkey", "Decade", "Sunny", "Augustus"])
def test_words_that_only_begin_as_a_month_or_weekday_are_no_date_start(word: str) -> None:
    assert re.match(DATE_START, f"{word} traders said") is None


def test_lower_cased_corpora_write_time_zones_small() -> None:
    # BertSum's CNN/DailyMail and Gigaword are lower-cased: "17:08 est" is a time and its zone.
    assert parse_date("17:08 est, 11 june 2013") == dt.date(2013, 6, 11)
    assert parse_date("9:00 pm gmt, 2 may 2012") == dt.date(2012, 5, 2)
    # A zone of two letters in small letters could be a word: only capitals read as a zone.
    assert parse_date("10:30 ET, May 4, 2020") == dt.date(2020, 5, 4)
    found = match_date("10:30 et al. wrote on May 4")
    assert found is None or found.end == len("10:30")
