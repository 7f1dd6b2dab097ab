"""Corpus layouts: which recognizers read a document, in which order.

``auto`` tries every recognizer, each guarded by its openings; a corpus named by the user
(`Config(corpus=...)`, ``--corpus``) tries only its own, and may name the tokenizer of its
text, which settles what one document cannot show.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from newsnorm.config import Corpus
from newsnorm.header import conll, dailymail, furniture, highlights, wikitext, xsum
from newsnorm.header.recognizer import Recognizer
from newsnorm.spacing import Style

__all__ = ["LAYOUTS", "RECOGNIZERS", "Layout"]

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
