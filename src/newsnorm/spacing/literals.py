"""Substring checks gated by the characters a text contains.

Looking for a substring costs a scan of the text; looking up a character in the set of the
text's characters costs nothing. Tokenized-text marks are made of rare characters (``@``, ``$``,
`````, ``’``), so most checks are settled by the set, and only plausible ones scan the text.
"""

from __future__ import annotations

__all__ = ["Literals"]


# Spaces, and line breaks (the rules see every line end with one), are taken as present.
_ALWAYS_THERE = frozenset(" \n")


class Literals:
    """A fixed set of substrings, each checked only when all its characters occur in the text.

    Examples:
        >>> marks = Literals("@-@", "NEWLINE_CHAR")
        >>> text = "A state @-@ of the art design"
        >>> marks.any_in(text, frozenset(text)), marks.any_in("plain", frozenset("plain"))
        (True, False)
    """

    __slots__ = ("items", "keyed", "keys")

    def __init__(self, *literals: str) -> None:
        self.items = tuple((literal, frozenset(literal) - _ALWAYS_THERE) for literal in literals)
        # The rarest character of each literal: when the text has none of them, no literal
        # can occur, and one set operation says so.
        self.keyed = tuple((literal, max(literal, key=_rarity)) for literal in literals)
        self.keys = frozenset(key for _, key in self.keyed)

    def any_in(self, text: str, chars: frozenset[str] | None = None) -> bool:
        """Tell whether any of the substrings occurs in `text`, whose characters are `chars`.

        Without `chars`, each literal's rarest character is looked up in the text itself:
        cheaper than building the set when only one check is to be made.
        """
        if chars is None:
            return any(key in text and literal in text for literal, key in self.keyed)
        if self.keys.isdisjoint(chars):
            return False
        for literal, needed in self.items:  # noqa: SIM110 - a loop beats any() on this hot path
            if needed <= chars and literal in text:
                return True
        return False


def _rarity(char: str) -> int:
    """Rank how rare a character is in running text, roughly (higher: rarer)."""
    if char in _ALWAYS_THERE:
        return 0
    if char.islower():
        return 1
    return 2 if char.isalnum() else 3
