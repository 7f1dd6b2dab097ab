"""Quote and apostrophe styles: make every quote typographic, plain ASCII, or consistent.

The direction of a straight quote is read from its neighbours: an apostrophe sits between two
letters; an opening quote follows a space, a bracket, a dash or the start of a line; anything
else closes.
"""

from __future__ import annotations

from typing import get_args

import regex

from newsnorm.config import QuoteStyle
from newsnorm.errors import ConfigError

__all__ = ["CURLY_QUOTES", "fix_quotes"]

CURLY_QUOTES = "“”‘’′″"
"""The typographic quote characters newsnorm writes (and folds back in ``straight`` style)."""

# Primes are not quotes: a text with only a prime does not count as typographic under "auto".
_TYPOGRAPHIC_QUOTES = "“”‘’"
_TO_STRAIGHT = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "″": '"', "′": "'"})
_STRAIGHT_QUOTE = regex.compile(r"""["']""")
# Context that makes the next quote an opening one.
_OPENING_CONTEXT = regex.compile(r"(?:^|[\s(\[{\-–—/“‘])$")
_WORD_CHAR = regex.compile(r"\w")


def _curl(text: str) -> str:
    pieces: list[str] = []
    last = 0
    for match in _STRAIGHT_QUOTE.finditer(text):
        start = match.start()
        before = text[start - 1] if start else ""
        after = text[start + 1 : start + 2]
        opening = bool(_OPENING_CONTEXT.search(before)) and after not in ("", " ", "\n")
        if match.group() == '"':
            mark = "“" if opening else "”"
        elif _WORD_CHAR.match(before) and _WORD_CHAR.match(after):
            mark = "’"  # inside a word: it's, O'Reilly
        else:
            mark = "‘" if opening else "’"
        pieces.append(text[last:start])
        pieces.append(mark)
        last = start + 1
    pieces.append(text[last:])
    return "".join(pieces)


def fix_quotes(text: str, style: QuoteStyle = "auto") -> str:
    """Give every quote and apostrophe in `text` the chosen style.

    Styles:
        ``curly``: straight quotes become typographic, in the direction their context shows.
        ``straight``: typographic quotes and primes become ASCII ``"`` and ``'``.
        ``auto``: a text that already uses typographic quotes is made fully typographic; a text
        with only ASCII quotes is left as it is.
        ``preserve``: nothing changes.

    Example:
        >>> fix_quotes('"That is it," she said. It\\'s done.', "curly")
        '“That is it,” she said. It’s done.'
        >>> fix_quotes("“Curly” and ’90s", "straight")
        '"Curly" and \\'90s'
        >>> fix_quotes('"that refuse to participate.”')
        '“that refuse to participate.”'
        >>> fix_quotes('"ASCII only" stays.')
        '"ASCII only" stays.'
    """
    if style == "preserve":
        return text
    if style == "straight":
        return text.translate(_TO_STRAIGHT)
    if style == "curly":
        return _curl(text)
    if style == "auto":
        if any(mark in text for mark in _TYPOGRAPHIC_QUOTES):
            return _curl(text)
        return text
    allowed = ", ".join(repr(name) for name in get_args(QuoteStyle))
    raise ConfigError(f"quote style must be one of {allowed}, not {style!r}")
