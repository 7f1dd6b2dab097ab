"""Character repair: mojibake, HTML entities, control characters and whitespace.

ftfy does the character work with a corpus-safe preset: it never uncurls quotes (quote style is
`newsnorm.quotes`' job) and folds fullwidth letters and ligatures only when asked. Whitespace is
then made regular so that later stages can rely on it: one ``\\n`` per line break, single plain
spaces inside a line, no blanks at line ends, at most one blank line in a row.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import ftfy
import regex
from ftfy.badness import is_bad

from newsnorm.config import Config
from newsnorm.patterns import any_case

if TYPE_CHECKING:  # the recorder is only ever passed in, by newsnorm.tracing
    from newsnorm.tracing.edits import Recorder

__all__ = [
    "fix_characters",
    "needs_character_repair",
    "normalize_whitespace",
    "repair_dump_artefacts",
]

# ftfy only has work where one of these occurs:
# - a character outside ASCII, Latin-1 and general punctuation (curly quotes, dashes): every
#   control character, lone surrogate, byte-order mark and compatibility character, and most
#   mojibake (€, ™, Р, ΓÇ);
# - an HTML entity, which ftfy decodes only with its semicolon;
# - a sequence that ftfy's own mojibake test (`ftfy.badness.is_bad`) flags: its encoding repair
#   (UTF-8 read as Latin-1, Windows-1252, MacRoman...) runs only then. Inside this character
#   range every sequence it flags holds two adjacent non-ASCII characters or an Â or Ã (which
#   ftfy reads next to plain spaces and letters), and spans at most three characters either
#   side of them, so the test runs on such short windows only. An accented letter alone, or
#   beside ASCII, is just an accented letter.
# Each is its own pattern: one that starts with a class the engine can scan for runs far faster
# than one alternation of all of them.
_OUTSIDE = regex.compile(r"[^\t\n\x20-\x7e\u00a0-\u00ff\u2010-\u2027\u2030-\u205e]")
_NON_ASCII_PAIR_OR_LEAD = r"[^\x00-\x7f](?:[^\x00-\x7f]+|(?<=[ÂÃ]))"
_WINDOW_CONTEXT = 3
# Pairs and leads whose windows overlap or touch, on one line: one window, one test, rather
# than one per pair, which text dense with curly quotes or accented letters would pay for every
# two characters. (A sequence ftfy flags lies inside one pair's window, so testing the union
# finds what testing each would.)
# Characters no sequence ftfy flags can be made of (with ASCII alone): curly quotes, dashes,
# the ellipsis, bullets, primes, the no-break space. A window of these and ASCII needs no test,
# so prose dense with quotes and dashes is settled by one scan (test_characters checks the
# claim against the installed ftfy).
_HARMLESS_NON_ASCII = "“”‘’‚„‛‟–—…•‹›‐‑‒―′″\xa0"
_SUSPECT = regex.compile(rf"[^\x00-\x7f{_HARMLESS_NON_ASCII}]")
_PAIRS_OR_LEADS = regex.compile(
    rf"{_NON_ASCII_PAIR_OR_LEAD}(?:[^\n]{{0,{2 * _WINDOW_CONTEXT}}}?{_NON_ASCII_PAIR_OR_LEAD})*"
)
_ENTITY = regex.compile(r"&#?[0-9A-Za-z]{1,24};")
_LINE_BREAK = regex.compile(r"\r\n?|[\x0b\x0c\x85\u2028\u2029]")
_ODD_SPACE = regex.compile(r"[\t\xa0\u1680\u2000-\u200b\u202f\u205f\u3000]")
# Invisible characters that are not spaces: the word joiner and stray byte-order marks.
# (ZWJ and ZWNJ are left alone: they shape scripts and emoji.)
_INVISIBLE = regex.compile(r"[\u2060\ufeff]")
_MAX_PASSES = 4
_SPACE_RUN = regex.compile(r" {2,}")
_LINE_EDGE_SPACE = regex.compile(r"^ +| +$", regex.MULTILINE)
_BLANK_LINE_RUN = regex.compile(r"\n{3,}")
_IRREGULAR_CHARACTER = regex.compile(
    r"[\r\x0b\x0c\x85\u2028\u2029\t\xa0\u1680\u2000-\u200b\u202f\u205f\u3000\u2060\ufeff]"
)


# In ASCII text only control characters and "&" can need ftfy: what deleting these bytes leaves.
# Most news text is ASCII, which bytes operations settle fastest.
_PLAIN_ASCII = bytes([0x09, 0x0A, *range(0x20, 0x26), *range(0x27, 0x7F)])


# Text dumps (AG News and its kind) leave three artefacts that no encoding repair sees:
# - HTML entities whose ampersand became a space: `isn #39;t`, ` #36;47`, ` quot;`. Only the
#   forms that cannot be anything else are read: the apostrophe glued to a contraction
#   ending or closing a word (the space was the ampersand), and opening marks glued to what they
#   open (the space stays). `#36;` is a dollar only before a figure (`issue #36; fixed` stays).
# - Escaped markup: `&lt;p&gt;`. Tags are markup, not text: block tags (p, br, div, li...)
#   become line breaks, inline ones (b, i, a, span...) go, their text stays; a link's address
#   goes with its tag (only the text a reader saw stays). Unknown tags are left to ftfy, which
#   decodes them as written. Literal, unescaped tags are left alone: prose may quote them.
# - Backslashes: `\$47` (an escaped dollar), `a\second` (a line break lost between words,
#   read as a space; doubled where the dump escaped it, `craiglist\\eBay`), `\n` before a
#   capital (a line break written as an escape), a lone backslash (a lost line break). A
#   backslash in a path (`C:\Users\...`) stays.
_ENTITY_WITHOUT_AMPERSAND = regex.compile(
    # isn #39;t, O #39;Neill, Clemens #39; leg: the apostrophe joins the word before it (a
    # closing quote only after an s: "and #39; too" may be a numbered item).
    r"(?P<join> #39;)(?:(?<=[^\W_] #39;)(?="
    + any_case("s", "t", "re", "ve", "ll", "d", "m")
    + r"\b)|(?<=(?:^|[^\w])[A-Z] #39;)(?=[A-Z])|(?<=[^\W_][sS] #39;)(?=[ ,.;:!?)\]]|$))"
    # a closing quote after a word or a stop, before a space or a mark: said it quot; and,
    # helping out, quot; she (an opening one is glued to the word after it)
    r"|(?P<close> (?:quot|#34);)(?<=(?:[^\W_.,!?]|[^\W_][.,!?]) (?:quot|#34);)(?=[ ,.;:!?)\]]|$)"
    # AT amp;T, S #38;P
    r"|(?P<ampersand> (?:amp|#38);)(?<=[A-Z] (?:amp|#38);)(?=[A-Z])"
    # opening marks after a space keep it: said  #39;hello, for  #36;47, said  quot;we
    r"|(?<=\s)(?:(?P<apostrophe>#39;)(?=[^\W\d_])|(?P<dollar>#36;)(?=\d)"
    r"|(?P<open>(?:quot|#34);)(?=[^\W_]))"
    # Procter  amp; Gamble: two spaces, one of them the ampersand
    r"|(?<=\s\s)(?P<spaced_ampersand>(?:amp|#38);)(?= )"
    # Windows-1252's marks by number (#146; is ’): Apple #146;s, writes  #147;The, a storm
    # #151; or worse, the end #148; he said, and so on #133;
    r"|(?P<curly_join> #146;)(?<=[^\W_] #146;)(?="
    + any_case("s", "t", "re", "ve", "ll", "d", "m")
    + r"\b)"
    r"|(?<=\s)(?P<curly_open>#14[57];)(?=[^\W_])"
    r"|(?P<curly_close> #148;)(?<=\S #148;)(?=[ ,.;:!?)\]]|$)"
    r"|(?<=\s)(?P<dash> #15[01];)(?=\s)"
    r"|(?P<ellipsis> #133;)(?<=[^\W_] #133;)"
    # and by name: and so on hellip;
    r"|(?P<named_ellipsis> hellip;)(?<=[^\W_] hellip;)"
)
_ENTITY_CHARACTERS = {
    "join": "'", "close": '"', "ampersand": "&", "apostrophe": "'", "dollar": "$",
    "open": '"', "spaced_ampersand": "&", "named_ellipsis": "…",
}  # fmt: skip
_BLOCK_TAGS = ("p", "br", "div", "li", "ul", "ol", "tr", "table", "blockquote", "hr",
               "h1", "h2", "h3", "h4", "h5", "h6")  # fmt: skip
_INLINE_TAGS = ("a", "b", "i", "u", "em", "strong", "span", "font", "sup", "sub", "small",
                "big", "tt", "cite", "abbr")  # fmt: skip
_ESCAPED_TAG = regex.compile(
    r"&lt;/?(?:(?P<block>" + any_case(*_BLOCK_TAGS) + r")|" + any_case(*_INLINE_TAGS) + r")"
    r"(?=[\s/&])(?:[^&\n]|&(?!gt;)){0,500}&gt;"
)
# A run of backslashes is read from its start and whole (every form needs what follows the
# run): started inside a run, the look back over it costs cubic time on a long one.
_BACKSLASH = regex.compile(
    r"\\(?<!\\\\)\\*+(?:(?P<drop>(?=\$))"  # \$47
    r"|(?P<line>n(?=\p{Lu}))"  # \nThe
    # a\second, Group,\which (never in a path: C:\Program Files\Microsoft)
    r"|(?P<space>)(?<=[^\W\d_][,.;!?'\")\]]?\\{1,2})(?<!\\\\\\)(?<![A-Za-z]:\\[^\n]{0,80})"
    r"(?=[^\W\d_(\"'])"
    r"|(?P<lone>)(?<=(?:^|\s|[.,;!?'\")\]])\\+)(?=\s|$))"
)


def _entity_character(found: regex.Match[str]) -> str:
    kind = found.lastgroup
    assert kind is not None
    if kind in _ENTITY_CHARACTERS:
        return _ENTITY_CHARACTERS[kind]
    number = int(found.group().strip()[1:-1])
    return bytes([number]).decode("cp1252")


def _tag_replacement(found: regex.Match[str]) -> str:
    return "\n" if found.group("block") else ""


def _backslash_replacement(found: regex.Match[str]) -> str:
    kind = found.lastgroup
    if kind == "drop":
        return ""
    return "\n" if kind == "line" else " "


def _dump_artefacts(text: str) -> bool:
    return (
        "\\" in text
        or "&lt;" in text
        or (";" in text and ("#" in text or "quot;" in text or "amp;" in text or "hellip;" in text))
    )


def repair_dump_artefacts(text: str, *, recorder: Recorder | None = None) -> str:
    r"""Undo what text dumps (AG News and others) did to HTML and line breaks.

    Entities that lost their ampersand, escaped markup and stray backslashes are repaired (see
    the notes above the patterns); text without them is returned unchanged. `recorder`, when
    given (by `newsnorm.trace`), records each change.

    Examples:
        >>> repair_dump_artefacts("He isn #39;t sure the world #39;s oil at  #36;47 lasts.")
        "He isn't sure the world's oil at  $47 lasts."
        >>> repair_dump_artefacts("Apple #146;s iPod  #151; he writes,  #147;sells #148; well.")
        'Apple’s iPod — he writes,  “sells” well.'

        >>> repair_dump_artefacts("&lt;p&gt;Oil rose for a\\second day to \\$47.&lt;/p&gt;")
        '\nOil rose for a second day to $47.\n'
        >>> repair_dump_artefacts('Kmart &lt;A HREF="http://x.example/q"&gt;KMRT.O&lt;/A&gt; fell')
        'Kmart KMRT.O fell'
        >>> repair_dump_artefacts("Issue #36; is fixed; see C:\\Program Files\\Tools.")
        'Issue #36; is fixed; see C:\\Program Files\\Tools.'
    """
    if recorder is not None:
        if "&lt;" in text:
            text = recorder.sub(_ESCAPED_TAG, _tag_replacement, text, "escaped markup")
        if ";" in text:
            text = recorder.sub(
                _ENTITY_WITHOUT_AMPERSAND, _entity_character, text, "entity without ampersand"
            )
        if "\\" in text:
            text = recorder.sub(_BACKSLASH, _backslash_replacement, text, "backslash")
        return text
    if "&lt;" in text:
        text = _ESCAPED_TAG.sub(_tag_replacement, text)
    if ";" in text:
        text = _ENTITY_WITHOUT_AMPERSAND.sub(_entity_character, text)
    if "\\" in text:
        text = _BACKSLASH.sub(_backslash_replacement, text)
    return text


def _irregular_plain_whitespace(text: str) -> bool:
    # _irregular_whitespace for text that needs no ftfy repair: of the odd whitespace
    # characters, only the tab and the no-break space are left in such text (_OUTSIDE finds
    # the others).
    return (
        "  " in text
        or "\n " in text
        or " \n" in text
        or "\n\n\n" in text
        or text.startswith((" ", "\n"))
        or text.endswith((" ", "\n"))
        or "\t" in text
        or "\xa0" in text
    )


def _irregular_whitespace(text: str) -> bool:
    # Substring checks and one class scan: far cheaper than one regex with line anchors.
    return _irregular_plain_whitespace(text) or _IRREGULAR_CHARACTER.search(text) is not None


@functools.cache
def _ftfy_config(fold_compatibility: bool) -> ftfy.TextFixerConfig:
    return ftfy.TextFixerConfig(
        uncurl_quotes=False,
        fix_latin_ligatures=fold_compatibility,
        fix_character_width=fold_compatibility,
        explain=False,
    )


def normalize_whitespace(text: str, *, recorder: Recorder | None = None) -> str:
    """Make whitespace regular without touching anything else.

    Line breaks become ``\\n``; tabs, no-break and other wide spaces become plain spaces; runs of
    spaces collapse to one; zero-width spaces count as spaces; lines lose leading and trailing
    spaces; runs of blank lines collapse to one blank line; the text loses blank lines at its
    start and end. Word joiners and stray byte-order marks are removed. `recorder`, when given
    (by `newsnorm.trace`), records each change.

    Examples:
        >>> normalize_whitespace("  A\\u00a0 line.\\r\\n\\n\\n\\nNext\\tline. ")
        'A line.\\n\\nNext line.'
    """
    if not _irregular_whitespace(text):
        return text
    if recorder is not None:
        return _normalize_whitespace_recorded(text, recorder)
    text = _LINE_BREAK.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = _ODD_SPACE.sub(" ", text)
    text = _SPACE_RUN.sub(" ", text)
    text = _LINE_EDGE_SPACE.sub("", text)
    text = _BLANK_LINE_RUN.sub("\n\n", text)
    return text.strip("\n")


def _normalize_whitespace_recorded(text: str, recorder: Recorder) -> str:
    # `normalize_whitespace`, step for step, with every change recorded.
    text = recorder.sub(_LINE_BREAK, "\n", text, "line break")
    text = recorder.sub(_INVISIBLE, "", text, "invisible character")
    text = recorder.sub(_ODD_SPACE, " ", text, "odd space")
    text = recorder.sub(_SPACE_RUN, " ", text, "space run")
    text = recorder.sub(_LINE_EDGE_SPACE, "", text, "line-edge space")
    text = recorder.sub(_BLANK_LINE_RUN, "\n\n", text, "blank line run")
    stripped = text.strip("\n")
    if stripped != text:
        start = len(text) - len(text.lstrip("\n"))
        end = start + len(stripped)
        recorder.record(text, [(0, start, ""), (end, len(text), "")], "blank line run")
    return stripped


def _fix_text_recorded(text: str, config: ftfy.TextFixerConfig, recorder: Recorder) -> str:
    """`ftfy.fix_text`, segment by segment as it works, with each segment's changes localized.

    ftfy reports the steps it took, not where: the segments are cut exactly as `ftfy.fix_text`
    cuts them (at line breaks, and at `max_decode_length`), each is fixed with
    `ftfy.fix_and_explain` as `fix_text` does, and a segment that changed is compared with its
    input (`newsnorm.tracing.edits.localized_edits`): word by word when its whitespace stayed
    as it was, as ftfy's repairs almost always leave it; otherwise its shared beginning and end
    are trimmed and the changed middle aligned (with `difflib`, when short). Each repaired word
    (a mojibake sequence, an entity) becomes one edit. The rule names ftfy's steps for that
    segment (``ftfy: unescape_html``), found by a second, explaining run on changed segments
    only. Linear time: each segment is compared once, in bounded work per character.
    """
    from newsnorm.tracing.edits import localized_edits

    out: list[str] = []
    step: list[tuple[int, int, str, str, str]] = []
    position = 0
    while position < len(text):
        cut = text.find("\n", position) + 1 or len(text)
        cut = min(cut, position + config.max_decode_length)
        segment = text[position:cut]
        if config.unescape_html == "auto" and "<" in segment:
            config = config._replace(unescape_html=False)
        fixed = ftfy.fix_and_explain(segment, config).text
        if fixed != segment:
            steps = ftfy.fix_and_explain(segment, config._replace(explain=True)).explanation
            names = dict.fromkeys(name for _, name in steps or ())
            rule = "ftfy: " + ", ".join(names) if names else "ftfy"
            step += (
                (position + start, position + end, new, stage, rule)
                for start, end, new, stage, rule in localized_edits(
                    segment, fixed, recorder.stage, rule
                )
            )
        out.append(fixed)
        position = cut
    recorder.extend(step)
    return "".join(out)


def fix_characters(
    text: str, config: Config | None = None, *, recorder: Recorder | None = None
) -> str:
    """Repair broken characters and irregular whitespace.

    Fixes mojibake (``â€™`` -> ``’``), HTML entities (``&amp;`` -> ``&``), control characters,
    byte-order marks, and applies NFC; then `normalize_whitespace`. Curly quotes are kept.
    With ``Config(fold_compatibility=True)`` fullwidth letters and ligatures are folded too.
    `recorder`, when given (`newsnorm.trace` passes one), records every change it makes.

    Examples:
        >>> fix_characters("Itâ€™s a cafÃ© &amp; bar")
        'It’s a café & bar'
        >>> fix_characters("“Curly” stays curly.")
        '“Curly” stays curly.'
        >>> fix_characters("ﬁne", Config(fold_compatibility=True))
        'fine'
    """
    fold = Config.resolve(config).fold_compatibility
    needs_ftfy = needs_character_repair(text)
    dumped = _dump_artefacts(text)
    if not needs_ftfy and not dumped and not _irregular_plain_whitespace(text):
        return text  # the common case, settled by a class scan or two and substring checks
    # One pass can reveal another layer of mojibake (or whitespace that forms one); repeat, a
    # few times at most, so that fixing fixed text changes nothing.
    for _ in range(_MAX_PASSES):
        if recorder is not None:
            fixed = repair_dump_artefacts(text, recorder=recorder) if dumped else text
            if needs_ftfy or fixed != text:
                fixed = _fix_text_recorded(fixed, _ftfy_config(fold), recorder)
            fixed = normalize_whitespace(fixed, recorder=recorder)
            if fixed == text:
                break
            text = fixed
            needs_ftfy = needs_character_repair(text)
            dumped = _dump_artefacts(text)
            continue
        fixed = repair_dump_artefacts(text) if dumped else text
        if needs_ftfy or fixed != text:
            fixed = ftfy.fix_text(fixed, _ftfy_config(fold))
        fixed = normalize_whitespace(fixed)
        if fixed == text:
            break
        text = fixed
        needs_ftfy = needs_character_repair(text)
        dumped = _dump_artefacts(text)
    return text


def needs_character_repair(text: str) -> bool:
    """Tell whether `text` holds anything ftfy could repair (the fast path's test).

    Examples:
        >>> needs_character_repair("Plain “quoted” text — fine."), needs_character_repair("cafÃ©")
        (False, True)
    """
    if text.isascii():  # only a control character or an entity can need ftfy here
        flagged = text.encode("ascii").translate(None, _PLAIN_ASCII)
        return bool(flagged.strip(b"&")) or (bool(flagged) and _ENTITY.search(text) is not None)
    if _OUTSIDE.search(text) is not None:
        return True
    if "&" in text and _ENTITY.search(text) is not None:
        return True
    return _flagged_by_ftfy(text)


def _flagged_by_ftfy(text: str) -> bool:
    for found in _PAIRS_OR_LEADS.finditer(text):
        start, end = found.span()
        # ftfy tests each line on its own, so a window never reaches back over a line break
        # (looked for in the window only: a search back to the line's start, for every pair
        # on a long line, costs quadratic time).
        first = max(0, start - _WINDOW_CONTEXT)
        first = text.rfind("\n", first, start) + 1 or first
        last = end + _WINDOW_CONTEXT
        if _SUSPECT.search(text, first, last) is not None and is_bad(text[first:last]):
            return True
    return False
