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


def _double_lean(line: str, position: int, last: str, first: str) -> int:
    """How strongly the neighbours say "opening" (> 0) or "closing" (< 0).

    `last` and `first` are the characters before and after the quote (see `_neighbours`).
    """
    if not last:
        return 2 if first else 0
    if not first:
        return -2
    if first == "." and _after(line, position).startswith("..."):
        return 0  # `" ... quoted` opens, `quoted ... "` closes: the dots say nothing
    if first in _CLOSING_PUNCTUATION:
        return -2
    if last in _OPENING_CONTEXT:
        return 2
    if last in _SENTENCE_END or last == ",":
        # `, " he said` and `, " Professor Lee said` close; `, " The …` opens a quotation.
        if (first.islower() and last != ",") or _ATTRIBUTION.match(_after(line, position)):
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
    # An opening quote loses the space after it, a closing one the space before it. Quotes
    # stand two characters apart at least, so the spaces to drop come in order (one between
    # an opening and a closing quote is dropped once).
    pieces = []
    start = 0
    last = len(line) - 1
    for position, role in zip(positions, roles, strict=True):
        if role == _OPEN and position < last:
            index = position + 1
        elif role == _CLOSE and position > 0:
            index = position - 1
        else:
            continue
        # Two quotes are never written against each other: '' and `` are PTB's quote tokens,
        # which a second pass would read as such.
        if index < start or (
            0 < index < last and line[index - 1] in "'`" and line[index + 1] in "'`"
        ):
            continue
        pieces.append(line[start:index])
        start = index + 1
    if not pieces:
        return line
    pieces.append(line[start:])
    return "".join(pieces)


# Only a few characters either side matter; looking no further keeps long lines linear.
_WINDOW = 48


def _before(line: str, position: int) -> str:
    """Return the text before a quote, within the window, without the spaces next to it."""
    start = max(0, position - _WINDOW)
    # A cut window gets a placeholder first character, so that `^` means the line start only.
    return ("" if start == 0 else "\x00") + line[start:position].rstrip(" ")


def _after(line: str, position: int) -> str:
    """Return the text after a quote, within the window, without the spaces next to it."""
    return line[position + 1 : position + 1 + _WINDOW].lstrip(" ")


def _neighbours(line: str, position: int) -> tuple[str, str]:
    """Return the last character of `_before` and the first of `_after` ("" for none).

    Neither string is built: a quote is read in constant time, whatever the line's length.
    """
    start = max(0, position - _WINDOW)
    index = position - 1
    while index >= start and line[index] == " ":
        index -= 1
    last = line[index] if index >= start else ("" if start == 0 else "\x00")
    end = min(len(line), position + 1 + _WINDOW)
    index = position + 1
    while index < end and line[index] == " ":
        index += 1
    return last, (line[index] if index < end else "")


_GLUED_CLOSING_SINGLE = regex.compile(r"[^\Ws]'(?= |$)", regex.M)
# A quote glued to the word it opens ('every), from a PTB backtick or the writer.
# ('em, 'til and 'tis are words, not quotations.)
_GLUED_OPENING_SINGLE = regex.compile(
    r"(?:^|(?<=[ (\[]))'(?=[^\W\d_]{2})"
    r"(?!(?i:em|til|tis|twas|cause|cos|cuz|bout|n)\b)",
    regex.M,
)
_NUMBER_BEFORE = regex.compile(r"(?:^| )\d+(?:[.,]\d+)?$")


def _is_inch_mark(line: str, position: int, last: str, first: str) -> bool:
    # `17 " or 16 " wheels`: a quote right after a number, not opening a quotation.
    return (
        last.isdigit()
        and not first.isupper()
        and _NUMBER_BEFORE.search(_before(line, position)) is not None
    )


def _attach_doubles(line: str) -> str:
    positions: list[int] = []
    roles: list[int | None] = []
    quotes: list[int] = []
    leans: list[int] = []
    for match in _STANDALONE_DOUBLE.finditer(line):
        position = match.start()
        last, first = _neighbours(line, position)
        if _is_inch_mark(line, position, last, first):
            positions.append(position)
            roles.append(_CLOSE)
        else:
            quotes.append(len(positions))
            positions.append(position)
            roles.append(None)
            leans.append(_double_lean(line, position, last, first))
    if quotes:
        for index, role in zip(quotes, _roles(leans), strict=True):
            roles[index] = role
    return _attach(line, positions, roles) if positions else line


def _attach_singles(line: str) -> str:
    positions = [match.start() for match in _STANDALONE_SINGLE.finditer(line)]
    if not positions:
        return line
    roles: list[int | None] = []
    after_last = len(positions) - 1
    previous = -1
    for number, position in enumerate(positions):
        last, first = _neighbours(line, position)
        opened = _GLUED_OPENING_SINGLE.search(line, previous + 1, position)
        previous = position
        if opened and last and not _GLUED_CLOSING_SINGLE.search(line, opened.end(), position):
            roles.append(_CLOSE)  # 'every day we go , ' said: closes the quote glued before
        elif not last or last in _OPENING_CONTEXT or last in ',:"':
            roles.append(_OPEN if first.isalnum() else None)
        elif (
            first.isalnum()
            and last not in "sSzx"
            # a later quote will close it (Moses leaves a closing quote glued after a word,
            # `war'`, so look for either form)
            and (
                number < after_last
                or _GLUED_CLOSING_SINGLE.search(line, position + 1, position + 1 + 4 * _WINDOW)
            )
        ):
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
