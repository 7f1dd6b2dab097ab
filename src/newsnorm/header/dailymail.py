"""The DailyMail header: byline and date stamps on one line, their parts set off by `` . ``.

The CNN/DailyMail corpus keeps the DailyMail page's header lines, each ended by a full stop
that the corpus added, so they run together at the top of the story::

    By . Ann Lee . PUBLISHED: . 09:40 EST, 12 June 2014 . | . UPDATED: . 11:05 EST, …

The family has these members, each part optional but at least one present:

- the byline, ``By . NAME .``, with a second author as ``and NAME .`` (``By . Ann Lee .
  and Raj Rao .``) and a credit kept as printed (``By . Ann Lee For Mailonline .``); some
  copies print no stop after the By (``By ANN LEE FOR MAILONLINE .``: a name in capitals, or
  any name above a stamp), and a staff credit may stand with no By above its stamps
  (``Daily Mail Reporter . PUBLISHED: . …``);
- ``PUBLISHED: . TIME, DATE .`` and ``UPDATED: . TIME, DATE .``, with ``|`` between them;
- the older stamp ``Last updated at 6:15 PM on 2nd May 2012 .``.

The story files of the corpus (``.story``) print each part on a line of its own instead, which
reads the same; so do its lower-cased copies (``by`` / ``ann lee`` / ``published:`` / ``09:40
est, 12 june 2014``), whose byline counts only above a stamp. The byline reads as printed,
``By Ann Lee and Raj Rao``; the PUBLISHED date is the article's date, and the stamps stay in
`Found.headers` as written (``published``, ``updated``). A header that does not read whole
stays in the text.
"""

from __future__ import annotations

import re

import attrs
import regex

from newsnorm.dates import match_date, parse_date
from newsnorm.header.recognizer import Found, Recognizer
from newsnorm.header.signs import TopSigns
from newsnorm.header.top import Top
from newsnorm.patterns import any_case

__all__ = ["RECOGNIZER", "read_dailymail_header"]

# A part ends with the corpus's " . " (". " once the spacing stage has read a short document
# as tokenized and closed the stops up), or with a line break (the .story files).
_SEP = r"(?:\h*\.(?=\s)|\h*(?=\n))\s+"
# A name: capitalized words (initials, O'Neill, Mackenzie-Walker, MailOnline), with the small
# words of names and credits between them (Ann Lee for MailOnline, Mail on Sunday Reporter).
_NAME_WORD = r"(?:[A-Z]\.(?=\h[A-Z])|[A-Z][\p{L}'’-]*)"
_LINK_WORD = r"(?:and|for|of|on|in|at|de|da|di|du|van|von|der|den|la|le|al|bin|y)"
_NAME = rf"{_NAME_WORD}(?:,?\h(?:{_LINK_WORD}\h)*{_NAME_WORD}){{0,9}}"
# Lower-cased corpora (CNN/DailyMail as BertSum ships it) print the name in small letters: such
# a byline counts only beside a stamp that is a date (`read_dailymail_header`).
_SMALL_NAME = r"\p{Ll}[\p{Ll}'’-]*(?:\h\p{Ll}[\p{Ll}'’-]*){0,5}"
# Words that open a sentence, not a name ("By . The time …"); a month may be a name (May Lee).
_NOT_A_NAME = regex.compile(
    r"(?:The|This|That|These|Those|Then|There|It|In|On|At|A|An|If|When|After|Before|Now)(?!\S)"
)
# Nor do these words stand in a name in small letters ("by the time it was published: …").
_NOT_IN_A_SMALL_NAME = frozenset(
    {"the", "a", "an", "it", "its", "was", "is", "were", "are", "be", "been", "had", "has",
     "have", "this", "that", "these", "those", "then", "there", "when", "after", "before", "now",
     "if", "as", "who", "which", "what", "time", "way", "we", "they", "he", "she", "you", "i"}
)  # fmt: skip
_PUBLISHED = any_case("published")
_UPDATED = any_case("updated")
# A stamp's value runs to the next separator; parse_date decides whether it is a date.
_VALUE = r"[^\n|]{1,60}?"
# A stamp's keys as the page prints them, in capitals: a name with no By stands before one.
_KEYS = ("PUBLISHED:", "UPDATED:")
# A name in capitals, with its credit (ANN LEE FOR MAILONLINE): two words at least.
_CAPITALS_NAME = r"[A-Z][A-Z'’.-]*(?:\h[A-Z][A-Z'’.-]*){1,9}(?![\p{Ll}])"
# A stamp's key and its separator: what a header part before it needs when it has no By.
_KEY_AHEAD = rf"(?=(?:{_PUBLISHED}|{_UPDATED}):{_SEP})"
# A byline with no stop after its By ("By ANN LEE . PUBLISHED: . …", as some copies print it)
# reads only before a stamp's key, unless its name is in capitals ("By ANN LEE FOR MAILONLINE .
# A dog …", which no sentence opens with); a name with no By at all (Daily Mail Reporter .
# PUBLISHED: . …) only before a stamp's key in capitals, as the page prints it, on its line (a
# headline stands above the stamps on a line of its own).
_HEADER = regex.compile(
    rf"""
    ^\s*
    (?:(?P<by>By|BY){_SEP}(?P<name>{_NAME})(?:{_SEP}(?P<more>and\h{_NAME}))*{_SEP}
      |(?P<by>by){_SEP}(?P<name>{_SMALL_NAME}){_SEP}
      |(?P<by>By|BY)\h(?P<name>{_CAPITALS_NAME})(?:{_SEP}(?P<more>AND\h{_CAPITALS_NAME}))*{_SEP}
        (?!\p{{Ll}})
      |(?P<by>By|BY)\h(?P<name>{_NAME})(?:{_SEP}(?P<more>and\h{_NAME}))*{_SEP}{_KEY_AHEAD}
      |(?P<name>{_NAME})\h*\.\h+(?=(?:{"|".join(_KEYS)}){_SEP}))?
    (?:(?P<published_key>{_PUBLISHED}):{_SEP}(?P<published>{_VALUE}){_SEP}(?:\|{_SEP})?)?
    (?:(?P<updated_key>{_UPDATED}):{_SEP}(?P<updated>{_VALUE}){_SEP})?
    (?:(?P<last>{any_case("last updated at")}\h(?P<time>[^\n.]{{1,20}}?)\h{any_case("on")}\h
        (?P<day>{_VALUE})){_SEP})?
    """,
    regex.VERBOSE,
)

# Copies that joined the header's parts with single spaces, its stops gone (BertSum's sentences
# run together): ``by ann lee published: 09:40 est, 12 june 2014 | updated: 11:05 est, 12 june
# 2014 rain fell.`` Only a stamp in its own form (time, zone, day, month, year) tells where a
# part ends there, so at least one stamp is needed, and the byline reads only before one. The
# page itself, scraped to text, prints the same parts with no stops, a line each (``By Ann Lee
# for MailOnline`` / ``PUBLISHED: 09:40 EST, 12 June 2014 | UPDATED: …``).
_STAMP = r"[0-9]{1,2}:[0-9]{2}\h\p{L}{2,4},\h[0-9]{1,2}\h\p{L}{3,9}\h[0-9]{4}"
_GAP = r"(?:\h*\n\s*|\h+)"  # between two parts: a space, or a line break
_RUN_ON = regex.compile(
    rf"""
    ^\s*
    (?:(?P<by>By|BY|by)\h+(?P<name>{_NAME}|{_SMALL_NAME})(?:\h+(?P<more>and\h{_NAME}))*{_GAP}
      (?=(?:{_PUBLISHED}|{_UPDATED}):))?
    (?:(?P<published_key>{_PUBLISHED}):\h*(?P<published>{_STAMP})(?:\h+\||(?=\s)(?!\h+\|)))?
    (?:(?:\h*\n)?\h*(?P<updated_key>{_UPDATED}):\h*(?P<updated>{_STAMP}))?
    (?<=[0-9]){_GAP}
    """,
    regex.VERBOSE,
)


def _stamp_date(value: str) -> bool:
    """Tell whether a PUBLISHED or UPDATED stamp is a whole date (``09:40 EST, 2 May 2013``)."""
    return parse_date(value) is not None


def _old_stamp(time: str, day: str) -> bool:
    """Tell whether ``Last updated at TIME on DAY`` holds a time and a whole date."""
    found = match_date(f"{time}, {day}")
    return found is not None and found.date is not None and found.end == len(time) + 2 + len(day)


def read_dailymail_header(text: str) -> tuple[Found, str] | None:
    """Read a DailyMail header at the top of `text` or below its headline; None if none reads.

    It reads only whole: a part it cannot read leaves the text as it is.

    Examples:
        >>> found, body = read_dailymail_header(
        ...     "By . Ann Lee . and Raj Rao . PUBLISHED: . 09:40 EST, 12 June 2014 . | . "
        ...     "UPDATED: . 11:05 EST, 12 June 2014 . Rain fell."
        ... )
        >>> found.byline, found.date, body
        ('By Ann Lee and Raj Rao', datetime.date(2014, 6, 12), 'Rain fell.')
        >>> found.headers
        (('published', '09:40 EST, 12 June 2014'), ('updated', '11:05 EST, 12 June 2014'))
        >>> read_dailymail_header("By . The end of the year . prices had doubled.") is None
        True
        >>> found, body = read_dailymail_header(
        ...     "Goat Seen In Bakery\\nPUBLISHED: . 09:40 EST, 12 June 2014 . Rain fell."
        ... )
        >>> found.title, found.date, body
        ('Goat Seen In Bakery', datetime.date(2014, 6, 12), 'Rain fell.')
    """
    found = _read_header(text)
    if found is not None:
        return found
    headline, _, below = text.partition("\n")
    if not _may_stand_above(headline):
        return None
    found = _read_header(below.removeprefix("\n"))  # one blank line may stand between
    if found is None or not (found[0].date or found[0].headers):
        return None  # below a headline, the header shows its stamps
    return attrs.evolve(found[0], title=headline), found[1]


def _may_stand_above(line: str) -> bool:
    """Tell whether a first line may be the headline above a DailyMail header.

    A headline is short and ends in no stop; it is neither a header part nor the parts run
    together (`` . ``).
    """
    return (
        0 < len(line) <= _HEADLINE
        and not line[-1:].isspace()
        and not line.endswith(".")
        and " . " not in line
        and not _opens_header_or_key(line)
    )


def _read_header(text: str) -> tuple[Found, str] | None:
    """Read a DailyMail header at the very top of `text` (see `read_dailymail_header`)."""
    match = _HEADER.match(text)
    if match is None or match.end() == 0:
        match = _RUN_ON.match(text)
        if match is None:
            return None
    if match["name"] and _NOT_A_NAME.match(match["name"].title()):
        return None  # "By . The end …", "BY THE END OF …": a sentence, not a name
    if match["by"] == "by" and (
        not (match["published"] or match["updated"])
        or not _NOT_IN_A_SMALL_NAME.isdisjoint(match["name"].split())
    ):
        return None  # a name in small letters is only a byline above its stamps, and no clause
    for key in ("published", "updated"):
        if match[key] and not _stamp_date(match[key]):
            return None  # a stamp that is no date: the header does not read whole
    # The old stamp is `_HEADER`'s alone.
    last = match.groupdict().get("last")
    if last and not _old_stamp(match["time"], match["day"]):
        return None
    if not (match["name"] or match["published"] or match["updated"] or last):
        return None
    byline = None
    if match["name"]:
        parts = (match["by"], match["name"], *match.captures("more"))
        byline = " ".join(part for part in parts if part)  # a staff credit has no By
    headers: list[tuple[str, str]] = []
    if match["published"]:
        headers.append(("published", match["published"]))
    if match["updated"]:
        headers.append(("updated", match["updated"]))
    if last:
        headers.append(("updated", last))
    date = parse_date(match["published"]) if match["published"] else None
    return Found(byline=byline, date=date, headers=tuple(headers)), text[match.end() :]


# The header opens the text, so its first line opens as the header does: with a byline's By or
# a PUBLISHED / UPDATED / Last updated stamp.
# The standard library's `re` runs this quick test on every story about twice as fast.
_OPENING = re.compile(rf"By|BY|by\b|{_PUBLISHED}|{_UPDATED}|{any_case('last updated at')}")
# How `_OPENING`'s matches begin, lower-cased: a string test that turns most stories away
# before the pattern does.
_OPENINGS = ("by", "pub", "upd", "las")


def _opens_header(line: str) -> bool:
    return line[:3].lower().startswith(_OPENINGS) and _OPENING.match(line) is not None


# A headline above the header (a page's, scraped with it) is at most this long.
_HEADLINE = 200
# A name with no By stands before a stamp's key in capitals this near the start.
_KEY_REACH = 80


def _opens_header_or_key(line: str) -> bool:
    return _opens_header(line) or any(line.find(key, 0, _KEY_REACH) >= 0 for key in _KEYS)


def _at_top(top: Top) -> bool:
    if _opens_header_or_key(top.first):
        return True
    return len(top.first) <= _HEADLINE and _opens_header_or_key(top.second)


RECOGNIZER = Recognizer(
    "dailymail header",
    (),
    read_dailymail_header,
    at_top=_at_top,
    # Its first line, or its second below a headline.
    top_signs=TopSigns(
        openings=_OPENINGS, marks=_KEYS, confirm=_opens_header_or_key, lines=2, short=_HEADLINE
    ),
)
"""The DailyMail header (see the module's docstring).

Examples:
    >>> found, body = RECOGNIZER.read("Last updated at 6:15 PM on 2nd May 2012 . Snow fell.")
    >>> found.headers, body
    ((('updated', 'Last updated at 6:15 PM on 2nd May 2012'),), 'Snow fell.')
"""
