"""A web page's own date, printed on a short line near the top of its text.

Web pages print the date near the headline and the byline, often with a label or a time
(``Posted: Nov 8, 2023 / 02:40 PM CST``, ``Updated June 13, 2019``), and sometimes today's date
above the navigation. `date_near_top` picks the one that is the story's.
"""

from __future__ import annotations

import datetime as dt

import regex

from newsnorm.dates import match_date, parse_date
from newsnorm.header.lines import BY, DATE_LABELS
from newsnorm.patterns import any_case

__all__ = ["date_in_page_line", "date_near_top"]

# Web pages print the date on a line of its own near the headline and byline, often with a
# label or a time: "Posted:" / "Nov 8, 2023 / 02:40 PM CST", "Updated June 13, 2019",
# "by Spencer Hsu, Posted: July 18, 2020- 4:01 PM", "Blog Home • October 18, 2019".
_LABEL = any_case(*DATE_LABELS) + f"(?:{any_case(' on')})?:?"
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
# A list's item ("- Bridge work delayed - October 9, 2020"): a related story's date.
_LIST_ITEMS = ("- ", "• ", "* ", "· ", "– ")
_MAX_LABELS = 4  # a page's date line has a label or two ("Posted … | Updated …")
_DATE_REACH = 100  # a date with its weekday, time and zone is shorter than this
_BYLINE_START = regex.compile(rf"^(?:{BY})(?:\b|[A-Z])", regex.MULTILINE)


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
    for number, label in enumerate(_LABEL_IN_LINE.finditer(line)):
        if number == _MAX_LABELS:
            break  # a line of labels is no page's date line: its time stays linear
        found = match_date(line[label.end() : label.end() + _DATE_REACH])
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


def date_in_page_line(line: str) -> dt.date | None:
    """Return the date a page prints on `line` (``Nov 8, 2023 / 02:40 PM CST``), if any.

    Examples:
        >>> date_in_page_line("by Ann Lee, Posted: July 18, 2020- 4:01 PM")
        datetime.date(2020, 7, 18)
    """
    found = _page_date(line)
    return None if found is None else found[1]


def date_near_top(body: str) -> dt.date | None:
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
        if len(line) > _PAGE_LINE or line[:2] in _LIST_ITEMS:
            continue  # a page prints its date on a short line, not in a paragraph or a list
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
