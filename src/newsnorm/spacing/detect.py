"""Tokenization-style detection: whether, how, and with which joiners a document was split.

Was this document tokenized, by which tokenizer, and which of the ambiguous joiners (hyphens,
slashes) did that tokenizer split?

Every decision is made once per document from counted evidence, so a rule that would be a guess
on one sentence (is ``a - b`` a split hyphen or a spaced dash?) is settled by what the rest of
the document shows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

import attrs
import regex

from newsnorm.spacing.literals import Literals

__all__ = [
    "SPACED_DOTS",
    "Profile",
    "Style",
    "StyleReport",
    "detect_style",
    "detect_style_and_characters",
    "profile_for",
]

Style = Literal["raw", "moses", "ptb", "ud", "wikitext", "multinews"]
"""A tokenization style. ``raw`` means the text was never tokenized.

``moses``: sacremoses / the spaced corpus style (``doesn 't``, ``America ’ s``); ``ptb``: Penn
Treebank and NLTK (``does n't``, ````` `` `````, ``-LRB-``); ``ud``: Universal Dependencies words
(PTB contractions plus split hyphens, ``adult - learned``); ``wikitext``: ``@-@`` joiners;
``multinews``: ``NEWLINE_CHAR`` markers.

Examples:
    >>> detect_style("They do n't know .").style, detect_style("They don't know.").style
    ('ptb', 'raw')
"""

# Spacing that tokenizers produce and writers do not. Each is counted separately as evidence.
# Each pattern starts at the mark itself (a rare character the engine finds fast) and looks
# around it, rather than starting at the common letter or space before it.
_TOKENIZED_MARKS: Mapping[str, regex.Pattern[str]] = {
    # One mark, then a space or the end: tokenizers split "!!" into "! !" and keep "..." whole,
    # so " !!" and " ..." are a writer's habits, not a tokenizer's.
    "space before punctuation": regex.compile(
        r"[,.;:!?](?<=[\w)\]\"”’.] [,.;:!?])(?= |$)", regex.M
    ),
    "space inside brackets": regex.compile(r"[(\[{](?= [\w.])|[)\]}](?<=[\w.] [)\]}])"),
    # PTB and UD split "doesn't" as "does n't"; Moses as "doesn 't". Both split "it 's".
    # (Case is ignored only after the apostrophe: a pattern-wide flag slows the scan 3x.)
    "split n't (PTB)": regex.compile(r"['’](?<=\w (?i:n)['’])(?i:t)\b"),
    "split clitic": regex.compile(r"['’](?<=\w ['’])(?i:(?:s|re|ve|ll|d|m)\b)"),
    "split contraction (Moses)": regex.compile(
        r"['’](?:(?<=\w(?i:n) ['’])(?i:t)\b|(?<=\w ['’]) (?i:(?:s|t|re|ve|ll|d|m)\b))"
    ),
    "spaced quote": regex.compile(
        r"[“‘”\"'](?:(?<=(?:^| )[“‘\"'])(?= \w)|(?<=\w [”\"'])(?= |$))", regex.M
    ),
    "ptb escape": regex.compile(
        r"-[LR][RSC]B-|(?:``|'')(?<=(?:^| )(?:``|''))(?= |$)", regex.I | regex.M
    ),
    "wikitext joiner": regex.compile(r" @[-,.]@ "),
    "spaced slash": regex.compile(r"\w / \w"),
    "spaced symbol run": regex.compile(r"([=_*$+])(?<=(?:^| )[=_*$+])(?: \1)+(?= |$)", regex.M),
    "newline marker": regex.compile(r"NEWLINE_CHAR"),
}


# French typography spaces ; : ! ? and the inside of « » guillemets. In a text that shows it
# may be French (guillemets, a letter French writes such as é or ç, an elision such as l’homme
# or qu’il), such spacing is the writer's, not a tokenizer's, and counts for nothing: a text
# whose only sign is French spacing is clean French. (Other languages glue these marks.)
_FRENCH_CUES = regex.compile(
    r"[«»àâçéèêëîïôùûœÀÂÇÉÈÊÎÔÛŒ]"
    r"|['’](?<=(?<![^\W\d_])(?:[lLdDjJcCnNsStTmM]|[qQ]u)['’])(?=[aeiouhéèêàâîôAEIOUHÉ])"
)
# The same mark without ; : ! ?, for French text.
_SPACED_COMMA_OR_STOP = regex.compile(r"[,.](?<=[\w)\]\"”’.] [,.])(?= |$)", regex.M)


def _count(marks: Mapping[str, regex.Pattern[str]], text: str) -> dict[str, int]:
    # One findall per mark: on short samples an alternation of all marks scans slower.
    return {name: len(mark.findall(text)) for name, mark in marks.items()}


# A cheap superset of the marks above: text without any of these is raw, at once.
# (Spaces before straight quotes and after opening ones are left out: prose has them.)
# Character classes scan fastest, so the common marks are two class-led patterns (faster than
# their alternation) and the rare literal ones are substring checks.
_QUICK_CLOSING = regex.compile(r" [,.;:!?)\]}”]")
_QUICK_OPENING = regex.compile(r"[(\[{“‘] ")
# Split contractions and spaced apostrophes (" n't", " 's", " ’ ", "''"): one scan that starts
# at the apostrophe, rather than a substring check for each form.
_QUICK_APOSTROPHE = regex.compile(
    r"['’](?:(?<= ['’])(?:s|m|re|ve|ll|d|t| )|(?<= n['’])t|(?<= N')T)|''"
)
_QUICK_LITERALS = Literals(
    ' " ', "``", " / ", "= = =", "_ _ _", "* * *", "$ $ $", "+ +",
    "RB-", "rb-", "@-@", "@,@", "@.@", "NEWLINE_CHAR",
)  # fmt: skip


_QUESTION_AND_EXCLAMATION = tuple(
    (mark, (f" {mark} ", f" {mark}\n", f" {mark}"), f"{mark} ") for mark in "?!"
)


def _punctuation_balance(sample: str, french: bool = False) -> tuple[int, int]:
    """(spaced, glued): sentence punctuation with a space before it, and glued punctuation.

    In `french` text a space before ``?`` and ``!`` is the writer's typography: no evidence.
    """
    # Commas, stops, question and exclamation marks are the bulk of the evidence; rarer marks
    # only sharpen close calls, which the full count below settles. A spaced ellipsis is
    # neither: writers space them as often as tokenizers do.
    # A spaced run ("!?!!") is a writer's: tokenizers split runs into one mark per token.
    spaced = sample.count(" ,") + sample.count(" .") - sample.count(" ..")
    glued = (
        sample.count(", ") + sample.count(". ")
        - sample.count(" , ") - sample.count(" . ") - sample.count(" ... ")
    )  # fmt: skip
    for mark, spaced_forms, glued_form in _QUESTION_AND_EXCLAMATION:
        if mark in sample:  # rare: skip their counts in most documents
            between, at_line_end, at_end = spaced_forms
            if not french:
                spaced += (
                    sample.count(between) + sample.count(at_line_end) + sample.endswith(at_end)
                )
            glued += sample.count(glued_form) - sample.count(between)
    return spaced, glued


# The ellipsis as some style guides space it (". . ."): tokenizers keep "..." whole, so such a
# run is the writer's, whatever else the document shows.
SPACED_DOTS = regex.compile(r"\.(?: \.){2,}")

_STOP_AFTER_FIGURE = regex.compile(r"(?<=[0-9])\. ")
# Evidence is counted on the opening of long documents: a few thousand characters decide.
_SAMPLE = 1000
# Spacing tokenizers never leave, counted against the marks above.
_CLEAN_MARKS: Mapping[str, regex.Pattern[str]] = {
    # Single-letter abbreviations (U.S., J. Smith) do not count: tokenizers keep those glued.
    # Abbreviations (Dr., St., Inc.) are kept glued by tokenizers too, so they do not count,
    # and nor does a stop before a lower-case word: Moses splits a stop only before a capital,
    # a digit or the line end.
    "glued punctuation": regex.compile(
        r"[,;:!?](?<=[^\W\d][,;:!?])(?= [^\W\d]|$)"
        r"|\.(?<=[^\W\d]\.)(?<!\b\w\.|\b[A-Z][a-z]{1,3}\.)(?= [^\W\d\p{Ll}]|$)",
        regex.M,
    ),
    "glued contraction": regex.compile(r"'(?:(?<=\wn')t|(?<=\w')(?:s|re|ve|ll|d|m))\b", regex.I),
    "glued straight quote": regex.compile(
        r'"(?:(?<=(?:^| )")(?=\w)|(?<=\w[.,!?]?")(?= |$))', regex.M
    ),
    "glued bracket": regex.compile(r"[(\[](?<=(?:^| )[(\[])(?=\w)", regex.M),  # once a pair
    # The run is read from its start only, and whole: a look back over the run from each of its
    # marks costs cubic time on a long run.
    "spaced run of ! or ?": regex.compile(r"[!?](?<=\w [!?])[!?]++(?= |$)", regex.M),
}

# Joiners some tokenizers split and others keep; what the document shows decides.
# UD splits numbered compounds too (COVID - 19, 21 - year, 1 - 7 months); a figure before a
# capitalized word is a dated dateline's dash instead (March 2 - Shares).
# Each pattern starts at the joiner and looks around it: a scan that starts at every letter
# is up to 30 times slower.
_SPACED_HYPHEN = regex.compile(r" - (?:(?<=[^\W\d_] - )[^\W_]|(?<=\d - )(?!\p{Lu}\p{Ll})[^\W_])")
# So any glued one (well-known, 19-man, F-15, a score's 2-1, CoNLL's dateline 1996-08-22) shows a
# tokenizer that keeps them.
_GLUED_HYPHEN = regex.compile(r"-(?<=[^\W_]-)(?=[^\W_])")
_GLUED_SLASH = regex.compile(r"/(?<=\w/)(?=\w)")
_DIGITS = frozenset("0123456789")
_MASKED_NUMBER = regex.compile(r"#(?:#|[.,:]#)(?<=(?:^| )#(?:#|[.,:]#))", regex.M)


@attrs.frozen
class Profile:
    """The per-document decisions the rejoining rules need.

    Attributes:
        ptb_words: the tokenizer split PTB's multi-word forms (``can not``, ``gon na``).
        join_hyphens: ``a - b`` is a split hyphen, not a spaced dash.
        join_slashes: ``a / b`` is a split slash.
        masked_digits: ``#`` stands for a digit (Gigaword: ``an august # coup``, ``#.##``),
            so ``# word`` is a number before a word, not a split hashtag.
        join_ranges: ``2009 – 10`` is a range the tokenizer spaced (WikiText spaces every
            en dash; Wikipedia closes a range up), not a writer's spaced dash.

    Examples:
        >>> detect_style("The adult - learned words do n't fade .").profile
        Profile(ptb_words=True, join_hyphens=True, join_slashes=False, masked_digits=False, ...)
    """

    ptb_words: bool = False
    join_hyphens: bool = False
    join_slashes: bool = False
    masked_digits: bool = False
    join_ranges: bool = False


@attrs.frozen
class StyleReport:
    """The result of `detect_style`: the style, how sure the guess is, and the evidence.

    Attributes:
        style: the detected `Style`.
        confidence: from 0 to 1; 1 means every piece of evidence agrees.
        evidence: how often each kind of tokenizer spacing was seen, and each kind of
            spacing only writers produce (``"glued punctuation"`` and others).
        profile: the per-document decisions for the rejoining rules.
        rules: the rejoining rules that changed the text, in the order they ran; filled by
            `repair_spacing_and_report` (detection alone changes nothing).

    Examples:
        >>> report = detect_style("It works , mostly .")
        >>> report.style, report.evidence["space before punctuation"]
        ('moses', 2)
    """

    style: Style
    confidence: float
    evidence: Mapping[str, int]
    profile: Profile = Profile()
    rules: tuple[str, ...] = ()


def profile_for(text: str, style: Style, chars: frozenset[str], *, given: bool = False) -> Profile:
    """Work out the `Profile` of `text` tokenized in `style`; `given`: the caller knows it.

    A known style settles what the document alone cannot: Moses never splits ``cannot``.

    Examples:
        >>> text = "They can not go ."
        >>> profile_for(text, "moses", frozenset(text)).ptb_words
        True
        >>> profile_for(text, "moses", frozenset(text), given=True).ptb_words
        False
    """
    # "can not" is PTB's split of "cannot"; Moses leaves "cannot" whole. A detected Moses
    # style may be a guess, so it counts only with Moses's own contractions in sight.
    moses = style == "moses" and (given or _MOSES_CONTRACTIONS.any_in(text[:_SAMPLE], chars))
    # UD splits every hyphen: any glued one means the spaced ones are the author's dashes.
    join_hyphens = style == "ud" and not _GLUED_HYPHEN.search(text)
    # Moses splits every slash and UD some (and / or); PTB keeps them, so there a spaced slash
    # is the author's. A glued one shows that the tokenizer keeps them.
    join_slashes = (
        style != "ptb" and "/" in chars and " / " in text and not _GLUED_SLASH.search(text)
    )
    # Gigaword writes every digit as "#": a text with "#" and no digit at all, lower-cased or
    # showing a masked figure (##, #.##, #,###), holds numbers, not hashtags.
    masked_digits = (
        "#" in chars
        and _DIGITS.isdisjoint(chars)
        and (not any(char.isupper() for char in chars) or _MASKED_NUMBER.search(text) is not None)
    )
    return Profile(
        ptb_words=not moses,
        join_hyphens=join_hyphens,
        join_slashes=join_slashes,
        masked_digits=masked_digits,
        join_ranges=style == "wikitext",
    )


def detect_style(text: str, chars: frozenset[str] | None = None) -> StyleReport:
    """Detect how `text` was tokenized, if at all, and what the rejoining rules should assume.

    A document counts as tokenized when its tokenizer-made spacing outnumbers the glued
    punctuation writers produce, so a writer's occasional odd space does not trigger a repair.
    Evidence is counted on the first 1,000 characters; the per-document profile (split hyphens
    and slashes) looks at the whole text. `chars`, the set of the text's characters, saves
    computing it again when the caller has it.

    Examples:
        >>> detect_style("Clean prose, as written. Nothing to do.").style
        'raw'
        >>> detect_style("He said it 's fine -LRB- mostly -RRB- .").style
        'ptb'
        >>> detect_style("A state @-@ of @-@ the @-@ art design .").style
        'wikitext'
        >>> detect_style("The adult - learned words do n't , \\" she said . \\"").style
        'ud'
    """
    return detect_style_and_characters(text, chars)[0]


def detect_style_and_characters(
    text: str, chars: frozenset[str] | None = None
) -> tuple[StyleReport, frozenset[str] | None]:
    """`detect_style`, also returning the set of the text's characters if it was built.

    Clean text is told apart without building the set, so None comes back for it.

    Examples:
        >>> detect_style_and_characters("Clean prose.")
        (StyleReport(style='raw', confidence=1.0, evidence=..., profile=...), None)
    """
    if (
        not _QUICK_CLOSING.search(text)
        and not _QUICK_OPENING.search(text)
        and not _QUICK_APOSTROPHE.search(text)
        and not _QUICK_LITERALS.any_in(text, chars)
    ):
        return StyleReport("raw", 1.0, dict.fromkeys(_ALL_MARKS, 0)), chars
    if chars is None:
        chars = frozenset(text)
    sample = text[:_SAMPLE]
    if ". . ." in sample:  # a spaced-dot ellipsis is one mark, and a writer's (Chicago style)
        sample = SPACED_DOTS.sub("…", sample)
    french = _FRENCH_CUES.search(sample) is not None
    spaced, glued = _punctuation_balance(sample, french)
    if glued >= 3 * spaced + 2 and (spaced or "( " in sample):
        # A list's numbers ("1. Ann Lee ( Sweden )", a results table) are not a writer's glued
        # stops, as the full count below knows: taken off where some tokenizer's spacing shows,
        # the call may be close after all.
        glued -= len(_STOP_AFTER_FIGURE.findall(sample))
    if glued >= 3 * spaced + 2 or spaced >= 3 * glued + 2:
        # A clear case is decided by substring counts alone; close calls count every mark.
        evidence = dict.fromkeys(_ALL_MARKS, 0)
        evidence["space before punctuation"] = tokenized = spaced
        evidence["glued punctuation"] = clean = glued
    else:
        evidence = _count(_TOKENIZED_MARKS, sample)
        if french:
            evidence["space before punctuation"] = len(_SPACED_COMMA_OR_STOP.findall(sample))
        tokenized = sum(evidence.values())
        evidence.update(_count(_CLEAN_MARKS, sample))
        clean = sum(evidence.values()) - tokenized
    if tokenized <= clean:
        return StyleReport("raw", clean / (clean + tokenized) if clean else 1.0, evidence), chars
    style = _style(text, sample, chars)
    confidence = tokenized / (tokenized + clean)
    return StyleReport(style, confidence, evidence, profile_for(text, style, chars)), chars


_ALL_MARKS = (*_TOKENIZED_MARKS, *_CLEAN_MARKS)
_MOSES_CONTRACTIONS = Literals(
    "n 't", "n ’ t", "N 'T", " ’ s ", " ' s ", " ’ re ", " ’ ve ", " ’ ll ", " ’ d ", " ’ m "
)
_MULTINEWS = Literals("NEWLINE_CHAR")
_WIKITEXT = Literals("@-@", "@,@", "@.@")
_PTB = Literals("``", " '' ", "-LRB-", "-RRB-", "-lrb-", "-rrb-", "-LSB-", "-LCB-")
_PTB_CONTRACTIONS = Literals(" n't", " n’t", " N'T", " N’T")


def _style(text: str, sample: str, chars: frozenset[str]) -> Style:
    """Which tokenizer made a tokenized document: decided by marks only one of them leaves."""
    if _MULTINEWS.any_in(sample, chars):
        return "multinews"
    if _WIKITEXT.any_in(sample, chars):
        return "wikitext"
    if _PTB.any_in(sample, chars):
        return "ptb"
    if _MOSES_CONTRACTIONS.any_in(sample, chars):
        return "moses"
    if _PTB_CONTRACTIONS.any_in(sample, chars):
        # PTB-split contractions with straight quotes left alone, or hyphens split: UD words.
        return "ud" if _looks_like_ud(text) else "ptb"
    if " - " in text and _SPACED_HYPHEN.search(text) and not _GLUED_HYPHEN.search(text):
        return "ud"  # only UD splits hyphens; glued ones would show the tokenizer keeps them
    return "moses"


_STRAIGHT_DOUBLE_QUOTE_TOKEN = regex.compile(r'(?:^| )"(?= |$)', regex.M)


def _looks_like_ud(text: str) -> bool:
    # UD keeps straight double quotes and splits hyphens; PTB rewrites quotes to `` ''.
    return bool(
        _STRAIGHT_DOUBLE_QUOTE_TOKEN.search(text) or (" - " in text and _SPACED_HYPHEN.search(text))
    )
