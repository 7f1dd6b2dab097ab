"""Header extraction takes time linear in the text, on the families of hostile input that once
did not (a header line repeated thousands of times, widget phrases glued to one line, a line
of labels), and on the layouts of every recognizer.

Each family is timed at fifty kilobytes or more and at eight times that size; the growth in
time must stay within a factor of the linear one, judged as a ratio of times, never as an
absolute time.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from newsnorm import normalize
from newsnorm.header import split_header

pytestmark = pytest.mark.slow

_GROWTH = 8
# Linear growth gives 8; allow for a noisy shared machine, not for a quadratic reader (64).
_MAX_RATIO = 8 * 2.5
_MIN_CHARACTERS = 50_000
_RUNS = 7  # the fastest of these counts: a busy machine only ever adds time

FAMILIES: dict[str, Callable[[int], str]] = {
    "a date line repeated": lambda k: "2020-01-01\n" * k,
    "a weekday date line repeated": lambda k: "Tuesday, September 1, 2015\n" * k,
    "the corpus date line repeated": lambda k: "date 2020-01-01\n" * k,
    "a byline repeated": lambda k: "By John Smith\n" * k,
    "a keyed line repeated": lambda k: "Title: Rain\n" * k,
    "unknown keys below a known one": lambda k: "Title: Rain\n" + "Desk: Weather\n" * k,
    "a label repeated on a date line": lambda k: "Date: " + "posted " * k,
    "widget phrases glued to a line": lambda k: "Credit: NASA" + " View full size image" * k,
    "a page's date lines": lambda k: "Rain\n\n" + "Posted: May 4, 2021\n" * k,
    "bylines glued": lambda k: "Rain\n\nby " * k,
    "contributor note marks": lambda k: "&UR; " * k,
    "copyright notices": lambda k: "COPYRIGHT 1998 BY ACME. " * k,
    "highlights": lambda k: "Story.\n\n" + "@highlight\n\nRain fell\n\n" * k,
    "wikitext headings": lambda k: " = = Rain = = \n" * k,
    "xsum markers": lambda k: "[SN]TITLE[SN]" * k,
    "advertisement lines": lambda k: "ADVERTISEMENT\nCredit: NASA\n" * k,
    "caption numbers": lambda k: "1 of 2. A crowd waits in the rain.\n" * k,
    "dailymail stamps": lambda k: "By . Ann Lee . " * k,
    "conll datelines": lambda k: "LONDON 1996-08-30\n" * k,
    # One sentence broken over every line of a CoNLL story: joined piece by piece, not by
    # growing one string and searching it again for each line (quadratic).
    "a conll sentence broken on every line": lambda k: (
        "SPORT - RAIN.\nLONDON 2000-01-01\n" + "A word of\nit. " * k
    ),
    "update stamps": lambda k: "2 November 2014" + " Last updated at 17:20 GMT" * k,
    "bar bylines": lambda k: "Ann Lee | Staff Writer | " * k + "Tuesday, 25 November 2014",
    "blank lines under a headline": lambda k: "Rain\n" + "\n" * k + "It rained.",
}


def _seconds(call: Callable[[str], object], text: str) -> float:
    best = float("inf")
    for _ in range(_RUNS):
        began = time.perf_counter()
        call(text)
        best = min(best, time.perf_counter() - began)
    return best


def _growth(call: Callable[[str], object], make: Callable[[int], str]) -> float:
    """Time(8k) / time(k), from the first k whose text is long enough.

    Long, because a reader that copies what is left of the text once per line is quadratic
    only where the copies outweigh the work per line: from tens of kilobytes.
    """
    size = 64
    while len(make(size)) < _MIN_CHARACTERS:
        size *= 2
    return _seconds(call, make(size * _GROWTH)) / _seconds(call, make(size))


@pytest.mark.parametrize("family", list(FAMILIES))
def test_split_header_is_linear(family: str) -> None:
    ratio = _growth(split_header, FAMILIES[family])
    assert ratio < _MAX_RATIO, f"{family}: x{_GROWTH} input took x{ratio:.1f} time"


@pytest.mark.parametrize(
    "family",
    ["a date line repeated", "a byline repeated", "widget phrases glued to a line"],
)
def test_normalize_is_linear_on_header_families(family: str) -> None:
    ratio = _growth(normalize, FAMILIES[family])
    assert ratio < _MAX_RATIO, f"{family}: x{_GROWTH} input took x{ratio:.1f} time"
