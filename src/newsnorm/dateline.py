"""News datelines: the place, agency and date that open a wire story's first paragraph.

Recognised forms include ``WASHINGTON (Reuters) -``, ``NEW YORK, Feb 17 (AP) —``,
``NAIROBI, Kenya (AP) _``, ``VALLEY STREAM, N.Y., March 26 -``, ``LONDON, 2 March -``,
``(CNN) --`` and a paragraph that is only a date (``Tuesday, September 1, 2015``).
"""

from __future__ import annotations

import regex

from newsnorm.article import Dateline
from newsnorm.dates import MONTH_PATTERN, could_start_a_date, match_date, parse_date

__all__ = ["split_dateline"]

_MONTH = MONTH_PATTERN
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])"
# An upper-case place (NEW YORK, ST. LOUIS, WINSTON-SALEM) optionally followed by regions
# written in title case or abbreviated (", Kenya", ", N.Y.", ", Mass.", ", CALIF.").
_PLACE = (
    r"[A-Z][A-Z.'’`-]*(?: [A-Z][A-Z.'’`-]*){0,4}"
    r"(?:, (?:[A-Z]{2,}\b\.?|[A-Z][a-z]*\.?(?: ?[A-Z][a-z]*\.?){0,3}))*"
)
# A place written in title case (Taipei, Taiwan) needs a date, an agency in brackets or a
# dash that only a dateline uses.
_TITLE_CASE_PLACE = (
    r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,3}(?:, [A-Z][a-z]+(?: [A-Z][a-z]+){0,2}){0,2}"
)
# Wire copy set in lower case (commodity reports: "des moines, april 7 -") has a place in
# lower case, or capitalized only at its start ("Mexico city"); only a date after it counts.
_LOWER_CASE_PLACE = r"(?:[a-z][a-z.'’-]*|[A-Z][a-z]+(?= [a-z]))(?: [a-z][a-z.'’-]*){0,3}"
_DATE_TEXT = rf"(?:{_MONTH} {_DAY}|{_DAY} {_MONTH})"
_AGENCY = r"[A-Z][A-Za-z&.-]*(?: [A-Z][A-Za-z&.-]*){0,3}"
_DASH = r"(?:-{1,2}|–|—|_)"
_HEAD = 120  # how far into the text a dateline's dash can be
_DIGIT = regex.compile(r"\d")

_DATELINE = regex.compile(
    "^(?:"
    # An upper-case place and a date are evidence enough for the slips of real wire copy: a
    # space before the comma, a comma after the date, no space after the dash
    # ("NEW YORK , April 13 -", "CHICAGO, March 4, -", "CHICAGO, April 13 -Simmons").
    rf"(?P<location>{_PLACE}) ?, (?P<date>{_DATE_TEXT}),? {_DASH}(?: +|(?=\n)|$|(?=[A-Z]))"
    rf"|(?:(?P<location>{_PLACE})(?:, (?P<date>{_DATE_TEXT}))? \((?P<agency>{_AGENCY})\)"
    rf"|(?P<location>{_PLACE})(?= _ )"
    rf"|(?P<location>{_TITLE_CASE_PLACE}), (?P<date>{_DATE_TEXT})"
    rf"|(?P<location>{_TITLE_CASE_PLACE}) \((?P<agency>{_AGENCY})\)"
    rf"|(?P<location>{_LOWER_CASE_PLACE}), (?P<date>{_DATE_TEXT})"
    rf"|\((?P<agency>{_AGENCY})\)"
    rf") {_DASH}(?: +|(?=\n)|$))"  # a dateline may stand alone on its line above a table
)
_TITLE_CASE_DATELINE = regex.compile(rf"^(?P<location>{_TITLE_CASE_PLACE}) (?:—|–|--) +")


def has_spaced_dash(text: str) -> bool:
    """Tell whether the first characters of `text` hold a spaced dash, as every dateline does.

    Every dateline has one within its first 120 characters, or is a date at the very start:
    text with neither has no dateline, which `split_dateline` and the header reader settle
    with this test.

    Examples:
        >>> has_spaced_dash("LONDON - Shares rose."), has_spaced_dash("Shares rose-ish.")
        (True, False)
    """
    head = text[:_HEAD]
    return " -" in head or " –" in head or " —" in head or " _" in head


def split_dateline(text: str) -> tuple[Dateline | None, str]:
    """Split a news dateline off the start of `text`.

    A date standing alone as the first paragraph (as Wikinews prints it) is a dateline with
    only `Dateline.date_text`; a time after it belongs to it, but a capitalized word after
    the time is the story's unless it is a time zone (`newsnorm.dates.TIME_ZONES`). Returns
    ``(None, text)`` when there is no dateline.

    Examples:
        >>> split_dateline("WASHINGTON (Reuters) - The Senate voted.")
        (Dateline(location='WASHINGTON', agency='Reuters', date_text=None), 'The Senate voted.')
        >>> split_dateline("VALLEY STREAM, N.Y., March 26 - Shares rose.")[0]
        Dateline(location='VALLEY STREAM, N.Y.', agency=None, date_text='March 26')
        >>> split_dateline("(CNN) -- A storm hit.")[0].agency
        'CNN'
        >>> split_dateline("Monday, March 5, 2007 Taipei, Taiwan — Lanterns lit the sky.")[0]
        Dateline(location='Taipei, Taiwan', agency=None, date_text='Monday, March 5, 2007')
        >>> dateline, body = split_dateline("Tuesday, May 4, 2021 10:00 The mayor spoke.")
        >>> dateline.date_text, body
        ('Tuesday, May 4, 2021 10:00', 'The mayor spoke.')
        >>> split_dateline("WASHINGTON is a state in the west.")[0] is None
        True

    A date line above a dateline that has a date of its own is the dateline; the other
    dateline stays at the start of the body, so that neither date is lost:

        >>> dateline, body = split_dateline("Tuesday, September 1, 2015\\nLONDON, March 2 - Up.")
        >>> dateline.date_text, body
        ('Tuesday, September 1, 2015', 'LONDON, March 2 - Up.')
    """
    stripped = text.lstrip()
    head = stripped[:_HEAD]
    dashed = has_spaced_dash(head)
    if not dashed and not (could_start_a_date(head) and _DIGIT.search(head)):
        return None, text
    first_line, _, rest = stripped.partition("\n")
    if parse_date(first_line):
        date_text, body = first_line.strip(), rest.lstrip("\n")
    else:
        # Wikinews glues the weekday date to the story: "Tuesday, May 4, 2021 The mayor …".
        found = match_date(stripped)
        if found and found.weekday and found.date and stripped[found.end : found.end + 1] == " ":
            date_text, body = stripped[: found.end], stripped[found.end :].lstrip(" ")
        else:
            date_text, body = None, stripped
    if date_text is None and not dashed:
        return None, text
    match = _DATELINE.match(body) or _TITLE_CASE_DATELINE.match(body)
    if match is not None and date_text is not None and match.groupdict().get("date"):
        # A date line above a dateline with its own date ("LONDON, March 2 -"): one dateline
        # cannot hold both dates, so the date line is the dateline and the other stays text.
        match = None
    if match is None:
        return (None, text) if date_text is None else (Dateline(None, None, date_text), body)
    groups = match.groupdict()
    dateline = Dateline(groups["location"], groups.get("agency"), groups.get("date") or date_text)
    return dateline, body[match.end() :].lstrip(" \n")
