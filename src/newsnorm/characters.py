"""Character repair: mojibake, HTML entities, control characters and whitespace.

ftfy does the character work with a corpus-safe preset: it never uncurls quotes (quote style is
`newsnorm.quotes`' job) and folds fullwidth letters and ligatures only when asked. Whitespace is
then made regular so that later stages can rely on it: one ``\\n`` per line break, single plain
spaces inside a line, no blanks at line ends, at most one blank line in a row.
"""

from __future__ import annotations

import functools

import ftfy
import regex

from newsnorm.config import Config

__all__ = ["fix_characters", "normalize_whitespace"]

# Plain ASCII without "&" or control characters holds no mojibake and no entity: skip ftfy.
_ASCII_CONTROL = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_LINE_BREAK = regex.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_ODD_SPACE = regex.compile(r"[\t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000]")
# Zero-width characters that only mark break opportunities; removing them changes no visible text.
# (ZWJ and ZWNJ are left alone: they shape scripts and emoji.)
_ZERO_WIDTH = regex.compile(r"[\u200b\u2060\ufeff]")
_SPACE_RUN = regex.compile(r" {2,}")
_LINE_EDGE_SPACE = regex.compile(r"^ +| +$", regex.MULTILINE)
_BLANK_LINE_RUN = regex.compile(r"\n{3,}")
_ANY_WHITESPACE_WORK = regex.compile(
    r"\r|[\x0b\x0c\x85\u2028\u2029\t\xa0\u1680\u2000-\u200a\u202f\u205f\u3000\u200b\u2060\ufeff]"
    r"|  |^ | $|\n\n\n|^\n|\n$",
    regex.MULTILINE,
)


@functools.cache
def _ftfy_config(fold_compatibility: bool) -> ftfy.TextFixerConfig:
    return ftfy.TextFixerConfig(
        uncurl_quotes=False,
        fix_latin_ligatures=fold_compatibility,
        fix_character_width=fold_compatibility,
        explain=False,
    )


def normalize_whitespace(text: str) -> str:
    """Make whitespace regular without touching anything else.

    Line breaks become ``\\n``; tabs, no-break and other wide spaces become plain spaces; runs of
    spaces collapse to one; lines lose leading and trailing spaces; runs of blank lines collapse
    to one blank line; the text loses blank lines at its start and end. Zero-width spaces are
    removed.

    Example:
        >>> normalize_whitespace("  A\\u00a0 line.\\r\\n\\n\\n\\nNext\\tline. ")
        'A line.\\n\\nNext line.'
    """
    if not _ANY_WHITESPACE_WORK.search(text):
        return text
    text = _LINE_BREAK.sub("\n", text)
    text = _ZERO_WIDTH.sub("", text)
    text = _ODD_SPACE.sub(" ", text)
    text = _SPACE_RUN.sub(" ", text)
    text = _LINE_EDGE_SPACE.sub("", text)
    text = _BLANK_LINE_RUN.sub("\n\n", text)
    return text.strip("\n")


def fix_characters(text: str, config: Config | None = None) -> str:
    """Repair broken characters and irregular whitespace.

    Fixes mojibake (``â€™`` -> ``’``), HTML entities (``&amp;`` -> ``&``), control characters,
    byte-order marks, and applies NFC; then `normalize_whitespace`. Curly quotes are kept.
    With ``Config(fold_compatibility=True)`` fullwidth letters and ligatures are folded too.

    Example:
        >>> fix_characters("Itâ€™s a cafÃ© &amp; bar")
        'It’s a café & bar'
        >>> fix_characters("“Curly” stays curly.")
        '“Curly” stays curly.'
        >>> fix_characters("ﬁne", Config(fold_compatibility=True))
        'fine'
    """
    fold = Config.resolve(config).fold_compatibility
    if not text.isascii() or "&" in text or _ASCII_CONTROL.search(text):
        text = ftfy.fix_text(text, _ftfy_config(fold))
    return normalize_whitespace(text)
