"""Repair tokenized spacing: detect whether and how a document was tokenized, then rejoin it.

Only a document judged tokenized is rejoined, so clean prose passes through unchanged.
Rejoining changes whitespace only, apart from the declared unescapes: PTB brackets and quotes,
WikiText ``@-@``-style joiners, Moses entities and Multi-News ``NEWLINE_CHAR``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import regex

from newsnorm.spacing.detect import (
    Profile,
    Style,
    StyleReport,
    detect_style,
    detect_style_and_characters,
    profile_for,
)
from newsnorm.spacing.rules import HOUSEKEEPING_NAMES, RULE_NAMES, rejoin, repair_anywhere

if TYPE_CHECKING:  # the recorder is only ever passed in, by newsnorm.tracing
    from newsnorm.tracing.edits import Recorder

__all__ = [
    "HOUSEKEEPING_NAMES",
    "RULE_NAMES",
    "Profile",
    "Style",
    "StyleReport",
    "detect_style",
    "repair_spacing",
    "repair_spacing_and_report",
]

# Multi-News marks a line break with a NEWLINE_CHAR token: two make a blank line, which (a
# headline above one) the header readers read as they read a blank line.
_NEWLINE_MARKER = regex.compile(r" *NEWLINE_CHAR *")


def repair_spacing(text: str, style: Style | None = None) -> str:
    """Turn tokenized text back into prose; leave text that was never tokenized unchanged.

    Args:
        text: one document, one paragraph per line.
        style: the tokenization style, when known; by default it is detected with
            `detect_style`. A known style also settles what one document may not show:
            Moses and PTB never split hyphens, Moses never splits ``cannot``, PTB keeps
            slashes. ``"raw"`` returns the text unchanged (apart from Multi-News
            ``NEWLINE_CHAR`` markers, which are always line breaks).

    Examples:
        >>> repair_spacing("Police officers , including two ( who were off duty ) , came .")
        'Police officers, including two (who were off duty), came.'
        >>> repair_spacing("“ This is retaliation , ” she said of America ’ s plan .")
        '“This is retaliation,” she said of America’s plan.'
        >>> repair_spacing("They do n't know -LRB- yet -RRB- , `` he said '' .")
        'They don\\'t know (yet), "he said".'
        >>> repair_spacing("Clean text , as an author might space it, stays.")
        'Clean text , as an author might space it, stays.'

        Alone, ``a - b`` may be a hyphen that UD split or a writer's dash:

        >>> text = "The six - member team can not go ."
        >>> repair_spacing(text), repair_spacing(text, style="moses")
        ('The six-member team cannot go.', 'The six - member team can not go.')
    """
    return _repair(text, style, None)[0]


def repair_spacing_and_report(
    text: str, style: Style | None = None, *, recorder: Recorder | None = None
) -> tuple[str, StyleReport]:
    """`repair_spacing`, also returning the `StyleReport` that decided what to do.

    The report's `StyleReport.rules` names the rejoining rules that changed the text.
    `recorder`, when given (`newsnorm.trace` passes one), records every change it makes.

    Examples:
        >>> text, report = repair_spacing_and_report("It works , mostly .")
        >>> text, report.style, report.rules
        ('It works, mostly.', 'moses', ('closing punctuation', 'closing period'))
    """
    fired: list[str] = []
    text, report = _repair(text, style, fired, recorder)
    return text, (attrs.evolve(report, rules=tuple(fired)) if fired else report)


def _repair(
    text: str, style: Style | None, fired: list[str] | None, recorder: Recorder | None = None
) -> tuple[str, StyleReport]:
    # `fired`, when given, receives the names of the rules that changed the text.
    if "NEWLINE_CHAR" in text:
        if recorder is None:
            text = _NEWLINE_MARKER.sub("\n", text)
        else:
            text = recorder.sub(_NEWLINE_MARKER, "\n", text, HOUSEKEEPING_NAMES[0])
    # Detection builds the set of the text's characters only for text that may be tokenized;
    # the rules reuse it.
    report, chars = detect_style_and_characters(text)
    if style is not None:
        if chars is None:
            chars = frozenset(text)
        profile = Profile() if style == "raw" else profile_for(text, style, chars, given=True)
        report = StyleReport(style, 1.0, report.evidence, profile)
    if style == "raw":
        return text, report
    if report.style == "raw":  # judged clean, but still without what no writer writes
        return repair_anywhere(text, fired, recorder=recorder), report
    return rejoin(text, report.profile, chars, fired, recorder), report
