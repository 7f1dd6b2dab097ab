"""Paragraph layout: hard-wrapped wire copy back to one paragraph per line.

Wire services (Reuters, AP, NYT) send text wrapped at about 70 columns, with each paragraph
starting on an indented line and its continuation lines flush left (or all of them a little
further in, as in NLTK's copy of Reuters-21578). `unwrap_lines` recognises that layout and
joins each paragraph onto one line; text in any other layout is returned as it is.
"""

from __future__ import annotations

import regex

__all__ = ["unwrap_lines"]

_LINE_BREAK = regex.compile(r"\r\n?|\n")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _base_indent(lines: list[str]) -> int:
    """Return the indentation of most non-blank lines: a wrapped paragraph's continuations.

    Flush left in wire copy as sent; two spaces in some copies (NLTK's Reuters-21578), whose
    paragraphs start further in and whose headline stands further out.
    """
    counts: dict[int, int] = {}
    for line in lines:
        if line.strip():
            indent = _indent(line)
            counts[indent] = counts.get(indent, 0) + 1
    return max(counts, key=lambda indent: (counts[indent], -indent)) if counts else 0


def _paragraph_starts(lines: list[str], base: int) -> list[bool | None]:
    """For each line: True where a paragraph starts, False where one goes on, None alone.

    A paragraph starts at a line indented further than `base`, or at a line at `base` just
    below one standing further out (a headline above the story); lines at `base` below a
    paragraph's start go on with it. Other lines (blank, further out, or at `base` with no
    paragraph open) stand alone.
    """
    kinds: list[bool | None] = []
    inside = False
    out_above = False  # the line above stands further out than base: a headline
    for line in lines:
        if not line.strip():
            inside = out_above = False
            kinds.append(None)
            continue
        indent = _indent(line)
        if indent > base or (indent == base and out_above and base > 0):
            inside = True
            kinds.append(True)
        elif indent == base and inside:
            kinds.append(False)
        else:
            inside = False
            kinds.append(None)
        out_above = indent < base
    return kinds


def unwrap_lines(text: str) -> str:
    """Join hard-wrapped lines of indented paragraphs; leave any other layout unchanged.

    Wire copy starts each paragraph further in than its continuation lines, which stand
    flush left or, failing that layout, at the indentation of most lines (a little in); a
    headline may stand further out. The layout is recognised by at least two paragraph
    starts and a line that goes on with one; then each paragraph is joined onto its first
    line. Other lines (a headline, a header line, a blank line) stay as they are, and
    indentation is kept for later stages to trim.

    Examples:
        >>> wire = "HEADLINE\\n    LONDON, March 2 - Shares rose in\\nlate trade.\\n    More text."
        >>> print(unwrap_lines(wire))
        HEADLINE
            LONDON, March 2 - Shares rose in late trade.
            More text.
        >>> nltk = "HEADLINE\\n  Shares rose in\\n  late trade.\\n      More\\n  text."
        >>> print(unwrap_lines(nltk))
        HEADLINE
          Shares rose in late trade.
              More text.
        >>> unwrap_lines("Prose in blank-line\\nparagraphs stays.\\n\\nAs it is.")
        'Prose in blank-line\\nparagraphs stays.\\n\\nAs it is.'
    """
    if "\n" not in text or not ("\n " in text or "\n\t" in text):
        return text
    lines = _LINE_BREAK.split(text)
    # Continuation lines flush left, as wire copy is sent (tables of figures indented in it);
    # failing that, at the indentation of most lines.
    kinds = _paragraph_starts(lines, 0)
    if kinds.count(True) < 2 or False not in kinds:
        base = _base_indent(lines)
        if base == 0:
            return text
        kinds = _paragraph_starts(lines, base)
        if kinds.count(True) < 2 or False not in kinds:
            return text
    out: list[str] = []
    for line, kind in zip(lines, kinds, strict=True):
        if kind is False:
            out[-1] = f"{out[-1]} {line.strip()}"
        else:
            out.append(line.rstrip() if kind else line)
    return "\n".join(out)
