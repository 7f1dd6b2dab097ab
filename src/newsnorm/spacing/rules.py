"""The rejoining rules: each removes spaces a tokenizer inserted, and nothing else.

Rules run in order over the whole document (``^``/``$`` are line anchors and no rule crosses a
line break). Every pattern is a single token-level decision with bounded lookaround, so the cost
stays linear in the input. The declared unescapes (PTB brackets and quotes, WikiText joiners,
Moses entities) run first.

Speed: most rules only ever fire on a rare character (``@``, ``://``, ``_``), so each rule names
the literals it needs and is skipped, after a fast substring check, when none is present. The
few rules that fire everywhere in tokenized text are plain substring replacements.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import attrs
import regex

from newsnorm.dates import MONTH_PATTERN
from newsnorm.patterns import any_case
from newsnorm.spacing.detect import SPACED_DOTS, Profile
from newsnorm.spacing.literals import Literals
from newsnorm.spacing.pairing import attach_straight_quotes

if TYPE_CHECKING:  # the recorder is only ever passed in, by newsnorm.tracing
    from newsnorm.tracing.edits import Recorder

__all__ = ["HOUSEKEEPING_NAMES", "RULE_NAMES", "Rule", "rejoin", "repair_anywhere"]

Replacement = str | Callable[[regex.Match[str]], str]


def _always(_profile: Profile) -> bool:
    return True


@attrs.frozen
class Rule:
    """One named rejoining rule.

    Attributes:
        name: what it repairs, for statistics and explanations.
        needs: literals of which at least one must occur for the rule to be tried at all.
        source: the text of the regex, or None for a rule made only of substring
            `replacements`.
        flags: the flags the regex is compiled with.
        pattern: the regex (`source` compiled with `flags`, on the rule's first use: most
            rules need a rare literal, and compiling them all would slow every start-up), or
            None.
        replacement: the regex replacement.
        replacements: (old, new) substring replacements applied in order.
        applies: whether the rule runs for a document with this `Profile`.
        evidence: for a rule `repair_anywhere` runs, a test of the whole document it needs
            (the writer's habits the document shows), or None.
    """

    name: str
    needs: tuple[str, ...]
    source: str | None = None
    flags: int = 0
    replacement: Replacement = ""
    replacements: tuple[tuple[str, str], ...] = ()
    applies: Callable[[Profile], bool] = _always
    evidence: Callable[[str], bool] | None = None
    _needed: Literals = attrs.field(init=False, repr=False, eq=False)
    _gated_replacements: tuple[tuple[str, str, frozenset[str]], ...] = attrs.field(
        init=False, repr=False, eq=False
    )
    # `source` compiled, once the rule first runs. (Not a cached_property: the __getattr__
    # that attrs gives a slotted class for one slows every attribute read of every rule.)
    _compiled: regex.Pattern[str] | None = attrs.field(
        init=False, default=None, repr=False, eq=False
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_needed", Literals(*self.needs))
        gated = tuple((old, new, frozenset(old) - {" ", "\n"}) for old, new in self.replacements)
        object.__setattr__(self, "_gated_replacements", gated)

    @property
    def pattern(self) -> regex.Pattern[str] | None:
        """The compiled regex, or None for a rule of substring replacements only.

        Examples:
            >>> rule = next(rule for rule in CONTRACTIONS if rule.source is not None)
            >>> rule.pattern.pattern == rule.source
            True
        """
        return None if self.source is None else self._compile()

    def _compile(self) -> regex.Pattern[str]:
        pattern = self._compiled
        if pattern is None:
            assert self.source is not None
            pattern = regex.compile(self.source, self.flags)
            object.__setattr__(self, "_compiled", pattern)
        return pattern

    def impossible(self, chars: frozenset[str]) -> bool:
        """Tell, from the text's characters alone, that the rule cannot apply (a cheap test).

        Examples:
            >>> CONTRACTIONS[0].impossible(frozenset("no apostrophe here"))
            True
        """
        return bool(self.needs) and self._needed.keys.isdisjoint(chars)

    def apply(
        self,
        text: str,
        profile: Profile,
        chars: frozenset[str] | None = None,
        recorder: Recorder | None = None,
    ) -> str:
        """Apply the rule to `text` if the document's profile and contents call for it.

        `chars`, the set of the text's characters, lets most rules be skipped without a scan.
        `recorder`, when given (by `newsnorm.trace`), records each change the rule makes.
        """
        if self.applies is not _always and not self.applies(profile):
            return text
        if chars is None:
            chars = frozenset(text)
        # A substring replacement is its own check (one scan, finding or not), so only a rule
        # with a pattern is gated by a scan for its literals first.
        if self.source is not None and self.needs and not self._needed.any_in(text, chars):
            return text
        for old, new, needed in self._gated_replacements:
            if needed <= chars:  # a character lookup is cheaper than a scan that finds nothing
                if recorder is None:
                    text = text.replace(old, new)
                else:
                    text = recorder.replace(text, old, new, self.name)
        # After substring replacements the pattern only runs for what they left behind.
        if self.source is not None and (not self.replacements or self._needed.any_in(text, chars)):
            text = self._substitute(text, recorder)
        return text

    def _substitute(self, text: str, recorder: Recorder | None) -> str:
        # The pattern's substitution, recorded when a recorder is given.
        pattern = self._compiled or self._compile()
        if recorder is None:
            return pattern.sub(self.replacement, text)
        return recorder.sub(pattern, self.replacement, text, self.name)


def _rule(
    name: str,
    needs: tuple[str, ...],
    pattern: str,
    replacement: Replacement = "",
    applies: Callable[[Profile], bool] = _always,
    flags: int = 0,
    evidence: Callable[[str], bool] | None = None,
) -> Rule:
    return Rule(name, needs, pattern, flags | regex.M, replacement, (), applies, evidence)


def _literal(name: str, *pairs: tuple[str, str]) -> Rule:
    return Rule(name, tuple(old for old, _ in pairs), None, 0, "", pairs)


_PTB_BRACKETS = {"-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}"}
_MOSES_ENTITIES = {
    "&amp;": "&", "&quot;": '"', "&apos;": "'", "&lt;": "<", "&gt;": ">",
    "&#124;": "|", "&#91;": "[", "&#93;": "]",
}  # fmt: skip
# Words in any ASCII case, never IGNORECASE, which would read ſ as s and K (Kelvin) as k.
_CONTRACTION_ENDINGS = any_case("s", "t", "re", "ve", "ll", "d", "m") + r"\b"
_LEADING_APOSTROPHE_WORDS = (
    f"(?:{any_case('em', 'til', 'cause', 'cos', 'cuz', 'bout', 'n', 'tis', 'twas')}|[0-9]0s)\\b"
)
_FUNCTION_WORD = (
    r"(?:a|an|the|and|or|but|nor|so|yet|if|as|at|by|for|from|in|into|of|on|to|with|without|"
    r"despite|which|who|whom|whose|that|this|these|those|there|then|than|when|where|while|"
    r"it|its|i|we|you|he|she|they|me|us|him|her|them|my|our|your|his|their|is|are|was|were|"
    r"be|been|not|no|all|some|any|each|what|how|why|also|even|just|only|about)"
)
_URL_START = r"\b(?:(?:https?|ftp) ?: ?/ ?/|www\.)"
# Closing marks up to the next space or the line end, after a period or colon token.
_CLOSING_RUN = r"[,;:!?%)\]}”’»\"'“‘.]*+(?: |$)"

UNESCAPES: tuple[Rule, ...] = (
    _rule("PTB bracket", ("B-", "b-"), any_case(*_PTB_BRACKETS),
          lambda m: _PTB_BRACKETS[m.group().upper()]),
    _rule("Moses entity", ("&",), r"&(?:amp|quot|apos|lt|gt|#124|#91|#93);",
          lambda m: _MOSES_ENTITIES[m.group()]),
    _rule("WikiText joiner", ("@-@", "@,@", "@.@"), r" ?@([-,.])@ ?", r"\1"),
    # PTB escapes the slash and the asterisk: 1\/2, \*.
    _rule("PTB slash", ("\\/", "\\*"), r"(?<!\\)\\([/*])", r"\1"),
    # PTB's opening single quote, a backtick token of its own: ` every day , ' he said.
    _rule("PTB opening single quote", ("` ",), r"(?:^|(?<= ))`(?!`) (?=[^\W_])", "'"),
    # PTB quotes carry their direction: `` opens, '' closes.
    _rule("PTB opening quote", ("``",), r"(?:^|(?<= ))``(?: |$)", '"'),
    _rule("PTB closing quote", ("''",), r"(?: |^)''(?= |$)", '"'),
)  # fmt: skip

CONTRACTIONS: tuple[Rule, ...] = (
    # n't as a token of its own after a word: not glued to what follows (the n'tthe), and
    # not onto another n't (a n't n't chain keeps its spaces).
    _rule("split n't", (" n't", " n’t", " N'T", " N’T"),
          r" (n['’]t)(?=[ \n])(?<=[^\W_]....)(?<!['’][tT]....)", r"\1", flags=regex.I),
    # An abbreviation's stop before a split clitic: Corp . 's, the U.N. 's (the stop closes up
    # with it: the stop alone would close only before a space).
    *(
        _rule(
            f"stop before apostrophe {mark}",
            (f". {mark}",),
            rf"(?<=\w) ?\. {mark}(?=(?i:{_CONTRACTION_ENDINGS}))",
            f".{mark}",
        )
        for mark in "'’"
    ),
    # The apostrophes a tokenizer split off: it 's, it ’ s, ( WTO ) 's, O 'Neill (a lone letter
    # before an apostrophe-led word: tokenizers split opening quotes off as tokens of their own, so
    # `'word` here is never a quotation). Each pattern starts with a literal, which the regex
    # engine finds fast; one pattern per apostrophe character keeps it literal.
    *(
        _rule(
            f"split apostrophe {mark}",
            (f" {mark}",),
            rf" {mark}(?:"
            rf"(?=(?i:{_CONTRACTION_ENDINGS}))(?<=[\w)>] {mark})"  # it 's, (WTO) 's, <unk> 's
            rf"| (?=(?i:{_CONTRACTION_ENDINGS}))(?<=[\w)>] {mark} )"  # it ’ s
            rf"|(?=[A-Za-z])(?<=(?:^| )[A-Za-z] {mark}))",  # O 'Neill
            mark,
        )
        for mark in "'’"
    ),
    *(
        _rule(
            f"leading apostrophe {mark}",
            (f"{mark} ",),
            rf"{mark} (?=(?i:{_LEADING_APOSTROPHE_WORDS}))(?<=(?:^| ){mark} )",  # put ’ em
            mark,
        )
        for mark in "'’"
    ),
    _rule(
        "PTB multi-word",
        ("an not", "AN NOT", " 'ye", " 'n", "'t is", "’t is", "'t was", "’t was"),
        # 't is is PTB's split of 'tis only where the apostrophe starts a token: after a
        # word it is a clitic of that word (don 't is, do n't is), and two words follow.
        r"(?:\b(?:can not|d 'ye|more 'n)|(?<![\w'’])['’]t (?:is|was))\b",
        lambda m: m.group().replace(" ", ""),
        lambda profile: profile.ptb_words,
        flags=regex.I,
    ),
    # Nobody writes "gon na" or "out ta": these splits are a tokenizer's whatever else the
    # text shows.
    _rule("PTB informal",
          ("n na", "t ta", "m me", "N NA", "T TA", "M ME"),  # the joints, in either case
          r"\b(?:gon na|wan na|got ta|lot ta|out ta|gim me|lem me)\b",
          lambda m: m.group().replace(" ", ""), flags=regex.I),
)  # fmt: skip

QUOTES_AND_BRACKETS: tuple[Rule, ...] = (
    # Tokenizers split URLs at ? = & _ % #; glue those pieces back onto the address first.
    _rule("URL", ("://", ": /", "www."), rf"{_URL_START} ?\S*(?: [/?=&_%#+] ?\S+| /(?= |$))+",
          lambda m: m.group().replace(" ", ""), flags=regex.I),
    # Curly quotes carry their direction; one stranded at a line end closes whatever it is.
    # (Guillemets keep their inner spaces: « ainsi » is French typography.)
    _rule("curly quote at line end", (" “", " ‘"), r" ([“‘])$", r"\1"),
    _literal("opening curly quote", ("“ ", "“"), ("‘ ", "‘")),
    _literal("closing double curly quote", (" ”", "”")),
    _rule("closing single curly quote", (" ’",), r" ’(?= |$)(?<=\S ’)", "’"),
    _rule("emoticon", (": )", ": (", ": -", "; )", "; -", ": D", ": P", ": p"),
          r"(?:^|(?<= ))([:;]) (?:(-) )?([()DPp])(?= |$)", r"\1\2\3"),
    _literal("closing punctuation", (" ,", ","), (" ;", ";"), (" !", "!"), (" ?", "?"),
             (" %", "%"), (" )", ")"), (" ]", "]"), (" }", "}")),
    # A period or colon attaches unless it starts a token of its own kind (.5, .com, :-)): only
    # closing marks (dots and colons among them) may follow it up to the next space. The run is
    # read possessively, in one way only (two overlapping classes in a row, as in [.:]*[.…]*,
    # split a long run of dots in quadratically many ways before failing).
    # The common tokens (" . ", " : ") go by substring replacement, the rest by the patterns.
    attrs.evolve(
        _rule("closing period", (" .",), rf" \.(?={_CLOSING_RUN})(?<=\S \.)", "."),
        replacements=((" . ", ". "), (" .\n", ".\n")),
    ),
    attrs.evolve(
        _rule("closing colon", (" :",),
              rf" :(?!-?[()DPp](?: |$))(?={_CLOSING_RUN})(?<=\S :)", ":"),
        replacements=((" : ", ": "), (" :\n", ":\n")),
    ),
    # An ellipsis that opens a quotation or a bracket leads into the next word.
    _rule("leading ellipsis", ("... ", "… "), r"(?<=[\"“‘(\[])(\.\.\.|…) (?=\w)", r"\1"),
    # A file name split after a bracket: (draft) .doc
    _rule("file extension", (") .",), r"(?<=\)) (?=\.[A-Za-z0-9]{2,4}\b)"),
    _literal("opening bracket", ("( ", "("), ("[ ", "["), ("{ ", "{")),
)  # fmt: skip

SYMBOLS: tuple[Rule, ...] = (
    _rule("underscore", (" _ ",), r"(?<=[a-z0-9.]) _ (?=[a-z0-9]|\S*[.0-9])", "_"),
    _rule("currency", ("$ ", "£ ", "€ ", "¥ "), r"(?:^|(?<=[ (\[{]))([$£€¥]) (?=\d)", r"\1"),
    # name @ example.com is an address; his @ POTUS is a handle (hashtag or handle, below).
    _rule("email", (" @ ",), r"(?<=[\w.]) @ (?=[\w-]+(?:\.[\w-]+)+)", "@"),
    _rule("angle-bracketed address", ("< ",), r"(?:^|(?<= ))< (\S+(?:@|://)\S+) >(?= |$)",
          r"<\1>"),
    _rule("double angle bracket", ("< <", "> >"), r"(?:^|(?<= ))([<>]) \1(?= |$)", r"\1\1"),
    _rule("hashtag or handle", ("# ", "@ ", "~ "), r"(?:^|(?<= ))([#@~]) (?=\w)", r"\1",
          lambda profile: not profile.masked_digits),
    # Where "#" masks digits (Gigaword: an august # coup), it is a number and keeps its space.
    _rule("handle", ("@ ", "~ "), r"(?:^|(?<= ))([@~]) (?=\w)", r"\1",
          lambda profile: profile.masked_digits),
    # Grades and ratings: A + +, A +.
    _rule("plus run", (" +",), r"(?<=\b[A-Z]) \+((?: \+)*)(?= |$)",
          lambda m: m.group().replace(" ", "")),
    # Tokenizers split rules and emphasis such as "=====" or "$$$" into one token per symbol
    # (closing punctuation is attached by the time this runs: "$ $ $.").
    _rule("symbol run", ("= =", "_ _", "* *", "~ ~", "# #", "$ $", "+ +", "- -"),
          r"(?:^|(?<= ))(--|[=_*~#$+-])(?: \1){2,}(?=[ ,.;:!?)\]}]|$)",
          lambda m: m.group().replace(" ", "")),
    _rule("initials and ampersand", (" & ",), r"(?<=\b[A-Z]{1,2}) & (?=[A-Z]{1,2}\b)", "&"),
    _rule("time", (": ",), r": (?=\d\d)(?<=\b\d{1,2}: )", ":"),
    # Citation ranges are closed up: [1] – [11]. (Between plain numbers writers differ, but
    # not WikiText's: it spaced the closed ranges of Wikipedia, 2009 – 10, 2 – 0.)
    _rule("en dash range", ("] – [",), r"(?<=\]) – (?=\[)", "–"),
    # (Between whole dates a range stays spaced, as Wikipedia prints it: 3 May 1901 – 9 June.)
    _rule("number range", (" – ",),
          rf"(?<=\d)(?<!{MONTH_PATTERN} [0-9]{{1,4}}) – (?=\d)(?![0-9]{{1,2}} {MONTH_PATTERN}\b)",
          "–", lambda profile: profile.join_ranges),
    _rule("URL scheme", (": /",), r"(?<=\b(?:https?|ftp|file):) (?=/)", flags=regex.I),
    # (The pattern opens with the literal " /", which the engine finds fast.)
    _rule("slash", (" / ",), r"(?<=\S) /(/*(?: /+)*) (?=\S)",
          lambda m: "/" + m.group(1).replace(" ", ""), lambda profile: profile.join_slashes),
    # UD splits hyphens (adult - learned, American - Islamic); a spaced dash between clauses
    # has a function word on one side (food - we all know), so those stay spaced, unless the
    # function word sits between two hyphens, as only in a compound (out - of - date).
    _rule(
        "hyphenated phrase",
        (" - ",),
        rf"(?<=(?<![^\W_])[^\W_]{{1,40}}) - ((?i:{_FUNCTION_WORD})) - (?=[^\W_])",
        r"-\1-",
        lambda profile: profile.join_hyphens,
    ),
    # Nor is the dash after a place or a date in capitals or figures before a capitalized
    # word: that is a dateline (LONDON - Shares, March 2 - Shares), not a compound (COVID - 19);
    # nor one between words in capitals (a headline's TENNIS - LOCAL PLAYER WINS).
    _rule(
        "hyphen",
        (" - ",),
        rf"(?<!\b(?i:{_FUNCTION_WORD}))(?<=(?<![^\W_])[^\W_]{{1,40}}) - "
        rf"(?!(?i:{_FUNCTION_WORD})\b)(?!(?<=\b(?:\p{{Lu}}{{2,}}|\d+) - )\p{{Lu}}\p{{Ll}})"
        rf"(?!(?<=\b\p{{Lu}}{{2,}} - )\p{{Lu}}{{2,}}\b)"
        rf"(?=[^\W_])",
        "-",
        lambda profile: profile.join_hyphens,
    ),
    # An abbreviation with stops before a lower-case word: U.S. - based.
    _rule(
        "hyphen after an abbreviation",
        (". - ",),
        rf"(?<=(?<![\w.])(?:\p{{Lu}}\.){{2,4}}) - (?!(?i:{_FUNCTION_WORD})\b)(?=\p{{Ll}})",
        "-",
        lambda profile: profile.join_hyphens,
    ),
)  # fmt: skip

# Artefacts that no writer produces, repaired in every document, also in one judged clean
# (a scraped page with one tokenized sentence): a curly apostrophe split off its clitic on both
# sides (America ’ s, doesn ’ t, they ’ re). A writer's spacing never looks like this, so clean
# text is untouched.
ANYWHERE: tuple[Rule, ...] = (
    _rule(
        "split curly clitic",
        (" ’ ",),
        rf" ’ (?:(?=(?i:{any_case('s', 're', 've', 'll', 'd', 'm')})\b)(?<=[^\W_] ’ )"
        rf"|(?=[tT]\b)(?<=[^\W_][nN] ’ ))",
        "’",
    ),
)


def _has_capitals(text: str) -> bool:
    return not text.islower()


def _spaced_stops_are_slips(text: str) -> bool:
    # Some writers space every stop off ("the shop is near the river ."): a habit shows all
    # through their text. A document whose sentences end closed up more often than not has
    # lost something where a stop stands spaced.
    # Only a sentence's end counts as closed ("left. The"), not an abbreviation's ("Sept. 11").
    closed = len(_CLOSED_SENTENCE_END.findall(text))
    return closed > text.count(" . ") + text.count(" .\n") + text.endswith(" .")


_CLOSED_SENTENCE_END = regex.compile(r"\p{Ll}\.\s+\p{Lu}")


def _spaced_commas_are_slips(text: str) -> bool:
    # The same for commas ("cofounded the firm , but"): a writer who spaces commas off does it
    # throughout.
    spaced = text.count(" , ")
    return text.count(", ") - spaced > spaced


# In a document judged clean, with capitals (never in lower-cased corpora, where a sentence may
# start small): a stop standing between two small words stands for a lost line break
# (CNN/DailyMail bodies: "a woman who . claims"). No writer writes one there, and tokenized text
# is left out (sentences of informal text start small: "interested . jill said"). The stop is
# dropped (a declared repair, like the unescapes). A stop spaced off the end of a sentence
# ("workers . While", "the World Cup ." at a paragraph's end), in a document whose other
# sentences end closed up, is where a scraper took out an inline link: it closes up (an
# ellipsis, ". . .", keeps its spaces); so does a comma spaced off between words
# ("the catcher , who") in a document whose other commas are closed.
CLEAN_ANYWHERE: tuple[Rule, ...] = (
    _rule("stray stop", (" . ",), r"(?<=\p{Ll}{2}) \.(?= \p{Ll})", evidence=_has_capitals),
    _rule(
        "spaced stop",
        (" .",),
        r"(?<=\p{Ll}{2}) \.(?= \p{Lu}|\n|\Z)",
        ".",
        evidence=_spaced_stops_are_slips,
    ),
    _rule(
        "spaced comma",
        (" , ",),
        r"(?<=\p{L}{2}) ,(?= \p{L})",
        ",",
        evidence=_spaced_commas_are_slips,
    ),
)


_SPACE_RUN = regex.compile(r" {2,}")
_HOLD = "\x00"  # stands for a held-aside span while the rules run
_LATER_RULES = QUOTES_AND_BRACKETS + SYMBOLS
_PAIRING = "straight quotes paired"

RULE_NAMES: tuple[str, ...] = (
    *(rule.name for rule in UNESCAPES + CONTRACTIONS),
    _PAIRING,
    *(rule.name for rule in _LATER_RULES),
    *(rule.name for rule in ANYWHERE + CLEAN_ANYWHERE),
)
"""Every rejoining step's name, in the order the steps run (for statistics and explanations).

Examples:
    >>> RULE_NAMES[:2], "closing punctuation" in RULE_NAMES
    (('PTB bracket', 'Moses entity'), True)
"""

_NEWLINE_MARKERS = "NEWLINE_CHAR marker"
_SPACE_RUNS = "space run"
HOUSEKEEPING_NAMES: tuple[str, ...] = (_NEWLINE_MARKERS, _SPACE_RUNS)
"""The names a trace gives the spacing stage's two preparatory steps, which are not rules:
Multi-News ``NEWLINE_CHAR`` markers made line breaks, and runs of spaces made one (see
`newsnorm.trace`; every other spacing edit names one of `RULE_NAMES`).

Examples:
    >>> HOUSEKEEPING_NAMES
    ('NEWLINE_CHAR marker', 'space run')
"""


def rejoin(
    text: str,
    profile: Profile,
    chars: frozenset[str] | None = None,
    fired: list[str] | None = None,
    recorder: Recorder | None = None,
) -> str:
    """Undo tokenization in `text` (one paragraph per line) under the document's `profile`.

    `chars`, the set of the text's characters, saves computing it again when the caller has it.
    `fired`, when given, receives the name of each rule that changed the text, in order.
    `recorder`, when given (by `newsnorm.trace`), records every change in place.

    Examples:
        >>> rejoin("She does n't know -LRB- yet -RRB- , `` he said '' .", Profile())
        'She doesn\\'t know (yet), "he said".'
    """
    if recorder is not None:
        return _rejoin_recorded(text, profile, chars, fired, recorder)
    if "  " in text:  # every rule expects single spaces between tokens (same characters)
        text = _SPACE_RUN.sub(" ", text)
    if chars is None:
        chars = frozenset(text)
    # Spaced-dot ellipses (". . .") are the writer's: each is held aside as one placeholder
    # character (one the text lacks) while the rules run, so no rule attaches its dots.
    held: list[str] = []
    if ". . ." in text and _HOLD not in chars:
        held = SPACED_DOTS.findall(text)
        text = SPACED_DOTS.sub(_HOLD, text)
    # With a line break after the last line too, every line ends alike, and the substring
    # replacements for a token at a line end (" .\n") also cover the end of the text.
    text += "\n"
    escaped = text
    text = _apply(UNESCAPES, text, profile, chars, fired)
    if text != escaped:  # unescaping brings in brackets and quotes; the rest only removes
        chars = frozenset(text)
    text = _apply(CONTRACTIONS, text, profile, chars, fired)
    paired = attach_straight_quotes(text)
    if fired is not None and paired != text:
        fired.append(_PAIRING)
    text = _apply(_LATER_RULES, paired, profile, chars, fired)[:-1]
    if held:
        pieces = text.split(_HOLD)
        text = "".join(piece + dots for piece, dots in zip(pieces, [*held, ""], strict=True))
    return text


def _rejoin_recorded(
    text: str,
    profile: Profile,
    chars: frozenset[str] | None,
    fired: list[str] | None,
    recorder: Recorder,
) -> str:
    # `rejoin`, step for step, with every change recorded. (Kept beside it, so that `rejoin`
    # itself pays nothing for tracing; tests check that both give the same text.) Held-aside
    # dots and the added line break are recorded too, under no rule name: they are undone
    # before the end, and their edits cancel out.
    if "  " in text:
        text = recorder.sub(_SPACE_RUN, " ", text, _SPACE_RUNS)
    if chars is None:
        chars = frozenset(text)
    held: list[str] = []
    if ". . ." in text and _HOLD not in chars:
        held = SPACED_DOTS.findall(text)
        text = recorder.sub(SPACED_DOTS, _HOLD, text, "")
    recorder.record(text, [(len(text), len(text), "\n")], "")
    text += "\n"
    escaped = text
    text = _apply(UNESCAPES, text, profile, chars, fired, recorder)
    if text != escaped:
        chars = frozenset(text)
    text = _apply(CONTRACTIONS, text, profile, chars, fired, recorder)
    paired = attach_straight_quotes(text)
    if paired != text:
        if fired is not None:
            fired.append(_PAIRING)
        recorder.deletions(text, paired, _PAIRING)  # pairing only drops spaces
    text = _apply(_LATER_RULES, paired, profile, chars, fired, recorder)
    recorder.record(text, [(len(text) - 1, len(text), "")], "")
    text = text[:-1]
    if held:
        restored: list[tuple[int, int, str]] = []
        position = text.find(_HOLD)
        for dots in held:
            restored.append((position, position + 1, dots))
            position = text.find(_HOLD, position + 1)
        recorder.record(text, restored, "")
        pieces = text.split(_HOLD)
        text = "".join(piece + dots for piece, dots in zip(pieces, [*held, ""], strict=True))
    return text


def repair_anywhere(
    text: str,
    fired: list[str] | None = None,
    *,
    clean: bool = True,
    recorder: Recorder | None = None,
) -> str:
    """Repair the artefacts that no writer produces, whatever the document's style.

    `clean`: the document was judged clean, so a stop between two small words is a lost line
    break (in tokenized text it may end a sentence). `recorder`, when given (by
    `newsnorm.trace`), records each change.

    Examples:
        >>> repair_anywhere("Clean prose about America ’ s capital, as scraped.")
        'Clean prose about America’s capital, as scraped.'
        >>> repair_anywhere("A woman who . claims it ended . Then she left.")
        'A woman who claims it ended . Then she left.'
        >>> repair_anywhere("A quotation ‘ like this ’ stays, and so do dots . . . here.")
        'A quotation ‘ like this ’ stays, and so do dots . . . here.'
    """
    # Each rule's literal is its own check: one substring scan, no set of characters to build.
    for rule in ANYWHERE + CLEAN_ANYWHERE if clean else ANYWHERE:
        if rule.source is not None and any(literal in text for literal in rule.needs):
            if rule.evidence is not None and not rule.evidence(text):
                continue
            changed = rule._substitute(text, recorder)
            if fired is not None and changed != text:
                fired.append(rule.name)
            text = changed
    return text


def _apply(
    rules: tuple[Rule, ...],
    text: str,
    profile: Profile,
    chars: frozenset[str],
    fired: list[str] | None,
    recorder: Recorder | None = None,
) -> str:
    for rule in rules:
        if not rule.impossible(chars):  # most rules end here, without a call or a scan
            changed = rule.apply(text, profile, chars, recorder)
            if fired is not None and changed != text:
                fired.append(rule.name)
            text = changed
    return text
