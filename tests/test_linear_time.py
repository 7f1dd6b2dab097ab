"""Hostile input takes linear time: families of adversarial text, timed at doubling sizes.

Each family is a shape of text that once made a stage slower than linear (or linear but far
slower than prose): runs of one mark, alternations of two, separators between capitalized
words, a date before a long run. Two checks, both judged by ratios of timings taken in this run,
never by absolute times, so that they hold on a slow or busy machine:

- growth: the time at 8n is under 8 x 2.5 times the time at n (a quadratic stage gives 64);
  a call that runs past that bound is cut short by a timer and fails at once;
- speed: the time per character is under 3x (`_SPEED_BOUND`) that of `normalize` on the
  example news documents in examples/corpus, timed alternately with the family.

Every timing is the best of three, each of enough calls to last 20 ms. Growth is timed on
texts of up to 64,000 characters (256,000 for one family): beyond that the memory caches make
the time per character of even a linear stage jump by 2x or more. Each family of the issue
fails on the code before its fix (checked by running this file against that code).
"""

from __future__ import annotations

import gc
import json
import math
import random
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import pytest

from newsnorm import (
    detect_style,
    fix_characters,
    fix_quotes,
    normalize,
    normalize_text,
    parse_date,
    repair_spacing,
    split_dateline,
)

pytestmark = pytest.mark.slow

_GROWTH_BOUND = 2.5  # allowed growth beyond linear, from n to 8n
_SPEED_BOUND = 3.0  # allowed time per character, as a multiple of ordinary news text
_MINIMUM = 0.02  # seconds each timing lasts at least (calls are repeated to reach it)
_BASE_LIMIT = 10.0  # seconds past which a call at the smallest size stops the test at once

Function = Callable[[str], object]
Maker = Callable[[int], str]
_T = TypeVar("_T")


class _TooSlowError(Exception):
    """A call ran past the time the linear bound allows it."""


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Interrupt the block after `seconds` with `_TooSlowError` (POSIX, main thread; else no limit).

    A super-linear stage at the largest size would otherwise run for minutes before failing.
    """
    if (
        seconds == math.inf
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def interrupt(_signal: int, _frame: object) -> None:
        raise _TooSlowError

    previous = signal.signal(signal.SIGALRM, interrupt)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def _no_collection() -> Iterator[None]:
    """Run the block with the garbage collector off (it runs again after, as it would).

    A full collection of what earlier tests left behind can stop a timed call for longer than
    its bound allows, and it measures them, not the call. (Collecting before each timing
    instead cost the suite about two minutes.)
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _seconds(function: Callable[[_T], object], argument: _T, limit: float = math.inf) -> float:
    """The best of three timings of `function(argument)`, in seconds per call.

    Raises `_TooSlowError` if the first call takes longer than `limit`.
    """
    with _no_collection():
        with _deadline(limit):
            start = time.perf_counter()
            function(argument)
            once = time.perf_counter() - start
        calls = max(1, math.ceil(_MINIMUM / max(once, 1e-9)))
        best = once if calls == 1 else math.inf
        for _ in range(3 if calls > 1 else 2):
            start = time.perf_counter()
            for _ in range(calls):
                function(argument)
            best = min(best, (time.perf_counter() - start) / calls)
    return best


def _assert_linear(
    function: Function, make: Maker, n: int, factors: tuple[int, ...] = (2, 4, 8)
) -> None:
    """Time `function` at sizes n, 2n, 4n and 8n; fail if 8n takes over 8 x 2.5 times n."""
    try:
        base = _seconds(function, make(n), _BASE_LIMIT)
    except _TooSlowError:
        pytest.fail(f"one call at n = {n} took over {_BASE_LIMIT} s")
    timings = [base]
    for factor in factors:
        limit = base * factor * _GROWTH_BOUND * 1.5 + 0.2  # well past the bound: a failure
        try:
            timings.append(_seconds(function, make(n * factor), limit))
        except _TooSlowError:
            pytest.fail(
                f"super-linear: at {factor}n one call took over {limit:.2f} s, {base:.4f} s at n"
            )
    growth = timings[-1] / base
    shown = ", ".join(f"{timing * 1000:.1f}" for timing in timings)
    assert growth < 8 * _GROWTH_BOUND, f"8x the input took {growth:.1f}x the time ({shown} ms)"


# Ordinary news text: the example documents, each normalized alone, as a corpus run does.
_EXAMPLES = Path(__file__).parent.parent / "examples" / "corpus"
_ORDINARY = [
    *(path.read_text(encoding="utf-8") for path in sorted(_EXAMPLES.glob("*.txt"))),
    *(
        json.loads(line)["text"]
        for line in (_EXAMPLES / "records.jsonl").read_text("utf-8").splitlines()
    ),
]


def _normalize_each(documents: list[str]) -> None:
    for document in documents:
        normalize(document)


def _assert_fast(function: Function, text: str) -> None:
    """Fail if `function` takes over 3x the time per character of `normalize` on news text."""
    ordinary = family = math.inf
    size = sum(map(len, _ORDINARY))
    for _ in range(3):  # alternately, so that a slow spell of the machine hits both alike
        ordinary = min(ordinary, _seconds(_normalize_each, _ORDINARY) / size)
        family = min(family, _seconds(function, text) / len(text))
    ratio = family / ordinary
    assert ratio < _SPEED_BOUND, (
        f"{family * 1e9:.0f} ms per MB, {ratio:.1f}x ordinary news text ({ordinary * 1e9:.0f})"
    )


def _curly(text: str) -> str:
    return fix_quotes(text, "curly")


def _as_moses(text: str) -> object:
    return normalize(text, spacing="moses")


def _without_characters(text: str) -> object:
    return normalize(text, characters=False)


def _random_quotes(n: int) -> str:
    generator = random.Random(14)
    return "".join(generator.choice("\"'“”‘’` a") for _ in range(n))


def _runs(text: str, n: int) -> str:
    return text * (n // len(text))


# The families of issue 14, each tied to the fix that made it linear.
ISSUE_FAMILIES: list[tuple[str, Function, Maker, int]] = [
    # spacing/rules.py: the closing period and colon read the run after them in one way only
    # (two overlapping classes, [.:]*[….]*, split a run of dots quadratically many ways).
    (
        "closing period before dots",
        repair_spacing,
        lambda n: "a , b , c . " + " ." + "." * n + "x",
        8000,
    ),
    (
        "closing colon before colons",
        repair_spacing,
        lambda n: "a , b , c . " + " :" + ":" * n + "x",
        8000,
    ),
    (
        "closing period before .:",
        repair_spacing,
        lambda n: "a , b , c . " + " ." + _runs(".:", n) + "x",
        8000,
    ),
    (
        "dots after a date, Moses spacing",
        _as_moses,
        lambda n: "Tuesday, May 4, 2021 " + "." * n + "x",
        8000,
    ),
    # spacing/detect.py: a spaced run of ! or ? is read from its start only (the look back over
    # the run from each of its marks was cubic); detection reads 1,000 characters.
    ("run of ! after a dash", normalize, lambda n: "- " + "!" * n, 120),
    ("run of ?! after a dash", detect_style, lambda n: "- " + _runs("?!", n), 120),
    # dateline.py and dates.py: places and blank runs read in one way only.
    (
        "date, then a place list",
        normalize,
        lambda n: "Tuesday, May 4, 2021 A" + _runs(", AB", n),
        8000,
    ),
    (
        "date line, then a place list",
        normalize,
        lambda n: "Tuesday, September 1, 2015\nA" + _runs(", AB", n),
        8000,
    ),
    (
        "ISO date line, then a place list",
        split_dateline,
        lambda n: "2020-01-01\nA" + _runs(", AB", n),
        8000,
    ),
    ("date, then blanks", parse_date, lambda n: "2020-01-01" + " " * n + "x", 8000),
    (
        "date, then blanks, characters off",
        _without_characters,
        lambda n: "2020-01-01" + " " * n + "x",
        8000,
    ),
    # characters.py: a run of backslashes is read from its start (cubic before); mojibake
    # windows never search back to the line's start (quadratic on a long line).
    ("run of backslashes", fix_characters, lambda n: "word " + "\\" * n + "x", 250),
    ("run of backslashes through normalize", normalize, lambda n: "a , b . " + "\\" * n + "x", 250),
    ("accented pairs on one line", fix_characters, lambda n: _runs("éé a ", n), 32000),
    # quotes.py: the look ahead of an opening quote costs one step (it scanned 2,000 characters).
    ("opening single quotes", _curly, lambda n: _runs(" 'a", n), 8000),
    ("PTB closing quotes", _curly, lambda n: _runs(" ''", n), 8000),
    ("random quotes", normalize, _random_quotes, 8000),
    (
        "one long line of prose",
        normalize,
        lambda n: _runs(
            "The council met on Tuesday, and officials said the plan would go ahead. ", n
        ),
        8000,
    ),
]


@pytest.mark.parametrize(
    ("function", "make", "n"),
    [pytest.param(function, make, n, id=name) for name, function, make, n in ISSUE_FAMILIES],
)
def test_issue_family_grows_linearly(function: Function, make: Maker, n: int) -> None:
    _assert_linear(function, make, n)


# Linear, but once far slower than prose per character: each within 3x of news text.
FAST_FAMILIES: list[tuple[str, Function, str]] = [
    ("opening single quotes", _curly, _runs(" 'a", 60_000)),  # 2,000-character look ahead
    ("PTB closing quotes", _curly, _runs(" ''", 60_000)),
    ("single quote before an opening quote", normalize, _runs("'“", 60_000)),
    ("random quotes", normalize, _random_quotes(60_000)),
    ("standalone straight quotes", repair_spacing, _runs('A " ', 60_000)),  # quote pairing
    ("spaced straight quotes", normalize, _runs(", ' ", 60_000)),
    (
        "accented pairs on one line",
        fix_characters,
        _runs("éé a ", 500_000),
    ),  # one ftfy test per pair
    ("curly quotes and dashes", normalize, _runs("“a”—‘b’ ", 60_000)),  # ftfy test per pair
    (
        "a 1 MB line of news text",
        normalize_text,
        _runs(
            "The council met on Tuesday , and officials said ( again ) it ’ s fine . ", 1_000_000
        ),
    ),
]


@pytest.mark.parametrize(
    ("function", "text"),
    [pytest.param(function, text, id=name) for name, function, text in FAST_FAMILIES],
)
def test_family_is_within_3x_of_news_text(function: Function, text: str) -> None:
    _assert_fast(function, text)


# A sweep of shapes through every stage (normalize), and the separators also through every
# spacing rule (a text said to be UD-tokenized gets them all): nothing may grow faster than
# linearly. (Timed at n and 8n only: the families above show the doubling steps.)
_MARKS = [*".,;:!?-–—_()[]\"'`“”‘’«»/\\@#$%&*+=<>|~…", "''", "``", "-LRB-", "@-@", "&amp;"]
_PAIRED = list(".,:!\"'“’-")
_SEPARATORS = [", ", " - ", "-", ". ", " (", ") ", "/", " , ", " . ", " -- ", " — ", " _ ", ": "]
_PREFIXES = ["2020-01-01\n", "Tuesday, May 4, 2021 ", "WASHINGTON (Reuters) - ", "(CNN) ", "Date: "]
_BODIES = [" ", ", AB", " Ab", ".", "-", "12 ", "/"]


def _as_ud(text: str) -> str:
    return repair_spacing(text, "ud")


def _sweep() -> Iterator[tuple[str, Function, Maker]]:
    for mark in _MARKS:
        yield f"run of {mark}", normalize, lambda n, mark=mark: "word " + _runs(mark, n) + " x"
        yield f"spaced run of {mark}", normalize, lambda n, mark=mark: _runs(" " + mark, n)
    for index, first in enumerate(_PAIRED):
        for second in _PAIRED[index + 1 :]:
            pair, spaced = first + second, f"{first} {second} "
            yield f"{pair} repeated", normalize, lambda n, pair=pair: _runs(pair, n)
            yield f"{spaced} repeated", normalize, lambda n, spaced=spaced: _runs(spaced, n)
    for separator in _SEPARATORS:
        for word in ("AB", "Ab"):
            words = word + separator
            yield f"{words} repeated", normalize, lambda n, words=words: _runs(words, n)
            yield f"{words} repeated, as UD", _as_ud, lambda n, words=words: _runs(words, n)
    for prefix in _PREFIXES:
        for body in _BODIES:
            name = f"{prefix}{body}…"
            yield name, normalize, lambda n, prefix=prefix, body=body: prefix + _runs(body, n)


@pytest.mark.parametrize(
    ("function", "make"),
    [pytest.param(function, make, id=name) for name, function, make in _sweep()],
)
def test_sweep_grows_linearly(function: Function, make: Maker) -> None:
    _assert_linear(function, make, 4000, factors=(8,))
