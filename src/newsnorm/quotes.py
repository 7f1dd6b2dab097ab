"""Quote and apostrophe styles: make every quote typographic, plain ASCII, or consistent.

Curling reads a paragraph left to right, keeping track of which quotations are open. The
direction of each straight quote comes from its neighbours (an apostrophe sits between two
letters; an opening quote follows a space, a bracket, a dash or the start of a line) and, where
the neighbours do not decide, from that state: a quote standing alone between spaces closes an
open quotation and opens one otherwise. Typographic quotes already present are kept and update
the state, so text with flattened openers (``"that refuse to participate.”``) is repaired.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, get_args

import attrs
import regex

from newsnorm.config import QuoteStyle
from newsnorm.errors import ConfigError

if TYPE_CHECKING:  # the recorder is only ever passed in, by newsnorm.tracing
    from newsnorm.tracing.edits import Recorder

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
# The quotes whose direction curling decides. Typographic quotes and line breaks only change
# the state; they are read from the text between two of these (see _curl).
_STRAIGHT_QUOTE = regex.compile(r"[\"']")
_PTB_AWARE_QUOTE = regex.compile(r"``|''(?!\w)|[\"']")
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
_LOOKAHEAD = 2000  # how far an opening quote looks for its closing partner
_SHORT_GAP = 4  # between two straight quotes, so few characters are read one by one


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


def _curl(text: str, recorder: Recorder | None = None) -> tuple[str, QuoteReport]:
    """Curl the quotes of `text` (the ``curly`` style), reading them left to right.

    Only straight quotes (and PTB's) call for a decision. Typographic quotes stay as they are
    and line breaks stay line breaks; they only change which quotations are open, and that is
    read from the stretch of text between two straight quotes, with string searches, when the
    second one is reached: text dense with typographic quotes costs no Python step per quote.
    """
    ptb = "``" in text
    if '"' not in text and "'" not in text and not ptb:
        return text, QuoteReport()
    length = len(text)
    typographic = "“" in text or "”" in text or "‘" in text or "’" in text
    line_breaks = "\n" in text
    double_open = single_open = False
    changed = ambiguous = 0
    # The mark just written and where it ended: a quote right after another one reads the
    # mark written there, as a second pass over the output would.
    last_end = -1
    last_mark = ""
    read_to = 0  # the state holds for the text before this position
    # Where a single quote could close one (_CLOSING_SINGLE_AHEAD), found in one scan when first
    # needed, and the first of them not yet behind the quote being read: quotes are read left
    # to right, so every look ahead costs one step, not a scan of _LOOKAHEAD characters (which
    # made a text of opening quotes 2,000 times slower than prose).
    closers: list[int] | None = None
    next_closer = 0

    def closer_ahead(start: int) -> bool:
        """Tell whether a quote that could close one ends within _LOOKAHEAD after `start`."""
        nonlocal closers, next_closer
        if closers is None:
            closers = [found.start() for found in _CLOSING_SINGLE_AHEAD.finditer(text)]
        index = next_closer
        while index < len(closers) and closers[index] <= start:
            index += 1
        next_closer = index
        # A candidate is two characters long: a word or a stop, then the quote.
        return index < len(closers) and closers[index] + 2 <= start + _LOOKAHEAD

    def closes(position: int) -> bool:
        """Tell whether the ’ at `position` closes a single quotation (as a ' read as ’ would)."""
        before = last_mark[-1] if position == last_end else text[position - 1] if position else "\n"
        after = text[position + 1] if position + 1 < length else "\n"
        return not (before.isalnum() and after.isalnum()) and (
            before not in _OPENING_CONTEXT or after.isspace()
        )

    def read_state(start: int) -> None:
        """Bring the state up to `start`: the typographic quotes and line breaks before it."""
        nonlocal double_open, single_open
        # Quotations do not carry over paragraphs: a line break closes them all.
        line_break = text.rfind("\n", read_to, start)
        double = max(text.rfind("“", read_to, start), text.rfind("”", read_to, start))
        if double > line_break:
            double_open = text[double] == "“"
        elif line_break >= 0:
            double_open = False
        single = max(text.rfind("‘", read_to, start), line_break)
        if single >= 0:
            single_open = text[single] == "‘"
        if single_open:  # a ’ after the last ‘ may close it
            position = text.find("’", max(single + 1, read_to), start)
            while position >= 0:
                if closes(position):
                    single_open = False
                    break
                position = text.find("’", position + 1, start)

    def double(start: int, end: int, before: str, after: str) -> str:
        nonlocal double_open, ambiguous
        number = before.isdigit() or (before == " " and start > 1 and text[start - 2].isdigit())
        if number and not double_open and not after.isalnum():
            return "″"  # 17" or 12 " long: inches, not a quotation
        opening = before in _OPENING_CONTEXT and not after.isspace()
        closing = not before.isspace() and before not in _OPENING_CONTEXT
        if opening == closing:  # spaces (or nothing) on both sides: the state decides
            if double_open:
                opening = False
            elif _LATER_DOUBLE.search(text, end, end + _LOOKAHEAD):
                opening = True
            else:  # unbalanced, and nothing around it says which way it faces
                ambiguous += 1
                return '"'
        double_open = opening
        return "“" if opening else "”"

    def single(start: int, before: str, after: str) -> str:
        nonlocal single_open, ambiguous
        if before.isalnum() and after.isalnum():
            if before.isdigit() and after.isdigit():
                return "′"  # 5'11
            return "’"  # it's, O'Reilly, rock'n'roll
        if before in _OPENING_CONTEXT:
            if after.isspace():  # standing alone: the state and what follows decide, or it stays
                if single_open:
                    single_open = False
                    return "’"
                if _LATER_SINGLE.search(text, start + 1, start + _LOOKAHEAD):
                    single_open = True
                    return "‘"
                ambiguous += 1
                return "'"
            if after.isalnum() and _ELIDED_WORD.match(text, start + 1):
                return "’"  # ’til, ’90s, rock ’n’ roll, a clitic after a writer's space ('S)
            if not closer_ahead(start) and not after.isupper():
                return "’"  # nothing could close it: a clipped word such as ’scopes
            single_open = True
            return "‘"
        single_open = False
        return "’"  # closing quote, plural possessive, or an apostrophe ending a word

    def curl(match: regex.Match[str]) -> str:
        nonlocal double_open, single_open, changed, last_end, last_mark, read_to
        start, end = match.span()
        if not typographic:  # only line breaks can change the state (most straight text)
            if line_breaks and text.find("\n", read_to, start) >= 0:
                double_open = single_open = False
        elif start - read_to > _SHORT_GAP:
            read_state(start)
        else:  # a few characters between two quotes ("'“'“", "' ’ '"): read them one by one
            for position in range(read_to, start):
                between = text[position]
                if between == "“" or between == "”":  # (two tests beat a lookup in a tuple)
                    double_open = between == "“"
                elif between == "‘":
                    single_open = True
                elif between == "’":
                    single_open = single_open and not closes(position)
                elif between == "\n":
                    double_open = single_open = False
        read_to = end
        before = last_mark[-1] if start == last_end else text[start - 1] if start else "\n"
        after = text[end] if end < length else "\n"
        quote = match.group()
        if quote == '"':
            mark = double(start, end, before, after)
        elif quote == "'":
            mark = single(start, before, after)
        else:  # PTB's `` opens and '' closes
            double_open = quote == "``"
            mark = "“" if double_open else "”"
        if mark != quote:
            changed += 1
        last_end, last_mark = end, mark
        return mark

    pattern = _PTB_AWARE_QUOTE if ptb else _STRAIGHT_QUOTE
    if recorder is not None:
        return recorder.sub(pattern, curl, text, "quote direction"), QuoteReport(changed, ambiguous)
    curled = pattern.sub(curl, text)
    return curled, QuoteReport(changed, ambiguous)


def _straighten(text: str, recorder: Recorder | None = None) -> tuple[str, QuoteReport]:
    # PTB quotes first, so that a translated ‘ never becomes half of a PTB ''.
    if recorder is not None and "``" in text:
        straight = recorder.sub(_PTB_QUOTE, '"', text, "PTB quote")
    else:
        straight = _PTB_QUOTE.sub('"', text) if "``" in text else text
    if recorder is not None:
        translated = straight.translate(_TO_STRAIGHT)
        recorder.record(
            straight,
            (
                (index, index + 1, new)
                for index, (old, new) in enumerate(zip(straight, translated, strict=True))
                if old != new
            ),
            "straight quote",
        )
        straight = translated
    else:
        straight = straight.translate(_TO_STRAIGHT)
    changed = sum(a != b for a, b in zip(text, straight, strict=False))
    return straight, QuoteReport(changed + len(text) - len(straight), 0)


def fix_quotes_and_count(
    text: str, style: QuoteStyle = "auto", *, recorder: Recorder | None = None
) -> tuple[str, QuoteReport]:
    """`fix_quotes`, also reporting how many quotes changed and how many were left ambiguous.

    `recorder`, when given (`newsnorm.trace` passes one), records every quote replaced.

    Examples:
        >>> fix_quotes_and_count("It's 'fine'.", "curly")
        ('It’s ‘fine’.', QuoteReport(changed=3, ambiguous=0))
    """
    if style == "preserve":
        return text, QuoteReport()
    if style == "straight":
        return _straighten(text, recorder)
    if style == "curly":
        return _curl(text, recorder)
    if style == "auto":
        if any(mark in text for mark in _TYPOGRAPHIC_QUOTES):
            return _curl(text, recorder)
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
