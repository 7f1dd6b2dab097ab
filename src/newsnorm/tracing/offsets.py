"""Offset maps between the three texts of a trace: raw, repaired, and the article's body.

- `EditMap` maps between the raw text and the repaired text through the edits that take one to
  the other: a character outside every edit maps one to one; one inside an edit maps to the
  whole edit (its raw span, or its new text).
- `BodyMap` maps between the repaired text and `Article.text`. The metadata stages move lines
  out of the repaired text into fields and may re-form what is left (a WikiText heading loses
  its marks, a sentence broken over two lines is joined), so the body is aligned back onto the
  repaired text: each line of the body is looked for, in order, where the previous one ended;
  a line not found as it stands is aligned character by character, greedily, within a bounded
  window. Both are linear in the text (the searches are bounded), never a quadratic diff.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex

from newsnorm.tracing.edits import RawEdit

__all__ = ["BodyMap", "EditMap", "FieldFinder", "Span"]

Span = tuple[int, int]
"""A ``(start, end)`` span of character offsets, end exclusive.

Examples:
    >>> span: Span = (0, 4)
    >>> "Rain fell."[slice(*span)]
    'Rain'
"""

# How far ahead of where the previous body line ended the next one is looked for first; a
# line not found there is looked for to the end of the text, a few times per document at most.
_LINE_REACH = 10_000
# How far ahead the next piece of a re-formed line is looked for, once its first piece is found:
# the pieces of one line stand close together (a line break between them, a phrase removed).
_PIECE_REACH = 256
_FAR_SEARCHES = 8
_STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "„": '"', "‚": "'"})
_NOT_SPACE = regex.compile(r"\S+")


class EditMap:
    """Maps spans between a source text and the text its edits make (the target).

    Examples:
        >>> edits = [(2, 3, "", "spacing", "closing punctuation")]  # "It , is" -> "It, is"
        >>> offsets = EditMap(edits)
        >>> offsets.to_source(4, 6), offsets.to_target(5, 7)
        ((5, 7), (4, 6))
        >>> offsets.to_source(2, 3), offsets.to_target(2, 3)
        ((3, 4), (2, 2))
    """

    __slots__ = ("_deltas", "_source_ends", "_source_starts", "_target_ends", "_target_starts")

    def __init__(self, edits: Sequence[RawEdit]) -> None:
        self._source_starts: list[int] = []
        self._source_ends: list[int] = []
        self._target_starts: list[int] = []
        self._target_ends: list[int] = []
        self._deltas: list[int] = []  # target minus source offset after each edit
        delta = 0
        for start, end, text, _, _ in edits:
            self._source_starts.append(start)
            self._source_ends.append(end)
            self._target_starts.append(start + delta)
            delta += len(text) - (end - start)
            self._target_ends.append(end + delta)
            self._deltas.append(delta)

    def _delta(self, index: int) -> int:
        return self._deltas[index] if index >= 0 else 0

    def to_source(self, start: int, end: int) -> Span:
        """Return the source span that the target span came from.

        A span boundary inside an edit's new text widens to that edit's whole source span.

        Examples:
            >>> offsets = EditMap([(0, 5, "(", "spacing", "PTB bracket")])  # "-LRB- a" -> "( a"
            >>> offsets.to_source(0, 1), offsets.to_source(2, 3)
            ((0, 5), (6, 7))
        """
        first = bisect.bisect_right(self._target_starts, start) - 1
        if first >= 0 and start < self._target_ends[first]:
            source_start = self._source_starts[first]
            if end <= start:
                return source_start, self._source_ends[first]
        else:
            source_start = start - self._delta(first)
            if end <= start:
                return source_start, source_start
        last = bisect.bisect_right(self._target_starts, end - 1) - 1
        if last >= 0 and end - 1 < self._target_ends[last]:
            return source_start, self._source_ends[last]
        return source_start, end - self._delta(last)

    def to_target(self, start: int, end: int) -> Span:
        """Return the target span that the source span became.

        A span boundary inside an edit's source span widens to that edit's whole new text; a
        span wholly inside a deletion becomes an empty span where it was.

        Examples:
            >>> offsets = EditMap([(0, 5, "(", "spacing", "PTB bracket")])  # "-LRB- a" -> "( a"
            >>> offsets.to_target(1, 3), offsets.to_target(6, 7)
            ((0, 1), (2, 3))
        """
        first = bisect.bisect_right(self._source_starts, start) - 1
        if first >= 0 and start < self._source_ends[first]:
            target_start = self._target_starts[first]
            if end <= start:
                return target_start, self._target_ends[first]
        else:
            target_start = start + self._delta(first)
            if end <= start:
                return target_start, target_start
        last = bisect.bisect_right(self._source_starts, end - 1) - 1
        if last >= 0 and end - 1 < self._source_ends[last]:
            return target_start, self._target_ends[last]
        return target_start, end + self._delta(last)


class BodyMap:
    """Maps spans between the repaired text (the source) and `Article.text` (the body).

    Built from blocks: stretches of the body copied from the source as they stand.

    Examples:
        >>> source = "Title: Rain\\nIt rained.\\nA lot."
        >>> body = BodyMap.align("It rained.\\nA lot.", source)
        >>> body.to_source(3, 9), source[15:21]
        ((15, 21), 'rained')
        >>> body.to_body(15, 21), body.to_body(0, 5) is None
        ((3, 9), True)
    """

    __slots__ = ("_body_starts", "_lengths", "_source", "_source_ends", "_source_starts")

    def __init__(self, source: str, blocks: Sequence[tuple[int, int, int]]) -> None:
        self._source = source
        self._body_starts = [block[0] for block in blocks]
        self._source_starts = [block[1] for block in blocks]
        self._lengths = [block[2] for block in blocks]
        self._source_ends = [block[1] + block[2] for block in blocks]

    @classmethod
    def align(cls, body: str, source: str) -> BodyMap:
        """Align `body` (made of the source's text, in order) onto `source`.

        Examples:
            >>> BodyMap.align("Notes\\nIt rained.", " = = Notes = = \\nIt rained.")._source_starts
            [5, 16]
        """
        blocks: list[tuple[int, int, int]] = []
        position = 0
        far = _FAR_SEARCHES
        offset = 0
        for line in body.split("\n"):
            if line:
                found = source.find(line, position, position + len(line) + _LINE_REACH)
                if found < 0 and far:
                    far -= 1
                    found = source.find(line, position)
                if found >= 0:
                    blocks.append((offset, found, len(line)))
                    position = found + len(line)
                else:
                    position = _align_characters(line, offset, source, position, blocks)
            offset += len(line) + 1
        return cls(source, blocks)

    def covers(self, start: int, end: int) -> bool:
        """Tell whether any character of the source span was copied into the body.

        Examples:
            >>> BodyMap.align("b", "abc").covers(0, 1), BodyMap.align("b", "abc").covers(0, 2)
            (False, True)
        """
        index = bisect.bisect_right(self._source_ends, start)
        return index < len(self._source_starts) and self._source_starts[index] < end

    def to_source(self, start: int, end: int) -> Span:
        """Return the source span that a body span came from (see the module's notes).

        Examples:
            >>> BodyMap.align("It rained.", "Rain\\nIt rained.").to_source(3, 9)
            (8, 14)
        """
        if not self._body_starts:
            return 0, 0
        return self._source_point(start, before=False), max(
            self._source_point(start, before=False), self._source_point(end, before=True)
        )

    def _source_point(self, position: int, *, before: bool) -> int:
        # `before`: the boundary after the character at position - 1 (a span's end); otherwise
        # the boundary before the character at `position` (a span's start).
        char = position - 1 if before else position
        index = bisect.bisect_right(self._body_starts, char) - 1
        if index >= 0 and char < self._body_starts[index] + self._lengths[index]:
            source = self._source_starts[index] + char - self._body_starts[index]
            return source + 1 if before else source
        # A character made by the metadata stages (a line break between re-formed lines): the
        # gap between the blocks around it.
        if before:
            following = index + 1
            if following < len(self._source_starts):
                return self._source_starts[following]
            return self._source_ends[-1]
        return self._source_ends[index] if index >= 0 else self._source_starts[0]

    def to_body(self, start: int, end: int) -> Span | None:
        """Return the body span a source span became, or None when it is not in the body.

        Examples:
            >>> body = BodyMap.align("It rained.", "Rain\\nIt rained.")
            >>> body.to_body(8, 14), body.to_body(0, 4)
            ((3, 9), None)
        """
        count = len(self._source_starts)
        if not count:
            return None
        first = bisect.bisect_right(self._source_ends, start)
        last = bisect.bisect_left(self._source_starts, end) - 1
        if first <= last and start < end:
            body_start = self._body_starts[first] + max(0, start - self._source_starts[first])
            if first > 0 and start <= self._source_ends[first - 1]:
                body_start = self._body_starts[first - 1] + self._lengths[first - 1]
            body_end = self._body_starts[last] + min(
                self._lengths[last], end - self._source_starts[last]
            )
            if last + 1 < count and end >= self._source_starts[last + 1]:
                body_end = self._body_starts[last + 1]
            return body_start, body_end
        # Nothing of the span was copied: inside one block (an empty span), or in a gap.
        index = bisect.bisect_right(self._source_starts, start) - 1
        if index < 0 or (index >= count - 1 and start > self._source_ends[-1]):
            return None
        if start <= self._source_ends[index]:
            point = self._body_starts[index] + start - self._source_starts[index]
            return point, point
        gap = self._source[self._source_ends[index] : self._source_starts[index + 1]]
        if gap.strip() or self._source[start:end].strip():
            return None  # a line moved out of the body (a header, furniture)
        body_end = self._body_starts[index] + self._lengths[index]
        if start <= self._source_ends[index] and end >= self._source_starts[index + 1]:
            return body_end, self._body_starts[index + 1]
        return body_end, body_end


def _align_characters(
    line: str, offset: int, source: str, position: int, blocks: list[tuple[int, int, int]]
) -> int:
    """Align a re-formed line piece by piece; return where it ended in the source.

    From each character that is not whitespace, the longest stretch of the line found ahead
    in the source (within the reach) becomes a block; the line's whitespace between stretches
    is left unaligned (a line break the metadata stages made a space). A stretch's length is
    found by doubling, then halving (every prefix of a stretch found is found too), so it costs
    about its own length, however long the line.
    """
    index = 0
    size = len(line)
    while index < size:
        if line[index].isspace():
            index += 1
            continue
        end = position + (_PIECE_REACH if blocks and blocks[-1][0] >= offset else _LINE_REACH)
        if source.find(line[index], position, end) < 0:
            index += 1  # made by the metadata stages: nothing to align it with
            continue
        low = _longest_found(line, index, source, position, end)
        found = source.find(line[index : index + low], position, end + low)
        blocks.append((offset + index, found, low))
        position = found + low
        index += low
    return position


def _longest_found(line: str, index: int, source: str, position: int, end: int) -> int:
    """Return the length of the longest ``line[index:]`` prefix found in ``source[position:end]``.

    ``line[index]`` itself is known to be found there.
    """
    low, high = 1, len(line) - index  # a prefix of `low` is found; none longer than `high`
    step = 1
    while low < high:  # doubling: how far does it go?
        size = min(low + step, high)
        if source.find(line[index : index + size], position, end + size) >= 0:
            low = size
            step *= 2
        else:
            high = size - 1
            break
    while low < high:  # halving, between the last size found and the first one not found
        size = (low + high + 1) // 2
        if source.find(line[index : index + size], position, end + size) >= 0:
            low = size
        else:
            high = size - 1
    return low


class FieldFinder:
    """Finds where in the repaired text a field's value was read.

    A value is looked for as it stands, outside the body first; then with whitespace removed
    and curly quotes read as straight ones (a value re-formed from several lines). A document
    may have many fields (a long list of highlights): after a few searches through the whole
    text, a search only reaches a bounded distance past its start, so the cost stays linear.

    Examples:
        >>> source = "Rain Returns\\nBy Ann  Lee\\nRain Returns to the city."
        >>> finder = FieldFinder(source, BodyMap.align("Rain Returns to the city.", source))
        >>> finder.find("Rain Returns"), finder.find("By Ann Lee"), finder.find("Snow")
        ((0, 12), (13, 24), None)
    """

    __slots__ = ("_body", "_budget", "_positions", "_source", "_squeezed")

    def __init__(self, source: str, body: BodyMap) -> None:
        self._source = source
        self._body = body
        self._squeezed: str | None = None
        self._positions: list[int] = []
        self._budget = _FAR_SEARCHES * 4  # searches through the whole text left

    def find(self, value: str, start: int = 0, end: int | None = None) -> Span | None:
        """Return the span of `value` in the source (within ``start:end``), or None.

        Examples:
            >>> source = "Rain\\nIt rained."
            >>> FieldFinder(source, BodyMap.align("It rained.", source)).find("Rain")
            (0, 4)
        """
        if not value:
            return None
        if end is None:
            end = len(self._source)
            if self._budget > 0:
                self._budget -= 1
            else:
                end = min(end, start + len(value) + _LINE_REACH)
        found = self._source.find(value, start, end)
        first = found
        tries = 8
        while found >= 0 and tries and self._body.covers(found, found + len(value)):
            tries -= 1
            found = self._source.find(value, found + 1, end)
        if found >= 0:
            return found, found + len(value)
        if first >= 0:
            return first, first + len(value)
        return self._find_squeezed(value, start, end)

    def _find_squeezed(self, value: str, start: int, end: int) -> Span | None:
        if self._squeezed is None:
            pieces: list[str] = []
            for run in _NOT_SPACE.finditer(self._source):
                pieces.append(run.group())
                self._positions.extend(range(run.start(), run.end()))
            self._squeezed = "".join(pieces).translate(_STRAIGHT)
        wanted = "".join(value.split()).translate(_STRAIGHT)
        if not wanted:
            return None
        low = bisect.bisect_left(self._positions, start)
        high = bisect.bisect_left(self._positions, end)
        found = self._squeezed.find(wanted, low, high)
        if found < 0:
            return None
        return self._positions[found], self._positions[found + len(wanted) - 1] + 1
