"""Header extraction: corpus layouts and the lines above an article's body, read into fields.

`split_header` runs the recognizers of the document's corpus layout (`layouts.LAYOUTS`), each
a small named reader in its own module behind the seam in `recognizer`, then the generic reader
(`generic.read_generic_header`) on what is left. The top of the text (`top.Top`) is looked at
once for all of their quick tests. Whatever is recognised moves out of the body into
`HeaderFields`; nothing is dropped.
"""

from __future__ import annotations

from newsnorm.config import Corpus
from newsnorm.header.generic import HEADER_PARTS, NO_FIELDS, HeaderFields, read_generic_header
from newsnorm.header.layouts import LAYOUTS, RECOGNIZERS
from newsnorm.header.recognizer import Found
from newsnorm.header.top import Top

__all__ = ["RECOGNIZER_NAMES", "HeaderFields", "split_header"]

RECOGNIZER_NAMES: tuple[str, ...] = (
    *(recognizer.name for recognizer in RECOGNIZERS),
    *HEADER_PARTS,
)
"""Every name `HeaderFields.recognizers` can report: the corpus recognizers, then the generic
reader's parts.

Examples:
    >>> RECOGNIZER_NAMES[0], "byline" in RECOGNIZER_NAMES
    ('highlights', True)
"""


def _merge(found: list[tuple[str, Found]], generic: HeaderFields) -> HeaderFields:
    """Combine what the recognizers read, in order, with the generic reader's fields."""
    title, byline, date, dateline = None, None, None, None
    headers: dict[str, str] = {}
    highlights: list[str] = []
    furniture: list[str] = []
    for _, fields in found:
        title = title or fields.title
        byline = byline or fields.byline
        date = date or fields.date
        dateline = dateline or fields.dateline
        for key, value in fields.headers:
            headers[key] = f"{headers[key]}\n{value}" if key in headers else value
        highlights += fields.highlights
        furniture += fields.furniture
    for key, value in generic.headers.items():
        headers[key] = f"{headers[key]}\n{value}" if key in headers else value
    return HeaderFields(
        date=date or generic.date,
        title=title or generic.title,
        byline=byline or generic.byline,
        headers=headers,
        dateline=dateline,
        highlights=tuple(highlights),
        furniture=(*furniture, *generic.furniture),
        recognizers=(*(name for name, _ in found), *generic.recognizers),
    )


def split_header(text: str, corpus: Corpus = "auto") -> tuple[HeaderFields, str]:
    """Split `text` into the header fields its corpus layout and header lines give, and the body.

    The recognizers of the corpus's layout run first, in order, each on the text the previous
    ones left; the generic reader then reads the lines at the top (see `read_generic_header`).
    A value found twice keeps its first reading; every reading stays in `HeaderFields.headers`
    or the field it was read into.

    Examples:
        >>> fields, body = split_header(" date 2020-02-17 Just when we thought it was over.")
        >>> fields.date, body
        (datetime.date(2020, 2, 17), 'Just when we thought it was over.')
        >>> fields, body = split_header("Storm Hits Coast\\nBy Ann Lee\\nDesk: Weather\\n\\nWind.")
        >>> fields.title, fields.byline, dict(fields.headers), body
        ('Storm Hits Coast', 'By Ann Lee', {'By': 'Ann Lee', 'Desk': 'Weather'}, 'Wind.')
        >>> fields.recognizers
        ('headline', 'byline', 'keyed header')
        >>> split_header("Date night is back.")[1]
        'Date night is back.'
        >>> split_header(" = Rain = \\n\\n = = Notes = = \\n\\n It rained . \\n")
        (HeaderFields(..., title='Rain', ...), 'Notes\\n It rained . ')
    """
    layout = LAYOUTS[corpus]
    found: list[tuple[str, Found]] = []
    top = Top(text)
    for recognizer in layout.recognizers:
        if recognizer.quick(text, top):
            result = recognizer.read(text)
            if result is not None:
                found.append((recognizer.name, result[0]))
                text = result[1]
                top = Top(text)
    if layout.generic:
        generic, body = read_generic_header(text, top)
    else:
        generic, body = NO_FIELDS, text
    if not found:
        return generic, body
    merged = _merge(found, generic)
    title = generic.title
    if title is not None and title != merged.title and title not in generic.headers.values():
        # A recognizer read the title already, and the generic reader took a bare line above
        # the body for another: that line has no field to go to, so it stays in the body.
        body = f"{title}\n{body}"
    return merged, body
