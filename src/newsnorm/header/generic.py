"""The generic header reader: the lines above an article's body, read into typed fields.

It runs after the corpus layouts' recognizers (`newsnorm.header.recognizers`) and reads what
news pages and wire copy of no particular corpus put at the top, in any order:

- the corpus date line ``date 2020-02-17``, glued to the first paragraph or on its own line,
  optionally after ``title …`` on the same line;
- ``Key: value`` lines (``Title:``, ``By:``, ``Date:``, ``Source:`` …; unknown keys are kept);
- ``By …`` bylines and ``Published on …`` / ``Posted on …`` / ``Updated …`` date lines;
- a headline on the first line (`read_generic_header` says when);
- a contributor note (``&UR; … &LR;``) or a copyright notice (``COPYRIGHT 1998 BY …``) just
  above the story;
- on a web page's text, the page's own date near the top.

Whatever is recognised moves out of the body into `HeaderFields`; nothing is dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import attrs
import regex

from newsnorm.article import Dateline, Headers
from newsnorm.dateline import has_spaced_dash, split_dateline
from newsnorm.dates import (
    MONTH_PATTERN,
    MONTHS,
    could_start_a_date,
    match_date,
    parse_date,
)
from newsnorm.patterns import any_case

__all__ = ["HeaderFields", "read_generic_header"]

_TITLE_KEYS = frozenset({"title", "headline", "head", "hed"})
_BYLINE_KEYS = frozenset({"by", "author", "authors", "byline", "writer"})
_DATE_KEYS = frozenset(
    {"date", "published", "published on", "posted", "posted on", "updated", "last updated",
     "dated", "pubdate", "publication date", "published at", "posted at", "updated at"}
)  # fmt: skip
_OTHER_KNOWN_KEYS = frozenset(
    {"url", "link", "source", "section", "category", "tags", "keywords", "language",
     "publisher", "site", "id", "summary", "description", "subtitle", "location"}
)  # fmt: skip
_KNOWN_KEYS = _TITLE_KEYS | _BYLINE_KEYS | _DATE_KEYS | _OTHER_KNOWN_KEYS

# ` title Some headline date 2020-02-17 Body starts here…` (the title part is optional).
_GLUED_DATE_LINE = regex.compile(
    r"^(?:title (?P<title>\S.*?) )?date (?P<date>[0-9]{4}-[0-9]{2}-[0-9]{2})(?: (?P<rest>.*))?$"
)
_KEY_VALUE_LINE = regex.compile(
    r"^(?P<key>[A-Za-z][A-Za-z_-]*(?: [A-Za-z][A-Za-z_-]*){0,2}):\h*(?P<value>\S.*)$"
)
# "By Jane Doe, Reuters", "BY TED D'AFFLISIO", and glued "ByTal Axelrod" (By, then a capital
# and a small letter, so that BYRNE or Byron stays a word).
_BYLINE = regex.compile(
    r"^(?:(?P<key>by|BY|By)\h+(?P<value>[A-Z].*)|(?P<key>By)(?P<value>[A-Z][a-z].*))$"
)
# A name is short, has no sentence inside it, and does not start with a day or a month.
# (Words in any case through `any_case`, never IGNORECASE: see `newsnorm.patterns.any_case`.)
_WEEKDAY_NAMES = any_case(
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"
)
_NOT_A_NAME = regex.compile(
    rf"^(?:{_WEEKDAY_NAMES}|{MONTH_PATTERN}|{any_case('the', 'this', 'that', 'then')})\b"
    r"|[.!?]\s|[^.A-Za-z]\.$"
    rf"|\b{any_case('is', 'was', 'were', 'are', 'had', 'has', 'will', 'would')}\b"
)
_MAX_BYLINE = 80
# The key, lower-cased, is one of _DATE_KEYS.
_DATE_PHRASE = regex.compile(
    r"^(?P<key>"
    + any_case("last updated", "updated", "published on", "published at", "published")
    + "|"
    + any_case("posted on", "posted at", "posted")
    + r")\h+(?P<value>\S.*)$"
)
_MAX_TITLE_LENGTH = 200
_SPACE = regex.compile(" ")
_BYLINE_REACH = 80  # a byline glued to a dateline is at most this long
# A contributor note set off before the dateline in NYT wire copy: &UR; … &LR;
_NOTE = regex.compile(r"^&UR;\s*(?P<note>.*?)\s*&LR;\s*(?P<rest>.*)$")
# A copyright notice set above the story in wire copy: "COPYRIGHT 1998 BY WORLDSOURCES, INC. …".
_COPYRIGHT = regex.compile(
    r"(?:COPYRIGHT|Copyright)(?: \([Cc]\)| ©)? (?:19|20)[0-9]{2}\b|© ?(?:19|20)[0-9]{2}\b"
)
# How a line that is header, not story, can start, besides a key, a byline or a date.
_HEADER_STARTS = ("date ", "title ", "&UR;", "COPYRIGHT", "Copyright", "©")
_SENTENCE_STOP = regex.compile(r"[.!?](?= |$)")


@attrs.frozen
class HeaderFields:
    """The metadata found above an article's body.

    Attributes:
        date: the publication date, if a header states a full one.
        title: the headline, or None.
        byline: the byline as printed, without a ``By:`` key but with a leading ``By``.
        headers: every keyed header line found, key as written -> value as written.
        dateline: a dateline that a corpus layout sets on a line of its own (CoNLL's
            ``LONDON 1996-08-30``), or None; datelines opening the body are read later.
        highlights: the summary lines a corpus keeps with the story (CNN/DailyMail
            ``@highlight``), in order.
        furniture: lines of page furniture moved out of the body (captions, share buttons,
            ``ADVERTISEMENT``), in order.
        recognizers: the names of the recognizers that read something, in the order they ran.

    Examples:
        >>> fields, body = read_generic_header("Title: Rain\\nDate: 2021-05-04\\n\\nRain.")
        >>> fields.title, fields.date, body
        ('Rain', datetime.date(2021, 5, 4), 'Rain.')
    """

    date: dt.date | None = None
    title: str | None = None
    byline: str | None = None
    headers: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    dateline: Dateline | None = None
    highlights: tuple[str, ...] = ()
    furniture: tuple[str, ...] = ()
    recognizers: tuple[str, ...] = ()


# What read_generic_header finds in most stories, shared: its headers cannot be changed.
_NOTHING_FOUND = HeaderFields(headers=Headers())


class _HeaderBuilder:
    """Collects fields while the header lines are read; the first value of each field wins."""

    def __init__(self) -> None:
        self.date: dt.date | None = None
        self.title: str | None = None
        self.byline: str | None = None
        self.headers: dict[str, str] = {}
        self.ambiguous_date: str | None = None

    def add(self, key: str, value: str) -> None:
        value = value.strip()
        if key in self.headers:  # a repeated key keeps every value
            self.headers[key] = f"{self.headers[key]}\n{value}"
        else:
            self.headers[key] = value
        if not value:
            return  # kept in the headers, but a field is never empty
        kind = key.lower()
        if kind in _TITLE_KEYS and self.title is None:
            self.title = value
        elif kind in _BYLINE_KEYS and self.byline is None:
            # A byline reads as printed, "By …"; a keyed author gets the "By" it implies.
            if kind == "by":
                self.byline = f"{key} {value}"
            else:
                self.byline = value if value[:3].lower() == "by " else f"By {value}"
        elif kind in _DATE_KEYS and self.date is None:
            # A page's date often carries a time or a second date: "Nov 8, 2023 / 02:40 PM".
            self.date = parse_date(value) or _date_in_page_line(value)
            if self.date is None and self.ambiguous_date is None:
                self.ambiguous_date = value

    def build(self) -> HeaderFields:
        return HeaderFields(
            self.date,
            self.title,
            self.byline,
            dict(self.headers),
            recognizers=("generic header",) if self.headers or self.title or self.date else (),
        )


def _is_date_line(line: str) -> bool:
    """Tell whether the whole line is a date, perhaps an ambiguous one (``04/03/2009``)."""
    found = match_date(line)
    return found is not None and found.end == len(line.rstrip())


_HEADER_INITIALS = frozenset("BbLlUuPp")


def _header_line(line: str) -> tuple[str, str] | None:
    """Return (key, value) if `line` is a header line that names its key."""
    if line[:1] not in _HEADER_INITIALS and ":" not in line:
        return None  # neither a byline, a "Published …" phrase, nor a "Key: value" line
    match = _BYLINE.match(line)
    if match:
        # "By March 3, 2020 …" is a date and "By Monday, the storm had passed." a sentence.
        value = match["value"]
        if len(value) > _MAX_BYLINE or match_date(value) or _NOT_A_NAME.search(value):
            return None
        return match["key"], value
    if line in ("By", "by", "BY"):
        return None
    match = _DATE_PHRASE.match(line)
    if match:
        # "Published reports say …" is prose: the phrase must introduce a date.
        return (match["key"], match["value"]) if _is_date_line(match["value"]) else None
    match = _KEY_VALUE_LINE.match(line)
    if match and match["key"].lower() in _KNOWN_KEYS:
        return match["key"], match["value"]
    return None


def _unknown_key_line(line: str) -> tuple[str, str] | None:
    match = _KEY_VALUE_LINE.match(line)
    return (match["key"], match["value"]) if match else None


def _next_line(lines: list[str], index: int) -> str:
    """Return the next non-blank line after `index`, stripped, or "" at the end."""
    for line in lines[index + 1 :]:
        if line.strip():
            return line.strip()
    return ""


def _looks_like_title(line: str) -> bool:
    # Headlines do not end in a full stop, unless written in capitals (… CORP.). The cheap
    # tests come first: most first lines are paragraphs.
    if len(line) > _MAX_TITLE_LENGTH or (line.endswith(".") and line.upper() != line):
        return False
    if _header_line(line) or _is_date_line(line):
        return False
    return split_dateline(line)[0] is None


def _above_date_line(first: str, upcoming: str) -> bool:
    # The corpus layout puts the title alone above its date line, whatever the title reads
    # like ("(CORRECTED) - BANK UNIT ARRANGES" is no dateline there).
    return (
        _GLUED_DATE_LINE.match(upcoming) is not None
        and len(first) <= _MAX_TITLE_LENGTH
        and not _GLUED_DATE_LINE.match(first)
        and _header_line(first) is None
    )


def _introduces_story(upcoming: str) -> bool:
    """Tell whether `upcoming` is what follows a headline: header, date line or dateline."""
    if not upcoming:
        return False
    if _header_line(upcoming) or _GLUED_DATE_LINE.match(upcoming) or _is_date_line(upcoming):
        return True
    if _NOTE.match(upcoming) or _COPYRIGHT.match(upcoming):
        return True
    dateline, _ = split_dateline(upcoming)
    return dateline is not None and dateline.location is not None


def _glued_byline(text: str) -> tuple[str, str] | None:
    """Split "By Lisa Vaughan, Reuters LONDON, March 30 - …" into the byline and the rest."""
    if not _BYLINE.match(text[:40]):
        return None
    for space in _SPACE.finditer(text, 3, _BYLINE_REACH):
        rest = text[space.end() :]
        dateline, _ = split_dateline(rest)
        if dateline is not None and dateline.location is not None:
            return text[: space.start()], rest
    return None


def _dated_dateline(line: str) -> bool:
    # "HONG KONG, March 27 -" carries its own date, so a date line above it is the header's.
    dateline, _ = split_dateline(line)
    return dateline is not None and dateline.location is not None and dateline.date_text is not None


_SENTENCE_END = (".", "!", "?", ":", ";", ",", '"', "”", "’", ")")


def _headline_above_paragraph(lines: list[str], first: str) -> bool:
    # A web headline stands alone above a blank line and, unlike a paragraph, has no full stop.
    return (
        len(lines) > 2
        and not lines[1].strip()
        and bool(_next_line(lines, 0))
        and not first.endswith(_SENTENCE_END)
    )


def _is_wire_brief(lines: list[str], index: int, line: str) -> bool:
    # A one-line story in capitals is a headline with no body (a wire brief).
    if _next_line(lines, index) or line.upper() != line:
        return False
    return sum(len(word) >= 3 and word.isalpha() for word in line.split()) >= 2


def _capitals_above_text(first: str, upcoming: str) -> bool:
    # Wire copy (NYT, AP) sets the headline in capitals straight above the story's first
    # paragraph, which is written in mixed case and opens a sentence (a line that starts in
    # lower case continues a wrapped one: "BASF AG <BASF.F>" / "said net profit …").
    return (
        bool(upcoming)
        and first.upper() == first
        and upcoming.upper() != upcoming
        and not upcoming[0].islower()
        and any(len(word) >= 3 and word.isalpha() for word in first.split())
    )


_MONTH_DAY = regex.compile(
    rf"\b(?:(?P<month>{MONTH_PATTERN}) (?P<day>[0-3]?[0-9])"
    rf"|(?P<day>[0-3]?[0-9]) (?P<month>{MONTH_PATTERN}))\b"
)


_DATELINE_MONTH = regex.compile(MONTH_PATTERN)


def _resolve_ambiguous_date(found: _HeaderBuilder, lines: list[str]) -> None:
    """Read 04/03/2009 the way another date near the top of the document reads.

    A full date (``Saturday, April 4, 2009``) or a dateline's month and day (``April 4``)
    shows which reading the document uses.
    """
    if found.date is not None or found.ambiguous_date is None:
        return
    opening = [line.strip() for line in lines[:8]]
    shown = {(m.date.month, m.date.day) for line in opening if (m := match_date(line)) and m.date}
    for line in opening[:3]:
        for match in _MONTH_DAY.finditer(line):
            shown.add((MONTHS[match["month"].rstrip(".").lower()], int(match["day"])))
    readings = [
        reading
        for day_first in (True, False)
        if (reading := parse_date(found.ambiguous_date, day_first=day_first)) is not None
    ]
    for reading in readings:
        if (reading.month, reading.day) in shown:
            found.date = reading
            return
    # A dateline's month alone (WASHINGTON, April 5 - under 04/03/1987) shows the order
    # too, when just one reading falls in that month: a story is filed days, not months,
    # from its dateline.
    first = next((line for line in opening if line), "")
    dateline, _ = split_dateline(first)
    month = _DATELINE_MONTH.match(dateline.date_text or "") if dateline else None
    if month is not None:
        in_month = [r for r in readings if r.month == MONTHS[month[0].rstrip(".").lower()]]
        if len(in_month) == 1:
            found.date = in_month[0]


# Web pages print the date on a line of its own near the headline and byline, often with a
# label or a time: "Posted:" / "Nov 8, 2023 / 02:40 PM CST", "Updated June 13, 2019",
# "by Spencer Hsu, Posted: July 18, 2020- 4:01 PM", "Blog Home • October 18, 2019".
_LABEL = (
    any_case("last updated", "updated", "published", "posted", "created")
    + f"(?:{any_case(' on')})?:?"
)
_LABEL_LINE = regex.compile(rf"^(?:{_LABEL}|{any_case('date')}:?)$")
_LABEL_IN_LINE = regex.compile(rf"\b(?P<label>{_LABEL})\h+")
# Some sites print the author's name glued to the time and date: "Ann Lee15:35, Oct 29 2020".
_NAME_BEFORE_TIME = regex.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,3}(?=[0-2]?[0-9]:[0-5][0-9]\b)")
_SEPARATOR = regex.compile(rf"\s*[|•·/]\s*|\s+[-–]\s+|\s+{any_case('by')}\s+")
# A page's own date has a four-digit year of this century or the last: only lines with one
# are looked at closely.
_CENTURIES = ("19", "20")
_DIGITS_AS_ZEROS = bytes.maketrans(
    bytes(range(256)), bytes(0x30 if 0x30 <= code <= 0x39 else 0x20 for code in range(256))
)
_TOP_CHARACTERS = 30_000
_PLAIN_LINES = 80  # an unlabelled date further down is as likely a date in the story
_PAGE_LINE = 160
_DIGIT = regex.compile(r"\d")
_BYLINE_START = regex.compile(r"^(?:By|BY|by)(?:\b|[A-Z])", regex.MULTILINE)


def _date_years(text: str, end: int) -> list[int]:
    """Where, in text[:end], a year of 1900-2099 ends a written date or starts an ISO one.

    A year ends a written date when a day comes shortly before it (``Nov 8, 2023``,
    ``08/11/2023``); it starts an ISO date when a hyphen follows (``2023-11-08``).
    """
    # One byte per character (anything outside ASCII becomes "?"), then every digit "0" and
    # every other byte a space: a four-digit number is a run of exactly four zeros, which
    # bytes.find locates far faster than a regex scan.
    digits = text[:end].encode("ascii", "replace").translate(_DIGITS_AS_ZEROS)
    found = []
    at = digits.find(b"0000")
    while at >= 0:
        run_end = digits.find(b" ", at)
        run_end = len(digits) if run_end < 0 else run_end
        if (
            run_end - at == 4
            and text[at : at + 2] in _CENTURIES
            and (text[run_end : run_end + 1] == "-" or b"0" in digits[max(0, at - 14) : at])
        ):
            found.append(at)
        at = digits.find(b"0000", run_end)
    return found


def _byline_position(body: str) -> int:
    byline = _BYLINE_START.search(body, 0, _TOP_CHARACTERS)
    return byline.start() if byline else len(body)


def _previous_line(text: str, start: int) -> str:
    """Return the last non-blank line ending before `start`, stripped."""
    end = start - 1
    while end > 0:
        begin = text.rfind("\n", 0, end) + 1
        line = text[begin:end].strip()
        if line:
            return line
        end = begin - 1
    return ""


def _page_date(line: str) -> tuple[str, dt.date] | None:
    """Return a date printed on `line` as a page prints its own date, with its label."""
    updated = None
    for label in _LABEL_IN_LINE.finditer(line):
        found = match_date(line[label.end() :])
        if found and found.date:
            if "updated" not in label["label"].lower():
                return label["label"].lower(), found.date
            updated = updated or ("updated", found.date)
    for part in (line, *_SEPARATOR.split(line)):
        if updated and "updated" in part.lower():
            continue
        date = parse_date(part.strip(" |•·,"))
        if date is not None:
            return "", date
    glued = _NAME_BEFORE_TIME.match(line)
    if updated is None and glued is not None:
        date = parse_date(line[glued.end() :])
        if date is not None:
            return "", date
    return updated


def _date_in_page_line(line: str) -> dt.date | None:
    found = _page_date(line)
    return None if found is None else found[1]


def _date_near_top(body: str) -> dt.date | None:
    """Return the publication date printed near the top of a page, if one stands out.

    Only read when the text opens with a page's top (a headline, a menu, a byline), not with
    a paragraph of the story: a page prints its own date above the story.

    A labelled date (``Published``, ``Posted``) wins over an ``Updated`` one, and either over
    an unlabelled date; among unlabelled ones the first after a byline wins, since a date
    printed above the navigation is usually today's, not the story's.
    """
    best: dict[str, dt.date] = {}
    byline_at: int | None = None  # where the byline is, looked up once a date needs it
    done_until = -1
    for year_at in _date_years(body, min(len(body), _TOP_CHARACTERS)):
        start = body.rfind("\n", 0, year_at) + 1
        if start <= done_until:
            continue  # another year on a line already looked at
        end = body.find("\n", year_at + 4)
        end = len(body) if end < 0 else end
        done_until = end
        line = body[start:end].strip()
        if len(line) > _PAGE_LINE:
            continue  # a page prints its date on a short line, not in a paragraph
        found = _page_date(line)
        if found is None:
            continue
        label, date = found
        if not label and _LABEL_LINE.match(_previous_line(body, start)):
            label = "labelled"
        if "updated" in label:
            kind = "updated"
        elif label or line[:2] in ("By", "by", "BY"):
            kind = "labelled"  # labelled, or printed on the byline's own line
        elif start > (byline_at := _byline_position(body) if byline_at is None else byline_at):
            kind = "after byline"
        elif body.count("\n", 0, start) < _PLAIN_LINES:
            kind = "plain"
        else:
            continue
        best.setdefault(kind, date)
        if kind == "labelled":
            break
    for kind in ("labelled", "updated", "after byline", "plain"):
        if kind in best:
            return best[kind]
    return None


def _opens_with_body(top: str) -> bool:
    """Tell, from its first two lines alone, that `top` opens with the story: most stories.

    It never says yes where `read_generic_header`'s line-by-line reading would find a header: the
    first line is no header, date or note line, and cannot be a headline because it is a
    paragraph, or because the line right below it continues it instead of opening a story.
    """
    end = top.find("\n")
    first = (top if end < 0 else top[:end]).strip()
    if (
        first.startswith(_HEADER_STARTS)
        or _header_line(first) is not None
        or (could_start_a_date(first) and _is_date_line(first))
    ):
        return False
    if len(first) > _MAX_TITLE_LENGTH:
        return True
    if first.upper() == first:
        return False  # a headline in capitals: a wire brief, or above the story
    if end < 0:
        return True
    below_end = top.find("\n", end + 1)
    below = (top[end + 1 :] if below_end < 0 else top[end + 1 : below_end]).strip()
    return bool(below) and not _could_introduce_story(below)


def _could_introduce_story(line: str) -> bool:
    # _introduces_story, or the corpus date line that _above_date_line looks for; the full
    # test runs only where the cheap ones that match_date and split_dateline start with pass.
    return (
        line.startswith(_HEADER_STARTS)
        or _header_line(line) is not None
        or ((could_start_a_date(line) or has_spaced_dash(line)) and _introduces_story(line))
    )


def _take_copyright_notice(found: _HeaderBuilder, lines: list[str], index: int) -> int:
    """Move a copyright notice opening lines[index] into the headers; return the body's line.

    The notice runs over the sentences written in capitals, on as many lines as it takes: the
    story starts with the first sentence that holds a small letter.
    """
    line = lines[index].strip()
    if not _COPYRIGHT.match(line):
        return index
    parts: list[str] = []
    while True:
        notice, rest = _notice_prefix(line, first=not parts)
        parts.append(notice)
        if rest:
            lines[index] = rest
            break
        index += 1
        if index == len(lines) or not lines[index].strip() or _has_small_letter(lines[index]):
            break
        line = lines[index].strip()
    found.add("copyright", " ".join(parts))
    return index


def _notice_prefix(line: str, *, first: bool) -> tuple[str, str]:
    # The first sentence of a notice may be in mixed case ("Copyright 2020 The Associated
    # Press."); after it, only sentences in capitals belong to the notice.
    end = 0
    for stop in _SENTENCE_STOP.finditer(line):
        if (end or not first) and _has_small_letter(line[end : stop.end()]):
            return line[:end].strip(), line[end:].strip()
        end = stop.end()
    if (end or not first) and _has_small_letter(line[end:]):
        return line[:end].strip(), line[end:].strip()
    return line, ""


def _has_small_letter(text: str) -> bool:
    return text.upper() != text


def read_generic_header(text: str) -> tuple[HeaderFields, str]:
    """Split `text` into the header fields at its top and the body below them.

    Unknown ``Key: value`` lines count as header only inside a block that also holds a known
    key, so a body that opens with ``Note: …`` stays body. A first line becomes the title when
    header lines, a date line or a paragraph opening with a news dateline follow it, when it
    stands above a blank line, or when it is in capitals, alone (a wire brief) or straight
    above the story; a keyed title below such a first line (``headline: …``) then stays in
    `HeaderFields.headers` as written. A date line that names the weekday and is the last
    before the body (``Tuesday, September 1, 2015``) is left in the body: it is the story's
    dateline. Without a dated header, a web page's own date printed on a short line near the
    top counts (``Posted: Nov 8, 2023``), unless the text opens with a paragraph of the story.

    Examples:
        >>> fields, body = read_generic_header(" date 2020-02-17 Just when it was over.")
        >>> fields.date, body
        (datetime.date(2020, 2, 17), 'Just when it was over.')
        >>> fields, body = read_generic_header("Storm Hits\\nBy Ann Lee\\nDesk: Weather\\n\\nWind.")
        >>> fields.title, fields.byline, dict(fields.headers), body
        ('Storm Hits', 'By Ann Lee', {'By': 'Ann Lee', 'Desk': 'Weather'}, 'Wind.')
        >>> read_generic_header("RATES RISE\\nLONDON, March 3 - Rates rose.")[0].title
        'RATES RISE'
        >>> fields, body = read_generic_header("Storm Hits\\nheadline: Gale warning\\n\\nWind.")
        >>> fields.title, dict(fields.headers), body
        ('Storm Hits', {'headline': 'Gale warning'}, 'Wind.')
        >>> read_generic_header("Date night is back.")[1]
        'Date night is back.'
    """
    top = text.lstrip()
    if _opens_with_body(top):
        # The story itself comes first, so there is no page top above it whose date to read.
        return _NOTHING_FOUND, top.rstrip("\n")
    lines = top.split("\n") if top else []
    found = _HeaderBuilder()
    index = 0
    title_candidate: str | None = None
    if lines:
        first = lines[0].strip()
        upcoming = _next_line(lines, 0)
        if _above_date_line(first, upcoming) or (
            _looks_like_title(first)
            and (
                _introduces_story(upcoming)
                or _is_wire_brief(lines, 0, first)
                or _headline_above_paragraph(lines, first)
                or _capitals_above_text(first, upcoming)
            )
        ):
            title_candidate = first
            index = 1
    saw_known = False
    while index < len(lines):
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        glued = _GLUED_DATE_LINE.match(line)
        if glued:
            if glued["title"]:
                found.add("title", glued["title"])
            found.add("date", glued["date"])
            rest = glued["rest"] or ""
            byline = _glued_byline(rest)
            if byline is not None:
                found.add("By", byline[0].removeprefix("By").removeprefix("by").strip())
                rest = byline[1]
            lines[index] = rest
            if rest:
                break
            index += 1
            continue
        pair = _header_line(line)
        if pair is None and _is_date_line(line):
            found_date = match_date(line)
            upcoming = _next_line(lines, index)
            last_before_body = not (
                upcoming and (_is_date_line(upcoming) or _header_line(upcoming))
            )
            if (
                found_date
                and found_date.weekday
                and not found_date.time
                and last_before_body
                and not _dated_dateline(upcoming)
            ):
                break  # Tuesday, September 1, 2015 above the body: the dateline's date
            pair = ("date", line)
        if pair is None and saw_known:
            pair = _unknown_key_line(line)
        if pair is None:
            break
        saw_known = True
        found.add(*pair)
        index += 1
    if index < len(lines):
        note = _NOTE.match(lines[index].strip())
        if note:
            found.add("note", note["note"])
            lines[index] = note["rest"]
        index = _take_copyright_notice(found, lines, index)
    _resolve_ambiguous_date(found, lines[index:])
    body = "\n".join(lines[index:]).strip("\n")
    if found.date is None:
        found.date = _date_near_top(body)
    if title_candidate is not None:
        # The headline printed on the first line is the title; a keyed title below it
        # (``headline: …``, ``Title: …``, the corpus ``title …``) stays in the headers as
        # written, so neither is lost and no header key is invented for either.
        found.title = title_candidate
    return found.build(), body
