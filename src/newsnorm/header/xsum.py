"""XSum files: a BBC story in named sections, each opened by a marker such as ``[SN]TITLE[SN]``.

The files of the XSum corpus (``bbc-summary-data``) open with a marker and hold these sections,
each marker on its own line with the section's text below it::

    [SN]URL[SN]
    http://www.example.com/news/12345

    [SN]TITLE[SN]
    Council shuts the old bridge

    [SN]FIRST-SENTENCE[SN]
    The council has voted to close the old bridge.

    [SN]RESTBODY[SN]
    Repairs will take two years.

The URL goes to the headers as ``url``, the title to the title (its lines joined with a space),
and the body is the first sentence followed by the rest of the body, in the file's order. The
corpus's extraction scripts write the same layout with ``[XSUM]`` markers and an
``INTRODUCTION`` section for the first sentence; it is read the same way. A file holding a
section this reader does not know, a section twice, or text before its first marker is not
read at all: what it cannot read stays in the text.

The recognizer's opening is the ``[`` of the markers: a character is found far faster than a
word in text without the layout, and the reader looks for a whole marker first.
"""

from __future__ import annotations

import regex

from newsnorm.header.recognizer import Found, Recognizer

__all__ = ["RECOGNIZER", "read_xsum_sections"]

_MARKER = regex.compile(r"\[(?P<tag>SN|XSUM)\](?P<name>[A-Z]+(?:-[A-Z]+)*)\[(?P=tag)\]")
_HEADERS = {"URL": "url"}
_TITLES = frozenset({"TITLE"})
_BODY = frozenset({"FIRST-SENTENCE", "INTRODUCTION", "RESTBODY"})


def _sections(text: str) -> list[tuple[str, str]] | None:
    """Split the text into (name, text) sections (None when it is not wholly in sections)."""
    if "[SN]" not in text and "[XSUM]" not in text:
        return None
    markers = list(_MARKER.finditer(text))
    if not markers or text[: markers[0].start()].strip():
        return None
    sections: list[tuple[str, str]] = []
    for number, marker in enumerate(markers):
        end = markers[number + 1].start() if number + 1 < len(markers) else len(text)
        sections.append((marker["name"], text[marker.end() : end].strip()))
    names = [name for name, _ in sections]
    if len(set(names)) != len(names) or not set(names) <= {*_HEADERS, *_TITLES, *_BODY}:
        return None
    return sections


def read_xsum_sections(text: str) -> tuple[Found, str] | None:
    """Read an XSum file's sections into url, title and body.

    Examples:
        >>> found, body = read_xsum_sections(
        ...     "[SN]URL[SN]\\nhttp://example.com/1\\n[SN]TITLE[SN]\\nRain\\n"
        ...     "[SN]FIRST-SENTENCE[SN]\\nIt rained.\\n[SN]RESTBODY[SN]\\nRoads shut."
        ... )
        >>> found.title, found.headers, body
        ('Rain', (('url', 'http://example.com/1'),), 'It rained.\\nRoads shut.')
        >>> read_xsum_sections("A note on [SN]TITLE[SN] markers.") is None
        True
    """
    sections = _sections(text)
    if sections is None:
        return None
    title = None
    headers: list[tuple[str, str]] = []
    body: list[str] = []
    for name, section in sections:
        if name in _TITLES:
            title = " ".join(section.split()) or None
        elif name in _HEADERS:
            if section:
                headers.append((_HEADERS[name], section))
        elif section:
            body.append(section)
    return Found(title=title, headers=tuple(headers)), "\n".join(body)


RECOGNIZER = Recognizer("xsum sections", ("[",), read_xsum_sections, reach=16)
"""The ``xsum sections`` recognizer.

Examples:
    >>> RECOGNIZER.applies("[SN]TITLE[SN]\\nRain"), RECOGNIZER.applies("Rain.")
    (True, False)
    >>> RECOGNIZER.read("He said [the mayor] agreed.") is None
    True
"""
