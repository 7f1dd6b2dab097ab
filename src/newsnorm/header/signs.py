"""The quiet top: the metadata stages' quick path for a text that opens with its story.

Most stories open with their first paragraph, and the header readers and the dateline then read
nothing. Each reader of the top of a text declares, as `TopSigns`, what the text or its first
lines must show for it to read anything: a literal anywhere in the text or near its start, how
a line opens (lower-cased, or a phrase as written), what a line holds near its start or ends
with, a colon after a key's few words, a line ending in an ISO date, tests of the first line,
of the lines below it and of the whole text, and how many lines from the top it looks at.
`QuietTop` joins the signs of a layout's readers into one pass over the first lines with
string tests only: when no sign shows, none of the readers would read anything, so the
pipeline hands the text on as its body without running them.

Why one pass: where the text stages have just run, the processor's caches hold their code, and
every reader's own quick test, each a few string tests and a pattern, costs twice what it costs
alone (`benchmarks/headers.py`); one short function of string tests costs least there. A signs
declaration must never miss what its reader reads (it may show where the reader then finds
nothing): ``tests/test_quiet_top.py`` checks each against its reader on every layout family.

Examples:
    >>> quiet = QuietTop((TopSigns(openings=("by",), lines=2, short=200),))
    >>> quiet("Rain fell all day.\\nIt stopped at noon."), quiet("Storm\\nBy Ann Lee\\nRain.")
    (True, False)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs

__all__ = ["MARK_REACH", "QuietTop", "TopSigns", "literal_searches"]

MARK_REACH = 200
"""How far into a line its marks (`TopSigns.marks`) are looked for: a bar byline, a BBC update
stamp and a row of share buttons show theirs this early.

Examples:
    >>> MARK_REACH
    200
"""

LineTest = Callable[[str], bool]
Search = Callable[[str], "re.Match[str] | None"]


def literal_searches(literals: Sequence[str]) -> tuple[tuple[str, ...], tuple[Search, ...]]:
    """Split `literals` into those to find one at a time and searches for the others.

    The standard library's `re` finds literals that share their first character in one pass
    faster than one `in` each; literals with different first characters it finds more slowly
    (about ten times) than `in` each, as it then tries every one at each character.

    Examples:
        >>> alone, searches = literal_searches(["ADVERTISEMENT", "Advertisement", "Share this"])
        >>> alone, searches[0]("An Advertisement") is not None
        (('Share this',), True)
    """
    groups: dict[str, list[str]] = {}
    for literal in dict.fromkeys(literals):
        groups.setdefault(literal[:1], []).append(literal)
    alone = tuple(group[0] for group in groups.values() if len(group) == 1)
    searches = tuple(
        re.compile("|".join(map(re.escape, group))).search
        for group in groups.values()
        if len(group) > 1
    )
    return alone, searches


@attrs.frozen
class TopSigns:
    """What a reader cannot read anything without, on the first lines of a text or in it.

    A line is one of the text's first `lines` lines, as split at line breaks; a line below
    one longer than `short` characters shows nothing to this reader.

    Attributes:
        anywhere: literals of which one must be in the text.
        patterns: regexes (in the syntax of the standard library's `re`) of which one must
            match somewhere in the text.
        near_start: (literal, reach) pairs: the literal within the first `reach` characters.
        openings: how a line opens, lower-cased, in one to three characters.
        forms: phrases a line opens with, as written.
        digit: a line opening with a digit (any script's).
        marks: strings a line holds within its first `MARK_REACH` characters.
        endings: strings a line ends with.
        key: a colon after at most three words, as a ``Key: value`` line has.
        date_ending: a line ending as an ISO date does (``-08-30``).
        first_test: a test of the first line, when it is at most `short` characters long.
        below_test: a test of each line below the first.
        text_test: a test of the whole text.
        lines: how many lines from the top show the signs.
        short: how long a line can be for the lines below it (and `first_test`) to count.

    Examples:
        >>> TopSigns(anywhere=("@",)).lines
        1
    """

    anywhere: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    near_start: tuple[tuple[str, int], ...] = ()
    openings: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    digit: bool = False
    marks: tuple[str, ...] = ()
    endings: tuple[str, ...] = ()
    key: bool = False
    date_ending: bool = False
    first_test: LineTest | None = None
    below_test: LineTest | None = None
    text_test: LineTest | None = None
    lines: int = 1
    short: int = 0


def _line_test(signs: Sequence[TopSigns], below: bool) -> LineTest:
    """One test of a line at one depth from the top for the signs of several readers, joined.

    It is made of only the tests the signs need, each a string operation on names bound here:
    the quick path runs it on most texts.
    """
    openings = {opening for sign in signs for opening in sign.openings}
    one, two, three = (
        frozenset(opening for opening in openings if len(opening) == length) for length in (1, 2, 3)
    )
    forms = {form for sign in signs for form in sign.forms}
    forms_by_initial = {
        initial: tuple(sorted(form for form in forms if form[0] == initial))
        for initial in {form[0] for form in forms}
    }
    digit = any(sign.digit for sign in signs)
    # Each found alone in the line's head: `re` finds literals with different first letters
    # in one pass more slowly than `in` each in a short string.
    marks = tuple(dict.fromkeys(mark for sign in signs for mark in sign.marks))
    endings = tuple(dict.fromkeys(ending for sign in signs for ending in sign.endings))
    key = any(sign.key for sign in signs)
    date_ending = any(sign.date_ending for sign in signs)
    tests = tuple(sign.below_test for sign in signs if below and sign.below_test is not None)

    def shows(line: str) -> bool:
        if openings:
            head = line[:3].lower()
            if head[:1] in one or head[:2] in two or head in three:
                return True
        if digit and line[0].isdigit():
            return True
        if forms_by_initial:
            initial_forms = forms_by_initial.get(line[0])
            if initial_forms is not None and line.startswith(initial_forms):
                return True
        if key:
            colon = line.find(":")
            if colon >= 0 and line.count(" ", 0, colon) < 3:
                return True
        if marks:
            head = line[:MARK_REACH]
            for mark in marks:  # a loop beats any() on this hot path
                if mark in head:
                    return True
        if endings and line.endswith(endings):
            return True
        if date_ending and line[-3:-2] == "-" and line[-6:-5] == "-":
            return True
        for test in tests:  # noqa: SIM110 (a loop beats any() on this hot path)
            if test(line):
                return True
        return False

    return shows


class QuietTop:
    """A test of a text for the signs of several readers at once: True when none shows.

    A text that opens with white space or ends with a line break, or whose lines looked at
    are blank or open or end with white space, is not called quiet: the readers' handling
    of those is left to them.

    Examples:
        >>> quiet = QuietTop((TopSigns(anywhere=("@highlight",)), TopSigns(date_ending=True)))
        >>> quiet("Rain fell.\\nIt stopped."), quiet("LONDON 1996-08-30\\nRain fell.")
        (True, False)
        >>> quiet("Rain fell.\\n\\n@highlight\\n\\nRain"), quiet(" Rain fell.")
        (False, False)
    """

    __slots__ = ("_anywhere", "_first_tests", "_lines", "_near", "_searches", "_text_tests")

    def __init__(self, signs: Sequence[TopSigns]) -> None:
        self._anywhere, searches = literal_searches(
            [literal for sign in signs for literal in sign.anywhere]
        )
        # Each pattern alone: one that opens with no literal slows an alternation with others.
        patterns = dict.fromkeys(pattern for sign in signs for pattern in sign.patterns)
        self._searches: tuple[Search, ...] = (
            *searches,
            *(re.compile(pattern).search for pattern in patterns),
        )
        self._near = tuple(dict.fromkeys(pair for sign in signs for pair in sign.near_start))
        self._text_tests = tuple(sign.text_test for sign in signs if sign.text_test is not None)
        self._first_tests = tuple(
            (sign.first_test, sign.short) for sign in signs if sign.first_test is not None
        )
        depth = max((sign.lines for sign in signs), default=0)
        # For each line from the top: its test, and how long it can be for the line below it
        # to be looked at.
        self._lines = tuple(
            (
                _line_test([sign for sign in signs if sign.lines > index], below=index > 0),
                max((sign.short for sign in signs if sign.lines > index + 1), default=-1),
            )
            for index in range(depth)
        )

    def __call__(self, text: str) -> bool:
        """Tell whether no reader's sign shows in `text`."""
        if not text or text[0].isspace() or text[-1] == "\n":
            return False
        for literal in self._anywhere:
            if literal in text:
                return False
        for search in self._searches:
            if search(text) is not None:
                return False
        for literal, reach in self._near:
            if text.find(literal, 0, reach) >= 0:
                return False
        for test in self._text_tests:
            if test(text):
                return False
        start = 0
        first = True
        for shows, reach in self._lines:
            end = text.find("\n", start)
            line = text[start:] if end < 0 else text[start:end]
            if not line or line[0].isspace() or line[-1].isspace() or shows(line):
                return False
            if first:
                for test, short in self._first_tests:
                    if len(line) <= short and test(line):
                        return False
                first = False
            if end < 0 or len(line) > reach:
                return True
            start = end + 1
        return True
