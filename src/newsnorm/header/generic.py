"""The generic header reader: the lines above an article's body, read into typed fields.

It runs after the corpus layouts' recognizers (`newsnorm.header.layouts`) and reads what news
pages and wire copy of no particular corpus put at the top, in any order: the kinds of header
line in `newsnorm.header.lines` (``Key: value`` lines, bylines, date phrases, date lines, the
corpus date line ``date 2020-02-17``, glued to the first paragraph or on its own line), a
headline on the first line (`read_generic_header` says when), the notes of
`newsnorm.header.notes` just above the story, and on a web page's text the page's own date
near the top (`newsnorm.header.page_date`).

Each part that reads something is named in `HeaderFields.recognizers`. The quick path for the
text of most stories, which opens with its first paragraph, follows from the line kinds'
declared beginnings (`opens_with_body`). Whatever is recognised moves out of the body into
`HeaderFields`; nothing is dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import attrs
import regex

from newsnorm.article import Dateline, Headers
from newsnorm.dateline import (
    GATE,
    GATE_REACH,
    KNOWN_AGENCY,
    could_open_dateline,
    opens_with_section,
    split_dateline,
)
from newsnorm.dates import MONTH_PATTERN, MONTHS, match_date, parse_date
from newsnorm.header.lines import (
    BYLINE,
    BYLINE_KEYS,
    DATE_KEYS,
    GLUED_DATE_LINE,
    LINE_KINDS,
    TITLE_KEYS,
    could_be_header_line,
    header_line,
    is_date_line,
    unknown_key_line,
)
from newsnorm.header.notes import is_note_line, read_note, take_copyright_notice
from newsnorm.header.page_date import date_in_page_line, date_near_top
from newsnorm.header.signs import TopSigns
from newsnorm.header.top import Top

__all__ = [
    "HEADER_PARTS",
    "NO_FIELDS",
    "TOP_SIGNS",
    "HeaderFields",
    "opens_with_body",
    "read_generic_header",
    "without_header",
]

HEADER_PARTS = (
    "headline", "corpus date line", "byline", "date phrase", "keyed header", "date line",
    "contributor note", "copyright notice", "page date", "byline role", "repeated headline",
    "page label", "share widget",
)  # fmt: skip
"""The names of the generic reader's parts, as `HeaderFields.recognizers` reports them.

Examples:
    >>> read_generic_header("Rain Returns\\nBy Ann Lee\\n\\nIt rained.")[0].recognizers
    ('headline', 'byline')
"""

_MAX_TITLE_LENGTH = 200
# A header block is a few lines: below this many, header-like lines are the story's (a list of
# dates, a table of "Key: value" rows), and a hostile text of them costs no more than prose.
_MAX_HEADER_LINES = 60
_SPACE = regex.compile(" ")
_BYLINE_REACH = 80  # a byline glued to a dateline is at most this long


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
        recognizers: the names of the recognizers (and the generic reader's parts,
            `HEADER_PARTS`) that read something, in the order they ran.

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


NO_FIELDS = HeaderFields(headers=Headers())
"""What a text with no header gives: no fields. One serves every call, as its headers are
read-only (an `Article` takes them as they are, where a plain dict would be copied each time).

Examples:
    >>> NO_FIELDS.title, dict(NO_FIELDS.headers)
    (None, {})
"""


class _HeaderBuilder:
    """Collects fields while the header lines are read; the first value of each field wins."""

    def __init__(self) -> None:
        self.date: dt.date | None = None
        self.title: str | None = None
        self.byline: str | None = None
        self.headers: dict[str, list[str]] = {}  # a repeated key keeps every value
        self.ambiguous_date: str | None = None
        self.parts: dict[str, None] = {}  # the parts that read something, in order
        self.furniture: list[str] = []

    def add(self, key: str, value: str, part: str) -> None:
        value = value.strip()
        self.headers.setdefault(key, []).append(value)
        self.parts.setdefault(part)
        if not value:
            return  # kept in the headers, but a field is never empty
        kind = key.lower()
        if kind in TITLE_KEYS and self.title is None:
            self.title = value
        elif kind in BYLINE_KEYS and self.byline is None:
            # A byline reads as printed, "By …"; a keyed author gets the "By" it implies.
            if kind == "by":
                self.byline = f"{key} {value}"
            else:
                self.byline = value if value[:3].lower() == "by " else f"By {value}"
        elif kind in DATE_KEYS and self.date is None:
            # A page's date often carries a time or a second date: "Nov 8, 2023 / 02:40 PM".
            self.date = parse_date(value) or date_in_page_line(value)
            if self.date is None and self.ambiguous_date is None:
                self.ambiguous_date = value

    def build(self) -> HeaderFields:
        return HeaderFields(
            self.date,
            self.title,
            self.byline,
            {key: "\n".join(values) for key, values in self.headers.items()},
            furniture=tuple(self.furniture),
            recognizers=tuple(self.parts),
        )


def _next_line(lines: list[str], index: int) -> str:
    """Return the next non-blank line after `index`, stripped, or "" at the end."""
    for later in range(index + 1, len(lines)):  # no copy of the rest: a header can be long
        line = lines[later].strip()
        if line:
            return line
    return ""


# A page's section printed alone above the story ("Investing", "Sports"): no headline.
_SECTION_LABELS = frozenset((
    "news", "world", "world news", "u.s.", "us", "national", "local", "politics", "business",
    "markets", "investing", "money", "finance", "economy", "tech", "technology", "science",
    "health", "sport", "sports", "entertainment", "arts", "culture", "books", "music", "movies",
    "film", "tv", "television", "lifestyle", "style", "fashion", "food", "travel", "real estate",
    "autos", "education", "environment", "weather", "opinion", "opinions", "editorial",
    "editorials", "commentary", "columns", "blogs", "features", "feature", "video", "videos",
    "photos", "gallery", "obituaries", "religion", "crime", "media",
))  # fmt: skip
# A byline's word printed with no name after it.
_BARE_BYLINE = frozenset(("By", "By:", "BY", "BY:", "by"))


# AG News's text field: the headline run into its description, which opens with the agency
# the headline ends with ("Chips Rally (Reuters) Reuters - …") or with a dateline in capitals
# ("Chips Rally  LONDON (Reuters) - …"). The agency in brackets stands in the head the
# dateline's gate looks at, so that the quick path sees it.
_GLUED_HEADLINE = regex.compile(
    rf"^(?P<title>[^\n]{{8,110}}? \((?P<agency>{KNOWN_AGENCY})\)) (?=(?P=agency) [-–—])"
    rf"|^(?P<headline>[^\n]{{8,110}}?) (?=[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){{0,3}}"
    rf"(?:, [A-Z][\p{{L}}.'’-]+(?: [A-Z][\p{{L}}.'’-]+){{0,2}})? \({KNOWN_AGENCY}\) [-–—])"
)


def _glued_headline(line: str) -> tuple[str, str] | None:
    """Split AG News's headline off the description run into it: (headline, description)."""
    if "(" not in line[:GATE_REACH]:
        return None
    match = _GLUED_HEADLINE.match(line)
    if match is None:
        return None
    title = match["title"] or match["headline"]
    if match.end() > GATE_REACH or title[-1:] in ".!?:;,":
        return None  # beyond the gate's head, or a sentence of the story
    if could_be_header_line(title):
        return None  # a byline run into the dateline ("By Ann Lee OSLO (Reuters) -")
    words = title.split()
    if len(words) < 2 or 2 * sum(word[:1].isupper() for word in words) < len(words):
        return None  # a headline is in title case
    return title, line[match.end() :]


def _may_be_title(line: str) -> bool:
    # Headlines do not end in a full stop, unless written in capitals (… CORP.). The cheap
    # tests of `_looks_like_title`, first: most first lines are paragraphs.
    return len(line) <= _MAX_TITLE_LENGTH and not (
        line.endswith(".") and not line.endswith("...") and line.upper() != line
    )


def _page_label(line: str) -> str | None:
    """Name the field a line alone above the story goes to: "section", "furniture", or None."""
    if line in _BARE_BYLINE:
        return "furniture"
    if line.rstrip(":").lower() in _SECTION_LABELS:
        return "section"
    return None


def _looks_like_title(line: str) -> bool:
    if not _may_be_title(line):
        return False
    if line.endswith(_OPEN_DASHES):
        return False  # a dateline whose story starts on the next line ("DENVER —")
    if header_line(line) or is_date_line(line):
        return False
    return split_dateline(line)[0] is None


def _above_date_line(first: str, upcoming: str) -> bool:
    # The corpus layout puts the title alone above its date line, whatever the title reads
    # like ("(CORRECTED) - BANK UNIT ARRANGES" is no dateline there).
    return (
        GLUED_DATE_LINE.match(upcoming) is not None
        and len(first) <= _MAX_TITLE_LENGTH
        and not GLUED_DATE_LINE.match(first)
        and header_line(first) is None
    )


def _kicker_above_dateline(first: str, upcoming: str) -> bool:
    # RCV1 and CoNLL-2003 headlines open with their section in capitals ("HOCKEY - Lions edge
    # Bears."), a known one or one that reads like a dateline with no story after it. Such a
    # line above a dateline with its place is the headline: a story has one dateline, on its
    # first line.
    if len(first) > _MAX_TITLE_LENGTH or upcoming[:1] in ("", "("):
        return False
    if not opens_with_section(first):
        kicker = split_dateline(first)[0]
        if kicker is None or kicker.location is None or kicker.agency or kicker.date_text:
            return False
        if "," in kicker.location or not kicker.location.isupper():
            return False  # a place with its region ("SALEM, Ore."): a dateline, not a section
    # The dateline below names its date or its agency, as a digest's next item ("PARIS - Rates
    # fell.") need not.
    below = split_dateline(upcoming)[0]
    return (
        below is not None
        and below.location is not None
        and (below.date_text is not None or below.agency is not None)
    )


def _introduces_story(upcoming: str) -> bool:
    """Tell whether `upcoming` is what follows a headline: header, date line or dateline."""
    if not upcoming:
        return False
    if header_line(upcoming) or GLUED_DATE_LINE.match(upcoming) or is_date_line(upcoming):
        return True
    if is_note_line(upcoming):
        return True
    dateline, _ = split_dateline(upcoming)
    # A dateline with its place, or an agency's alone: "(Reuters) - …", and AG News's "AP - …"
    # below its headline ("Fountain to close (AP)").
    return dateline is not None and (dateline.location is not None or dateline.agency is not None)


def _glued_byline(text: str) -> tuple[str, str] | None:
    """Split "By Lisa Vaughan, Reuters LONDON, March 30 - …" into the byline and the rest."""
    if not BYLINE.match(text[:40]):
        return None
    for space in _SPACE.finditer(text, 3, _BYLINE_REACH):
        rest = text[space.end() :]
        dateline, _ = split_dateline(rest)
        if dateline is not None and dateline.location is not None:
            return text[: space.start()], rest
    return None


# A byline run into the dateline below it, on the story's first line: "By Ann Lee (Reuters) -
# …", "By Ann Lee and Raj Rao LONDON (Reuters) - …". The names' words are capitalized, not in
# capitals, so a place in capitals after them is the dateline's.
_WRITER = r"[A-Z][\p{Ll}'’][\p{L}'’.-]*(?:\h[A-Z][\p{Ll}'’][\p{L}'’.-]*){1,3}"
_BYLINE_BEFORE_DATELINE = regex.compile(
    rf"By\h{_WRITER}(?:(?:,\h|,?\hand\h){_WRITER}){{0,3}}\h+(?=\(|[A-Z][A-Z'’.-]+\b)"
)


def _byline_before_dateline(line: str) -> tuple[str, str] | None:
    """Split "By Ann Lee (Reuters) - Shares fell." into the byline and the dateline's line."""
    glued = _BYLINE_BEFORE_DATELINE.match(line)
    if glued is None:
        return None
    rest = line[glued.end() :]
    dateline, _ = split_dateline(rest)
    if dateline is None or (dateline.location is None and dateline.agency is None):
        return None
    return glued.group().rstrip(), rest


_COMMA = regex.compile(r",\h+")
# A byline's second line: the writer's role (a few capitalized words ending in one of these)
# or e-mail address.
_ROLE = regex.compile(
    r"(?:[A-Z][\w.&'’-]*\h){0,4}(?:Writer|Reporter|Correspondent|Editor|Columnist|Contributor"
    r"|Staff|Critic|Photographer)s?"
)
_EMAIL = regex.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _byline_role(line: str) -> tuple[str, str, str] | None:
    if _ROLE.fullmatch(line):
        return "role", line, "byline role"
    if _EMAIL.fullmatch(line):
        return "email", line, "byline role"
    return None


def _dated_byline(value: str) -> tuple[str, str] | None:
    """Split a byline's value that ends in a date after a comma: (the name, the date)."""
    for comma in _COMMA.finditer(value):
        if comma.start() and is_date_line(value[comma.end() :]):
            return value[: comma.start()], value[comma.end() :]
    return None


# A page's share widget run into the byline's line: its counter ("2.3K shares", "2.3Kshares")
# or its first button ("Share on Facebook"), and the rest of the line after it.
_SHARE_WIDGET = regex.compile(
    r"\h+(?P<widget>[0-9]+(?:[.,][0-9]+)?[KkMm]?\h?(?:shares|Shares|SHARES)\b.*"
    r"|Share on (?:Facebook|Twitter|X|LinkedIn|WhatsApp)\b.*)$"
)


def _byline_with_widget(value: str) -> tuple[str, str] | None:
    """Split a byline's value that ends in a page's share widget: (the name, the widget)."""
    widget = _SHARE_WIDGET.search(value)
    if widget is None or not widget.start():
        return None
    return value[: widget.start()], widget["widget"]


def _dated_dateline(line: str) -> bool:
    # "HONG KONG, March 27 -" carries its own date, so a date line above it is the header's.
    dateline, _ = split_dateline(line)
    return dateline is not None and dateline.location is not None and dateline.date_text is not None


_SENTENCE_END = (".", "!", "?", ":", ";", ",", '"', "”", "’", ")")
# What may close a headline after its last word: a bracket (a source's credit, an aside) or a
# closing quote after a letter.
_HEADLINE_TAIL = regex.compile(r"\h+\([^()\n]{1,40}\)$|(?<=\p{L})[\"”’]$")
_SHORT_HEADLINE = 100
_OPEN_DASHES = (" —", " --", " –")


def _headline_above_paragraph(lines: list[str], first: str) -> bool:
    # A web headline stands alone above a blank line and, unlike a paragraph, has no full stop.
    if not (len(lines) > 2 and not lines[1].strip() and _next_line(lines, 0)):
        return False
    return _ends_as_headline(first)


def _ends_as_headline(first: str) -> bool:
    if not first.endswith(_SENTENCE_END):
        return True
    # Nor has it once a bracket at its end (a source's credit, "… Bridges (AP)", or an aside)
    # or the quote it closes ("… plan ‘a disgrace’") is set aside; and a short one may ask a
    # question or trail off ("Can Rovers avoid the drop?", "Markets wobble...").
    head = _HEADLINE_TAIL.sub("", first)
    if head and not head.endswith(_SENTENCE_END):
        return True
    return len(first) <= _SHORT_HEADLINE and first.endswith(("?", "...", "…"))


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


def opens_with_body(top: Top) -> bool:
    """Tell, from its first two lines alone, that a text opens with the story: most stories.

    It never says yes where `read_generic_header`'s line-by-line reading would find a header,
    because it asks what each part needs: a header line begins as one of the kinds in
    `newsnorm.header.lines` does (`could_be_header_line`), and a headline on the first line
    is short and stands in capitals, above a blank line, or above a line that introduces a
    story (a header line, a date line, a note, or a dateline with its place or agency), which
    only a line beginning as one of them is asked, or runs into a dateline (AG News's text).

    Examples:
        >>> opens_with_body(Top("Rain fell all day in the city.\\nIt stopped at noon."))
        True
        >>> opens_with_body(Top("Rain Returns\\nBy Ann Lee\\nIt rained."))
        False
    """
    first = top.first
    if could_be_header_line(first) or _glued_headline(first) is not None:
        return False
    if len(first) > _MAX_TITLE_LENGTH:
        return True
    if _in_capitals(first):
        return False  # a headline in capitals: a wire brief, or above the story
    if top.gap_after_first and _may_stand_above_gap(first):
        return False  # a headline or a page's label above a blank line
    second = top.second
    return not (second and _may_stand_below_headline(second))


def _may_stand_below_headline(line: str) -> bool:
    # Only a line that begins as a header line or a dateline does may stand below a headline;
    # its beginning may still be a line of the story's (in wrapped wire copy, "(ICCO), was
    # chosen" and "10.3 pct in February"): ask what the headline's tests ask of the line below.
    if not (could_be_header_line(line) or could_open_dateline(line)):
        return False
    return _introduces_story(line) or GLUED_DATE_LINE.match(line) is not None


def _may_stand_above_gap(first: str) -> bool:
    """Tell whether a first line with a blank line below it may be read for it.

    A page's label is (a section, a bare By), a headline above its story
    (`_headline_above_paragraph`), and a line cut short (``… Can Be ..``, a page's title
    truncated): below them the reader also looks for the page's date. A paragraph, which most
    texts whose paragraphs stand between blank lines open with, is not.

    Examples:
        >>> _may_stand_above_gap("Storm Hits Coast"), _may_stand_above_gap("Sports")
        (True, True)
        >>> _may_stand_above_gap("The storm hit the coast on Monday, officials said.")
        False
        >>> _may_stand_above_gap("Storm Warnings Are Lifted For The Coast As Winds Ease ..")
        True
    """
    if _page_label(first) is not None or first.endswith(".."):
        return True
    return _may_be_title(first) and _ends_as_headline(first)


def _in_capitals(line: str) -> bool:
    return line.upper() == line


def _headline_in_capitals(first: str, _text: str) -> bool:
    return first.upper() == first


TOP_SIGNS = TopSigns(
    openings=tuple(opening for kind in LINE_KINDS for opening in kind.openings),
    key=True,  # the keyed header's colon (`LINE_KINDS`)
    confirm=could_be_header_line,  # what `opens_with_body` asks of the first line
    confirm_below=_may_stand_below_headline,  # and of the second
    first_test=_headline_in_capitals,
    gap_test=_may_stand_above_gap,
    head_marks=GATE,  # a headline run into a dateline (`_glued_headline`)
    below_marks=GATE,  # a dateline form's mark and literal (`could_open_dateline`)
    head=GATE_REACH,
    lines=2,
    short=_MAX_TITLE_LENGTH,
)
"""What the first two lines show wherever `opens_with_body` says no: how a kind of header line
opens, a keyed line's colon, a short first line in capitals, a second line that may open a
dateline, and a first line above a blank line that may be a headline or a page's label.

Examples:
    >>> TOP_SIGNS.lines, "by" in TOP_SIGNS.openings
    (2, True)
"""


def without_header(text: str) -> tuple[HeaderFields, str]:
    """Read no header: no fields, and the text as the body.

    This is what `read_generic_header` gives for a text that opens with the story.

    Examples:
        >>> without_header("\\n  Rain fell.\\n")
        (HeaderFields(...), 'Rain fell.')
    """
    return NO_FIELDS, text.lstrip().rstrip("\n")


def read_generic_header(text: str, top: Top | None = None) -> tuple[HeaderFields, str]:
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
    A page's section alone above a blank line (``Investing``) goes to the ``section`` header
    and a bare ``By`` to the furniture, and the top is read from the line below; AG News's
    headline run into its description (``Chips Rally (Reuters) Reuters - …``) is the title.
    `top` is the text's `Top` when the caller has one.

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
        >>> fields, body = read_generic_header("Sports\\n\\nLions Win\\n\\nThe Lions won.")
        >>> fields.title, dict(fields.headers), body
        ('Lions Win', {'section': 'Sports'}, 'The Lions won.')
    """
    if opens_with_body(Top(text) if top is None else top):
        # The story itself comes first, so there is no page top above it whose date to read.
        return without_header(text)
    opening = text.lstrip()
    lines = opening.split("\n") if opening else []
    found = _HeaderBuilder()
    index = 0
    title_candidate: str | None = None
    while len(lines) > 1 and not lines[1].strip() and (label := _page_label(lines[0].strip())):
        # A page's section or a bare "By" alone above a blank line: the top goes on below it.
        if label == "section":
            found.add("section", lines[0], "page label")
        else:
            found.furniture.append(lines[0].strip())
            found.parts.setdefault("page label")
        lines = "\n".join(lines[1:]).lstrip().split("\n")
    glued_headline = _glued_headline(lines[0].strip()) if lines else None
    if glued_headline is not None:
        title_candidate = glued_headline[0]
        found.parts.setdefault("headline")
        lines[0] = glued_headline[1]  # the description, its dateline first
    elif lines:
        first = lines[0].strip()
        upcoming = _next_line(lines, 0)
        if (
            _above_date_line(first, upcoming)
            or (
                _looks_like_title(first)
                and (
                    _introduces_story(upcoming)
                    or _is_wire_brief(lines, 0, first)
                    or _headline_above_paragraph(lines, first)
                    or _capitals_above_text(first, upcoming)
                )
            )
            # Last: it reads both lines' datelines again, and only a line that reads as one
            # and no title gets this far.
            or _kicker_above_dateline(first, upcoming)
        ):
            title_candidate = first
            found.parts.setdefault("headline")
            index = 1
    saw_known = False
    while index < min(len(lines), _MAX_HEADER_LINES):
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        glued = GLUED_DATE_LINE.match(line)
        if glued:
            if glued["title"]:
                found.add("title", glued["title"], "corpus date line")
            found.add("date", glued["date"], "corpus date line")
            rest = glued["rest"] or ""
            byline = _glued_byline(rest)
            if byline is not None:
                found.add("By", byline[0].removeprefix("By").removeprefix("by").strip(), "byline")
                rest = byline[1]
            lines[index] = rest
            if rest:
                break
            index += 1
            continue
        pair = header_line(line)
        if pair is None and is_date_line(line):
            found_date = match_date(line)
            upcoming = _next_line(lines, index)
            last_before_body = not (upcoming and (is_date_line(upcoming) or header_line(upcoming)))
            if (
                found_date
                and found_date.weekday
                and not found_date.time
                and last_before_body
                and not _dated_dateline(upcoming)
            ):
                break  # Tuesday, September 1, 2015 above the body: the dateline's date
            pair = ("date", line, "date line")
        if pair is None and saw_known:
            unknown = unknown_key_line(line)
            pair = None if unknown is None else (*unknown, "keyed header")
        if pair is None:
            break
        saw_known = True
        is_byline = pair[2] == "byline"
        if is_byline and (dated := _dated_byline(pair[1])) is not None:
            # "By Ann Lee, August 14, 2020 2:30 pm": the name, then the date
            found.add(pair[0], dated[0], "byline")
            found.add("date", dated[1], "date line")
        elif is_byline and (widget := _byline_with_widget(pair[1])) is not None:
            # "By Ann Lee 2.3K shares Share on Facebook": the name, the widget to the furniture
            found.add(pair[0], widget[0], "byline")
            found.furniture.append(widget[1])
            found.parts.setdefault("share widget")
        else:
            found.add(*pair)
        index += 1
    if found.byline is not None:
        # Below a web page's byline, the writer's role and address, each on a line of its
        # own ("Staff Writer", "ann.lee@example.com").
        while index < len(lines) and (role := _byline_role(lines[index].strip())) is not None:
            found.add(*role)
            index += 1
    if (
        title_candidate is not None
        and index < len(lines)
        and lines[index].strip() == title_candidate
    ):
        # The page's text opens with its headline again (a dump that put the title above it).
        found.furniture.append(title_candidate)
        found.parts.setdefault("repeated headline")
        index += 1
        while index < len(lines) and not lines[index].strip():
            index += 1
    if index < len(lines) and found.byline is None and lines[index][:3] == "By ":
        above = _byline_before_dateline(lines[index])
        if above is not None:
            found.add("By", above[0][3:], "byline")
            lines[index] = above[1]
    if index < len(lines):
        note = read_note(lines[index].strip())
        if note is not None:
            found.add("note", note[0], "contributor note")
            lines[index] = note[1]
        notice, index = take_copyright_notice(lines, index)
        if notice is not None:
            found.add("copyright", notice, "copyright notice")
    _resolve_ambiguous_date(found, lines[index:])
    body = "\n".join(lines[index:]).strip("\n")
    if found.date is None:
        found.date = date_near_top(body)
        if found.date is not None:
            found.parts.setdefault("page date")
    if title_candidate is not None:
        # The headline printed on the first line is the title; a keyed title below it
        # (``headline: …``, ``Title: …``, the corpus ``title …``) stays in the headers as
        # written, so neither is lost and no header key is invented for either.
        found.title = title_candidate
    return found.build(), body
