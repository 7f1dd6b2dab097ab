"""Edits and their composition: how a chain of text changes stays anchored to the raw text.

An edit replaces ``source[start:end]`` by ``text``. A stage that runs a regex substitution
records one edit per match, in the coordinates of that substitution's input (`Recorder.sub`);
the `Recorder` then composes them with everything recorded before (`compose`), so that its
edit list always takes the raw text to the current text. Composition is a single sweep over
both lists, so tracing stays linear in the number of edits; edits of two steps that touch the
same characters merge into one, naming both steps (``"characters + spacing"``).

Inside this module edits are plain tuples ``(start, end, text, stage, rule)`` (`RawEdit`), which
cost far less to build than objects; `Edit` is their public, frozen form.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Sequence

import attrs
import regex

__all__ = [
    "Edit",
    "RawEdit",
    "Recorder",
    "apply_edits",
    "compose",
    "localized_edits",
]

RawEdit = tuple[int, int, str, str, str]
"""An edit as a tuple: ``(start, end, text, stage, rule)``.

Examples:
    >>> edit: RawEdit = (2, 4, "", "spacing", "closing punctuation")
    >>> apply_edits("It , works", [edit])
    'It works'
"""

# What separates the names of steps whose edits merged into one.
JOINT = " + "


@attrs.frozen
class Edit:
    """One change to the raw text: ``raw[start:end]`` became `text`.

    Attributes:
        start: where the replaced span starts in the raw text.
        end: where it ends (exclusive); ``start == end`` for an insertion.
        text: what replaces it (``""`` for a deletion).
        stage: the pipeline stage that made it: ``layout``, ``characters``, ``spacing``,
            ``quotes`` or ``paragraphs``; when two stages changed the same characters, their
            names joined by ``" + "`` in the order they ran.
        rule: the stage's rule (for ``spacing`` one of `newsnorm.spacing.RULE_NAMES`), joined
            by ``" + "`` in the same way.

    Examples:
        >>> edit = Edit(2, 4, "", "spacing", "closing punctuation")
        >>> edit.apply("It , works")
        'It works'
        >>> Edit(3, 1, "", "spacing", "x")
        Traceback (most recent call last):
        ...
        ValueError: an edit's span must satisfy 0 <= start <= end: (3, 1)
    """

    start: int
    end: int
    text: str
    stage: str
    rule: str

    def __attrs_post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(
                f"an edit's span must satisfy 0 <= start <= end: ({self.start}, {self.end})"
            )

    def apply(self, text: str) -> str:
        """Return `text` with this one edit made.

        Examples:
            >>> Edit(0, 0, "A", "characters", "x").apply("bc")
            'Abc'
        """
        return text[: self.start] + self.text + text[self.end :]


def apply_edits(text: str, edits: Iterable[Edit | RawEdit]) -> str:
    """Make every edit (in order, non-overlapping, in `text`'s coordinates) at once.

    Examples:
        >>> apply_edits("It , is n't", [Edit(2, 3, "", "spacing", "a"), (7, 8, "", "s", "b")])
        "It, isn't"
    """
    pieces: list[str] = []
    position = 0
    for edit in edits:
        start, end, new = (edit.start, edit.end, edit.text) if isinstance(edit, Edit) else edit[:3]
        if start < position or end > len(text):
            raise ValueError(f"edits overlap or leave the text: ({start}, {end})")
        pieces += (text[position:start], new)
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _joined(first: str, second: str) -> str:
    if not first or first == second:
        return second
    if not second or second in first.split(JOINT):
        return first
    return f"{first}{JOINT}{second}"


def _minimal(source: str, start: int, end: int, text: str) -> tuple[int, int, str]:
    """Trim what `text` shares with ``source[start:end]`` at both ends (`` ,`` -> ``,``)."""
    old = source[start:end]
    if old == text:
        return start, start, ""
    prefix = 0
    limit = min(len(old), len(text))
    while prefix < limit and old[prefix] == text[prefix]:
        prefix += 1
    suffix = 0
    limit -= prefix
    while suffix < limit and old[-1 - suffix] == text[-1 - suffix]:
        suffix += 1
    return start + prefix, end - suffix, text[prefix : len(text) - suffix]


def compose(source: str, first: Sequence[RawEdit], second: Sequence[RawEdit]) -> list[RawEdit]:
    """Compose two edit lists: `first` takes `source` to a text T, `second` takes T further.

    Returns one list, in `source`'s coordinates, taking `source` straight to the final text.
    Edits of the two lists that overlap in T (or where one is an insertion or deletion point
    strictly inside the other) merge into one edit naming both; the rest only shift. An edit
    that ends up changing nothing is dropped. One sweep over both lists: linear time.

    Examples:
        >>> source = "It  , is"
        >>> first = [(2, 4, " ", "characters", "space run")]
        >>> middle = apply_edits(source, first)
        >>> middle
        'It , is'
        >>> second = [(2, 3, "", "spacing", "closing punctuation")]
        >>> apply_edits(middle, second)
        'It, is'
        >>> compose(source, first, second)
        [(2, 4, '', 'characters + spacing', 'space run + closing punctuation')]
        >>> compose("abc", [(1, 2, "X", "s", "r")], [(0, 1, "Z", "t", "q")])
        [(0, 1, 'Z', 't', 'q'), (1, 2, 'X', 's', 'r')]
    """
    if not second:
        return list(first)
    if not first:
        return list(second)
    out: list[RawEdit] = []
    i = j = 0
    n_first, n_second = len(first), len(second)
    delta = 0  # length of T minus length of source, over the edits of `first` passed so far
    while i < n_first or j < n_second:
        # Take the item that comes first in T: (start, end), an edit of `first` on ties.
        if i < n_first:
            a_start, a_end, a_text, _, _ = first[i]
            ts, te = a_start + delta, a_start + delta + len(a_text)
        if j < n_second:
            bs, be = second[j][0], second[j][1]
        take_first = j >= n_second or (i < n_first and (ts, te) <= (bs, be))
        cluster_start = ts if take_first else bs
        cluster_end = te if take_first else be
        raw_start = cluster_start - delta
        a_members: list[RawEdit] = []
        b_members: list[RawEdit] = []
        if take_first:
            a_members.append(first[i])
            delta += len(a_text) - (a_end - a_start)
            i += 1
        else:
            b_members.append(second[j])
            j += 1
        # Grow the cluster while the next item (of either list) reaches into it.
        while True:
            grew = False
            if i < n_first:
                a_start, a_end, a_text, _, _ = first[i]
                ts = a_start + delta
                te = ts + len(a_text)
                if ts < cluster_end and (ts < te or cluster_start < ts):
                    a_members.append(first[i])
                    delta += len(a_text) - (a_end - a_start)
                    cluster_end = max(cluster_end, te)
                    i += 1
                    grew = True
            if j < n_second:
                bs, be = second[j][0], second[j][1]
                if bs < cluster_end and (bs < be or cluster_start < bs):
                    b_members.append(second[j])
                    cluster_end = max(cluster_end, be)
                    j += 1
                    grew = True
            if not grew:
                break
        if len(a_members) + len(b_members) == 1:
            if a_members:
                out.append(a_members[0])
            else:
                b = b_members[0]
                out.append((raw_start, raw_start + (b[1] - b[0]), b[2], b[3], b[4]))
            continue
        raw_end = cluster_end - delta
        # The cluster's text in T, rebuilt from the source and the edits of `first` in it.
        pieces: list[str] = []
        position = raw_start
        stage = rule = ""
        for a_start, a_end, a_text, a_stage, a_rule in a_members:
            pieces += (source[position:a_start], a_text)
            position = a_end
            stage, rule = _joined(stage, a_stage), _joined(rule, a_rule)
        pieces.append(source[position:raw_end])
        middle = "".join(pieces)
        pieces = []
        position = 0
        for b_start, b_end, b_text, b_stage, b_rule in b_members:
            pieces += (middle[position : b_start - cluster_start], b_text)
            position = b_end - cluster_start
            stage, rule = _joined(stage, b_stage), _joined(rule, b_rule)
        pieces.append(middle[position:])
        start, end, text = _minimal(source, raw_start, raw_end, "".join(pieces))
        if start < end or text:
            out.append((start, end, text, stage, rule))
    return out


_TOKENS = regex.compile(r"\s+|\S+")


def localized_edits(
    before: str, after: str, stage: str, rule: str, *, budget: int = 10_000
) -> list[RawEdit]:
    """Find where `after` differs from `before` when the step between them gives no positions.

    Edits are whole words (runs without whitespace), which read as what was repaired
    (``&amp;`` -> ``&``, ``cafÃ©`` -> ``café``). When the step left the whitespace as it was
    (ftfy's repairs almost always do), the words of the two texts are compared one by one:
    linear time. Otherwise the shared beginning and end are trimmed, and the changed middle is
    aligned with `difflib` when the product of the two middles' lengths is within `budget`
    (`difflib` costs far more than that product on repetitive text, so the budget is small);
    beyond it the middle is one edit. Either way each change is widened to the whole words it
    stands in, and changes within one word become one edit.

    Examples:
        >>> before, after = "A cafÃ© &amp; barâ€™s.", "A café & bar’s."
        >>> for start, end, text, _, _ in localized_edits(before, after, "characters", "ftfy"):
        ...     print(start, end, before[start:end], "->", text)
        2 7 cafÃ© -> café
        8 13 &amp; -> &
        14 22 barâ€™s. -> bar’s.
        >>> localized_edits("a\\r\\nb", "a\\nb", "characters", "ftfy")
        [(1, 2, '', 'characters', 'ftfy')]
    """
    if before == after:
        return []
    old_tokens = _TOKENS.findall(before)
    new_tokens = _TOKENS.findall(after)
    if len(old_tokens) == len(new_tokens) and all(
        old == new or not (old.isspace() or new.isspace())
        for old, new in zip(old_tokens, new_tokens, strict=True)
    ):
        edits: list[RawEdit] = []
        position = 0
        for old, new in zip(old_tokens, new_tokens, strict=True):
            if old != new:
                edits.append((position, position + len(old), new, stage, rule))
            position += len(old)
        return edits
    start, end, text = _minimal(before, 0, len(before), after)
    old = before[start:end]
    changes: list[list[int]] = []  # [i1, i2, j1, j2] in before's and after's coordinates
    if len(old) * len(text) > budget or not old or not text:
        opcodes: Sequence[tuple[str, int, int, int, int]] = [("replace", 0, len(old), 0, len(text))]
    else:
        matcher = difflib.SequenceMatcher(None, old, text, autojunk=False)
        opcodes = matcher.get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        i1, i2, j1, j2 = i1 + start, i2 + start, j1 + start, j2 + start
        # Changes with no whitespace between them stand in one word: one edit.
        if changes and not any(char.isspace() for char in before[changes[-1][1] : i1]):
            changes[-1][1], changes[-1][3] = i2, j2
        else:
            changes.append([i1, i2, j1, j2])
    # Each change takes the rest of its word; what lies between changes reads the same in both
    # texts (as do the shared beginning and end), so both sides widen alike.
    edits = []
    for number, (i1, i2, j1, j2) in enumerate(changes):
        previous = changes[number - 1][1] if number else 0
        following = changes[number + 1][0] if number + 1 < len(changes) else len(before)
        # (Only a change of characters that are not whitespace stands in a word.)
        starts_word = (i1 < i2 and not before[i1].isspace()) or (
            j1 < j2 and not after[j1].isspace()
        )
        ends_word = (i1 < i2 and not before[i2 - 1].isspace()) or (
            j1 < j2 and not after[j2 - 1].isspace()
        )
        back = _word_run_back(before, previous, i1) if starts_word else 0
        ahead = _word_run(before, i2, following) if ends_word else 0
        edits.append((i1 - back, i2 + ahead, after[j1 - back : j2 + ahead], stage, rule))
    return edits


def _word_run(text: str, start: int, end: int) -> int:
    """How many characters of ``text[start:end]`` from its start are not whitespace."""
    index = start
    while index < end and not text[index].isspace():
        index += 1
    return index - start


def _word_run_back(text: str, start: int, end: int) -> int:
    """How many characters of ``text[start:end]`` from its end are not whitespace."""
    index = end
    while index > start and not text[index - 1].isspace():
        index -= 1
    return end - index


Replacement = str | Callable[[regex.Match[str]], str]


class Recorder:
    """Records the edits of a chain of text steps, composed into the raw text's coordinates.

    Each step reports its changes in its own input's coordinates; `edits` always takes `raw`
    to the latest text. `stage` names the stage now running (the stages set it).

    Examples:
        >>> import regex
        >>> recorder = Recorder("It ,  works .")
        >>> recorder.stage = "spacing"
        >>> text = recorder.sub(regex.compile(" {2,}"), " ", "It ,  works .", "space run")
        >>> text = recorder.replace(text, " ,", ",", "closing punctuation")
        >>> text
        'It, works .'
        >>> recorder.edits
        [(2, 3, '', 'spacing', 'closing punctuation'), (5, 6, '', 'spacing', 'space run')]
    """

    __slots__ = ("edits", "raw", "stage")

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.edits: list[RawEdit] = []
        self.stage = ""

    def record(self, text: str, changes: Iterable[tuple[int, int, str]], rule: str) -> None:
        """Compose the changes that one step made to `text` (its input), in order.

        Examples:
            >>> recorder = Recorder("ab")
            >>> recorder.record("ab", [(0, 1, "A")], "capital")
            >>> recorder.edits
            [(0, 1, 'A', '', 'capital')]
        """
        stage = self.stage
        step: list[RawEdit] = []
        for start, end, new in changes:
            start, end, new = _minimal(text, start, end, new)
            if new and end - start > len(new):
                # What is kept of the span stands inside it (" ’ " -> "’"): two deletions.
                kept = text.find(new, start, end)
                if kept > start:
                    step.append((start, kept, "", stage, rule))
                    step.append((kept + len(new), end, "", stage, rule))
                    continue
            if start < end or new:
                step.append((start, end, new, stage, rule))
        if step:
            self.edits = compose(self.raw, self.edits, step)

    def extend(self, step: list[RawEdit]) -> None:
        """Compose a step's edits (on the current text, in order, already named).

        Examples:
            >>> recorder = Recorder("ab")
            >>> recorder.extend([(2, 2, "c", "layout", "x")])
            >>> recorder.edits
            [(2, 2, 'c', 'layout', 'x')]
        """
        if step:
            self.edits = compose(self.raw, self.edits, step)

    def sub(
        self, pattern: regex.Pattern[str], replacement: Replacement, text: str, rule: str
    ) -> str:
        """Return ``pattern.sub(replacement, text)``, recording each match's replacement.

        Examples:
            >>> import regex
            >>> recorder = Recorder("-LRB- a -RRB-")
            >>> recorder.sub(regex.compile("-(L|R)RB-"), lambda m: "(" if m[1] == "L" else ")",
            ...              "-LRB- a -RRB-", "PTB bracket")
            '( a )'
            >>> [edit[:3] for edit in recorder.edits]
            [(0, 5, '('), (8, 13, ')')]
        """
        found: list[tuple[int, int, str]] = []
        if callable(replacement):
            make = replacement

            def callback(match: regex.Match[str]) -> str:
                new = make(match)
                found.append((match.start(), match.end(), new))
                return new

        elif "\\" in replacement:
            template = replacement

            def callback(match: regex.Match[str]) -> str:
                new = match.expand(template)
                found.append((match.start(), match.end(), new))
                return new

        else:
            literal = replacement

            def callback(match: regex.Match[str]) -> str:
                found.append((match.start(), match.end(), literal))
                return literal

        result = pattern.sub(callback, text)
        self.record(text, found, rule)
        return result

    def replace(self, text: str, old: str, new: str, rule: str) -> str:
        """Return ``text.replace(old, new)``, recording each occurrence.

        Examples:
            >>> recorder = Recorder("a . b .")
            >>> recorder.replace("a . b .", " .", ".", "closing period")
            'a. b.'
            >>> [edit[:3] for edit in recorder.edits]
            [(1, 2, ''), (5, 6, '')]
        """
        position = text.find(old)
        if position < 0:
            return text
        found: list[tuple[int, int, str]] = []
        size = len(old)
        while position >= 0:
            found.append((position, position + size, new))
            position = text.find(old, position + size)
        self.record(text, found, rule)
        return text.replace(old, new)

    def whitespace(self, before: str, after: str, rule: str) -> None:
        """Record a step that changed whitespace only (`after` has `before`'s other characters).

        Runs of whitespace that differ are compared where they stand: linear time.

        Examples:
            >>> recorder = Recorder("a  b\\n c")
            >>> recorder.whitespace("a  b\\n c", "a b c", "unwrap")
            >>> [edit[:3] for edit in recorder.edits]
            [(2, 3, ''), (4, 5, '')]
        """
        found: list[tuple[int, int, str]] = []
        i = j = 0
        n, m = len(before), len(after)
        while True:
            run = _common_run(before, i, after, j)
            i += run
            j += run
            if i == n and j == m:
                break
            i_end, j_end = i, j
            while i_end < n and before[i_end].isspace():
                i_end += 1
            while j_end < m and after[j_end].isspace():
                j_end += 1
            if i_end == i and j_end == j:
                raise ValueError("not a whitespace-only change")
            found.append((i, i_end, after[j:j_end]))
            i, j = i_end, j_end
        self.record(before, found, rule)

    def deletions(self, before: str, after: str, rule: str) -> None:
        """Record a step that only deleted characters (`after` is a subsequence of `before`).

        The characters kept are matched greedily from the left, which is exact for the text:
        which of two equal neighbours went makes no difference to it. Linear time.

        Examples:
            >>> recorder = Recorder('" a "')
            >>> recorder.deletions('" a "', '"a"', "straight quotes paired")
            >>> [edit[:3] for edit in recorder.edits]
            [(1, 2, ''), (3, 4, '')]
        """
        found: list[tuple[int, int, str]] = []
        i = j = 0
        n, m = len(before), len(after)
        while j < m:
            run = _common_run(before, i, after, j)
            i += run
            j += run
            if j == m:
                break
            start = i
            wanted = after[j]
            i = before.find(wanted, i)
            if i < 0:
                raise ValueError("not a deletion-only change")
            found.append((start, i, ""))
        if i < n:
            found.append((i, n, ""))
        self.record(before, found, rule)


def _common_run(first: str, i: int, second: str, j: int) -> int:
    """Return the length of the longest common prefix of ``first[i:]`` and ``second[j:]``.

    Slices are compared in doubling, then halving sizes: the characters are compared in C,
    and only a logarithmic number of Python steps is taken per run.
    """
    limit = min(len(first) - i, len(second) - j)
    length = 0
    size = 1
    while (
        length + size <= limit
        and first[i + length : i + length + size] == second[j + length : j + length + size]
    ):
        length += size
        size *= 2
    while size > 1:
        size //= 2
        if (
            length + size <= limit
            and first[i + length : i + length + size] == second[j + length : j + length + size]
        ):
            length += size
    return length
