"""Corpus layouts: which recognizers read a document, in which order.

``auto`` tries every recognizer, each guarded by its openings; a corpus named by the user
(`Config(corpus=...)`, ``--corpus``) tries only its own, and may name the tokenizer of its
text, which settles what one document cannot show.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from newsnorm.config import Corpus
from newsnorm.dateline import GATE, GATE_REACH, could_open_with_date
from newsnorm.dates import DATE_OPENINGS
from newsnorm.header import conll, dailymail, furniture, generic, highlights, wikitext, xsum
from newsnorm.header.recognizer import Recognizer
from newsnorm.header.signs import QuietTop, TopSigns
from newsnorm.spacing import Style

__all__ = ["DATELINE_SIGNS", "LAYOUTS", "RECOGNIZERS", "Layout", "quiet_top"]

RECOGNIZERS: tuple[Recognizer, ...] = (
    highlights.RECOGNIZER,
    xsum.RECOGNIZER,
    wikitext.RECOGNIZER,
    dailymail.RECOGNIZER,
    conll.RECOGNIZER,
    furniture.RECOGNIZER,
)
"""Every corpus recognizer, in the order ``auto`` tries them: those that read the ends of a
document (a summary block, section markers) before those that read its top.

Examples:
    >>> all(recognizer.name for recognizer in RECOGNIZERS)
    True
"""


@attrs.frozen
class Layout:
    """A corpus's recognizers in order, and the tokenizer of its text if it is known.

    Attributes:
        recognizers: the corpus recognizers tried, in order, before the generic reader.
        spacing: the spacing style of the corpus's text, or None to detect it per document.
        generic: whether the generic header reader runs after them.

    Examples:
        >>> LAYOUTS["auto"].generic, LAYOUTS["auto"].spacing
        (True, None)
    """

    recognizers: tuple[Recognizer, ...]
    spacing: Style | None = None
    generic: bool = True


def _named(*names: str) -> tuple[Recognizer, ...]:
    by_name = {recognizer.name: recognizer for recognizer in RECOGNIZERS}
    return tuple(by_name[name] for name in names if name in by_name)


LAYOUTS: Mapping[Corpus, Layout] = {
    "auto": Layout(RECOGNIZERS),
    # Both corpora were scraped from news pages, whose furniture their text keeps (CNN's
    # "E-mail to a friend", the BBC's "Media playback is unsupported on your device").
    "cnn_dailymail": Layout(_named("highlights", "dailymail header", "page furniture")),
    "xsum": Layout(_named("xsum sections", "page furniture")),
    "wikitext": Layout(_named("wikitext headings"), spacing="wikitext", generic=False),
    "conll2003": Layout(_named("conll header"), generic=False),
    # Its source documents come tokenized or not, depending on the copy: each is read alone.
    "multinews": Layout(RECOGNIZERS),
    "gigaword": Layout((), generic=False),
    "web": Layout(_named("page furniture")),
}
"""The layout of each corpus name (`newsnorm.config.Corpus`).

Examples:
    >>> sorted(LAYOUTS)[:3]
    ['auto', 'cnn_dailymail', 'conll2003']
    >>> LAYOUTS["wikitext"].spacing
    'wikitext'
"""

DATELINE_SIGNS = TopSigns(
    openings=tuple(sorted(DATE_OPENINGS)),
    digit=True,
    confirm=could_open_with_date,
    head_marks=GATE,
    head=GATE_REACH,
)
"""What a text shows wherever `newsnorm.dateline.split_dateline` reads a dateline off it: a
date opening it, or a dateline form's mark and literal near its start (`newsnorm.dateline.GATE`).

Examples:
    >>> quiet = QuietTop([DATELINE_SIGNS])
    >>> quiet("LONDON (Reuters) - Rates rose."), quiet("Rain fell."), quiet("May 4, 2021\\nRain.")
    (False, True, False)
"""


# Each combination's test is made once, when first asked for.
_QUIET_TOPS: dict[tuple[Corpus, bool, bool], QuietTop | None] = {}


def quiet_top(corpus: Corpus, *, header: bool, dateline: bool) -> QuietTop | None:
    """Return the test that passes a text by the metadata stages: its layout's readers' signs.

    Those of its recognizers and of the generic reader when `header`, and the dateline's when
    `dateline`. None when there is nothing to read, or when a recognizer of the layout has no
    signs (`Recognizer.signs`): then every text goes to the readers.

    Examples:
        >>> quiet = quiet_top("auto", header=True, dateline=True)
        >>> quiet("Rates rose on Monday as traders bought bonds.\\nDealers said so.")
        True
        >>> quiet("RATES RISE\\nLONDON, March 3 - Rates rose."), quiet("By Ann Lee\\nRain.")
        (False, False)
    """
    key = (corpus, header, dateline)
    if key not in _QUIET_TOPS:
        _QUIET_TOPS[key] = _join_signs(corpus, header=header, dateline=dateline)
    return _QUIET_TOPS[key]


def _join_signs(corpus: Corpus, *, header: bool, dateline: bool) -> QuietTop | None:
    signs: list[TopSigns] = []
    if header:
        layout = LAYOUTS[corpus]
        for recognizer in layout.recognizers:
            if recognizer.signs is None:
                return None
            signs.append(recognizer.signs)
        if layout.generic:
            signs.append(generic.TOP_SIGNS)
    if dateline:
        signs.append(DATELINE_SIGNS)
    return QuietTop(signs) if signs else None
