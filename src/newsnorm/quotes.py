"""Quote and apostrophe styles: make every quote typographic, plain ASCII, or consistent.

Curling reads a paragraph left to right, keeping track of which quotations are open. The
direction of each straight quote comes from its neighbours (an apostrophe sits between two
letters; an opening quote follows a space, a bracket, a dash or the start of a line) and, where
the neighbours do not decide, from that state: a quote standing alone between spaces closes an
open quotation and opens one otherwise. Typographic quotes already present are kept and update
the state, so text with flattened openers (``"that refuse to participate.”``) is repaired.
"""

from __future__ import annotations

from typing import get_args

import attrs
import regex

from newsnorm.config import QuoteStyle
from newsnorm.errors import ConfigError

__all__ = ["CURLY_QUOTES", "QuoteReport", "fix_quotes", "fix_quotes_and_count"]

CURLY_QUOTES = "“”„‟‘’‚‛′″"
"""The typographic quotes ``straight`` style folds to ASCII (``curly`` writes ``“”‘’′″``).

Examples:
    >>> any(mark in fix_quotes("“It’s” ‚low‛", "straight") for mark in CURLY_QUOTES)
    False
"""

# Primes are not quotes: a text with only a prime does not count as typographic under "auto".
_TYPOGRAPHIC_QUOTES = "“”‘’"
_TO_STRAIGHT = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
    }
)
# A text uses PTB quotes when it has a `` opener; only then is '' a closer (two apostrophes in a
# row are otherwise just that, which keeps straightening idempotent).
_QUOTE = regex.compile(r"[\"'“”‘’\n]")
_PTB_AWARE_QUOTE = regex.compile(r"``|''(?!\w)|[\"'“”‘’\n]")
_OPENING_CONTEXT = frozenset(" \t([{-–—/“‘\n")
# Words whose leading apostrophe marks letters left out: ’til, ’em, ’90s, rock ’n’ roll.
_ELIDED_WORD = regex.compile(
    r"n(?=['’]\s)"  # rock ’n’ roll
    r"|(?:til|tis|twas|twere|em|cause|cos|coz|cuz|bout|round|nuff|n|s|t|re|ve|ll|d|m|nt"
    r"|[0-9]0s|[0-9]{2})\b(?!['’])",  # but 's' is a quoted letter
    regex.I,
)
# A later single quote that could close an opening one: after a word or punctuation, not
# followed by a letter (a possessive `parents'` qualifies too; that is the ambiguity accepted).
_LATER_DOUBLE = regex.compile(r'["”]')
_LATER_SINGLE = regex.compile(r"['’](?!\w)")
_PTB_QUOTE = regex.compile(r"``|''(?!\w)")
_CLOSING_SINGLE_AHEAD = regex.compile(r"[\w.,!?;:)]['’](?!\w)")
_LOOKAHEAD = 2000  # how far an opening quote looks for its closing partner (bounded: linear)


def _is_word(char: str) -> bool:
    return char.isalnum()


@attrs.frozen
class QuoteReport:
    """What `fix_quotes_and_count` did.

    Attributes:
        changed: how many quote characters were replaced.
        ambiguous: straight quotes left as they were because nothing showed their direction.

    Examples:
        >>> fix_quotes_and_count('"Yes," he said " and no', "curly")[1]
        QuoteReport(changed=2, ambiguous=1)
    """

    changed: int = 0
    ambiguous: int = 0


class _Curler:
    """The left-to-right state machine behind the ``curly`` style."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.double_open = False
        self.single_open = False
        self.changed = 0
        self.ambiguous = 0
        # The mark just written and where it ended: a quote right after another one reads
        # the mark written there, as a second pass over the output would.
        self.last_end = -1
        self.last_mark = ""

    def __call__(self, match: regex.Match[str]) -> str:
        quote = match.group()
        mark = self._mark(quote, match.start(), match.end())
        if mark != quote:
            self.changed += 1
        self.last_end, self.last_mark = match.end(), mark
        return mark

    def _mark(self, quote: str, start: int, end: int) -> str:
        text = self.text
        if start == self.last_end:
            before = self.last_mark[-1]
        else:
            before = text[start - 1] if start else "\n"
        after = text[end] if end < len(text) else "\n"
        if quote == "\n":  # quotations do not carry over paragraphs; a reopening quote opens
            self.double_open = self.single_open = False
            return quote
        if quote in ("“", "``"):
            self.double_open = True
            return "“"
        if quote in ("”", "''"):
            self.double_open = False
            return "”"
        if quote == "‘":
            self.single_open = True
            return quote
        if quote == "’":
            # The state changes exactly as it would for a straight ' read as ’ (see _single).
            inside_word = _is_word(before) and _is_word(after)
            standing_alone = before in _OPENING_CONTEXT and after.isspace()
            if not inside_word and (before not in _OPENING_CONTEXT or standing_alone):
                self.single_open = False
            return quote
        if quote == '"':
            return self._double(start, end, before, after)
        return self._single(start, before, after)

    def _double(self, start: int, end: int, before: str, after: str) -> str:
        number = before.isdigit() or (
            before == " " and start > 1 and self.text[start - 2].isdigit()
        )
        if number and not self.double_open and not _is_word(after):
            return "″"  # 17" or 12 " long: inches, not a quotation
        opening = before in _OPENING_CONTEXT and not after.isspace()
        closing = not before.isspace() and before not in _OPENING_CONTEXT
        if opening == closing:  # spaces (or nothing) on both sides: the state decides
            if self.double_open:
                opening = False
            elif _LATER_DOUBLE.search(self.text, end, end + _LOOKAHEAD):
                opening = True
            else:  # unbalanced, and nothing around it says which way it faces
                self.ambiguous += 1
                return '"'
        self.double_open = opening
        return "“" if opening else "”"

    def _single(self, start: int, before: str, after: str) -> str:
        if _is_word(before) and _is_word(after):
            if before.isdigit() and after.isdigit():
                return "′"  # 5'11
            return "’"  # it's, O'Reilly, rock'n'roll
        if before in _OPENING_CONTEXT:
            if after.isspace():  # standing alone: the state and what follows decide, or it stays
                if self.single_open:
                    self.single_open = False
                    return "’"
                if _LATER_SINGLE.search(self.text, start + 1, start + _LOOKAHEAD):
                    self.single_open = True
                    return "‘"
                self.ambiguous += 1
                return "'"
            if _ELIDED_WORD.match(self.text, start + 1):
                return "’"  # ’til, ’90s, rock ’n’ roll, a clitic after a writer's space ('S)
            ahead = _CLOSING_SINGLE_AHEAD.search(self.text, start + 1, start + _LOOKAHEAD)
            if ahead is None and not after.isupper():
                return "’"  # nothing could close it: a clipped word such as ’scopes
            self.single_open = True
            return "‘"
        self.single_open = False
        return "’"  # closing quote, plural possessive, or an apostrophe ending a word


def _curl(text: str) -> tuple[str, QuoteReport]:
    ptb = "``" in text
    if '"' not in text and "'" not in text and not ptb:
        return text, QuoteReport()
    curler = _Curler(text)
    pattern = _PTB_AWARE_QUOTE if ptb else _QUOTE
    return pattern.sub(curler, text), QuoteReport(curler.changed, curler.ambiguous)


def _straighten(text: str) -> tuple[str, QuoteReport]:
    # PTB quotes first, so that a translated ‘ never becomes half of a PTB ''.
    straight = _PTB_QUOTE.sub('"', text) if "``" in text else text
    straight = straight.translate(_TO_STRAIGHT)
    changed = sum(a != b for a, b in zip(text, straight, strict=False))
    return straight, QuoteReport(changed + len(text) - len(straight), 0)


def fix_quotes_and_count(text: str, style: QuoteStyle = "auto") -> tuple[str, QuoteReport]:
    """`fix_quotes`, also reporting how many quotes changed and how many were left ambiguous.

    Examples:
        >>> fix_quotes_and_count("It's 'fine'.", "curly")
        ('It’s ‘fine’.', QuoteReport(changed=3, ambiguous=0))
    """
    if style == "preserve":
        return text, QuoteReport()
    if style == "straight":
        return _straighten(text)
    if style == "curly":
        return _curl(text)
    if style == "auto":
        if any(mark in text for mark in _TYPOGRAPHIC_QUOTES):
            return _curl(text)
        return text, QuoteReport()
    allowed = ", ".join(repr(name) for name in get_args(QuoteStyle))
    raise ConfigError(f"quote style must be one of {allowed}, not {style!r}")


def fix_quotes(text: str, style: QuoteStyle = "auto") -> str:
    """Give every quote and apostrophe in `text` the chosen style.

    Styles:
        ``curly``: straight quotes become typographic, in the direction their context shows;
        in a text with PTB ````` `` ````` openers, those and the ``''`` closers become ``“`` and
        ``”``; inches after a number become primes.
        ``straight``: typographic quotes, primes and PTB quotes become ASCII ``"`` and ``'``.
        ``auto``: a text that already uses typographic quotes is made fully typographic; a text
        with only ASCII quotes is left as it is.
        ``preserve``: nothing changes.

    A straight quote whose direction nothing shows (unbalanced, with spaces on both sides) is
    left as it is; `fix_quotes_and_count` counts those.

    Examples:
        >>> fix_quotes('"That is it," she said. It\\'s done.', "curly")
        '“That is it,” she said. It’s done.'
        >>> fix_quotes("“Curly” and ’90s", "straight")
        '"Curly" and \\'90s'
        >>> fix_quotes('"that refuse to participate.”')
        '“that refuse to participate.”'
        >>> fix_quotes('"ASCII only" stays.')
        '"ASCII only" stays.'
        >>> fix_quotes("He's 5'11\\" and sat 'til noon.", "curly")
        'He’s 5′11″ and sat ’til noon.'
    """
    return fix_quotes_and_count(text, style)[0]
