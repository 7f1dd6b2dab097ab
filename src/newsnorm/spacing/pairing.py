"""Straight quotes that stand alone as tokens: which ones open and which ones close.

A straight ``"`` carries no direction, so each one gets a *lean* from its neighbours (the start
of a line opens, a comma after it closes, a quote between two words opens, …), and the quotes of
a paragraph are then read as an alternating sequence, choosing the parity that agrees best with
the leans. A lone quote without strong local evidence (``ended . " Then``: closing one sentence,
or opening the next?) is left exactly as it stands.
"""

from __future__ import annotations

import regex

__all__ = ["attach_straight_quotes"]

_STANDALONE_DOUBLE = regex.compile(r'(?:^|(?<= ))"(?= |$)', regex.M)
_STANDALONE_SINGLE = regex.compile(r"(?:^|(?<= ))'(?= |$)", regex.M)
_CLOSING_PUNCTUATION = frozenset(",.;:!?)]}")
_OPENING_CONTEXT = frozenset("([{—–-/")
_SENTENCE_END = frozenset(".!?")

_OPEN, _CLOSE = 1, -1
# `" Professor Eastman said .`: a short name, then a speech verb.
_ATTRIBUTION = regex.compile(
    r"(?:[A-Z][\w.'’-]* ){1,3}(?:said|says|told|added|asked|wrote|explained|noted|stated)\b"
)


def _double_lean(before: str, after: str) -> int:
    """How strongly the neighbours say "opening" (> 0) or "closing" (< 0)."""
    if not before:
        return 2 if after else 0
    if not after:
        return -2
    last, first = before[-1], after[0]
    if after.startswith("..."):
        return 0  # `" ... quoted` opens, `quoted ... "` closes: the dots say nothing
    if first in _CLOSING_PUNCTUATION:
        return -2
    if last in _OPENING_CONTEXT:
        return 2
    if last in _SENTENCE_END or last == ",":
        # `, " he said` and `, " Professor Lee said` close; `, " The …` opens a quotation.
        if _ATTRIBUTION.match(after) or (first.islower() and last != ","):
            return -2
        if last == ",":  # `, " he said` closes, but `phrase , " waive or modify . "` opens
            return -1 if first.islower() else 1
        return 0
    if last.isalnum() and first.isalnum():
        # Between two words a quote more often opens (`as " another`) than closes (`arm " in`).
        return 1
    return 0


def _roles(leans: list[int]) -> list[int | None]:
    """Alternate open/close with the parity that best fits the leans; None where unsure.

    A strong lean (a quote at a line end, before a comma, …) wins over the alternation, so a
    quotation that runs on past the paragraph does not flip every quote after it.
    """
    if len(leans) == 1:  # nothing to pair with: the local evidence decides, if there is any
        return [None if leans[0] == 0 else (_OPEN if leans[0] > 0 else _CLOSE)]
    scores = []
    for parity in (0, 1):
        roles = [_OPEN if (index + parity) % 2 == 0 else _CLOSE for index in range(len(leans))]
        scores.append((sum(lean * role for lean, role in zip(leans, roles, strict=True)), roles))
    (first_score, first_roles), (second_score, second_roles) = scores
    if first_score == second_score and len(leans) % 2:
        return [None] * len(leans)  # an odd count with no evidence either way: leave them
    chosen = first_roles if first_score >= second_score else second_roles
    return [
        (_OPEN if lean > 0 else _CLOSE) if abs(lean) == 2 else role
        for lean, role in zip(leans, chosen, strict=True)
    ]


def _attach(line: str, positions: list[int], roles: list[int | None]) -> str:
    # An opening quote loses the space after it, a closing one the space before it.
    drop: set[int] = set()
    for position, role in zip(positions, roles, strict=True):
        if role == _OPEN and position + 1 < len(line):
            drop.add(position + 1)
        elif role == _CLOSE and position > 0:
            drop.add(position - 1)
    # Two quotes are never written against each other: '' and `` are PTB's quote tokens,
    # which a second pass would read as such.
    drop = {index for index in drop if not _between_quotes(line, index)}
    if not drop:
        return line
    pieces = []
    start = 0
    for index in sorted(drop):
        pieces.append(line[start:index])
        start = index + 1
    pieces.append(line[start:])
    return "".join(pieces)


def _between_quotes(line: str, index: int) -> bool:
    return 0 < index < len(line) - 1 and line[index - 1] in "'`" and line[index + 1] in "'`"


# Only a few characters either side matter; looking no further keeps long lines linear.
_WINDOW = 48


def _context(line: str, position: int) -> tuple[str, str]:
    start = max(0, position - _WINDOW)
    # A cut window gets a placeholder first character, so that `^` means the line start only.
    before = ("" if start == 0 else "\x00") + line[start:position].rstrip(" ")
    after = line[position + 1 : position + 1 + _WINDOW].lstrip(" ")
    return before, after


_GLUED_CLOSING_SINGLE = regex.compile(r"[^\Ws]'(?= |$)", regex.M)
# A quote glued to the word it opens ('every), from a PTB backtick or the writer.
# ('em, 'til and 'tis are words, not quotations.)
_GLUED_OPENING_SINGLE = regex.compile(
    r"(?:^|(?<=[ (\[]))'(?=[^\W\d_]{2})"
    r"(?!(?i:em|til|tis|twas|cause|cos|cuz|bout|n)\b)",
    regex.M,
)
_NUMBER_BEFORE = regex.compile(r"(?:^| )\d+(?:[.,]\d+)?$")


def _is_inch_mark(before: str, after: str) -> bool:
    # `17 " or 16 " wheels`: a quote right after a number, not opening a quotation.
    return before[-1:].isdigit() and bool(_NUMBER_BEFORE.search(before)) and not after[:1].isupper()


def _attach_doubles(line: str) -> str:
    positions: list[int] = []
    roles: list[int | None] = []
    quotes: list[int] = []
    leans: list[int] = []
    for match in _STANDALONE_DOUBLE.finditer(line):
        before, after = _context(line, match.start())
        if _is_inch_mark(before, after):
            positions.append(match.start())
            roles.append(_CLOSE)
        else:
            quotes.append(len(positions))
            positions.append(match.start())
            roles.append(None)
            leans.append(_double_lean(before, after))
    if quotes:
        for index, role in zip(quotes, _roles(leans), strict=True):
            roles[index] = role
    return _attach(line, positions, roles) if positions else line


def _attach_singles(line: str) -> str:
    positions = [match.start() for match in _STANDALONE_SINGLE.finditer(line)]
    if not positions:
        return line
    roles: list[int | None] = []
    for number, position in enumerate(positions):
        before, after = _context(line, position)
        # Moses leaves a closing quote glued after a word (`war'`), so look for either form.
        later_quote = number + 1 < len(positions) or bool(
            _GLUED_CLOSING_SINGLE.search(line, position + 1, position + 1 + 4 * _WINDOW)
        )
        opened = _GLUED_OPENING_SINGLE.search(
            line, positions[number - 1] + 1 if number else 0, position
        )
        if opened and before and not _GLUED_CLOSING_SINGLE.search(line, opened.end(), position):
            roles.append(_CLOSE)  # 'every day we go , ' said: closes the quote glued before
        elif not before or before[-1] in _OPENING_CONTEXT or before[-1] in ',:"':
            roles.append(_OPEN if after and after[0].isalnum() else None)
        elif after[:1].isalnum() and later_quote and before[-1] not in "sSzx":
            roles.append(_OPEN)  # ' scare quotes ' : a later quote will close it
        else:
            roles.append(_CLOSE)  # a closing quote, or the apostrophe of a plural possessive
    return _attach(line, positions, roles)


def attach_straight_quotes(text: str) -> str:
    """Attach standalone straight quotes to the words they quote, paragraph by paragraph.

    Examples:
        >>> attach_straight_quotes('" This is it , " he said , " and we go . "')
        '"This is it ," he said , "and we go ."'
        >>> attach_straight_quotes("the states ' claims and ' scare quotes ' here")
        "the states' claims and 'scare quotes' here"
        >>> attach_straight_quotes('It ended . " Then what ?')  # closes one, or opens the next?
        'It ended . " Then what ?'
    """
    # A standalone quote on a line with a space has a space beside it: most documents hold
    # quotes only inside words (doesn't) and are done after these substring checks.
    doubles = ' "' in text or '" ' in text
    singles = " '" in text or "' " in text
    if not doubles and not singles:
        return text
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if " " in line:
            if doubles and '"' in line:
                line = _attach_doubles(line)
            lines[index] = _attach_singles(line) if singles and "'" in line else line
    return "\n".join(lines)
