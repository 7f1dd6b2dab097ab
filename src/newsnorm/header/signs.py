"""The quiet top: the metadata stages' quick path for a text that opens with its story.

Most stories open with their first paragraph, and the header readers and the dateline then read
nothing. Each reader of the top of a text declares, as `TopSigns`, what the text or its first
lines must show for it to read anything: a literal anywhere in the text or near its start, a
phrase opening a line anywhere (a widget's line inside the story), how a line opens
(lower-cased, or a phrase as written), what a line holds near its start or ends with, a colon
after a key's few words, a line ending in an ISO date, a dateline form's marks near the start
or on the lines below, tests of the first line (and of it above a blank line), of the lines
below it and of the whole text, and how many lines from the top it looks at; where a cheap
sign shows on lines the reader then mostly turns away, the reader's own test of the line
confirms it. `QuietTop` writes one function of string tests for the signs of a layout's
readers: when no sign shows, none of the readers would read anything, so the pipeline hands
the text on as its body without running them.

Why one written function: where the text stages have just run, the processor's caches hold
their code, and each call, loop and string method costs more than it costs alone
(`benchmarks/headers.py --breakdown` times the test both ways); the readers' own quick tests,
one after the other, cost most there. A signs declaration must never miss what its reader
reads (it may show where the reader then finds nothing): ``tests/test_quiet_top.py`` checks
each against its reader on every layout family.

Examples:
    >>> quiet = QuietTop((TopSigns(openings=("by",), lines=2, short=200),))
    >>> quiet("Rain fell all day.\\nIt stopped at noon."), quiet("Storm\\nBy Ann Lee\\nRain.")
    (True, False)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import attrs

__all__ = [
    "MARK_REACH",
    "HeadMark",
    "QuietTop",
    "TopSigns",
    "line_start_search",
    "literal_searches",
]

MARK_REACH = 200
"""How far into a line its marks (`TopSigns.marks`) are looked for: a bar byline, a BBC update
stamp and a row of share buttons show theirs this early.

Examples:
    >>> MARK_REACH
    200
"""

LineTest = Callable[[str], bool]
Search = Callable[[str], object | None]
HeadMark = tuple[str, tuple[str, ...], Search | None]


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
        line_starts: phrases of which one must open a line somewhere in the text, perhaps
            after white space (a widget's line inside the story).
        patterns: regexes (in the syntax of the standard library's `re`) of which one must
            match somewhere in the text.
        near_start: (literal, reach) pairs: the literal within the first `reach` characters.
        head_marks: (mark, literals, shape) triples, of which one the first `head`
            characters hold: the mark, one of its literals, and a match of the shape's
            search where it has one (a dateline form's gate).
        below_marks: the same triples, in the first `head` characters of each line below
            the first (a line sign, which `confirm_below` may confirm), down to line
            `marks_lines` where that is further than `lines`.
        head: how many characters from the start `head_marks` and `below_marks` are looked
            for in.
        openings: how a line opens, lower-cased, in one to three characters.
        forms: phrases a line opens with, as written.
        digit: a line opening with a digit (any script's).
        marks: strings a line holds within its first `MARK_REACH` characters.
        endings: strings a line ends with.
        key: a colon after at most three words, as a ``Key: value`` line has.
        date_ending: a line ending as an ISO date does (``-08-30``).
        first_test: a test of the first line, when it is at most `short` characters long,
            given the text too (for a reader that looks further where the line shows its sign).
        below_test: a test of each line below the first.
        gap_test: a test of the first line when a blank line stands right below it (a
            headline above its story); without one, the reader skips blank lines, as `Top`
            does, and the line below the blank one is the second.
        confirm: the reader's own test of a line that shows one of its line signs above
            (openings to date ending, `below_marks`, `below_test`): the sign counts only where it
            passes. The quick path asks it only of such lines, so it may cost more.
        confirm_below: the same, for the lines below the first (`confirm` when None).
        text_test: a test of the whole text.
        lines: how many lines from the top show the signs.
        marks_lines: how many lines from the top show `below_marks`, when more than `lines`
            (captions above a dateline: the dateline may stand a few lines down).
        short: how long a line can be for the lines below it (and `first_test`) to count.

    Examples:
        >>> TopSigns(anywhere=("@",)).lines
        1
    """

    anywhere: tuple[str, ...] = ()
    line_starts: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    near_start: tuple[tuple[str, int], ...] = ()
    head_marks: tuple[HeadMark, ...] = ()
    below_marks: tuple[HeadMark, ...] = ()
    head: int = 0
    openings: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    digit: bool = False
    marks: tuple[str, ...] = ()
    endings: tuple[str, ...] = ()
    key: bool = False
    date_ending: bool = False
    first_test: Callable[[str, str], bool] | None = None
    below_test: LineTest | None = None
    gap_test: LineTest | None = None
    confirm: LineTest | None = None
    confirm_below: LineTest | None = None
    text_test: LineTest | None = None
    lines: int = 1
    marks_lines: int = 0
    short: int = 0

    @property
    def depth(self) -> int:
        """How many lines from the top show one of the signs.

        Examples:
            >>> TopSigns(lines=2, marks_lines=4).depth, TopSigns(lines=2).depth
            (4, 2)
        """
        return max(self.lines, self.marks_lines)


class _Source:
    """The source of a generated module, and the values its names stand for."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.names: dict[str, object] = {}

    def name(self, value: object) -> str:
        name = f"_{len(self.names)}"
        self.names[name] = value
        return name

    def turn_away(self, tests: Sequence[str], answer: bool = False) -> None:
        """Return `answer` when one of `tests` (expressions) holds."""
        if tests:
            self.lines += ["    if " + " or ".join(tests) + ":", f"        return {answer}"]


def _by_character(strings: set[str], at: int) -> dict[str, tuple[str, ...]]:
    """`strings` by their character at `at` (0: the first, -1: the last)."""
    return {
        char: tuple(sorted(string for string in strings if string[at] == char))
        for char in {string[at] for string in strings}
    }


def _line_sign_tests(signs: Sequence[TopSigns], index: int, source: _Source) -> list[str]:
    """Write the expressions that tell whether `line`, line `index`, shows a sign of `signs`.

    The line signs (openings to date ending) of the signs that look this far down
    (`TopSigns.lines`), and below the first line the marks (down to `TopSigns.depth`) and the
    test of the lines below.
    """
    tests: list[str] = []
    below = index > 0
    marked = [sign for sign in signs if below and sign.below_marks and sign.depth > index]
    signs = [sign for sign in signs if sign.lines > index]
    openings = {opening for sign in signs for opening in sign.openings}
    if openings:
        # One look-up by the first character: the openings it may begin.
        by_initial = source.name(_by_character(openings, 0))
        tests.append(f"(head := line[:3].lower()).startswith({by_initial}.get(head[:1], ()))")
    if any(sign.digit for sign in signs):
        tests.append("line[0].isdigit()")
    forms = {form for sign in signs for form in sign.forms}
    if forms:
        tests.append(f"line.startswith({source.name(_by_character(forms, 0))}.get(line[0], ()))")
    if any(sign.key for sign in signs):
        tests.append('(0 <= (colon := line.find(":")) and line.count(" ", 0, colon) < 3)')
    # Each found alone in the line's head: `re` finds literals with different first letters
    # in one pass more slowly than `in` each in a short string. A mark with a colon is looked
    # for only where the key's test above found one (`colon`).
    marks = dict.fromkeys(mark for sign in signs for mark in sign.marks)
    keyed = [mark for mark in marks if ":" in mark] if any(sign.key for sign in signs) else []
    plain = [mark for mark in marks if mark not in keyed]
    for number, mark in enumerate(plain):
        head = f"(marked := line[:{MARK_REACH}])" if number == 0 else "marked"
        tests.append(f"{mark!r} in {head}")
    if keyed:
        head = "marked" if plain else f"(marked := line[:{MARK_REACH}])"
        found = " or ".join(
            f"{mark!r} in {head if n == 0 else 'marked'}" for n, mark in enumerate(keyed)
        )
        tests.append(f"(0 <= colon and ({found}))")
    endings = {ending for sign in signs for ending in sign.endings}
    if endings:
        by_final = source.name(_by_character(endings, -1))
        tests.append(f"line.endswith({by_final}.get(line[-1], ()))")
    if any(sign.date_ending for sign in signs):
        tests.append('(line[-3:-2] == "-" and line[-6:-5] == "-")')
    # Readers sharing marks (the dateline's gate) share their test.
    tests += (
        _marks_test(marks_, f"line_head_{number}", f"line[:{head}]", source)
        for number, (marks_, head) in enumerate(
            dict.fromkeys((sign.below_marks, sign.head) for sign in marked)
        )
    )
    if below:
        tests += (f"{source.name(s.below_test)}(line)" for s in signs if s.below_test is not None)
    return tests


# How many literals a mark's head is searched for one at a time: `in` each costs less than a
# call of a search on a short head, up to about this many.
_FEW_LITERALS = 4


def _marks_test(marks: Sequence[HeadMark], head: str, slice_: str, source: _Source) -> str:
    """Write the expression that tells whether `slice_`, named `head`, holds one of `marks`."""
    tests: list[str] = []
    for mark, literals, shape in marks:
        named = f"({head} := {slice_})" if not tests else head
        test = f"{mark!r} in {named}"
        if literals and mark not in literals:  # else the mark alone shows
            # Many literals (an agency's name in brackets) in one search; a few, one at a time.
            alone, searches = (
                literal_searches(literals) if len(literals) > _FEW_LITERALS else (literals, ())
            )
            found = [
                *(f"{literal!r} in {head}" for literal in alone),
                *(f"{source.name(search)}({head}) is not None" for search in searches),
            ]
            test += " and (" + " or ".join(found) + ")"
        if shape is not None:
            test += f" and {source.name(shape)}({head}) is not None"
        tests.append(f"({test})")
    return " or ".join(tests)


def _write_confirmation(signs: Sequence[TopSigns], index: int, source: _Source) -> str | None:
    """Write the test of a line showing a line sign, which tells whether its reader confirms it.

    Returns the test's name; None when no reader confirms its signs: each shows as it is.
    """
    below = index > 0
    confirms = [sign.confirm_below or sign.confirm if below else sign.confirm for sign in signs]
    if all(confirm is None for confirm in confirms):
        return None
    name = f"confirmed_{'below' if below else 'first'}_{len(source.names)}"
    function = [f"def {name}(line):"]
    for sign, confirm in zip(signs, confirms, strict=True):
        tests = _line_sign_tests([sign], index, source)
        if tests:
            confirmed = "" if confirm is None else f" and {source.name(confirm)}(line)"
            function += [f"    if ({' or '.join(tests)}){confirmed}:", "        return True"]
    source.lines[:0] = [*function, "    return False", ""]
    return name


def line_start_search(starts: Sequence[str]) -> Search:
    """Search for one of `starts` opening a line, perhaps after white space (not a break).

    Examples:
        >>> search = line_start_search(["ADVERTISEMENT"])
        >>> search("Rain.\\n ADVERTISEMENT\\nSun.") is not None, search("An ADVERTISEMENT") is None
        (True, True)
    """
    return re.compile(r"^[^\S\n]*(?:" + "|".join(map(re.escape, starts)) + ")", re.M).search


def _after_break_search(starts: Sequence[str]) -> Search:
    # `line_start_search` below the first line: its pattern opens with the break, which `re`
    # finds one character at a time in a tight loop, about twice as fast as one `in` of each
    # phrase (their common letters keep the string search from skipping ahead).
    return re.compile(r"\n[^\S\n]*(?:" + "|".join(map(re.escape, starts)) + ")").search


class QuietTop:
    """A test of a text for the signs of several readers at once: True when none shows.

    Blank lines between the lines looked at are skipped, as the readers skip them (one at a
    time: paragraphs stand so); a blank line right below the first line shows what the
    readers' `TopSigns.gap_test` says of that line. A text that opens with white space or
    ends with a line break, or whose lines looked at open or end with white space or stand
    below two blank lines, is not called quiet: the readers' handling of those is left to
    them.

    The test is a function written for the signs it is given (`source`): the string tests
    they need, in a row, and no loop. It runs on most texts, where each call, loop and string
    method that the text stages have not just run costs more than the test itself.

    Examples:
        >>> quiet = QuietTop((TopSigns(anywhere=("@highlight",)), TopSigns(date_ending=True)))
        >>> quiet("Rain fell.\\nIt stopped."), quiet("LONDON 1996-08-30\\nRain fell.")
        (True, False)
        >>> quiet("Rain fell.\\n\\n@highlight\\n\\nRain"), quiet.test(" Rain fell.")
        (False, False)
    """

    __slots__ = ("signs", "source", "test")

    def __init__(self, signs: Sequence[TopSigns]) -> None:
        self.signs = tuple(signs)
        """The signs the test looks for."""
        for sign in signs:
            if (sign.head_marks or sign.below_marks) and sign.head <= 0:
                raise ValueError(f"marks looked for in no characters (head={sign.head}): {sign}")
        source = _Source()
        source.lines.append("def quiet(text):")
        source.turn_away(['not text or text[0].isspace() or text[-1] == "\\n"'])
        alone, searches = literal_searches([literal for sign in signs for literal in sign.anywhere])
        starts = tuple(dict.fromkeys(start for sign in signs for start in sign.line_starts))
        # Each pattern alone: one that opens with no literal slows an alternation with others.
        patterns = dict.fromkeys(pattern for sign in signs for pattern in sign.patterns)
        near = dict.fromkeys(pair for sign in signs for pair in sign.near_start)
        source.turn_away(
            [
                *(f"{literal!r} in text" for literal in alone),
                *(
                    f"{source.name(search)}(text) is not None"
                    for search in (*searches, *(re.compile(p).search for p in patterns))
                ),
                *(f"text.find({literal!r}, 0, {reach}) >= 0" for literal, reach in near),
                *(  # a line's start: the first line's (it opens with no space), or after a break
                    [
                        f"text.startswith({starts!r})",
                        f"{source.name(_after_break_search(starts))}(text) is not None",
                    ]
                    if starts
                    else []
                ),
                *(  # readers sharing marks (the dateline's gate) share their test
                    _marks_test(marks, f"head_{number}", f"text[:{head}]", source)
                    for number, (marks, head) in enumerate(
                        dict.fromkeys((sign.head_marks, sign.head) for sign in signs)
                    )
                    if marks
                ),
                *(f"{source.name(s.text_test)}(text)" for s in signs if s.text_test is not None),
            ]
        )
        depth = max((sign.depth for sign in signs), default=0)
        for index in range(depth):
            at = [sign for sign in signs if sign.depth > index]
            if index == 0:
                source.lines += [
                    '    end = text.find("\\n")',
                    "    line = text if end < 0 else text[:end]",
                ]
            else:
                # One blank line (paragraphs stand so) is skipped, as the readers skip it;
                # the text ends in none. Below the first line, it may be a sign itself.
                gap_tests = [
                    f"{source.name(sign.gap_test)}(first)"
                    for sign in at
                    if index == 1 and sign.gap_test is not None
                ]
                source.lines += ["    start = end + 1", '    if text[start] == "\\n":']
                source.lines += [
                    *(f"        if {' or '.join(gap_tests)}:", "            return False")[
                        : 2 if gap_tests else 0
                    ],
                    "        start += 1",
                    '    end = text.find("\\n", start)',
                    "    line = text[start:] if end < 0 else text[start:end]",
                ]
            source.turn_away(["not line or line[0].isspace() or line[-1].isspace()"])
            tests = _line_sign_tests(at, index, source)
            confirmation = _write_confirmation(at, index, source)
            if tests and confirmation is not None:
                # A line sign shows: it counts if its reader confirms it.
                tests = [f"({' or '.join(tests)}) and {confirmation}(line)"]
            source.turn_away(tests)
            if index == 0:
                source.turn_away(
                    [
                        f"(len(line) <= {sign.short} and {source.name(test)}(line, text))"
                        for sign in signs
                        if (test := sign.first_test) is not None
                    ]
                )
            if index < depth - 1:
                # How long a line can be for the line below it to be looked at.
                reach = max((sign.short for sign in signs if sign.depth > index + 1), default=-1)
                source.turn_away([f"end < 0 or len(line) > {reach}"], answer=True)
                if index == 0 and any(sign.gap_test is not None for sign in signs):
                    source.lines.append("    first = line")
        source.lines.append("    return True")
        self.source = "\n".join(source.lines)
        """The functions' source, to read (its names stand for values bound when it is run)."""
        namespace = dict(source.names)
        exec(compile(self.source, "<newsnorm.header.signs.QuietTop>", "exec"), namespace)
        self.test: Callable[[str], bool] = namespace["quiet"]  # type: ignore[assignment]
        """The test: True when no reader's sign shows in the text."""

    def __call__(self, text: str) -> bool:
        """Tell whether no reader's sign shows in `text` (`test`)."""
        return self.test(text)
