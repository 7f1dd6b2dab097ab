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

__all__ = ["fix_characters", "needs_character_repair", "normalize_whitespace"]

# ftfy only has work where a character outside this set occurs, or an "&" (entities): ASCII
# text, Latin-1 punctuation and symbols, and general punctuation (curly quotes, dashes). Every
# mojibake of UTF-8 contains a character outside it (Ã, Â, â, Ä, €, ™, Р, …), and so does every
# control character, lone surrogate, byte-order mark and compatibility character.
_NEEDS_FTFY = regex.compile(r"[^\t\n\x20-\x25\x27-\x7e\u00a0-\u00bf\u2010-\u2027\u2030-\u205e]")
_LINE_BREAK = regex.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_ODD_SPACE = regex.compile(r"[\t\xa0\u1680\u2000-\u200b\u202f\u205f\u3000]")
# Invisible characters that are not spaces: the word joiner and stray byte-order marks.
# (ZWJ and ZWNJ are left alone: they shape scripts and emoji.)
_INVISIBLE = regex.compile(r"[\u2060\ufeff]")
_MAX_PASSES = 4
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
    spaces collapse to one; zero-width spaces count as spaces; lines lose leading and trailing
    spaces; runs of blank lines collapse to one blank line; the text loses blank lines at its
    start and end. Word joiners and stray byte-order marks are removed.

    Example:
        >>> normalize_whitespace("  A\\u00a0 line.\\r\\n\\n\\n\\nNext\\tline. ")
        'A line.\\n\\nNext line.'
    """
    if not _ANY_WHITESPACE_WORK.search(text):
        return text
    text = _LINE_BREAK.sub("\n", text)
    text = _INVISIBLE.sub("", text)
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
    # One pass can reveal another layer of mojibake (or whitespace that forms one); repeat, a
    # few times at most, so that fixing fixed text changes nothing.
    for _ in range(_MAX_PASSES):
        fixed = _fix_once(text, fold)
        if fixed == text:
            break
        text = fixed
    return text


def needs_character_repair(text: str) -> bool:
    """Tell whether `text` holds anything ftfy could repair (the fast path's test).

    Example:
        >>> needs_character_repair("Plain “quoted” text — fine."), needs_character_repair("cafÃ©")
        (False, True)
    """
    return "&" in text or bool(_NEEDS_FTFY.search(text))


def _fix_once(text: str, fold: bool) -> str:
    if needs_character_repair(text):
        text = ftfy.fix_text(text, _ftfy_config(fold))
    return normalize_whitespace(text)
