"""Start-up: what importing the command leaves for later, and that doing so changes nothing.

The command's start-up is mostly compiling patterns. The date grammar is compiled once for both
of its readings; the dateline forms and the spacing rules compile their patterns on first use;
the worker pool's modules are imported only for --jobs 2 and more.
"""

from __future__ import annotations

import random
import subprocess
import sys

import regex

from newsnorm import dates
from newsnorm.dateline import DATELINE_FORMS
from newsnorm.spacing.rules import ANYWHERE, CLEAN_ANYWHERE, CONTRACTIONS, Rule


def test_importing_the_command_leaves_rare_work_for_later() -> None:
    code = (
        "import sys, newsnorm.cli\n"
        "from newsnorm.dateline import DATELINE_FORMS\n"
        "print(sum(form._compiled is not None for form in DATELINE_FORMS),"
        " 'multiprocessing' in sys.modules, 'concurrent.futures' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == ["0", "False", "False"]


def test_lazy_patterns_are_the_ones_written() -> None:
    for form in DATELINE_FORMS:
        assert form.pattern.pattern == form.source
        assert form.pattern is form.pattern  # compiled once
    rules: tuple[Rule, ...] = CONTRACTIONS + ANYWHERE + CLEAN_ANYWHERE
    for rule in rules:
        if rule.source is None:
            assert rule.pattern is None
        else:
            pattern = rule.pattern
            assert pattern is not None and pattern is rule.pattern
            assert pattern.pattern == rule.source
            assert pattern.flags == regex.compile(rule.source, rule.flags).flags


# The grammar's two readings, compiled apart as they used to be.
_WHOLE = regex.compile(rf"^\s*{dates._DATE_BODY}\s*$", regex.VERBOSE)
_PREFIX = regex.compile(rf"^{dates._DATE_BODY}(?=[\s,.;:|/–-]|$)", regex.VERBOSE)
_PIECES = [
    "Tuesday", "Tues.", "thu", "Mon.", ",", " ", "  ", "\t", "\n", "\r", "\u00a0", "\u2003",
    "\x1c", "Feb.", "February", "SEPT", "sept.", "May", "17", "1", "31", "3rd", "2020",
    "1987", "-", "/", ".", "02", "12", "26", "3:01", "15:01:01", "10", "PM", "p.m.", "ET",
    "EST", "ESTX", "GMT+5", "+05:30", "Z", "T", "at", ";", "|", "–", "The", "x", "\u017fept",
    "2020-02-17", "2020-02-17T10:00", "03/04/2020", "26.02.2020",
]  # fmt: skip


def _old_parse(text: str, day_first: bool | None) -> object:
    if not dates.could_start_a_date(text.lstrip()):
        return None
    match = _WHOLE.match(text)
    return None if match is None else dates._date_of(match, day_first)


def _old_match(text: str, day_first: bool | None) -> object:
    if not dates.could_start_a_date(text):
        return None
    found = _PREFIX.match(text)
    if found is None:
        return None
    has_time = bool(found["lead_time"] or found["iso_time"] or found["time"])
    date = dates._date_of(found, day_first)
    return dates.DateMatch(date, found.end(), bool(found["weekday"]), has_time)


def test_one_compiled_grammar_reads_as_the_two_did() -> None:
    rng = random.Random(7)
    texts = ["".join(rng.choices(_PIECES, k=rng.randint(1, 10))) for _ in range(20_000)]
    for text in texts:
        for day_first in (None, True, False):
            assert dates.parse_date(text, day_first=day_first) == _old_parse(text, day_first)
            assert dates.match_date(text, day_first=day_first) == _old_match(text, day_first)
