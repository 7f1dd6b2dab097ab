"""The CoNLL-2003 / RCV1 header: headline, perhaps a byline, and a dateline with an ISO date.

CoNLL-2003 documents are Reuters (RCV1) stories tokenized one sentence per line; the spacing
stage has repaired their tokens before this reader sees them. Each document opens with::

    SPORT - HEADLINE IN CAPITALS .      (or a headline in sentence case)
    Ann Lee                             (sometimes: the reporter's bare name)
    PLACE, Region 1996-08-30            (the dateline: a place and an ISO date)

The dateline line is the evidence of the layout: it gives `Found.dateline` (its place, and the
ISO date as `Dateline.date_text`) and the date; the line above it is the title, and a bare name
of two or three capitalized words between them is the byline, kept as printed. A ``-DOCSTART-``
line above the headline, which separates documents in the corpus files (with its tag columns
when the file's first column was not all that was kept: ``-DOCSTART- -X- -X- O``), moves to
`Found.furniture`. CoNLL split sentences at a region's or a title's stop, headlines too
(``Ore .`` / ``governor plans timber tax .``): a headline line that ends in such a short
abbreviation and a line going on in small letters or after a comma are one headline.

The corpus breaks sentences across lines where its source wrapped them (``… defend the Ashes
in`` / ``a month-long tour …``). Within a document read so, a line joins the one above it when
that one does not end a sentence and the break cannot be a table's: the line goes on in small
letters, or the one above ends with a comma or a word that cannot end a sentence (``and``,
``the``). Lists and tables (``May 13 Arrive in London`` / ``May 14 …``) keep their lines.
"""

from __future__ import annotations

import re

import regex

from newsnorm.article import Dateline
from newsnorm.dates import parse_date
from newsnorm.header.recognizer import Found, Recognizer
from newsnorm.header.signs import TopSigns
from newsnorm.header.top import TOP_CHARACTERS, Top

__all__ = ["RECOGNIZER", "join_broken_lines", "read_conll_header"]

_DOCSTART = "-DOCSTART-"
# The marker line, perhaps with the tag columns of the corpus files.
_DOCSTART_LINE = regex.compile(r"-DOCSTART-(?:\h+\S+){0,3}\h*(?:\n|$)")
# A headline line broken at an abbreviation's stop (Ore., Kan., Gov., Co.), and the line that
# goes on from it (in small letters, or after a comma).
_ABBREVIATION_END = regex.compile(r"(?:^|\h)\p{Lu}\p{Ll}{0,4}\.$")
_GOES_ON = regex.compile(r"^(?:\p{Ll}{2}|, )")
# An upper-case place (THE HAGUE, N'DJAMENA, AL-RAM), then regions in any case (", Calif",
# ", West Bank"), then the ISO date. A space before a comma is a token the spacing left.
_PLACE = (
    r"(?P<location>[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,4}"
    r"(?: ?, [A-Z][\p{L}.'’-]*(?: [A-Z][\p{L}.'’-]*){0,3}){0,2})"
)
_ISO_DATE = r"(?P<date>(?:19|20)[0-9]{2}-[01][0-9]-[0-3][0-9])"
_DATELINE = regex.compile(rf"^{_PLACE} {_ISO_DATE}$")
# The dateline broken after its place, whose stop read as a sentence's end (APPLETON, Wis.).
_PLACE_LINE = regex.compile(rf"^{_PLACE}$")
_DATE_LINE = regex.compile(rf"^{_ISO_DATE}$")
# A correction notice between the headline and the dateline: [CORRECTED 14:06 GMT].
_CORRECTION = regex.compile(r"^\[CORRECTED[^\[\]\n]{0,40}\]$")
# A reporter's bare name: two or three capitalized words, nothing else but the small words of
# names (Simona de Logu, Geert van Dijk).
_NAME_PARTICLE = r"(?:de|da|di|do|dos|das|del|della|van|von|der|den|le|la|al|bin|ibn|y) "
_BYLINE = regex.compile(
    rf"^[A-Z][\p{{L}}'’.-]+(?: (?:{_NAME_PARTICLE})?[A-Z][\p{{L}}'’.-]+){{1,2}}$"
)
_MAX_TITLE = 200
_HEADER_LINES = 3  # the dateline is at most the third line: headline, byline, dateline
# Where a line ends a sentence: a stop, perhaps inside closing quotes or brackets.
_SENTENCE_END = regex.compile(r"[.!?:;][\"'”’)\]]*$")
_SMALL_START = regex.compile(r"^\p{Ll}{2}")
# Words that cannot end an English sentence: a line ending in one goes on below.
_CONTINUING_WORDS = frozenset({
    "a", "an", "the", "and", "or", "but", "nor", "of", "to", "in", "on", "at", "by", "for",
    "from", "with", "as", "than", "that", "which", "who", "whose", "whom", "into", "onto", "over",
    "under", "about", "after", "before", "between", "against", "during", "through", "its",
    "their", "his", "her", "our", "your", "my", "is", "are", "was", "were", "be", "been", "has",
    "have", "had", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
    "not"
})  # fmt: skip


def _ends_in_iso_date(line: str) -> bool:
    # The cheap test before the pattern: "…1996-08-30" has its hyphens here.
    end = line.rstrip()
    return end[-3:-2] == "-" and end[-6:-5] == "-"


def _ends_sentence(line: str) -> bool:
    return _SENTENCE_END.search(line) is not None


def _goes_on(above: str, line: str) -> bool:
    """Tell whether `line` continues the sentence that `above` left unfinished."""
    if not above or not line:
        return False
    if _ends_sentence(above):
        # Unless the stop is an abbreviation's that CoNLL took for a sentence's end (Ore.).
        return _ABBREVIATION_END.search(above) is not None and _GOES_ON.match(line) is not None
    if _SMALL_START.match(line) or above.endswith(","):
        return True
    last = above.rsplit(" ", 1)[-1]
    return last in _CONTINUING_WORDS


def join_broken_lines(body: str) -> str:
    """Join the lines of a CoNLL body that break a sentence in two (see the module's docstring).

    Examples:
        >>> join_broken_lines("Rain will fall on the\\nhills and\\nValleys today.\\nMay 13 Arrive")
        'Rain will fall on the hills and Valleys today.\\nMay 13 Arrive'
        >>> join_broken_lines("May 13 Arrive in London\\nMay 14 Practice")
        'May 13 Arrive in London\\nMay 14 Practice'
    """
    # Whether a line goes on below depends on its end alone, which is that of the last line
    # joined into it: the pieces are kept apart and joined once, so that a sentence broken over
    # many lines costs no more than its length.
    joined: list[list[str]] = []
    for line in body.split("\n"):
        if joined and _goes_on(joined[-1][-1], line):
            joined[-1].append(line)
        else:
            joined.append([line])
    return "\n".join(_join(*pieces) for pieces in joined)


def _join(*pieces: str) -> str:
    # A piece going on after a comma of its own (", A2 - …") takes no space before it.
    return "".join(
        piece if not number or piece.startswith(",") else f" {piece}"
        for number, piece in enumerate(pieces)
    )


def read_conll_header(text: str) -> tuple[Found, str] | None:
    """Read a CoNLL-2003 header at the top of `text`; None without its dateline line.

    Examples:
        >>> found, body = read_conll_header(
        ...     "GOLF - LEE LEADS.\\nAnn Lee\\nPERTH, Australia 1996-08-30\\nLee led on the\\n"
        ...     "first day.\\nShe won."
        ... )
        >>> found.title, found.byline, found.date
        ('GOLF - LEE LEADS.', 'Ann Lee', datetime.date(1996, 8, 30))
        >>> found.dateline
        Dateline(location='PERTH, Australia', agency=None, date_text='1996-08-30')
        >>> body
        'Lee led on the first day.\\nShe won.'
        >>> read_conll_header("A headline\\nLONDON, March 3 - Rain.") is None
        True
    """
    if not _at_top(Top(text)):
        return None  # no line near the top ends in an ISO date
    furniture: tuple[str, ...] = ()
    top = text.lstrip()
    marker = _DOCSTART_LINE.match(top)
    if marker is not None:
        furniture = (marker.group().strip(),)
        top = top[marker.end() :].lstrip()
    lines = top.split("\n", _HEADER_LINES + 1)
    index, location, date_text, broken = _find_dateline(lines)
    if location is None:
        return None
    date = parse_date(date_text)
    if date is None:
        return None
    above = [line.strip() for line in lines[: index - 1 if broken else index]]
    notices = tuple(line for line in above if _CORRECTION.match(line))
    if notices:
        furniture += notices
        above = [line for line in above if line not in notices]
    if len(above) == 2 and _ABBREVIATION_END.search(above[0]) and _GOES_ON.match(above[1]):
        above = [_join(above[0], above[1])]  # one headline, broken at an abbreviation
    if any(not line or len(line) > _MAX_TITLE for line in above):
        return None  # the header lines are consecutive, short lines
    title = above[0] if above else None
    byline = None
    if len(above) == 2:
        if not _BYLINE.match(above[1]):
            return None
        byline = above[1]
    rest = "\n".join(lines[index + 1 :]) if index + 1 < len(lines) else ""
    found = Found(
        title=title,
        byline=byline,
        date=date,
        dateline=Dateline(location, None, date_text),
        furniture=furniture,
    )
    return found, join_broken_lines(rest.strip("\n"))


def _find_dateline(lines: list[str]) -> tuple[int, str | None, str, bool]:
    """Find the dateline among the first lines.

    Returns the index of the line with its date, the place (None without a dateline), the
    date, and whether the place stands on the line above the date's.
    """
    for at, line in enumerate(lines[: _HEADER_LINES + 1]):
        if not _ends_in_iso_date(line):
            continue
        stripped = line.strip()
        match = _DATELINE.match(stripped)
        if match is not None and at < _HEADER_LINES:
            return at, match["location"], match["date"], False
        above = lines[at - 1].strip() if at else ""
        # Broken only after a stop (a region's abbreviation): a headline in capitals above a
        # date line is no place.
        if above.endswith(".") and (alone := _DATE_LINE.match(stripped)) is not None:
            place = _PLACE_LINE.match(above)
            if place is not None:
                return at, place["location"], alone["date"], True
    return 0, None, "", False


# The end of the dateline's ISO date ("-08-30"). One search of the top for it turns away
# nearly every text that is no CoNLL document before any of its lines is looked at (`re`,
# which finds a pattern opening with a literal faster than `regex` does).
_ISO_DATE_END = re.compile(r"-[01][0-9]-[0-3][0-9]")
_ISO_DATE_REACH = TOP_CHARACTERS + _MAX_TITLE + 1


def _at_top(top: Top) -> bool:
    first = top.first
    if len(first) > _MAX_TITLE:
        # The story opens the text, or the dateline does (with a long place).
        return first[-3:-2] == "-" and first[-6:-5] == "-"
    # The lines below stand at the top (they start before TOP_CHARACTERS) and are short, so
    # the date's end is found before this bound, if anywhere.
    if _ISO_DATE_END.search(top.text, 0, _ISO_DATE_REACH) is None:
        return False
    # The dateline line ends in its ISO date, below at most -DOCSTART-, a headline and a
    # byline, each a short line. Lines are stripped: `_ends_in_iso_date` without its rstrip.
    for index in range(_HEADER_LINES + 1):
        line = top.line(index)
        if line[-3:-2] == "-" and line[-6:-5] == "-":
            return True
        if not line or (len(line) > _MAX_TITLE and line != _DOCSTART):
            return False
    return False


RECOGNIZER = Recognizer(
    "conll header",
    (),
    read_conll_header,
    at_top=_at_top,
    # The dateline line ends in its ISO date: the first line, or one of the next below short
    # lines (`_at_top`).
    top_signs=TopSigns(date_ending=True, lines=_HEADER_LINES + 1, short=_MAX_TITLE),
)
"""The CoNLL-2003 header (see the module's docstring); its dateline holds a year of 19xx or 20xx.

Examples:
    >>> RECOGNIZER.read("LONDON 1996-08-30\\nShares rose.")[0].dateline.location
    'LONDON'
"""
