"""`Config`: every option of the pipeline in one frozen value, plus a few named presets."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, Literal, get_args

import attrs

from newsnorm.errors import ConfigError

__all__ = ["PRESETS", "Config", "QuoteStyle", "SpacingMode"]

QuoteStyle = Literal["auto", "curly", "straight", "preserve"]
"""How `fix_quotes` treats quotes: see `newsnorm.quotes.fix_quotes`.

Examples:
    >>> get_args(QuoteStyle)
    ('auto', 'curly', 'straight', 'preserve')
"""

Corpus = Literal[
    "auto", "cnn_dailymail", "xsum", "wikitext", "conll2003", "multinews", "gigaword", "web"
]
"""The corpus whose layout a document has: ``auto`` tries every layout's recognizers; a named
corpus tries only its own and may name its tokenizer (see `newsnorm.header.layouts.LAYOUTS`).

Examples:
    >>> Config(corpus="wikitext").corpus
    'wikitext'
"""

SpacingMode = Literal["auto", "off", "moses", "ptb", "ud", "wikitext", "multinews"]
"""``auto`` detects tokenized text and repairs it; ``off`` leaves spacing alone.

A tokenization style (see `newsnorm.spacing.Style`) says that every document was tokenized
that way: each one is repaired as such, and what one document alone may not show is settled
(Moses and PTB never split hyphens, so ``a - b`` stays a dash).

Examples:
    >>> Config(spacing="off").spacing in get_args(SpacingMode)
    True
    >>> Config(spacing="ptb").spacing
    'ptb'
"""


def _one_of(choices: tuple[str, ...]) -> Any:
    def check(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in choices:
            allowed = ", ".join(repr(choice) for choice in sorted(choices))
            raise ConfigError(f"{attribute.name} must be one of {allowed}, not {value!r}")

    return check


def _boolean(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, bool):
        raise ConfigError(f"{attribute.name} must be True or False, not {value!r}")


def _seconds(value: object) -> object:
    # A whole number of seconds (as a TOML file may give it) is a number of seconds too.
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _optional_seconds(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, float) or not 0 < value < math.inf:
        raise ConfigError(f"{attribute.name} must be a number of seconds above 0, not {value!r}")


@attrs.frozen
class Config:
    """All options of `newsnorm.normalize`, as one immutable value.

    Build one with keywords, start from a named preset, or derive one with `evolve`.
    Every option has a safe default: the default `Config()` is what ``normalize`` uses.

    Attributes:
        unwrap: join hard-wrapped wire copy (indented paragraphs) into one line per paragraph.
        characters: repair mojibake, HTML entities and odd whitespace (`fix_characters`).
        fold_compatibility: also fold fullwidth letters and ligatures (``ﬁ`` -> ``fi``);
            off by default because it changes text that is not broken.
        spacing: ``"auto"`` repairs tokenized spacing where the text is tokenized; ``"off"``
            never touches spacing; a `SpacingMode` style names the tokenizer of every document.
        quotes: the quote style, one of ``"auto"``, ``"curly"``, ``"straight"``, ``"preserve"``.
        header: extract a date line, header block, title and byline into typed fields.
        dateline: extract a news dateline such as ``WASHINGTON (Reuters) -``.
        corpus: the corpus the documents come from (`Corpus`): ``auto`` reads every known
            layout where it shows; a named corpus reads its own layout only and, where the
            corpus's tokenizer is known and ``spacing`` is ``auto``, repairs spacing as that.
        time_budget: seconds that `newsnorm.normalize` may spend on one document, or None
            (the default) for no limit. A document that runs over is returned as given,
            unrepaired and with no fields, and `NormalizeReport.over_budget` says so; see
            `newsnorm.pipeline.normalize_and_report`. Every stage runs in linear time, so
            only a very long document (or a pathology no test has found) runs over a budget of
            a few seconds.

    Examples:
        >>> Config().quotes
        'auto'
        >>> Config(quotes="straight").evolve(header=False).header
        False
        >>> Config.preset("minimal").spacing
        'off'
        >>> Config(time_budget=5).time_budget
        5.0
    """

    unwrap: bool = attrs.field(default=True, validator=_boolean)
    characters: bool = attrs.field(default=True, validator=_boolean)
    fold_compatibility: bool = attrs.field(default=False, validator=_boolean)
    spacing: SpacingMode = attrs.field(default="auto", validator=_one_of(get_args(SpacingMode)))
    quotes: QuoteStyle = attrs.field(default="auto", validator=_one_of(get_args(QuoteStyle)))
    header: bool = attrs.field(default=True, validator=_boolean)
    dateline: bool = attrs.field(default=True, validator=_boolean)
    corpus: Corpus = attrs.field(default="auto", validator=_one_of(get_args(Corpus)))
    time_budget: float | None = attrs.field(
        default=None, converter=_seconds, validator=_optional_seconds
    )

    def evolve(self, **overrides: Any) -> Config:
        """Return a copy with some options changed; unknown names raise `ConfigError`.

        Examples:
            >>> Config().evolve(quotes="curly").quotes
            'curly'
            >>> Config().evolve(qoutes="curly")
            Traceback (most recent call last):
            ...
            newsnorm.errors.ConfigError: unknown option 'qoutes'; options are: ...
        """
        if not overrides:
            return self
        known = {field.name for field in attrs.fields(Config)}
        for name in overrides:
            if name not in known:
                options = ", ".join(sorted(known))
                raise ConfigError(f"unknown option {name!r}; options are: {options}")
        return attrs.evolve(self, **overrides)

    @classmethod
    def preset(cls, name: str, **overrides: Any) -> Config:
        """Return the named preset from `PRESETS`, with optional overrides.

        Examples:
            >>> Config.preset("ascii").quotes
            'straight'
            >>> Config.preset("nope")
            Traceback (most recent call last):
            ...
            newsnorm.errors.ConfigError: unknown preset 'nope'; presets are: ascii, ...
        """
        try:
            base = PRESETS[name]
        except KeyError:
            names = ", ".join(sorted(PRESETS))
            raise ConfigError(f"unknown preset {name!r}; presets are: {names}") from None
        return base.evolve(**overrides)

    @classmethod
    def resolve(cls, config: Config | None = None, **overrides: Any) -> Config:
        """Combine an optional config with keyword overrides, the way every entry point does.

        Examples:
            >>> Config.resolve(None, quotes="preserve") == Config(quotes="preserve")
            True
        """
        return (config if config is not None else DEFAULT).evolve(**overrides)


DEFAULT = Config()

PRESETS: Mapping[str, Config] = {
    "default": DEFAULT,
    # Characters only: for text known to be untokenized and typographically settled.
    "minimal": Config(unwrap=False, spacing="off", quotes="preserve", header=False, dateline=False),
    # Plain ASCII quotes and folded compatibility characters, for small vocabularies.
    "ascii": Config(quotes="straight", fold_compatibility=True),
    # Repair the text but leave any header or dateline in the body.
    "body-only": Config(header=False, dateline=False),
}
"""The named presets accepted by `Config.preset` and the command line's ``--preset``.

Examples:
    >>> sorted(PRESETS)
    ['ascii', 'body-only', 'default', 'minimal']
    >>> PRESETS["body-only"].header
    False
"""
