"""Header lines: the kinds of line a header block is made of, each named, with how it begins.

A header block above a story is made of lines whose form shows what they are: a keyed line
(``Title: …``, ``Source: …``), a byline (``By Ann Lee``), a date phrase (``Published on …``),
a line that is a date, the corpus date line (``date 2020-02-17``), a contributor note
(``&UR; … &LR;``) and a copyright notice. Each `LineKind` declares a pattern that every line
of its kind begins with; their union, `could_be_header_line`, is the quick test the generic
reader's quick path is built from, so a new kind of line cannot be read without the quick path
knowing it.
"""

from __future__ import annotations

import re

import attrs
import regex

from newsnorm.dates import DATE_OPENINGS, DATE_START, MONTH_PATTERN, match_date
from newsnorm.patterns import any_case

__all__ = [
    "BY",
    "BYLINE",
    "BYLINE_KEYS",
    "DATE_KEYS",
    "DATE_LABELS",
    "GLUED_DATE_LINE",
    "HEADER_LINE_STARTS",
    "LINE_KINDS",
    "TITLE_KEYS",
    "LineKind",
    "could_be_header_line",
    "header_line",
    "is_date_line",
    "unknown_key_line",
]

TITLE_KEYS = frozenset({"title", "headline", "head", "hed"})
"""Keys of a keyed line, lower case, that give the title.

Examples:
    >>> "headline" in TITLE_KEYS
    True
"""
BYLINE_KEYS = frozenset({"by", "author", "authors", "byline", "writer"})
"""Keys, lower case, that give the byline.

Examples:
    >>> "author" in BYLINE_KEYS
    True
"""
DATE_LABELS = ("last updated", "updated", "published", "posted", "created")
"""The words that label a date on a page or in a header (``Posted on May 4, 2021``), lower case;
each may be followed by ``on`` or ``at``.

Examples:
    >>> "posted" in DATE_LABELS
    True
"""
DATE_KEYS = frozenset(
    {"date", "dated", "pubdate", "publication date"}
    | {f"{label}{joint}" for label in DATE_LABELS for joint in ("", " on", " at")}
)
"""Keys, lower case, that give the date: the date labels (`DATE_LABELS`) among them.

Examples:
    >>> "posted on" in DATE_KEYS, "created at" in DATE_KEYS
    (True, True)
"""
_OTHER_KNOWN_KEYS = frozenset(
    {"url", "link", "source", "section", "category", "tags", "keywords", "language",
     "publisher", "site", "id", "summary", "description", "subtitle", "location"}
)  # fmt: skip
_KNOWN_KEYS = TITLE_KEYS | BYLINE_KEYS | DATE_KEYS | _OTHER_KNOWN_KEYS

GLUED_DATE_LINE = regex.compile(
    r"^(?:title (?P<title>\S.*?) )?date (?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})(?: (?P<rest>.*))?$"
)
"""The corpus date line, ` title Some headline date 2020-02-17 Body starts here…` (the title
part and the body part are optional).

Examples:
    >>> GLUED_DATE_LINE.match("date 2020-02-17 Rain fell.")["rest"]
    'Rain fell.'
"""
# Possessive: a colon can follow only the last word of a key, so giving words back never helps.
_KEY = r"[A-Za-z][A-Za-z_-]*+(?: [A-Za-z][A-Za-z_-]*+){0,2}+:"
_KEY_VALUE_LINE = regex.compile(rf"^(?P<key>{_KEY[:-1]}):\h*(?P<value>\S.*)$")
# "By Jane Doe, Reuters", "BY TED D'AFFLISIO", and glued "ByTal Axelrod" (By, then a capital
# and a small letter, so that BYRNE or Byron stays a word).
BY = "by|BY|By"
"""How a byline's ``By`` is written (``by``, ``BY``, ``By``), as a regex."""
BYLINE = regex.compile(
    rf"^(?:(?P<key>{BY})\h+(?P<value>[A-Z].*)|(?P<key>By)(?P<value>[A-Z][a-z].*))$"
)
"""A byline's form: ``By``, then a name (`header_line` also checks that it reads as one).

Examples:
    >>> BYLINE.match("ByTal Axelrod")["value"], BYLINE.match("Byron said so.") is None
    ('Tal Axelrod', True)
"""
# A name is short, has no sentence inside it, and does not start with a day or a month.
# (Words in any case through `any_case`, never IGNORECASE: see `newsnorm.patterns.any_case`.)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_NOT_A_NAME = regex.compile(
    rf"^(?:{any_case(*_WEEKDAYS)}|{MONTH_PATTERN}|{any_case('the', 'this', 'that', 'then')})\b"
    r"|[.!?]\s|[^.A-Za-z]\.$"
    rf"|\b{any_case('is', 'was', 'were', 'are', 'had', 'has', 'will', 'would')}\b"
)
_MAX_BYLINE = 80
# A dateline or the story run into the byline ("By ANN LEE BOSTON (AP) -- A town…", "By Ann
# Lee — The town…"): an agency in brackets before a dash, or a long dash before a sentence's
# opening. Where the name ends cannot always be told (names and places both in capitals), so
# such a line is no byline; `generic` splits the ones it can.
_DATELINE_IN_BYLINE = regex.compile(
    r"\)\h*(?:--|—|–|-|_)(?:\h|$)|\h(?:--|—|–)\h*[A-Z]\p{Ll}*\h\p{Ll}"
)
# The key, lower-cased, is one of DATE_KEYS.
_DATE_PHRASE = regex.compile(
    rf"^(?P<key>{any_case(*DATE_LABELS)}(?:{any_case(' on', ' at')})?)\h+(?P<value>\S.*)$"
)
_NOTE_START = "&UR;"
_COPYRIGHT_START = "COPYRIGHT|Copyright|©"


@attrs.frozen
class LineKind:
    """A kind of header line: its name, and a pattern every line of the kind begins with.

    Attributes:
        name: the name shown in reports, ``--stats`` and ``inspect``.
        starts: a regex (`regex` syntax) that matches at the start of every line of this kind;
            a line it does not match is not of this kind.
        openings: how every line of the kind begins, lower-cased, in one to three characters;
            empty for a kind that `mark` tells instead. A line that opens otherwise is turned
            away before `starts` is tried (string tests cost less than a pattern's).
        mark: a character every line of the kind holds (a keyed line's colon), or "".

    Examples:
        >>> kind = LineKind("byline", "by|BY|By", ("by",))
        >>> kind.begins("By Ann Lee"), kind.begins("Bye now")
        (True, True)
        >>> kind.begins("Rain fell.")
        False
    """

    name: str
    starts: str
    openings: tuple[str, ...] = ()
    mark: str = ""

    def begins(self, line: str) -> bool:
        """Tell whether `line` begins the way a line of this kind does.

        Examples:
            >>> LineKind("note", "&UR;", ("&ur",)).begins("&UR; Ann Lee &LR;")
            True
        """
        return regex.match(self.starts, line) is not None


LINE_KINDS: tuple[LineKind, ...] = (
    LineKind("corpus date line", "date |title ", ("dat", "tit")),
    LineKind("byline", BY, ("by",)),
    LineKind("date phrase", any_case(*DATE_LABELS), tuple(label[:3] for label in DATE_LABELS)),
    LineKind("keyed header", _KEY, mark=":"),
    LineKind("date line", DATE_START, tuple(sorted(DATE_OPENINGS))),
    LineKind("contributor note", regex.escape(_NOTE_START), (_NOTE_START[:3].lower(),)),
    LineKind("copyright notice", _COPYRIGHT_START, ("cop", "©")),
)
"""Every kind of header line the generic reader reads, in the order it tries them.

Examples:
    >>> [kind.name for kind in LINE_KINDS][:3]
    ['corpus date line', 'byline', 'date phrase']
"""

HEADER_LINE_STARTS = "|".join(f"(?:{kind.starts})" for kind in LINE_KINDS)
"""How any kind of header line begins: the union of `LINE_KINDS`' patterns, in one pattern
(in the syntax both `re` and `regex` read).

Examples:
    >>> import re
    >>> re.match(HEADER_LINE_STARTS, "Source: wire") is not None
    True
"""

# The standard library's `re` matches this union about 2.5 times faster than `regex`.
_ANY_KIND = re.compile(HEADER_LINE_STARTS)
# The kinds' openings by length, and their marks: most lines of prose are turned away by these
# string tests, before the union's pattern (which costs most where the text stages have just
# run, since no other stage runs `re`).
_OPENINGS = tuple(
    frozenset(opening for kind in LINE_KINDS for opening in kind.openings if len(opening) == n)
    for n in (1, 2, 3)
)
_MARKS = "".join(kind.mark for kind in LINE_KINDS)


def could_be_header_line(line: str) -> bool:
    """Tell whether `line` begins as some kind of header line does: the union of `LINE_KINDS`.

    Examples:
        >>> could_be_header_line("Source: wire"), could_be_header_line("Rain fell all day.")
        (True, False)
    """
    head = line[:3].lower()
    one, two, three = _OPENINGS
    if not (head[:1] in one or head[:2] in two or head in three):
        for mark in _MARKS:  # a loop beats any() on this hot path
            if mark in line:
                break
        else:
            return False
    return _ANY_KIND.match(line) is not None


def is_date_line(line: str) -> bool:
    """Tell whether the whole line is a date, perhaps an ambiguous one (``04/03/2009``).

    Examples:
        >>> is_date_line("04/03/2009"), is_date_line("May 4, 2021 was a Tuesday")
        (True, False)
    """
    found = match_date(line)
    return found is not None and found.end == len(line.rstrip())


_HEADER_INITIALS = frozenset("BbLlUuPp")


def header_line(line: str) -> tuple[str, str, str] | None:
    """Return (key, value, kind name) if `line` is a header line that names its key.

    That is a byline, a date phrase introducing a date, or a ``Key: value`` line whose key is
    a known one.

    Examples:
        >>> header_line("By Ann Lee")
        ('By', 'Ann Lee', 'byline')
        >>> header_line("Posted on May 4, 2021"), header_line("Updated June 4, 2016.")
        (('Posted on', 'May 4, 2021', 'date phrase'), ('Updated', 'June 4, 2016', 'date phrase'))
        >>> header_line("Source: wire"), header_line("By Monday, the storm had passed.")
        (('Source', 'wire', 'keyed header'), None)
    """
    if line[:1] not in _HEADER_INITIALS and ":" not in line:
        return None  # neither a byline, a "Published …" phrase, nor a "Key: value" line
    match = BYLINE.match(line)
    if match:
        # "By March 3, 2020 …" is a date and "By Monday, the storm had passed." a sentence.
        value = match["value"]
        if (
            len(value) > _MAX_BYLINE
            or match_date(value)
            or _NOT_A_NAME.search(value)
            or _DATELINE_IN_BYLINE.search(value)
        ):
            return None
        return match["key"], value, "byline"
    if line in ("By", "by", "BY"):
        return None
    match = _DATE_PHRASE.match(line)
    if match:
        # "Published reports say …" is prose: the phrase must introduce a date, which a page
        # may end with a stop ("Updated June 4, 2016.").
        value = match["value"].removesuffix(".")
        if is_date_line(value):
            return match["key"], value, "date phrase"
        return None
    match = _keyed_line(line)
    if match and match["key"].lower() in _KNOWN_KEYS:
        return match["key"], match["value"], "keyed header"
    return None


# A date key's value is a date, with perhaps a time, a zone or the date it was updated
# (``09:40 EST, 12 June 2014 | UPDATED: 11:05 EST, 12 June 2014``): never this long. A longer
# one is the story run into its header (DailyMail's stamps, the story on their line).
_MAX_DATE_VALUE = 100


def _keyed_line(line: str) -> regex.Match[str] | None:
    """Match a ``Key: value`` line, unless a date key's value runs on into the story."""
    match = _KEY_VALUE_LINE.match(line)
    if match and len(match["value"]) > _MAX_DATE_VALUE and match["key"].lower() in DATE_KEYS:
        return None
    return match


def unknown_key_line(line: str) -> tuple[str, str] | None:
    """Return (key, value) of a ``Key: value`` line whatever its key.

    Examples:
        >>> unknown_key_line("Desk: Weather"), unknown_key_line("Rain: it fell.")
        (('Desk', 'Weather'), ('Rain', 'it fell.'))
        >>> unknown_key_line("Published: 09:40 EST, 12 June 2014. " + "A goat fed. " * 9)
    """
    match = _keyed_line(line)
    return (match["key"], match["value"]) if match else None
