"""Paragraph layout: hard-wrapped wire copy back to one paragraph per line.

Wire services (Reuters, AP, NYT) send text wrapped at about 70 columns, with each paragraph
starting on an indented line and its continuation lines flush left. `unwrap_lines` recognises
that layout and joins each paragraph onto one line; text in any other layout is returned as it is.
"""

from __future__ import annotations

import regex

__all__ = ["unwrap_lines"]

_LINE_BREAK = regex.compile(r"\r\n?|\n")
_INDENTED = regex.compile(r"^[ \t]+\S")


def _is_indented(line: str) -> bool:
    return bool(_INDENTED.match(line))


def _wire_layout(lines: list[str]) -> bool:
    """At least two indented paragraph starts, and a flush line continuing an indented one."""
    indented = 0
    continued = False
    inside = False  # inside a paragraph that an indented line started
    for line in lines:
        if not line.strip():
            inside = False
        elif _is_indented(line):
            indented += 1
            inside = True
        elif inside:
            continued = True
    return indented >= 2 and continued


def unwrap_lines(text: str) -> str:
    """Join hard-wrapped lines of indented paragraphs; leave any other layout unchanged.

    A paragraph starts at an indented line, a blank line or a flush line that does not follow
    an indented paragraph (a headline above the story, a header line); flush lines that follow
    an indented paragraph continue it. Indentation itself is kept for later stages to trim.

    Examples:
        >>> wire = "HEADLINE\\n    LONDON, March 2 - Shares rose in\\nlate trade.\\n    More text."
        >>> print(unwrap_lines(wire))
        HEADLINE
            LONDON, March 2 - Shares rose in late trade.
            More text.
        >>> unwrap_lines("Prose in blank-line\\nparagraphs stays.\\n\\nAs it is.")
        'Prose in blank-line\\nparagraphs stays.\\n\\nAs it is.'
    """
    if "\n" not in text or not ("\n " in text or "\n\t" in text):
        return text
    lines = _LINE_BREAK.split(text)
    if not _wire_layout(lines):
        return text
    out: list[str] = []
    inside = False
    for line in lines:
        if not line.strip():
            inside = False
            out.append(line)
        elif _is_indented(line):
            inside = True
            out.append(line.rstrip())
        elif inside:
            out[-1] = f"{out[-1]} {line.strip()}"
        else:
            out.append(line)
    return "\n".join(out)
