"""WikiText articles: `` = Title = `` on the first line, `` = = Section = = `` headings below.

WikiText-2 and WikiText-103 keep a Wikipedia article's headings as lines of equals signs around
the heading, one sign per level, every token spaced::

     = Old Bridge =

     The Old Bridge is a stone bridge .

     = = History = =

     = = = Early years = = =

A level-one heading on the first line that is not blank is the article's title; it moves into
`Found.title`. Every other heading line becomes the plain heading (``History``) on a line of its
own, so that no run of equals signs survives in the body. The spacing stage may already have
closed up a run of repeated signs (``=== Early years ===``), and both forms are read: a heading
line opens and closes with the same number of signs, spaced or not, with a space between the
signs and the heading. An equals sign in a sentence, a formula (``x = y = z``) or a line of
code (``a == b``) does not start and end its line, and stays.

The reader fires only when the first line that is not blank is a level-one heading, or when the
text has heading lines of level two or more; a lone level-one heading further down is read
only in a document whose first line showed the layout.
"""

from __future__ import annotations

import regex

from newsnorm.header.recognizer import Found, Recognizer

__all__ = ["RECOGNIZER", "read_wikitext_headings"]

# A line that opens with an equals sign: the only lines worth a closer look.
_CANDIDATE = regex.compile(r"^\h*=", regex.MULTILINE)
_MAX_LEVEL = 6


def _marks(run: str) -> int:
    """Count the equals signs in a run of signs and spaces (0 if it holds anything else)."""
    return run.count("=") if not run.replace("=", "").strip() else 0


def heading_level(line: str) -> tuple[int, str] | None:
    """Read the level and text of a WikiText heading line (None when the line is not one).

    Examples:
        >>> heading_level(" = = History = = "), heading_level("=== Early years ===")
        ((2, 'History'), (3, 'Early years'))
        >>> heading_level("= E = mc2 ="), heading_level("a == b"), heading_level(" = ")
        ((1, 'E = mc2'), None, None)
    """
    stripped = line.strip()
    if len(stripped) < 5 or stripped[0] != "=" or stripped[-1] != "=":
        return None
    start = 0
    while start < len(stripped) and stripped[start] in "= \t":
        start += 1
    end = len(stripped)
    while end > start and stripped[end - 1] in "= \t":
        end -= 1
    if end <= start or stripped[start - 1] not in " \t" or stripped[end] not in " \t":
        return None  # no heading text, or signs glued to it (`=x=`)
    level = _marks(stripped[:start])
    if level != _marks(stripped[end:]) or not 0 < level <= _MAX_LEVEL:
        return None
    return level, stripped[start:end]


def read_wikitext_headings(text: str) -> tuple[Found, str] | None:
    """Read the title line of a WikiText article and turn its heading lines into plain lines.

    Examples:
        >>> found, body = read_wikitext_headings(
        ...     "= Old Bridge =\\n\\nIt is old.\\n\\n= = History = =\\n\\nIt was built."
        ... )
        >>> found.title, body
        ('Old Bridge', 'It is old.\\n\\nHistory\\n\\nIt was built.')
        >>> read_wikitext_headings("x = 1\\nwhere x = y") is None
        True
    """
    if _CANDIDATE.search(text) is None:
        return None
    lines = text.split("\n")
    first = next((number for number, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return None
    title_line = heading_level(lines[first])
    titled = title_line is not None and title_line[0] == 1
    title = None
    changed = False
    for number in range(first, len(lines)):
        if not lines[number].lstrip().startswith("="):
            continue
        heading = heading_level(lines[number])
        if heading is None or (heading[0] == 1 and not titled):
            continue
        if number == first and titled:
            title = heading[1]
            lines[number] = ""
        else:
            lines[number] = heading[1]
        changed = True
    if not changed:
        return None
    body = "\n".join(lines[first + 1 :] if title is not None else lines[first:])
    return Found(title=title), body.strip("\n")


RECOGNIZER = Recognizer("wikitext headings", ("=",), read_wikitext_headings)
"""The ``wikitext headings`` recognizer.

Examples:
    >>> found, body = RECOGNIZER.read(" = Rain = \\n \\n It rained . ")
    >>> found.title, body
    ('Rain', ' \\n It rained . ')
"""
