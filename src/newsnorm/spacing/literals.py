"""Substring checks gated by the characters a text contains.

Looking for a substring costs a scan of the text; looking up a character in the set of the
text's characters costs nothing. Tokenized-text marks are made of rare characters (``@``, ``$``,
`````, ``’``), so most checks are settled by the set, and only plausible ones scan the text.
"""

from __future__ import annotations

__all__ = ["Literals"]


class Literals:
    """A fixed set of substrings, each checked only when all its characters occur in the text.

    Examples:
        >>> marks = Literals("@-@", "NEWLINE_CHAR")
        >>> text = "A state @-@ of the art design"
        >>> marks.any_in(text, frozenset(text)), marks.any_in("plain", frozenset("plain"))
        (True, False)
    """

    __slots__ = ("items",)

    def __init__(self, *literals: str) -> None:
        self.items = tuple((literal, frozenset(literal) - {" "}) for literal in literals)

    def any_in(self, text: str, chars: frozenset[str]) -> bool:
        """Tell whether any of the substrings occurs in `text`, whose characters are `chars`."""
        for literal, needed in self.items:  # noqa: SIM110 - a loop beats any() on this hot path
            if needed <= chars and literal in text:
                return True
        return False
