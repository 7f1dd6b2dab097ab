"""Header extraction: the lines above an article's body, read into typed fields.

Recognised at the top of a document, in any order:

- the corpus date line ``date 2020-02-17``, glued to the first paragraph or on its own line,
  optionally after ``title …`` on the same line;
- ``Key: value`` lines (``Title:``, ``By:``, ``Date:``, ``Source:`` …; unknown keys are kept);
- ``By …`` bylines and ``Published on …`` / ``Posted on …`` / ``Updated …`` date lines;
- a headline on the first line, when header lines follow it.

Whatever is recognised moves out of the body into `HeaderFields`; nothing is dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import attrs
import regex

from newsnorm.dates import parse_date

__all__ = ["HeaderFields", "split_header"]

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
    r"^(?P<key>[A-Za-z][A-Za-z_-]*(?: [A-Za-z][A-Za-z_-]*){0,2}):\s*(?P<value>\S.*)$"
)
_BYLINE = regex.compile(r"^(?P<key>by|BY|By)\s*(?P<value>[A-Z].*)$")
_DATE_PHRASE = regex.compile(
    r"^(?P<key>(?:last )?updated|published(?: on| at)?|posted(?: on| at)?)\s+(?P<value>\S.*)$",
    regex.IGNORECASE,
)
_MAX_TITLE_LENGTH = 200


@attrs.frozen
class HeaderFields:
    """The metadata found above an article's body.

    Attributes:
        date: the publication date, if a header states a full one.
        title: the headline, or None.
        byline: the byline as printed, without a ``By:`` key but with a leading ``By``.
        headers: every keyed header line found, key as written -> value as written.

    Example:
        >>> fields, body = split_header("Title: Rain\\nDate: 2021-05-04\\n\\nIt rained.")
        >>> fields.title, fields.date, body
        ('Rain', datetime.date(2021, 5, 4), 'It rained.')
    """

    date: dt.date | None = None
    title: str | None = None
    byline: str | None = None
    headers: Mapping[str, str] = attrs.field(factory=dict, hash=False)


class _HeaderBuilder:
    """Collects fields while the header lines are read; the first value of each field wins."""

    def __init__(self) -> None:
        self.date: dt.date | None = None
        self.title: str | None = None
        self.byline: str | None = None
        self.headers: dict[str, str] = {}

    def add(self, key: str, value: str) -> None:
        value = value.strip()
        if key in self.headers:  # a repeated key keeps every value
            self.headers[key] = f"{self.headers[key]}\n{value}"
        else:
            self.headers[key] = value
        kind = key.lower()
        if kind in _TITLE_KEYS and self.title is None:
            self.title = value
        elif kind in _BYLINE_KEYS and self.byline is None:
            self.byline = value if kind != "by" else f"{key} {value}"
        elif kind in _DATE_KEYS and self.date is None:
            self.date = parse_date(value)

    def build(self) -> HeaderFields:
        return HeaderFields(self.date, self.title, self.byline, dict(self.headers))


def _header_line(line: str) -> tuple[str, str] | None:
    """Return (key, value) if `line` is a header line that names its key."""
    match = _BYLINE.match(line)
    if match:
        # "By March 3, 2020 …" is a date, never a name.
        return None if parse_date(match["value"]) else (match["key"], match["value"])
    match = _DATE_PHRASE.match(line)
    if match:
        # "Published reports say …" is prose: the phrase must introduce a date.
        return (match["key"], match["value"]) if parse_date(match["value"]) else None
    match = _KEY_VALUE_LINE.match(line)
    if match and match["key"].lower() in _KNOWN_KEYS:
        return match["key"], match["value"]
    return None


def _unknown_key_line(line: str) -> tuple[str, str] | None:
    match = _KEY_VALUE_LINE.match(line)
    return (match["key"], match["value"]) if match else None


def _precedes_header(line: str, following: list[str]) -> bool:
    """Whether `line` is a headline: short, and followed directly by a header line."""
    if len(line) > _MAX_TITLE_LENGTH or not following:
        return False
    upcoming = following[0].strip()
    return bool(_header_line(upcoming) or _GLUED_DATE_LINE.match(upcoming))


def split_header(text: str) -> tuple[HeaderFields, str]:
    """Split `text` into the header fields at its top and the body below them.

    Unknown ``Key: value`` lines count as header only inside a block that also holds a known
    key, so a body that opens with ``Note: …`` stays body. A first line becomes the title only
    when header lines follow it.

    Example:
        >>> fields, body = split_header(" date 2020-02-17 Just when we thought it was over.")
        >>> fields.date, body
        (datetime.date(2020, 2, 17), 'Just when we thought it was over.')
        >>> fields, body = split_header("Storm Hits Coast\\nBy Ann Lee\\nDesk: Weather\\n\\nWind.")
        >>> fields.title, fields.byline, dict(fields.headers), body
        ('Storm Hits Coast', 'By Ann Lee', {'By': 'Ann Lee', 'Desk': 'Weather'}, 'Wind.')
        >>> split_header("Date night is back.")[1]
        'Date night is back.'
    """
    lines = text.lstrip().split("\n") if text.strip() else []
    found = _HeaderBuilder()
    index = 0
    title_candidate: str | None = None
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
            lines[index] = rest
            if rest:
                break
            index += 1
            continue
        pair = _header_line(line)
        if pair is None and found.date is None and parse_date(line):
            pair = ("date", line)
        if pair is None and saw_known:
            pair = _unknown_key_line(line)
        if pair is None and index == 0 and _precedes_header(line, lines[1:2]):
            title_candidate = line
            index += 1
            continue
        if pair is None:
            break
        saw_known = True
        found.add(*pair)
        index += 1
    if title_candidate is not None:
        found.title = found.title or title_candidate
        if found.title != title_candidate:
            found.headers.setdefault("headline", title_candidate)
    body = "\n".join(lines[index:]).strip("\n")
    return found.build(), body
