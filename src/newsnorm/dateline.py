"""News datelines: the place, agency and date that open a wire story's first paragraph.

Recognised forms include ``WASHINGTON (Reuters) -``, ``NEW YORK, Feb 17 (AP) —``,
``NAIROBI, Kenya (AP) _``, ``VALLEY STREAM, N.Y., March 26 -``, ``LONDON, 2 March -``,
``(CNN) --`` and a paragraph that is only a date (``Tuesday, September 1, 2015``).
"""

from __future__ import annotations

import regex

from newsnorm.article import Dateline
from newsnorm.dates import MONTHS, parse_date

__all__ = ["split_dateline"]

_MONTH = r"(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])"
# An upper-case place (NEW YORK, ST. LOUIS, WINSTON-SALEM) optionally followed by regions
# written in title case or abbreviated (", Kenya", ", N.Y.", ", Mass.").
_PLACE = (
    r"[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,4}(?:, (?:[A-Z][a-z]*\.?)(?: ?[A-Z][a-z]*\.?){0,3})*"
)
_DATE_TEXT = rf"(?:{_MONTH} {_DAY}|{_DAY} {_MONTH})"
_AGENCY = r"[A-Z][A-Za-z&.-]*(?: [A-Z][A-Za-z&.-]*){0,3}"
_DASH = r"(?:-{1,2}|–|—|_)"

_DATELINE = regex.compile(
    "^(?:"
    rf"(?P<location>{_PLACE})(?:, (?P<date>{_DATE_TEXT}))? \((?P<agency>{_AGENCY})\)"
    rf"|(?P<location>{_PLACE}), (?P<date>{_DATE_TEXT})"
    rf"|(?P<location>{_PLACE})(?= _ )"
    rf"|\((?P<agency>{_AGENCY})\)"
    rf") {_DASH}(?: +|$)"
)


def split_dateline(text: str) -> tuple[Dateline | None, str]:
    """Split a news dateline off the start of `text`.

    A date standing alone as the first paragraph (as Wikinews prints it) is a dateline with
    only `Dateline.date_text`. Returns ``(None, text)`` when there is no dateline.

    Example:
        >>> split_dateline("WASHINGTON (Reuters) - The Senate voted.")
        (Dateline(location='WASHINGTON', agency='Reuters', date_text=None), 'The Senate voted.')
        >>> split_dateline("VALLEY STREAM, N.Y., March 26 - Shares rose.")[0]
        Dateline(location='VALLEY STREAM, N.Y.', agency=None, date_text='March 26')
        >>> split_dateline("(CNN) -- A storm hit.")[0].agency
        'CNN'
        >>> split_dateline("WASHINGTON is a state in the west.")[0] is None
        True
    """
    stripped = text.lstrip()
    first_line, _, rest = stripped.partition("\n")
    if parse_date(first_line):
        return Dateline(None, None, first_line.strip()), rest.lstrip("\n")
    match = _DATELINE.match(stripped)
    if match is None:
        return None, text
    dateline = Dateline(match["location"], match["agency"], match["date"])
    return dateline, stripped[match.end() :].lstrip(" ")
