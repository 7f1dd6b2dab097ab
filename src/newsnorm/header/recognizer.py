"""The seam for corpus layouts: a named recognizer reads its layout's fields out of a text.

A recognizer declares the literal openings its layout cannot do without, so a text holding none
of them is passed by at the cost of a substring search, and the quick path for text without a
header follows from the recognizers themselves. It never guesses: what it cannot read stays in
the text, and what it reads moves into a field, never out of the document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs

from newsnorm.article import Dateline

__all__ = ["Found", "Read", "Recognizer"]


@attrs.frozen
class Found:
    """The fields one recognizer read; the first recognizer to find a field wins it.

    Attributes:
        title: the headline, or None.
        byline: the byline as printed (``By Jane Doe``), or None.
        date: the publication date, or None.
        dateline: a dateline on a line of its own, or None.
        headers: other keyed values as (key, value) pairs, as written (``("updated", …)``).
        highlights: summary lines kept with the story, in order.
        furniture: page furniture moved out of the body, in order.

    Examples:
        >>> Found(title="Rain").title, Found().highlights
        ('Rain', ())
    """

    title: str | None = None
    byline: str | None = None
    date: dt.date | None = None
    dateline: Dateline | None = None
    headers: tuple[tuple[str, str], ...] = ()
    highlights: tuple[str, ...] = ()
    furniture: tuple[str, ...] = ()


Read = Callable[[str], "tuple[Found, str] | None"]
"""A recognizer's reader: the text in, the fields it read and the text left out, or None when
its layout is not there (then the text goes on unchanged).

Examples:
    >>> def nothing(text: str) -> tuple[Found, str] | None:
    ...     return None
    >>> reader: Read = nothing
    >>> reader("Any text.") is None
    True
"""


@attrs.frozen
class Recognizer:
    """A named reader of one layout, with the literal openings it needs to find in a text.

    Attributes:
        name: the name shown in reports, ``--stats`` and ``inspect``.
        openings: literal strings of which at least one must occur in the text for the
            layout to be there at all; empty when the reader is cheap enough to try always.
        read: the reader (see `Read`).
        reach: for a layout at the top of a text, how far into it an opening can first
            stand: only that much is searched, so a long story costs no more than a short
            one; None searches the whole text.

    Examples:
        >>> def shout(text):
        ...     head, _, rest = text.partition("\\n")
        ...     return (Found(title=head[1:]), rest) if head.startswith("!") else None
        >>> bang = Recognizer("bang title", ("!",), shout)
        >>> bang.applies("no marks here"), bang.read("!Rain\\nIt rained.")
        (False, (Found(title='Rain', ...), 'It rained.'))
    """

    name: str
    openings: tuple[str, ...]
    read: Read
    reach: int | None = None

    def applies(self, text: str) -> bool:
        """Tell whether the text holds one of the openings (always, without openings).

        Examples:
            >>> Recognizer("any", (), lambda text: None).applies("")
            True
        """
        if not self.openings:
            return True
        haystack = text if self.reach is None else text[: self.reach]
        for opening in self.openings:  # noqa: SIM110 - a loop beats any() on this hot path
            if opening in haystack:
                return True
        return False
