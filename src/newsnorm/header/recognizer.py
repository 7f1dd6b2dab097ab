"""The seam for corpus layouts: a named recognizer reads its layout's fields out of a text.

A recognizer declares what its layout cannot do without: literal openings somewhere in the text,
and a test of the text's first lines (`newsnorm.header.top.Top`, looked at once for all of
them). A text that lacks them is passed by at the cost of a substring search and a look at its
first lines, so the quick path for text without a header follows from the recognizers
themselves. It never guesses: what it cannot read stays in the text, and what it reads moves
into a field, never out of the document.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs

from newsnorm.article import Dateline
from newsnorm.header.signs import Search, TopSigns, line_start_search, literal_searches
from newsnorm.header.top import Top

__all__ = ["AtTop", "Found", "Read", "Recognizer"]


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


AtTop = Callable[[Top], bool]
"""A layout's quick test on the first lines of a text: False when they show it is not there.

Examples:
    >>> def bang_first(top: Top) -> bool:
    ...     return top.first.startswith("!")
    >>> test: AtTop = bang_first
    >>> test(Top("!Rain\\nIt rained.")), test(Top("It rained."))
    (True, False)
"""


def _always(text: str, top: Top) -> bool:
    return True


@attrs.frozen
class Recognizer:
    """A named reader of one layout, with what a text must show for the layout to be there.

    Attributes:
        name: the name shown in reports, ``--stats`` and ``inspect``.
        openings: literal strings of which at least one must occur in the text for the
            layout to be there; empty when it declares none.
        read: the reader (see `Read`).
        reach: for a layout at the top of a text, how far into it an opening can first
            stand: only that much is searched, so a long story costs no more than a short
            one; None searches the whole text.
        at_top: the test the text's top must pass (see `AtTop`; `Top.text` is the whole
            text), after an opening is found when openings are declared. A recognizer that
            declares neither is tried on every text.
        anywhere: literal strings that, found anywhere in the text, make the recognizer
            apply whatever its top shows (a widget line inside a story).
        anywhere_opens_line: whether each of `anywhere` counts only where it opens a line,
            perhaps after white space (as a widget's line does): the quick path looks for it
            only there (`TopSigns.line_starts`).
        top_signs: for a recognizer with `at_top`, what the text's first lines must show
            for `at_top` to pass (`newsnorm.header.signs.TopSigns`), so that the metadata
            stages' quick path can pass a text by (see `signs`); without it, a layout
            holding the recognizer has no such quick path.

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
    at_top: AtTop | None = None
    anywhere: tuple[str, ...] = ()
    anywhere_opens_line: bool = False
    top_signs: TopSigns | None = None
    # The literals anywhere, as `literal_searches` finds them fastest.
    _anywhere_literals: tuple[tuple[str, ...], tuple[Search, ...]] = attrs.field(
        init=False, repr=False, eq=False
    )

    @_anywhere_literals.default
    def _split_anywhere(self) -> tuple[tuple[str, ...], tuple[Search, ...]]:
        if self.anywhere_opens_line and self.anywhere:
            return (), (line_start_search(self.anywhere),)
        return literal_searches(self.anywhere)

    # `applies` for a text whose `Top` is found, made once for what this recognizer declares:
    # the orchestrator asks every recognizer of a layout about every text.
    quick: Callable[[str, Top], bool] = attrs.field(init=False, repr=False, eq=False)

    @quick.default
    def _make_quick(self) -> Callable[[str, Top], bool]:
        at_top, openings = self.at_top, self.openings
        if self.anywhere or self.reach is not None or len(openings) > 1:
            return self._applies
        if not openings:
            if at_top is None:
                return _always
            return lambda text, top: at_top(top)
        opening = openings[0]
        if at_top is None:
            return lambda text, top: opening in text
        return lambda text, top: opening in text and at_top(top)

    @property
    def signs(self) -> TopSigns | None:
        """What a text shows wherever this recognizer applies, or None if that is not declared.

        Its literals (`anywhere`, and `openings` within `reach`) and, with `at_top`, its
        `top_signs`. A recognizer that declares no opening and no `at_top` applies to every
        text: it has no signs.

        Examples:
            >>> Recognizer("bang", ("!",), lambda text: None, reach=1).signs.near_start
            (('!', 1),)
            >>> Recognizer("any", (), lambda text: None).signs is None
            True
        """
        if self.at_top is not None:
            if self.top_signs is None:
                return None
            # It needs an opening besides its top's signs: the top's signs alone will do.
            if self.anywhere_opens_line:
                starts = (*self.top_signs.line_starts, *self.anywhere)
                return attrs.evolve(self.top_signs, line_starts=starts)
            return attrs.evolve(self.top_signs, anywhere=(*self.top_signs.anywhere, *self.anywhere))
        if not self.openings:
            return None  # no opening and no test of its top: it applies to every text
        if self.reach is None:
            return TopSigns(anywhere=(*self.openings, *self.anywhere))
        return TopSigns(
            anywhere=self.anywhere,
            near_start=tuple((opening, self.reach) for opening in self.openings),
        )

    def applies(self, text: str, top: Top | None = None) -> bool:
        """Tell whether the layout may be in `text`: an opening is found and its top passes.

        `top` is the text's `Top` when the caller has found it already (it is found here
        otherwise).

        Examples:
            >>> Recognizer("any", (), lambda text: None).applies("")
            True
            >>> bang_first = lambda top: top.first.startswith("!")
            >>> first = Recognizer("first !", (), lambda text: None, at_top=bang_first)
            >>> first.applies("!Rain"), first.applies("Rain!")
            (True, False)
            >>> ads = Recognizer("ads", (), lambda text: None, at_top=bang_first, anywhere=("AD",))
            >>> ads.applies("Rain"), ads.applies("Rain\\nAD\\nSun")
            (False, True)
        """
        return self._applies(text, Top(text) if top is None else top)

    def _applies(self, text: str, top: Top) -> bool:
        alone, searches = self._anywhere_literals
        for literal in alone:  # a loop beats any() on this hot path
            if literal in text:
                return True
        for search in searches:
            if search(text) is not None:
                return True
        if self.openings:
            end = len(text) if self.reach is None else self.reach
            for opening in self.openings:  # a loop beats any() on this hot path
                if text.find(opening, 0, end) >= 0:
                    break
            else:
                return False
        return self.at_top is None or self.at_top(top)
