"""Page furniture: what a web page prints around a story, left in its text by a scraper.

Web pages scraped to plain text keep, above the story and sometimes inside it, lines that are
no part of it. A line is furniture only when its form shows it:

- a fixed phrase of the page's widgets, the whole line (``ADVERTISEMENT``, ``View full size
  image``, ``E-mail to a friend``, ``Media playback is unsupported on your device``) or glued
  to the end of another line (``Credit: NASA View full size image``);
- a row of share buttons (``Share Pin It More Galleries``): near the top, the whole paragraph
  that holds one is a gallery widget;
- a picture's or video's widget phrase opening a line, its caption or credit after it
  (``Image copyright Reuters``, ``Media caption The scene on Monday``);
- a photo's caption, ended by its credit (``… on Monday. (AP Photo/Ann Lee)``);
- a gallery caption's numbering (``1 of 2. A general view of …``) and a credit label with a
  name (``Credit: NASA``, ``Photo: Ann Lee/Reuters``);
- an editor's note or a correction set above the story (``(Editor's note: …)``);
- sentences from the top of the text down to a wire dateline (``People walk past … May 13,
  2014.`` / ``MUMBAI (Reuters) - …``), with only furniture between them: the story starts at
  its dateline, so those are captions.

Other lines are fields: a BBC ``2 November 2014 Last updated at 17:20 GMT`` line gives the
date, a ``Ann Lee | Staff Writer | Tuesday, 25 November 2014`` line the byline (the bare name,
as printed) and the date, and a ``Story highlights`` block the highlights. Every line moved
keeps its text in a field: furniture, highlights, or the headers.
"""

from __future__ import annotations

import datetime as dt

import regex

from newsnorm.dateline import GATE, GATE_REACH, could_open_dateline, split_dateline
from newsnorm.dates import MONTH_PATTERN, parse_date
from newsnorm.header.recognizer import Found, Recognizer
from newsnorm.header.signs import MARK_REACH, TopSigns
from newsnorm.header.top import Top

__all__ = ["CAPTION_OPENINGS", "GLUED_PHRASES", "LINE_PHRASES", "RECOGNIZER", "read_page_furniture"]

LINE_PHRASES = (
    "ADVERTISEMENT", "Advertisement", "View full size image", "View gallery",
    "E-mail to a friend", "Email to a friend", "Share this article", "Print this article",
    "Related article »", "Related articles »", "Media playback is unsupported on your device",
    "Media playback is not supported on this device", "Image caption", "Image copyright",
    "Continue reading the main story", "Enlarge this image", "Scroll down for video",
    "Share This Video", "Share this video", "Terms of Use Privacy Policy",
)  # fmt: skip
"""The widget phrases that make a line furniture when they are the whole line.

Examples:
    >>> "ADVERTISEMENT" in LINE_PHRASES, "Advertising" in LINE_PHRASES
    (True, False)
"""

GLUED_PHRASES = (
    "View full size image", "Related article »", "Related articles »", "E-mail to a friend",
    "Inappropriate video? Alert us.", "Media playback is unsupported on your device",
)  # fmt: skip
"""The widget phrases distinctive enough to be furniture where they end another line.

Examples:
    >>> "View full size image" in GLUED_PHRASES
    True
"""

CAPTION_OPENINGS = (
    "Media playback is unsupported on your device",
    "Media playback is not supported on this device",
    "Media caption", "Image copyright", "Image caption", "Enlarge this image",
)  # fmt: skip
"""The widget phrases of a picture or video (the BBC's, NPR's) that make a line furniture when
they open it: the caption or the credit follows on the same line.

Examples:
    >>> "Image caption" in CAPTION_OPENINGS
    True
"""

_LINE_PHRASE_SET = frozenset(LINE_PHRASES)
_GLUED_ENDINGS = tuple(f" {phrase}" for phrase in GLUED_PHRASES)
_UPDATE_STAMP = " Last updated at "
# Reuters sets its advisories above a story in brackets: "(Adds quotes, byline)", "(Updates
# with closing prices)", "(Corrects name in paragraph 3)", "(In Dec. 25 story, corrects …)".
_ADVISORY_VERBS = (
    "Adds", "Updates", "Corrects", "Refiles", "Recasts", "Repeats", "Fixes", "Removes",
    "Inserts", "Changes", "Clarifies",
)  # fmt: skip
# How a note `_NOTE` reads can open: a bracket alone opens too many lines of a story.
_NOTE_STARTS = (
    "(Editor",
    "(EDITOR",
    "(Corr",
    "(CORR",
    "(Clar",
    "(CLAR",
    "(This ",
    *(f"({verb} " for verb in _ADVISORY_VERBS),
    "(In ",
    "Editor",
    "EDITOR",
)
# The BBC's share panel, a button a line, left in the text of its pages (XSum's story
# sections): "Share this with", then "Email", "Facebook", … "Copy this link", "These are
# external links and will open in a new window". Read wherever it stands, as ADVERTISEMENT.
_SHARE_PANEL_OPENING = "Share this with"
_SHARE_BUTTONS = (
    "Email", "Facebook", "Messenger", "Twitter", "Pinterest", "WhatsApp", "LinkedIn", "Reddit",
    "Google+", "Copy this link", "These are external links and will open in a new window",
)  # fmt: skip
_SHARE_PANEL = regex.compile(
    rf"^{_SHARE_PANEL_OPENING}\h*\n"
    rf"(?:\h*(?:{'|'.join(map(regex.escape, _SHARE_BUTTONS))})\h*(?:\n|\Z)){{2,}}",
    regex.M,
)
_DATELINE_REACH = 120
# Inside the story, widget lines are looked for on a page that shows furniture at its top,
# and ADVERTISEMENT lines on any.
# A row of three or more share buttons: "Share Pin It More Galleries", "Tweet Email Print"
# (a row holds one of `_BUTTON_MARKS`).
_BUTTON = (
    r"(?:Share|Tweet|Pin It|Email|E-mail|Print|More|Galleries|Facebook|Twitter|LinkedIn"
    r"|WhatsApp|Reddit|Comments)"
)
_BUTTON_ROW = regex.compile(rf"(?<!\S){_BUTTON}(?: {_BUTTON}){{2,}}(?!\S)")
_WIDGET_LINE = 800  # a widget paragraph near the top is at most this long
_CAPTION_NUMBER = regex.compile(r"^(?P<n>[1-9][0-9]{0,2}) of (?P<m>[1-9][0-9]{0,2})\.\h+\S")
# A credit label and a name: "Credit: NASA", "Photo: Ann Lee/Reuters", "Image credit: AFP".
_CREDIT_LABELS = (
    "Credit", "Credits", "Photo credit", "Image credit", "Picture credit", "Photo", "Photograph",
    "Picture", "Image",
)  # fmt: skip
_CREDIT_LABEL = "(?:" + "|".join(sorted(_CREDIT_LABELS, key=len, reverse=True)) + ")"
_LABELS_IN_TEXT = tuple(f"{label}:" for label in _CREDIT_LABELS)
_CREDIT = regex.compile(
    rf"^{_CREDIT_LABEL}"
    r":\h*(?P<who>[A-Z©(][^\s]*(?: (?:[A-Z©(/&][^\s]*|via|for|of|and|/))*)$"
)
_MAX_CREDIT = 60
# An editor's note or a correction set above the story, in brackets or with a colon.
_NOTE_OPENING = (
    r"(?:(?:Editor['’]s [Nn]ote|EDITOR['’]S NOTE|Correction|CORRECTION|Clarification"
    r"|CLARIFICATION|Corrected|This story|This article"
    r"|This version of (?:the|this)\h[^()\n]{0,40}?\b(?:story|article|item))\b"
    rf"|(?:{'|'.join(_ADVISORY_VERBS)})\h|In\h[^()\n]{{1,40}}?\h(?:story|item|article),)"
)
_NOTE = regex.compile(rf"^(?:\({_NOTE_OPENING}.*\)|(?:Editor['’]s [Nn]ote|EDITOR['’]S NOTE):\h.*)$")
_NOTE_COLON = regex.compile(r"(?:Editor['’]s [Nn]ote|EDITOR['’]S NOTE):\h")
_MAX_NOTE = 500  # an editor's note is a few sentences
# What shows a sentence to be a photo's caption: the day it was taken, written out at its end
# ("… in Mumbai May 13, 2014."), or a credit's word.
_CAPTION_MARK = regex.compile(
    rf"(?:{MONTH_PATTERN} [0-9]{{1,2}}, (?:19|20)[0-9]{{2}}\.?[\h)]*$"
    r"|\b(?:Photo|photo|Picture|Getty|REUTERS/|Reuters/|AFP/|AP/|EPA/|Images?\b))"
)
# Between two sentences: where a story run into a note may begin.
_SENTENCE_GAP = regex.compile(r"[.!?][\"”’)]?\h+(?=\S)")
# A bracketed note at the start of a line that goes on (a text that lost its line breaks):
# brackets inside it are balanced, one deep.
_GLUED_NOTE = regex.compile(rf"^\({_NOTE_OPENING}[^()\n]*+(?:\([^()\n]*+\)[^()\n]*+)*+\)\h+(?=\S)")
# A photo's caption ends with its credit in brackets: "(AP Photo/Ann Lee, File)", "(Reuters
# Photo by Ann Lee)", "(Ann Lee / Staff Photographer)".
_PHOTO_CREDIT = regex.compile(
    r"\((?:[A-Z][\w.&-]*\h)?Photo(?:/|\hby\h)[^()\n]{1,80}\)$"
    r"|\([^()\n]{1,60}/\h?(?:Staff\h)?Photographer\)$"
)


# An agency photo's caption that names who gave the picture out: "In this image provided by
# Harbor Films, …", "In this Aug. 3, 2019, photo released by the Navy, …".
_PROVIDED_OPENING = "In this "
_PROVIDED_CAPTION = regex.compile(
    r"^In this (?:[\w.,/'’-]+ ){0,5}?(?:photo|image|photograph|picture|video image|frame grab"
    r"|handout photo|file photo|screenshot|still image)(?: taken from video)?,? (?:provided"
    r"|released|taken|made available|distributed|shared) by [^,\n]{2,80},"
)


# A photo's credit alone on a line at the top, the photographer and the agency or library
# that gave the picture out ("Ann Lee / AP", "By Ray Moss/WireImage."), perhaps once for each
# picture (a page prints "Ann Lee / AP i Ann Lee / AP", the i of an info button between them).
_PHOTO_SOURCES = (
    "AP", "AP Photo", "Associated Press", "Reuters", "REUTERS", "AFP", "Getty Images", "Getty",
    "AFP via Getty Images", "EPA", "EPA-EFE", "WireImage", "FilmMagic", "Shutterstock",
    "Bloomberg", "Xinhua", "PA", "PA Images", "PA Wire", "Alamy", "REX", "Rex Features",
    "Corbis", "NurPhoto", "SIPA", "ZUMA Press", "USA TODAY Sports", "Imagn", "NASA", "iStock",
)  # fmt: skip
_PHOTO_SOURCE = "(?:" + "|".join(sorted(map(regex.escape, _PHOTO_SOURCES), key=len)[::-1]) + ")"
_ONE_PHOTO_CREDIT = rf"[A-Z][\p{{L}}'’.-]+(?:\h[A-Z][\p{{L}}'’.-]+){{0,3}}\h?/\h?{_PHOTO_SOURCE}"
_PHOTO_CREDITS = rf"{_ONE_PHOTO_CREDIT}(?:\h(?:i|\|)\h{_ONE_PHOTO_CREDIT})*"
# With a By, a page may end the credit with a stop, as a byline.
_PHOTO_CREDIT_LINE = regex.compile(rf"^(?:{_PHOTO_CREDITS}|By\h{_PHOTO_CREDITS}\.?)$")
# How such a line ends without a By: its last source (the quick path's sign; a By opens the
# others, `_PHOTO_CREDIT_BY`).
_PHOTO_CREDIT_ENDINGS = tuple(f"{joint}{source}" for source in _PHOTO_SOURCES for joint in "/ ")
_PHOTO_CREDIT_BY = "By "


def _is_photo_credit_line(line: str) -> bool:
    return (
        line.endswith(_PHOTO_CREDIT_ENDINGS) or line.startswith(_PHOTO_CREDIT_BY)
    ) and _PHOTO_CREDIT_LINE.match(line) is not None


def _is_provided_caption(line: str) -> bool:
    return line.startswith(_PROVIDED_OPENING) and _PROVIDED_CAPTION.match(line) is not None


def _ends_with_photo_credit(line: str) -> bool:
    # The credit is short: only the line's end is searched.
    return line[-1:] == ")" and _PHOTO_CREDIT.search(line, max(0, len(line) - 100)) is not None


# A Reuters page's location label above the story: "CAIRO |", "NEW YORK |".
_PLACE_LABEL = regex.compile(r"^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3} \|$")
# Summary bullets above the byline or the dateline (Reuters): "* Shares fell 3 pct".
_BULLET_MARKS = ("* ", "• ")
# BBC: "2 November 2014 Last updated at 17:20 GMT".
_LAST_UPDATED = regex.compile(r"^(?P<day>\S.{4,40}?) Last updated at (?P<time>\S.{0,20})$")
# The same stamp run into the story's first paragraph, as dumps that lost the line break print
# it: its time and zone tell where it ends.
_GLUED_STAMP = regex.compile(
    r"^(?P<stamp>\S.{4,40}? Last updated at [0-9]{1,2}:[0-9]{2} (?:GMT|BST)) (?=\S)"
)
# "Ann Lee | Staff Writer | Tuesday, 25 November 2014": name, role perhaps, date.
# The name's later words may open with a small prefix (deCasparis) or be a particle (van).
_BAR_BYLINE = regex.compile(
    r"^(?P<name>[A-Z][\p{L}'’.-]+"
    r"(?: (?:(?:de|da|di|van|von|der|del|la|le) )?(?:\p{Ll}{1,3})?[A-Z][\p{L}'’.-]+){1,3})"
    r"(?: \| (?P<role>[A-Z][\p{L}'’-]*(?: [\p{L}'’-]+){0,4}))? \| (?P<date>[^|]{6,60})$"
)
_RELATIVE_DATE = regex.compile(
    r"(?i:(?:\d{1,3}|an?|one) (?:second|minute|hour|day|week|month|year)s? ago|yesterday|today)$"
)
# A sports agency's photo caption: its date, place and picture, then the credit it requires
# ("Dec 27, 2014; Akron, OH, USA; Zips guard Tim Lee drives. Mandatory Credit: Ann Lee-…").
_SPORTS_CAPTION = regex.compile(
    rf"^(?:{MONTH_PATTERN}) [0-3]?[0-9], [0-9]{{4}}; [^\n]*\bMandatory Credit: "
)
_MANDATORY_CREDIT = "Mandatory Credit: "
# A page's picture number alone on a line, below its caption ("4419915").
_PICTURE_NUMBER_DIGITS = 5
_HIGHLIGHTS = "Story highlights"
_MAX_HIGHLIGHTS = 6
_CLOSERS = "\"'”’)"
_STOPS = (".", "!", "?")
_KEY_START = regex.compile(r"^(?:By |BY |[A-Z][A-Za-z ]{0,20}:)")
_TOP_LINES = 8  # furniture above a story sits within its first lines
_FIRST_LINES = 2  # and shows on the first two
_CAPTION_RUN = 3  # captions and promotions above a dateline: at most this many lines
_TOP_CHARACTERS = 6000
_STORY_PARAGRAPH = 300  # a longer line near the top is the story (or a widget), no caption
_MIN_CAPTION_WORDS = 4


def _may_open_dateline(line: str) -> bool:
    """Tell whether `line` has near its start what every dateline has.

    That is a spaced or long dash, an underscore, or an agency in brackets (``(Reuters)``).
    """
    head = line[:_DATELINE_REACH]
    if " -" in head or "- " in head or "—" in head or "–" in head or " _" in head:
        return True
    bracket = head.find("(")
    return bracket >= 0 and head[bracket + 1 : bracket + 2].isupper()


def _caption_shown(lines: list[str], captions: list[int]) -> bool:
    # Whether one of the sentences above a dateline shows a caption's mark (a photo's date or
    # credit). Without that, and without other furniture at the top, they are a standfirst or
    # a summary, and stay.
    return any(_CAPTION_MARK.search(lines[index]) for index in captions)


def _note_before_dateline(line: str) -> tuple[str, str] | None:
    """Split an editor's note from the story run into it, at a dateline after a sentence.

    Returns (the note, the rest), or None when no dateline follows a sentence of the note.
    """
    if not _NOTE_COLON.match(line):
        return None
    for gap in _SENTENCE_GAP.finditer(line, 0, _MAX_NOTE):
        rest = line[gap.end() :]
        if _is_dateline(rest):
            return line[: gap.end()].rstrip(), rest
    return None


def _is_dateline(line: str) -> bool:
    if not _may_open_dateline(line):
        return False
    dateline, _ = split_dateline(line)
    return dateline is not None and (dateline.location is not None or dateline.agency is not None)


def _ends_sentence(line: str) -> bool:
    return line.rstrip(_CLOSERS).endswith(_STOPS)


def _could_be_caption(line: str) -> bool:
    """Tell whether `line` is a sentence in mixed case, as captions are, and no header line."""
    return (
        len(line) <= _STORY_PARAGRAPH
        and _ends_sentence(line)
        and line.upper() != line
        and len(line.split()) >= _MIN_CAPTION_WORDS
        and _KEY_START.match(line) is None
    )


class _Reading:
    """What the reader has found so far; the first byline and date win."""

    def __init__(self) -> None:
        self.byline: str | None = None
        self.date: dt.date | None = None
        self.headers: list[tuple[str, str]] = []
        self.highlights: list[str] = []
        self.furniture: list[str] = []

    def found(self) -> Found:
        return Found(
            byline=self.byline,
            date=self.date,
            headers=tuple(self.headers),
            highlights=tuple(self.highlights),
            furniture=tuple(self.furniture),
        )


def _field_line(line: str, reading: _Reading) -> bool:
    """Read a line that is a field, not furniture; tell whether it was one."""
    # Cheap tests first: most lines are neither.
    stamp = _LAST_UPDATED.match(line) if line[:1].isdigit() and _UPDATE_STAMP in line else None
    if stamp is not None and parse_date(f"{stamp['day']}, {stamp['time']}") is not None:
        reading.date = reading.date or parse_date(f"{stamp['day']}, {stamp['time']}")
        reading.furniture.append(line)
        return True
    bar = _BAR_BYLINE.match(line) if " | " in line else None
    if bar is not None:
        date = parse_date(bar["date"].strip())
        if date is not None or _RELATIVE_DATE.match(bar["date"].strip()):
            # A relative date ("5 days ago") is kept as printed, and gives no date.
            reading.byline = reading.byline or bar["name"]
            reading.date = reading.date or date
            if bar["role"]:
                reading.headers.append(("role", bar["role"]))
            reading.headers.append(("date", bar["date"].strip()))
            return True
    return False


def _is_sports_caption(line: str) -> bool:
    return (
        ";" in line[:MARK_REACH]
        and _MANDATORY_CREDIT in line
        and _SPORTS_CAPTION.match(line) is not None
    )


def _is_picture_number(line: str) -> bool:
    return len(line) >= _PICTURE_NUMBER_DIGITS and line.isdigit()


def _furniture_line(line: str, *, top: bool) -> bool:
    """Tell whether the whole line is furniture by its form."""
    # Cheap tests on the line's first characters come before each pattern.
    if line in _LINE_PHRASE_SET or _CAPTION_LINE.match(line) is not None:
        return True
    if line[:1].isdigit():
        caption = _CAPTION_NUMBER.match(line)
        if caption is not None and int(caption["n"]) <= int(caption["m"]):
            return True
    if line.startswith(_CREDIT_LABELS):
        credit = _CREDIT.match(line)
        if credit is not None and len(credit["who"]) <= _MAX_CREDIT:
            return True
    if not top:
        return False
    if _is_sports_caption(line):
        return True
    if line.startswith(_NOTE_STARTS) and _NOTE.match(line):
        # A long unbracketed note may be the whole story run into it: it stays.
        return line[:1] == "(" or len(line) <= _MAX_NOTE
    if line[-1:] == "|" and _PLACE_LABEL.match(line):
        return True
    if len(line) <= _WIDGET_LINE and _ends_with_photo_credit(line):
        return True
    if _is_provided_caption(line) or _is_photo_credit_line(line):
        return True
    return (
        len(line) <= _WIDGET_LINE
        and any(mark in line for mark in _BUTTON_MARKS)
        and _BUTTON_ROW.search(line) is not None
    )


def _split_glued(line: str, reading: _Reading) -> str:
    """Move widget phrases glued to the end of `line` to the furniture; return the rest."""
    end = len(line)
    taken: list[str] = []
    while line.endswith(_GLUED_ENDINGS, 0, end):
        for ending in _GLUED_ENDINGS:
            if line.endswith(ending, 0, end):
                taken.append(ending[1:])
                end -= len(ending)
                while end and line[end - 1].isspace():
                    end -= 1
                break
    # Bounds, not copies, while the phrases are taken: a line can hold many.
    reading.furniture += reversed(taken)
    return line[:end] if taken else line


def _bullets(lines: list[str], start: int, reading: _Reading) -> int:
    """Read summary bullets from lines[start] (the highlights); return the first line after.

    They are a summary only above the story's byline or dateline; otherwise (a list in the
    story) nothing is read and `start` comes back.
    """
    block: list[str] = []
    index = start
    while index < len(lines) and len(block) <= _MAX_HIGHLIGHTS:
        line = lines[index].strip()
        if line:
            if not line.startswith(_BULLET_MARKS):
                break
            block.append(line[2:].strip())
        index += 1
    below = lines[index].strip() if index < len(lines) else ""
    if not block or len(block) > _MAX_HIGHLIGHTS or not below:
        return start
    if not (below.startswith(("By ", "BY ")) or _is_dateline(below)):
        return start
    reading.highlights += block
    return index


def _highlights(lines: list[str], start: int, reading: _Reading) -> int:
    """Read a ``Story highlights`` block from lines[start]; return the first line after it."""
    first = lines[start].strip()[len(_HIGHLIGHTS) :].strip()
    block = [first] if first else []
    index = start + 1
    while index < len(lines) and len(block) < _MAX_HIGHLIGHTS:
        line = lines[index].strip()
        if line:
            if _ends_sentence(line) or _is_dateline(line):
                break
            block.append(line)
        index += 1
    if not block:
        return start
    reading.furniture.append(_HIGHLIGHTS)
    reading.highlights += block
    return index


def _top_end(text: str) -> int:
    """Where the top of `text` ends: after its first lines, or at its first long paragraph."""
    end = 0
    lines = 0
    while lines < _TOP_LINES and end < min(len(text), _TOP_CHARACTERS):
        found = text.find("\n", end)
        found = len(text) if found < 0 else found
        if text[end:found].strip():
            lines += 1
        end = found + 1
    return min(end, len(text))


# A caption's numbering ("12 of 40.") has its " of " before this.
_CAPTION_NUMBER_END = 8
# How the line forms read at the top can open (besides a caption's number; a BBC update
# stamp, which opens with its date, shows its own mark), looked up by a line's first
# character; and the glued widget phrases, by its last.
_FORM_STARTS = (
    *LINE_PHRASES,
    *CAPTION_OPENINGS,
    *_CREDIT_LABELS,
    *_NOTE_STARTS,
    _HIGHLIGHTS,
    *_BULLET_MARKS,
)
_FORMS_BY_INITIAL = {
    initial: tuple(form for form in _FORM_STARTS if form[0] == initial)
    for initial in {form[0] for form in _FORM_STARTS}
}
_GLUED_BY_FINAL = {
    final: tuple(ending for ending in _GLUED_ENDINGS if ending[-1] == final)
    for final in {ending[-1] for ending in _GLUED_ENDINGS}
}
# A row of share buttons holds one of these.
_BUTTON_MARKS = ("Pin It", "Tweet", "Galleries")


def _shows_a_form(line: str) -> bool:
    """Tell whether `line` (stripped, not blank) opens as a top form does or shows its mark."""
    head = line[:MARK_REACH]
    initial = head[0]
    forms = _FORMS_BY_INITIAL.get(initial)
    if forms is not None and head.startswith(forms):
        return True
    if initial.isdigit() and (
        head.find(" of ", 1, _CAPTION_NUMBER_END) > 0
        or _UPDATE_STAMP in head
        or _is_picture_number(line)
    ):
        return True  # a caption's numbering, a BBC update stamp (it opens with its date)
    if _is_sports_caption(line) or _is_provided_caption(line) or _is_photo_credit_line(line):
        return True
    endings = _GLUED_BY_FINAL.get(line[-1])
    return (
        (endings is not None and line.endswith(endings))
        or line.endswith(" |")  # a location label
        or _ends_with_photo_credit(line)
        or ("|" in head and " | " in head)  # one character is found faster than three
        or "Pin It" in head
        or "Tweet" in head
        or "Galleries" in head
    )


def _at_top(top: Top) -> bool:
    """Tell, by string tests alone, whether the top of a text could hold what `_read_top` reads.

    Furniture at the top shows on the first two lines (a title may stand above it): each
    form opens with one of a few strings or holds a fixed marker. Captions are furniture only
    in a run of short sentences from the top down to a dateline, whose dash, bracket or
    underscore comes near its start. The top of most stories has neither.
    """
    first = top.first
    if not first or _shows_a_form(first):
        return bool(first)
    if len(first) > _STORY_PARAGRAPH:
        return False  # the story opens the text: `_read_top` reads nothing below it
    second = top.second
    if not second or _shows_a_form(second):
        return bool(second)
    return _captions_above_dateline(top)


def _captions_above_dateline(top: Top) -> bool:
    """Tell whether the top may be a run of captions down to a dateline.

    That is sentences, each a short line, from the first down to a dateline (`_is_dateline`,
    asked only of a line that shows the mark and literal every dateline `split_dateline`
    reads shows, its gate: a story's "(FDIC)" or "long- and short-term" has none).
    """
    if len(top.first) > _STORY_PARAGRAPH or not _ends_sentence(top.first):
        return False  # no run of captions from the top down to a dateline
    for number in range(1, _CAPTION_RUN + 1):
        line = top.line(number)
        if not line:
            return False
        if could_open_dateline(line) and _is_dateline(line):
            return True  # perhaps captions above their dateline
        if len(line) > _STORY_PARAGRAPH or not _ends_sentence(line):
            return False  # the run of captions from the top is over
    return False


def _may_be_read_below(line: str) -> bool:
    # What the quick path asks of a line below the first that shows a form's sign or the
    # dateline's gate (`TopSigns.confirm_below`): a form (`_at_top`), or a dateline that
    # captions above it may run down to (`_captions_above_dateline`, whose run of sentences
    # it does not ask about).
    return _shows_a_form(line) or _is_dateline(line)


def _read_top(lines: list[str], reading: _Reading) -> list[str]:
    """Read the furniture among the top lines; return the lines that stay."""
    keep = [True] * len(lines)
    captions: list[int] = []
    kept_above = False
    bullets_tried = False
    index = 0
    while index < len(lines):
        line = lines[index].strip()
        if not line:
            index += 1
            continue
        bullet = line.startswith(_BULLET_MARKS) and not bullets_tried
        if line.startswith(_HIGHLIGHTS) or bullet:
            bullets_tried = bullets_tried or bullet  # a block is read whole or not at all
            after = (_bullets if bullet else _highlights)(lines, index, reading)
            if after > index:
                keep[index:after] = [False] * (after - index)
                index = after
                continue
        note = _GLUED_NOTE.match(line) if line[:1] == "(" else None
        if note is not None:
            reading.furniture.append(note.group().strip())
            line = line[note.end() :]
            lines[index] = line
        elif line[:6] in ("Editor", "EDITOR"):
            glued = _note_before_dateline(line)
            if glued is not None:  # a page that lost its breaks: the note, then the story
                reading.furniture.append(glued[0])
                line = lines[index] = glued[1]
        elif line[:1].isdigit() and _UPDATE_STAMP in line[:MARK_REACH]:
            stamp = _GLUED_STAMP.match(line)
            if stamp is not None and _field_line(stamp["stamp"], reading):
                line = lines[index] = line[stamp.end() :]  # the stamp, then the story
        rest = _split_glued(line, reading)
        if rest != line:
            lines[index] = rest
            line = rest
        if not line:
            keep[index] = False
        elif _furniture_line(line, top=True) or (reading.furniture and _is_picture_number(line)):
            # A picture's number goes with the caption above it.
            reading.furniture.append(line)
            keep[index] = False
        elif _field_line(line, reading):
            keep[index] = False
        elif (
            captions
            and _is_dateline(line)
            and (reading.furniture or _caption_shown(lines, captions))
        ):
            for caption in captions:
                reading.furniture.append(lines[caption].strip())
                keep[caption] = False
            break
        elif not kept_above and _could_be_caption(line):
            captions.append(index)
        else:
            # Captions run from the top of the page down to the dateline: a line that stays
            # (a headline, a paragraph) ends the run, and the sentences above it stay too.
            kept_above = True
            captions.clear()
            if len(line) > _STORY_PARAGRAPH:
                break
        index += 1
    # A caption is furniture only above a dateline: the others stay where they were. Where
    # furniture stood between two lines that stay (a headline, then a photo's credit, then the
    # story), a paragraph break stands in its place: the lines were never one paragraph.
    staying: list[str] = []
    taken = False
    for line, kept in zip(lines, keep, strict=True):
        if not kept:
            taken = taken or bool(staying)
            continue
        if taken and line.strip() and staying[-1].strip():
            staying.append("")
        taken = False
        staying.append(line)
    return staying


_INSIDE = regex.compile(
    r"^\h*(?:" + "|".join(regex.escape(phrase) for phrase in LINE_PHRASES) + r")\h*$\n?",
    regex.MULTILINE,
)


_CAPTION_LINE = regex.compile(
    r"^\h*(?:" + "|".join(map(regex.escape, CAPTION_OPENINGS)) + r")\b[^\n]*$\n?", regex.MULTILINE
)
_CREDIT_LINE = regex.compile(rf"^{_CREDIT_LABEL}:\h[^\n]*$\n?", regex.MULTILINE)


def _read_inside(text: str, reading: _Reading) -> str:
    """Move whole-line widget phrases and credit lines out of the rest of the story.

    A credit line inside the story is furniture when it is a credit alone (``Credit: NASA``)
    or when a widget phrase is glued into it (``Credit: NASA View full size image …``).
    """

    def take(match: regex.Match[str]) -> str:
        reading.furniture.append(match.group().strip())
        return ""

    def take_credit(match: regex.Match[str]) -> str:
        line = match.group().strip()
        credit = _CREDIT.match(line)
        if (credit is not None and len(credit["who"]) <= _MAX_CREDIT) or any(
            phrase in line for phrase in GLUED_PHRASES
        ):
            reading.furniture.append(line)
            return ""
        return match.group()

    def take_lines(match: regex.Match[str]) -> str:
        reading.furniture += (line.strip() for line in match.group().split("\n") if line.strip())
        return ""

    if _SHARE_PANEL_OPENING in text:
        text = _SHARE_PANEL.sub(take_lines, text)
    page = bool(reading.furniture)
    if (
        "ADVERTISEMENT" in text
        or "Advertisement" in text
        or (page and any(phrase in text for phrase in LINE_PHRASES))
    ):
        text = _INSIDE.sub(take, text)
    if page and any(label in text for label in _LABELS_IN_TEXT):
        text = _CREDIT_LINE.sub(take_credit, text)
    if page and any(phrase in text for phrase in CAPTION_OPENINGS):
        text = _CAPTION_LINE.sub(take, text)
    return text


def read_page_furniture(text: str) -> tuple[Found, str] | None:
    """Move the page furniture out of `text`; None when it holds none.

    Examples:
        >>> found, body = read_page_furniture(
        ...     "1 of 3. Crowds gather in a square in Oslo May 2, 2014.\\n\\n"
        ...     "OSLO (Reuters) - Crowds gathered.\\nADVERTISEMENT\\nThey left."
        ... )
        >>> found.furniture
        ('1 of 3. Crowds gather in a square in Oslo May 2, 2014.', 'ADVERTISEMENT')
        >>> body  # a paragraph break where the furniture stood between two lines
        'OSLO (Reuters) - Crowds gathered.\\n\\nThey left.'
        >>> read_page_furniture("Credit: the markets had priced in a cut.\\nThey had.") is None
        True
    """
    reading = _Reading()
    if _at_top(Top(text)):
        top_end = _top_end(text)
        body = "\n".join(_read_top(text[:top_end].split("\n"), reading)) + text[top_end:]
    else:
        body = text
    body = _read_inside(body, reading)
    if not (reading.furniture or reading.highlights or reading.byline or reading.date):
        return None
    return reading.found(), body.strip("\n")


RECOGNIZER = Recognizer(
    "page furniture",
    (),
    read_page_furniture,
    at_top=_at_top,
    # Advertisement lines and a share panel are the only forms read inside a story whose top
    # shows none.
    anywhere=("ADVERTISEMENT", "Advertisement", _SHARE_PANEL_OPENING),
    anywhere_opens_line=True,  # each the whole line, or the panel's first (`_read_inside`)
    # What `_shows_a_form` looks for on the first two lines (a caption's numbering opens with
    # a digit), and the dateline's gate on the lines below, which captions run down to.
    top_signs=TopSigns(
        forms=(*_FORM_STARTS, _PROVIDED_OPENING, _PHOTO_CREDIT_BY),
        digit=True,
        marks=("|", ";", *_BUTTON_MARKS),  # a sports caption's ";" after its date
        endings=(*_GLUED_ENDINGS, " |", ")", *_PHOTO_CREDIT_ENDINGS),
        confirm=_shows_a_form,  # a caption's numbering, a photo's credit: what `_at_top` asks
        confirm_below=_may_be_read_below,
        below_marks=GATE,
        head=GATE_REACH,
        lines=_FIRST_LINES,
        marks_lines=1 + _CAPTION_RUN,
        short=_STORY_PARAGRAPH,
    ),
)
"""Page furniture (see the module's docstring); its reader looks at a text's first lines, and
at the rest for the fixed phrases it holds (any other than ``ADVERTISEMENT`` only on a page
that shows furniture at its top).

Examples:
    >>> RECOGNIZER.read("Media playback is unsupported on your device\\nIt rained.")[1]
    'It rained.'
"""
