"""Regex building blocks shared by the stages that match words in any case.

IGNORECASE lets letters that Unicode case folding maps onto ASCII (``ſ``, the Kelvin sign,
``İ``) match ASCII words; text matched so and then used as a key (a month table, the PTB escape
table) raises or turns into a character the writer never wrote. `any_case` matches the ASCII
words in any mix of case, and nothing else.
"""

from __future__ import annotations

import regex

__all__ = ["any_case"]


def any_case(*words: str) -> str:
    """Return a regex for any of the ASCII `words`, in any mix of capitals and small letters.

    Unlike IGNORECASE it matches no letter that Unicode case folding maps onto an ASCII one
    (``ſ`` for s, the Kelvin sign ``K`` for k, ``İ`` for i), also inside a pattern compiled
    with IGNORECASE, so the matched text, lower-cased, is always one of `words`: it can
    index a table. Longer words come first, so that ``sept`` is tried before ``sep``.

    Examples:
        >>> import regex
        >>> month = regex.compile(any_case("sep", "sept"), regex.IGNORECASE)
        >>> [bool(month.fullmatch(text)) for text in ("SEPT", "Sep", "\\u017fep", "sEpT")]
        [True, True, False, True]
    """
    alternatives = (
        "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else regex.escape(c) for c in word)
        for word in sorted(words, key=len, reverse=True)
    )
    return "(?-i:" + "|".join(alternatives) + ")"
