"""Tracing takes linear time too: the hostile families of test_linear_time, traced."""

from __future__ import annotations

import pytest

from newsnorm import trace
from newsnorm.tracing.offsets import BodyMap
from tests.test_linear_time import _MARKS, _assert_linear, _runs

pytestmark = pytest.mark.slow

FAMILIES = [
    *((f"run of {mark}", lambda n, mark=mark: "word " + _runs(mark, n) + " x") for mark in _MARKS),
    *((f"spaced run of {mark}", lambda n, mark=mark: _runs(" " + mark, n)) for mark in _MARKS),
    ("tokenized prose", lambda n: _runs("The council met , and it ’ s fine ( again ) . ", n)),
    ("many highlights", lambda n: "Story.\n" + _runs("\n@highlight\nA point made here\n", n)),
    ("header lines", lambda n: _runs("Key: value\n", 40) + "\n" + _runs("Body text here. ", n)),
    ("mojibake", lambda n: _runs("cafÃ© barâ€™s &amp; ", n)),
    ("wire layout", lambda n: "HEADLINE\n" + _runs("    Shares rose in\nlate trade.\n", n)),
    ("dump artefacts", lambda n: _runs("isn #39;t a\\second  #36;47 ", n)),
]


@pytest.mark.parametrize(("make"), [pytest.param(make, id=name) for name, make in FAMILIES])
def test_trace_grows_linearly(make: object) -> None:
    _assert_linear(trace, make, 4000, factors=(8,))  # type: ignore[arg-type]


def _align_joined(text: str) -> object:
    # The body of a CoNLL document whose sentences the corpus broke over lines, joined again
    # (aligned piece by piece). Timed alone: normalize itself is timed by test_linear_time.
    return BodyMap.align(text.replace("\n", " "), "SPORT - RAIN.\nLONDON 2000-01-01\n" + text)


def test_aligning_re_formed_lines_grows_linearly() -> None:
    _assert_linear(_align_joined, lambda n: _runs("A word of\nit. ", n), 4000, factors=(8,))
