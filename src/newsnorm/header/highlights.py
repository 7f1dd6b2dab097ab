"""CNN/DailyMail story files: the ``@highlight`` summary blocks kept after the story.

A ``.story`` file holds the story's paragraphs, then its highlights, each one a line
``@highlight``, a blank line and the summary sentence::

    The council met on Monday. It voted to close the bridge. E-mail to a friend

    @highlight

    Council votes to close the old bridge

    @highlight

    Repairs will take two years, the mayor says

Every sentence after a marker line moves into `Found.highlights`, in order, one line each (a
sentence broken over lines is joined with a space); the marker lines go, and whatever else
stands between or after the blocks stays in the body where it was. A marker is a line holding
``@highlight`` alone: the word inside a sentence (a handle, a quotation) is prose.

In a story with highlights, CNN's page furniture ``E-mail to a friend`` (a share link that the
crawl left at the end of the last paragraph, or on a line of its own) moves into
`Found.furniture`, but only where its form shows it: alone on its line, or ending a paragraph
right after the end of a sentence, with no full stop of its own.

The recognizer's opening is the ``@`` of the marker: a character is found far faster than a
word in text without the layout, and the reader looks for the whole marker first.
"""

from __future__ import annotations

import regex

from newsnorm.header.recognizer import Found, Recognizer

__all__ = ["RECOGNIZER", "read_highlights"]

_MARKER = "@highlight"
# The share link alone on its line, or closing a paragraph after a sentence's last mark; the
# spacing stage has closed up `served .` to `served.` before this reads the text.
_EMAIL_FURNITURE = regex.compile(
    r"(?:^|(?<=[.!?\"'”’)»]))\h*(?i:e-mail to a friend)\h*$", regex.MULTILINE
)


def _is_marker(line: str) -> bool:
    return line.strip() == _MARKER


def _take_email_links(text: str) -> tuple[list[str], str]:
    found: list[str] = []

    def keep(match: regex.Match[str]) -> str:
        found.append(match[0].strip())
        return ""

    return found, _EMAIL_FURNITURE.sub(keep, text)


def _take_highlights(text: str) -> tuple[list[str], int, str] | None:
    """Return the highlights, the number of markers with no sentence, and the body."""
    if _MARKER not in text:
        return None
    lines = text.split("\n")
    if not any(_is_marker(line) for line in lines):
        return None
    highlights: list[str] = []
    empty = 0  # markers with no sentence: kept as furniture, so that nothing is lost
    body: list[str] = []
    index = 0
    while index < len(lines):
        if not _is_marker(lines[index]):
            body.append(lines[index])
            index += 1
            continue
        index += 1
        while index < len(lines) and not lines[index].strip():
            index += 1  # the blank line between the marker and its sentence
        sentence: list[str] = []
        while index < len(lines) and lines[index].strip() and not _is_marker(lines[index]):
            sentence.append(lines[index].strip())
            index += 1
        if sentence:
            highlights.append(" ".join(sentence))
        else:
            empty += 1
    return highlights, empty, "\n".join(body).rstrip()


def read_highlights(text: str) -> tuple[Found, str] | None:
    """Read the ``@highlight`` blocks and the ``E-mail to a friend`` link out of a story.

    Examples:
        >>> story = "It rained.\\n\\n@highlight\\n\\nRain falls\\n\\n@highlight\\n\\nRoads shut"
        >>> found, body = read_highlights(story)
        >>> found.highlights, body
        (('Rain falls', 'Roads shut'), 'It rained.')
        >>> read_highlights("Follow @highlight for more.") is None
        True
        >>> read_highlights("It rained.\\n\\n@highlight")[0].furniture  # a marker with no sentence
        ('@highlight',)
    """
    taken = _take_highlights(text)
    if taken is None:
        return None
    highlights, empty, body = taken
    furniture, body = _take_email_links(body)
    furniture += [_MARKER] * empty
    return Found(highlights=tuple(highlights), furniture=tuple(furniture)), body


RECOGNIZER = Recognizer("highlights", ("@",), read_highlights)
"""The ``highlights`` recognizer.

Examples:
    >>> found, body = RECOGNIZER.read("Story. E-mail to a friend\\n\\n@highlight\\n\\nA summary")
    >>> found.highlights, found.furniture, body
    (('A summary',), ('E-mail to a friend',), 'Story.')
    >>> RECOGNIZER.applies("A story without summaries."), RECOGNIZER.read("Mail me@home.")
    (False, None)
"""
