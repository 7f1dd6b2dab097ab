"""The rejoining rules: each removes spaces a tokenizer inserted, and nothing else.

Rules run in order over the whole document (``^``/``$`` are line anchors and no rule crosses a
line break). Every pattern is a single token-level decision with bounded lookaround, so the cost
stays linear in the input. The declared unescapes (PTB brackets and quotes, WikiText joiners,
Moses entities) run first.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs
import regex

from newsnorm.spacing.detect import Profile
from newsnorm.spacing.pairing import attach_straight_quotes

__all__ = ["Rule", "rejoin"]

Replacement = str | Callable[[regex.Match[str]], str]


@attrs.frozen
class Rule:
    """One named rejoining rule; `applies` says which documents it runs on."""

    name: str
    pattern: regex.Pattern[str]
    replacement: Replacement
    applies: Callable[[Profile], bool] = lambda _profile: True


def _rule(
    name: str,
    pattern: str,
    replacement: Replacement = "",
    applies: Callable[[Profile], bool] = lambda _profile: True,
    flags: int = 0,
) -> Rule:
    return Rule(name, regex.compile(pattern, flags | regex.M), replacement, applies)


_PTB_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_MOSES_ENTITIES = {
    "&amp;": "&", "&quot;": '"', "&apos;": "'", "&lt;": "<", "&gt;": ">",
    "&#124;": "|", "&#91;": "[", "&#93;": "]",
}  # fmt: skip
_CONTRACTION_ENDINGS = r"(?:s|t|re|ve|ll|d|m)\b"
_LEADING_APOSTROPHE_WORDS = r"(?:em|til|cause|cos|cuz|bout|n|tis|twas|[0-9]0s)\b"
_FUNCTION_WORD = (
    r"(?:a|an|the|and|or|but|nor|so|yet|if|as|at|by|for|from|in|into|of|on|to|with|without|"
    r"despite|which|who|whom|whose|that|this|these|those|there|then|than|when|where|while|"
    r"it|its|i|we|you|he|she|they|me|us|him|her|them|my|our|your|his|their|is|are|was|were|"
    r"be|been|not|no|all|some|any|each|what|how|why|also|even|just|only|about)"
)
_EMOTICON = r"[:;]-?[()DPp](?: |$)"
_URL_START = r"\b(?:https?://|ftp://|www\.)"
# A token made only of closing punctuation: it attaches to the word before it.
_CLOSING_TOKEN = r"(?:[,;:!?%)\]}]|\.)+"

UNESCAPES: tuple[Rule, ...] = (
    _rule("PTB bracket", r"-[LR][RSC]B-", lambda m: _PTB_BRACKETS[m.group().upper()], flags=regex.I),
    _rule("Moses entity", r"&(?:amp|quot|apos|lt|gt|#124|#91|#93);", lambda m: _MOSES_ENTITIES[m.group()]),
    _rule("WikiText joiner", r" ?@([-,.])@ ?", r"\1"),
    # PTB quotes carry their direction: `` opens, '' closes.
    _rule("PTB opening quote", r"(?:^|(?<= ))``(?: |$)", '"'),
    _rule("PTB closing quote", r"(?: |^)''(?= |$)", '"'),
)  # fmt: skip

CONTRACTIONS: tuple[Rule, ...] = (
    _rule("split n't", r"(?<=\w) (?=n['’]t\b)", flags=regex.I),
    _rule("split clitic", rf"(?<=\w) (?=['’]{_CONTRACTION_ENDINGS})", flags=regex.I),
    _rule("spaced apostrophe", rf"(?<=\w) (['’]) (?={_CONTRACTION_ENDINGS})", r"\1", flags=regex.I),
    _rule("leading apostrophe", rf"(?:^|(?<= ))(['’]) (?={_LEADING_APOSTROPHE_WORDS})", r"\1", flags=regex.I),
    # O 'Neill, c 'est, I 'm: a lone letter before an apostrophe-led word (tokenizers split
    # opening quotes off as their own token, so `'word` here is never a quotation).
    _rule("elision", r"(?<=\b[A-Za-z]) (?=['’][A-Za-z])"),
    _rule(
        "PTB multi-word",
        r"\b(?:(can) (not)|(gon|wan) (na)|(got) (ta)|(gim|lem) (me)|(d) ('ye)|(more) ('n)|(['’]t) (is|was))\b",
        lambda m: m.group().replace(" ", ""),
        lambda profile: profile.ptb_words,
        flags=regex.I,
    ),
)  # fmt: skip

QUOTES_AND_BRACKETS: tuple[Rule, ...] = (
    # Curly quotes carry their direction; one stranded at a line end closes whatever it is.
    _rule("opening curly quote", r"(?:^|(?<= ))([“‘«]) (?=\S)", r"\1"),
    _rule("curly quote at line end", r" ([“‘«])$", r"\1"),
    _rule("closing curly quote", r"(?<=\S) ([”’»])(?= |$)", r"\1"),
    # `word , "` may already have its quote attached: `word ,"`.
    _rule("emoticon", r"(?<= |^)([:;]) (?:(-) )?([()DPp])(?= |$)", r"\1\2\3"),
    _rule(
        "closing punctuation",
        rf"(?<=\S) +(?!{_EMOTICON})(?={_CLOSING_TOKEN}[”’»\"'“‘]*(?: |$))",
    ),
    # An ellipsis that opens a quotation or a bracket leads into the next word.
    _rule("leading ellipsis", r"(?:^|(?<=[\"“‘(\[]))(\.\.\.|…) (?=\w)", r"\1"),
    _rule("opening bracket", r"(?:^|(?<=[ \"“‘(\[{]))([(\[{]) (?=\S)", r"\1"),
    _rule("plural marker", r"(?<=\w) \((?=e?s\))"),
)

SYMBOLS: tuple[Rule, ...] = (
    # Tokenizers split URLs at ? = & _ % #; glue those pieces back onto the address.
    _rule("URL", rf"{_URL_START}\S*(?: [?=&_%#] ?\S+)+", lambda m: m.group().replace(" ", ""),
          flags=regex.I),
    _rule("underscore", r"(?<=[a-z0-9.]) _ (?=[a-z0-9]|\S*[.0-9])"),
    _rule("currency", r"(?:^|(?<= ))([$£€¥]) (?=\d)", r"\1"),
    _rule("email", r"(?<=[\w.]) @ (?=\w)", "@"),
    _rule("angle-bracketed address", r"(?:^|(?<= ))< (\S+(?:@|://)\S+) >(?= |$)", r"<\1>"),
    _rule("double angle bracket", r"(?:^|(?<= ))([<>]) \1(?= |$)", r"\1\1"),
    _rule("hashtag or handle", r"(?:^|(?<= ))([#@]) (?=\w)", r"\1"),
    # Tokenizers split rules and emphasis such as "=====" or "$$$" into one token per symbol.
    _rule("symbol run", r"(?:^|(?<= ))([=_*~#$+-])(?: \1){2,}(?= |$)", lambda m: m.group().replace(" ", "")),
    _rule("initials and ampersand", r"(?<=\b[A-Z]{1,2}) & (?=[A-Z]{1,2}\b)", "&"),
    _rule("time", r"(?<=\b\d{1,2}:) (?=\d\d)"),
    _rule("URL scheme", r"(?<=\b(?:https?|ftp|file):) (?=/)", flags=regex.I),
    _rule("slash", r"(?<=\S) (/+(?: /+)*) (?=\S)", lambda m: m.group(1).replace(" ", ""),
          lambda profile: profile.join_slashes),
    # UD splits hyphens (adult - learned); a spaced dash between clauses has a function word
    # on one side (food - we all know), so those stay spaced.
    _rule(
        "hyphen",
        rf"(?<=(?<![^\W_])(?!{_FUNCTION_WORD}\b)[^\W_]+) - (?!{_FUNCTION_WORD}\b)(?=[^\W_])",
        "-",
        lambda profile: profile.join_hyphens,
        flags=regex.I,
    ),
)  # fmt: skip


def _apply(rules: tuple[Rule, ...], text: str, profile: Profile) -> str:
    for rule in rules:
        if rule.applies(profile):
            text = rule.pattern.sub(rule.replacement, text)
    return text


def rejoin(text: str, profile: Profile) -> str:
    """Undo tokenization in `text` (one paragraph per line) under the document's `profile`.

    Example:
        >>> rejoin("She does n't know -LRB- yet -RRB- , `` he said '' .", Profile())
        'She doesn\\'t know (yet), "he said".'
    """
    text = _apply(UNESCAPES, text, profile)
    text = _apply(CONTRACTIONS, text, profile)
    text = attach_straight_quotes(text)
    text = _apply(QUOTES_AND_BRACKETS, text, profile)
    return _apply(SYMBOLS, text, profile)
