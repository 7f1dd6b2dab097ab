"""A narrow, anchored date grammar for news headers.

`parse_date` accepts a whole string that is a date as news sources write them, optionally with a
weekday, a time of day and a time zone, and returns a `datetime.date`. It never guesses: no
default year, no "today", no two-digit years, and a numeric ``03/04/2020`` only when the day
order is known.
"""

from __future__ import annotations

import datetime as dt

import attrs
import regex

from newsnorm.patterns import any_case

__all__ = [
    "DATE_OPENINGS",
    "DATE_START",
    "MONTHS",
    "MONTH_PATTERN",
    "TIME_ZONES",
    "DateMatch",
    "match_date",
    "parse_date",
]


MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12,
    "december": 12,
}  # fmt: skip
"""Month names and the abbreviations news sources use, lower case, to month numbers.

Examples:
    >>> MONTHS["sept"], MONTHS["december"]
    (9, 12)
"""

MONTH_PATTERN = any_case(*MONTHS) + r"\.?"
"""A regex for a month name or abbreviation, in any ASCII case, with an optional full stop.

What it matches, lower-cased and without the full stop, is a key of `MONTHS`.

Examples:
    >>> import regex
    >>> regex.fullmatch(MONTH_PATTERN, "Feb.") is not None
    True
    >>> MONTHS[regex.match(MONTH_PATTERN, "SEPT. 4").group().rstrip(".").lower()]
    9
"""

TIME_ZONES = frozenset(
    {"UTC", "GMT", "Z", "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST",
     "PDT", "AKST", "AKDT", "HST", "AST", "ADT", "NST", "NDT", "BST", "IST", "CET", "CEST",
     "EET", "EEST", "WET", "MSK", "SAST", "GST", "PKT", "ICT", "WIB", "SGT", "HKT", "PHT",
     "JST", "KST", "AEST", "AEDT", "ACST", "ACDT", "AWST", "NZST", "NZDT", "BRT"}
)  # fmt: skip
"""The time-zone abbreviations a date's time of day may carry, as written: in capitals.

A capitalized word after a time that is not one of these starts the story
(``Tuesday, May 4, 2021 10:00 The mayor spoke.``).

Examples:
    >>> "EST" in TIME_ZONES, "The" in TIME_ZONES
    (True, False)
"""

# Lower-cased corpora (CNN/DailyMail as BertSum ships it, Gigaword) write the zones in small
# letters ("17:08 est"): those of three letters and more, which no short word is.
_LOWER_ZONES = frozenset(zone.lower() for zone in TIME_ZONES if len(zone) >= 3)
_SPACE = r"\h"  # a date is written on one line: its parts never span a line break
_MONTH = MONTH_PATTERN
_WEEKDAY_STARTS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
_WEEKDAY = (
    any_case(*_WEEKDAY_STARTS) + any_case("day", "sday", "nesday", "rsday", "urday") + r"?\.?"
)
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])" + any_case("st", "nd", "rd", "th") + "?"
_YEAR = r"(?:1[6-9]|2[0-9])[0-9]{2}"
_ZONE = (
    r"(?:(?:GMT|UTC)[+-][0-9]{1,2}(?::?[0-9]{2})?"
    r"|"
    + "|".join(sorted(TIME_ZONES | _LOWER_ZONES, key=len, reverse=True))
    + r"|[+-][0-9]{2}:?[0-9]{2})"
)
_MERIDIEM = any_case("a", "p") + r"\.?" + any_case("m") + r"\.?"
_TIME = (
    rf"(?:[01]?[0-9]|2[0-3])[:.][0-5][0-9](?::[0-5][0-9](?:\.[0-9]+)?)?"
    rf"(?:{_SPACE}?{_MERIDIEM})?(?:{_SPACE}?{_ZONE})?"
    rf"|(?:1[0-2]|0?[1-9]){_SPACE}?{_MERIDIEM}(?:{_SPACE}?{_ZONE})?"
)
_S = _SPACE + "*"
# Blanks with a comma among them, written so that a long run of blanks is read one way only
# (``\h*,?\h*`` splits it in quadratically many ways before failing).
_COMMA = rf"{_S}(?:,{_S})?"
_AT = any_case("at") + _SPACE + "+"

# No IGNORECASE: the words above carry their own (ASCII) case-insensitivity, and the zones
# are written in capitals.
_DATE_BODY = rf"""
    (?:(?P<lead_time>{_TIME}){_COMMA})?      # Updated 3:01 PM ET, ...
    (?:(?P<weekday>{_WEEKDAY}){_COMMA})?     # Thursday, ...
    (?:
        (?P<y>{_YEAR})-(?P<m>[01]?[0-9])-(?P<d>[0-3]?[0-9])        # 2020-02-17
            (?:(?:[Tt]|{_SPACE})(?P<iso_time>{_TIME}))?
      | (?P<y>{_YEAR})/(?P<m>[01]?[0-9])/(?P<d>[0-3]?[0-9])        # 2020/02/17
      | (?P<month>{_MONTH}){_S}(?P<d>{_DAY}),?{_S}(?P<y>{_YEAR})     # Feb. 17, 2020
      | (?P<d>{_DAY}){_S}(?P<month>{_MONTH}),?{_S}(?P<y>{_YEAR})     # 17 February 2020
      | (?P<a>[0-3]?[0-9])/(?P<b>[0-3]?[0-9])/(?P<y>{_YEAR})       # 02/26/2020 or 26/02/2020
      | (?P<d>[0-3]?[0-9])\.(?P<m>[01]?[0-9])\.(?P<y>{_YEAR})      # 26.02.2020
    )
    (?:{_COMMA}(?:{_AT})?(?P<time>{_TIME}))?   # ..., 15:01:01 GMT
"""
# One compiled pattern serves both readings of the grammar (compiling it costs more than
# anything else at import). `match_date` matches it at the start of a longer text, where the
# date ends at a word boundary (the lookahead); `parse_date` matches it whole (`fullmatch`),
# blanks around the date allowed: a date that reaches the end is met by the lookahead's ``$``,
# one followed by blanks only by the second branch. The second branch is only ever taken where
# the lookahead failed, that is never for `match_date`, whose date therefore ends where the
# grammar does; and `match_date` only runs on text that opens with a digit or a letter, which
# the leading blanks leave alone.
_DATE = regex.compile(rf"^\s*{_DATE_BODY}(?:(?=[\s,.;:|/–-]|$)|\s+$)", regex.VERBOSE)


# The letters a weekday or a month name opens with, in either case: a lookahead for them lets
# a text that opens with another letter past the names' alternatives at once.
_NAME_INITIALS = "".join(
    sorted(
        {case(name[0]) for name in (*_WEEKDAY_STARTS, *MONTHS) for case in (str.lower, str.upper)}
    )
)
DATE_START = (
    rf"[0-9]|(?=[{_NAME_INITIALS}])"
    rf"(?:(?:{_WEEKDAY})(?:(?![A-Za-z])|{MONTH_PATTERN})|(?:{MONTH_PATTERN})(?![A-Za-z]))"
)
"""What every date `match_date` reads begins with, as a pattern (in `re` and `regex` syntax):
a digit, or a weekday or a month name as a whole word (a weekday may be glued to a month).
Words that only begin as one does (``market``, ``Monkey``) are turned away.

Examples:
    >>> import re
    >>> [bool(re.match(DATE_START, t)) for t in ("March 3", "Mar. 3", "market", "Monday,")]
    [True, True, False, True]
"""

_DATE_STARTS = frozenset(name[:3] for name in (*MONTHS, *_WEEKDAY_STARTS))
DATE_OPENINGS = frozenset("0123456789") | _DATE_STARTS
"""How every date `match_date` reads begins, lower-cased: a digit, or the first three letters
of a month or a weekday (for tests cheaper than `DATE_START`, which they admit).

Examples:
    >>> "sep" in DATE_OPENINGS, "7" in DATE_OPENINGS, "the" in DATE_OPENINGS
    (True, True, False)
"""


def could_start_a_date(text: str) -> bool:
    """Tell whether `text` could open with a date: the cheap test before the full grammar.

    Every date starts with a digit, a month or a weekday, so most text is turned away here.

    Examples:
        >>> could_start_a_date("Feb. 17, 2020"), could_start_a_date("The day after")
        (True, False)
    """
    start = text[:3]
    return start[:1].isdigit() or (start.isascii() and start.lower() in _DATE_STARTS)


@attrs.frozen
class DateMatch:
    """A date found at the start of a text by `match_date`.

    Attributes:
        date: the date, or None when it is written but ambiguous (``03/04/2020``).
        end: where the date expression ends in the text.
        weekday: the expression names the day of the week.
        time: the expression includes a time of day.

    Examples:
        >>> match_date("Thursday, February 26, 1987 3:01 PM - Markets fell.")
        DateMatch(date=datetime.date(1987, 2, 26), end=35, weekday=True, time=True)
    """

    date: dt.date | None
    end: int
    weekday: bool
    time: bool


def match_date(text: str, *, day_first: bool | None = None) -> DateMatch | None:
    """Match a date expression at the very start of `text`, which may go on after it.

    Examples:
        >>> m = match_date("Tuesday, September 1, 2015 The story begins")
        >>> m.date, m.end, m.weekday, m.time
        (datetime.date(2015, 9, 1), 26, True, False)
        >>> match_date("03/04/2020 is ambiguous").date is None
        True
        >>> match_date("March 26 - no year") is None
        True
    """
    if not could_start_a_date(text):
        return None
    found = _DATE.match(text)
    if found is None:
        return None
    has_time = bool(found["lead_time"] or found["iso_time"] or found["time"])
    return DateMatch(_date_of(found, day_first), found.end(), bool(found["weekday"]), has_time)


def parse_date(text: str, *, day_first: bool | None = None) -> dt.date | None:
    """Parse `text` if the whole of it is a date; return None otherwise.

    Args:
        text: the candidate, such as a header value or a date line.
        day_first: how to read a numeric date with slashes whose order is ambiguous
            (``03/04/2020``): True for day/month, False for month/day, None (the default) to
            give up. ``26.02.2020`` is always read day first, as it is written.

    Examples:
        >>> parse_date("2020-02-17")
        datetime.date(2020, 2, 17)
        >>> parse_date("Updated 3:01 PM ET, Thu February 26, 1987".removeprefix("Updated "))
        datetime.date(1987, 2, 26)
        >>> parse_date("Thu, 26 Feb 1987 15:01:01 GMT")
        datetime.date(1987, 2, 26)
        >>> parse_date("02/26/1987"), parse_date("03/04/1987")
        (datetime.date(1987, 2, 26), None)
        >>> parse_date("03/04/1987", day_first=True)
        datetime.date(1987, 4, 3)
        >>> parse_date("March 26") is None, parse_date("February 30, 2021") is None
        (True, True)
    """
    if not could_start_a_date(text.lstrip()):
        return None
    match = _DATE.fullmatch(text)
    return None if match is None else _date_of(match, day_first)


def _date_of(match: regex.Match[str], day_first: bool | None) -> dt.date | None:
    groups = match.groupdict()
    year = int(groups["y"])
    if groups["month"]:
        month = MONTHS[groups["month"].rstrip(".").lower()]
        day = int(groups["d"].lower().rstrip("stndrh"))
    elif groups["a"]:
        first, second = int(groups["a"]), int(groups["b"])
        if first > 12 or first == second or (second <= 12 and day_first):
            day, month = first, second
        elif second > 12 or day_first is False:
            month, day = first, second
        else:  # both could be the month and nobody said which
            return None
    else:
        month, day = int(groups["m"]), int(groups["d"])
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
