"""The top of a text, found once and read by every recognizer's quick test.

Most stories open with their first paragraph. Each recognizer of a layout that sits at the top
of a text declares what its first lines must show for the layout to be there (`Recognizer.at_top`);
`split_header` looks at those lines once for all of them, so a text with no header costs one
look at its first lines, not one per recognizer. Lines are found as they are asked for: most
tests stop at the first.
"""

from __future__ import annotations

__all__ = ["TOP_CHARACTERS", "Top"]

TOP_CHARACTERS = 4000
"""Lines starting this far into a text are not its top, however short the lines above.

Examples:
    >>> Top("\\n" * TOP_CHARACTERS + "Rain.").first
    ''
"""


class Top:
    """The first non-blank lines of a text, stripped, found as the quick tests ask for them.

    Examples:
        >>> top = Top("\\n  Storm Hits Coast \\n\\nWind rose.\\nIt rained.")
        >>> top.first, top.second, top.line(2), top.line(3)
        ('Storm Hits Coast', 'Wind rose.', 'It rained.', '')
        >>> top.gap_after_first, Top("Title\\nStory.").gap_after_first
        (True, False)
        >>> Top("").first
        ''
    """

    __slots__ = ("_gap", "_lines", "_start", "first", "text")

    text: str
    """The whole text, for a quick test that also looks beyond its top."""
    first: str
    """The first non-blank line, or "" for a blank text."""

    def __init__(self, text: str) -> None:
        # The first line, which every quick test reads, is found at once; the others only
        # when a test asks for them (most stop at the first).
        self.text = text
        self._gap = False
        end = text.find("\n")
        first = (text if end < 0 else text[:end]).strip()
        if first:
            # The text opens with its first line, as most do: no loop over blank lines.
            self._lines = [first]
            self._start = len(text) + 1 if end < 0 else end + 1
            self.first = first
        else:
            self._lines = []
            self._start = 0
            self.first = self._scan(0)

    @property
    def second(self) -> str:
        """The second non-blank line, or "" when there is none."""
        lines = self._lines
        return lines[1] if len(lines) > 1 else self._scan(1)

    @property
    def gap_after_first(self) -> bool:
        """Whether the line right after the first is blank (a headline stands so)."""
        self.line(1)
        return self._gap

    def line(self, index: int) -> str:
        """Return the non-blank line `index` (0 for the first), stripped, or "" past the top.

        Examples:
            >>> Top("a\\n\\n b \\n").line(1)
            'b'
        """
        lines = self._lines
        return lines[index] if index < len(lines) else self._scan(index)

    def _scan(self, index: int) -> str:
        text, lines = self.text, self._lines
        limit = min(len(text), TOP_CHARACTERS)
        while len(lines) <= index and self._start < limit:
            end = text.find("\n", self._start)
            end = len(text) if end < 0 else end
            line = text[self._start : end].strip()
            if line:
                lines.append(line)
            elif len(lines) == 1:
                self._gap = True
            self._start = end + 1
        return lines[index] if index < len(lines) else ""
