"""Repair tokenized spacing: detect whether a document was tokenized, then rejoin its tokens.

Detection looks for spacing that careful writers do not produce (``word ,``, ``( word``,
``do n't``, ``-LRB-``, ``@-@``) and weighs it against spacing that tokenizers do not produce
(``word,``). Only a document judged tokenized is rejoined, so clean prose passes through
unchanged. Rejoining changes whitespace only, apart from the declared unescapes: PTB brackets and
quotes, WikiText ``@-@``-style joiners and Multi-News ``NEWLINE_CHAR``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import attrs
import regex

__all__ = ["Style", "StyleReport", "detect_style", "repair_spacing"]

Style = Literal["raw", "moses", "ptb", "wikitext", "multinews"]
"""A tokenization style. ``raw`` means the text was never tokenized."""

# --- evidence ---------------------------------------------------------------------------------
# Spacing a tokenizer produces and a writer does not.
_TOKENIZED_MARKS: Mapping[str, regex.Pattern[str]] = {
    "space before punctuation": regex.compile(r"\w [,.;:!?](?= |$)", regex.M),
    "space inside brackets": regex.compile(r"[(\[{] \w|\w [)\]}]"),
    "split contraction": regex.compile(r"\w (?:n't|'(?:s|re|ve|ll|d|m))\b", regex.I),
    "split curly apostrophe": regex.compile(
        r"\w ’ ?(?:s|t|re|ve|ll|d|m)\b|\w ’(?:s|re|ve|ll|d|m)\b"
    ),
    "spaced curly quote": regex.compile(r"(?:^|\s)“ \w|\w[.,!?]? ” "),
    "ptb escape": regex.compile(r"-[LR][RSC]B-|(?:^| )``(?= )", regex.I),
    "wikitext joiner": regex.compile(r" @[-,.]@ "),
    "newline marker": regex.compile(r"NEWLINE_CHAR"),
}
# Spacing a tokenizer never leaves behind: punctuation glued to the word before it.
_CLEAN_MARK = regex.compile(r"[^\W\d](?:[,;:!?]|(?<!\b\w)\.)(?= [^\W\d]|$)", regex.M)

# --- unescapes --------------------------------------------------------------------------------
_PTB_BRACKETS = {
    "-LRB-": "(",
    "-RRB-": ")",
    "-LSB-": "[",
    "-RSB-": "]",
    "-LCB-": "{",
    "-RCB-": "}",
}
_PTB_BRACKET = regex.compile(r"-[LR][RSC]B-", regex.I)
_PTB_QUOTE = regex.compile(r"``|''")
_WIKITEXT_JOINER = regex.compile(r" ?@([-,.])@ ?")
# Multi-News marks a paragraph break with one or more NEWLINE_CHAR tokens.
_NEWLINE_MARKER = regex.compile(r"(?: *NEWLINE_CHAR)+ *")

# --- rejoining rules, applied in order ----------------------------------------------------------
_REJOIN_RULES: tuple[tuple[regex.Pattern[str], str], ...] = (
    # Contractions and clitics: do n't, ca n't, it 's, America ’ s, doesn ’ t, gon na.
    (regex.compile(r"(?<=\w) (?=n't\b|n’t\b)", regex.I), ""),
    (regex.compile(r"(?<=\w) (?='(?:s|re|ve|ll|d|m)\b)", regex.I), ""),
    (regex.compile(r"(?<=\w) ’ ?(?=(?:s|t|re|ve|ll|d|m)\b)", regex.I), "’"),
    (regex.compile(r"\b(gon|wan|got) (na|ta)\b", regex.I), r"\1\2"),
    # Times and URL schemes the tokenizer split at the colon.
    (regex.compile(r"(?<=\b\d{1,2}) : (?=\d\d\b)"), ":"),
    (regex.compile(r"\b(https?|ftp) : //", regex.I), r"\1://"),
    # Currency before a number, percent after it.
    (regex.compile(r"(?<=(?:^|\s)[$£€¥]) (?=\d)", regex.M), ""),
    (regex.compile(r"(?<=\d) (?=%)"), ""),
    # Closing punctuation and brackets attach to the left, opening brackets to the right.
    (regex.compile(r" +(?=[,.;:!?)\]}”’]|\.\.\.)"), ""),
    (regex.compile(r"(?<=[(\[{“‘]) +"), ""),
)
_STANDALONE_STRAIGHT_QUOTE = regex.compile(r'(?:^|(?<= ))"(?= |$)', regex.M)


@attrs.frozen
class StyleReport:
    """The result of `detect_style`: the style, how sure the guess is, and the evidence.

    Attributes:
        style: the detected `Style`.
        confidence: from 0 to 1; 1 means every piece of evidence agrees.
        evidence: how many times each kind of tokenizer spacing was seen, plus
            ``"glued punctuation"`` for the spacing writers produce.

    Example:
        >>> detect_style("It works , mostly .").style
        'moses'
    """

    style: Style
    confidence: float
    evidence: Mapping[str, int]


def detect_style(text: str) -> StyleReport:
    """Detect how `text` was tokenized, if at all.

    Example:
        >>> detect_style("Clean prose, as written. Nothing to do.").style
        'raw'
        >>> detect_style("He said it 's fine -LRB- mostly -RRB- .").style
        'ptb'
        >>> detect_style("A state @-@ of @-@ the @-@ art design .").style
        'wikitext'
    """
    evidence = {name: len(pattern.findall(text)) for name, pattern in _TOKENIZED_MARKS.items()}
    clean = len(_CLEAN_MARK.findall(text))
    evidence["glued punctuation"] = clean
    tokenized = sum(count for name, count in evidence.items() if name != "glued punctuation")
    # A writer's occasional odd space ("story :") is outvoted by their glued punctuation.
    if tokenized <= clean:
        confidence = clean / (clean + tokenized) if clean + tokenized else 1.0
        return StyleReport("raw", confidence, evidence)
    style: Style
    if evidence["newline marker"]:
        style = "multinews"
    elif evidence["wikitext joiner"]:
        style = "wikitext"
    elif evidence["ptb escape"] or evidence["split contraction"]:
        style = "ptb"
    else:
        style = "moses"
    return StyleReport(style, tokenized / (tokenized + clean), evidence)


def _pair_straight_quotes(line: str) -> str:
    # A standalone " opens or closes by position; pair only when the count is even.
    quotes = list(_STANDALONE_STRAIGHT_QUOTE.finditer(line))
    if not quotes or len(quotes) % 2:
        return line
    pieces: list[str] = []
    last = 0
    for index, match in enumerate(quotes):
        start, end = match.span()
        if index % 2 == 0:  # opening: drop the space after it
            pieces.append(line[last:end])
            last = end + 1 if line[end : end + 1] == " " else end
        else:  # closing: drop the space before it
            before = line[last:start]
            pieces.append(before[:-1] if before.endswith(" ") else before)
            pieces.append('"')
            last = end
    pieces.append(line[last:])
    return "".join(pieces)


def _rejoin(text: str) -> str:
    text = _PTB_BRACKET.sub(lambda m: _PTB_BRACKETS[m.group().upper()], text)
    text = _PTB_QUOTE.sub('"', text)
    text = _WIKITEXT_JOINER.sub(r"\1", text)
    text = "\n".join(_pair_straight_quotes(line) for line in text.split("\n"))
    for pattern, replacement in _REJOIN_RULES:
        text = pattern.sub(replacement, text)
    return text


def repair_spacing(text: str, style: Style | None = None) -> str:
    """Turn tokenized text back into prose; leave text that was never tokenized unchanged.

    Args:
        text: one document, one paragraph per line.
        style: the tokenization style, when known; by default it is detected with
            `detect_style`. ``"raw"`` returns the text unchanged.

    Example:
        >>> repair_spacing("Police officers , including two ( who were off duty ) , came .")
        'Police officers, including two (who were off duty), came.'
        >>> repair_spacing("“ This is retaliation , ” she said of America ’ s plan .")
        '“This is retaliation,” she said of America’s plan.'
        >>> repair_spacing("Clean text , as an author might space it, stays.")
        'Clean text , as an author might space it, stays.'
    """
    if "NEWLINE_CHAR" in text:
        text = _NEWLINE_MARKER.sub("\n", text)
    if style is None:
        style = detect_style(text).style
    if style == "raw":
        return text
    return _rejoin(text)
