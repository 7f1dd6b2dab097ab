"""Shared hypothesis strategies: clean prose, its tokenized renderings, and articles."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from newsnorm import Article, Dateline

_LOWER = "abcdefghijklmnopqrstuvwxyz"
_UPPER = _LOWER.upper()

lower_words = st.text(_LOWER, min_size=1, max_size=9)
capitalized_words = st.builds(
    lambda first, rest: first + rest, st.sampled_from(_UPPER), st.text(_LOWER, max_size=8)
)
numbers = st.one_of(
    st.integers(0, 99_999).map(str),
    st.integers(1, 999).map(lambda n: f"{n:,}000"),
    st.builds(lambda a, b: f"{a}.{b}", st.integers(0, 99), st.integers(0, 99)),
)
contractions = st.sampled_from(
    ["don’t", "isn’t", "it’s", "we’re", "they’ve", "I’ll", "she’d", "I’m", "can’t", "won’t"]
)
possessives = st.builds(lambda w: w + "’s", capitalized_words)


@st.composite
def words(draw: st.DrawFn) -> str:
    """A single word-like token as it appears in clean news prose."""
    return draw(st.one_of(lower_words, capitalized_words, numbers, contractions, possessives))


@st.composite
def clean_sentences(draw: st.DrawFn) -> str:
    """A clean English-like sentence: words, commas, a bracketed aside, a quotation."""
    tokens = [draw(capitalized_words)]
    tokens += draw(st.lists(words(), min_size=1, max_size=12))
    if draw(st.booleans()):
        position = draw(st.integers(1, len(tokens)))
        tokens[position - 1] += ","
    if draw(st.booleans()):
        aside = draw(st.lists(lower_words, min_size=1, max_size=4))
        tokens.append("(" + " ".join(aside) + ")")
    sentence = " ".join(tokens) + draw(st.sampled_from([".", "?", "!"]))
    if draw(st.booleans()):
        quoted = draw(st.lists(lower_words, min_size=1, max_size=5))
        sentence += " “" + " ".join(quoted).capitalize() + ",” " + draw(lower_words) + " said."
    return sentence


@st.composite
def clean_paragraphs(draw: st.DrawFn) -> str:
    """One paragraph of clean sentences."""
    return " ".join(draw(st.lists(clean_sentences(), min_size=1, max_size=4)))


@st.composite
def clean_documents(draw: st.DrawFn) -> str:
    """Clean paragraphs, one per line."""
    return "\n".join(draw(st.lists(clean_paragraphs(), min_size=1, max_size=4)))


def moses_render(text: str) -> str:
    """A test-only renderer of the Moses/corpus style: punctuation, quotes, apostrophes split off.

    It handles what `clean_sentences` produces, nothing more.
    """
    out: list[str] = []
    for token in text.split(" "):
        prefix: list[str] = []
        suffix: list[str] = []
        while token and token[0] in "(“":
            prefix.append(token[0])
            token = token[1:]
        while token and token[-1] in ".,?!)”":
            suffix.insert(0, token[-1])
            token = token[:-1]
        out.extend([*prefix, token.replace("’", " ’ "), *suffix])
    return " ".join(" ".join(out).split())


dates = st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2199, 12, 31))
single_lines = st.text(
    st.characters(blacklist_categories=("Cs", "Zl", "Zp", "Cc")), min_size=1, max_size=40
).filter(lambda s: s.strip() == s and bool(s))
header_keys = st.text(_LOWER + _UPPER + "-", min_size=1, max_size=12).filter(lambda k: k[0] != "-")


@st.composite
def datelines(draw: st.DrawFn) -> Dateline:
    """Any valid dateline."""
    location = draw(st.none() | single_lines)
    agency = draw(st.none() | single_lines)
    date_text = draw(st.none() | single_lines)
    if location is None and agency is None and date_text is None:
        location = draw(single_lines)
    return Dateline(location, agency, date_text)


articles = st.builds(
    Article,
    text=st.text(),
    date=st.none() | dates,
    title=st.none() | single_lines,
    byline=st.none() | single_lines,
    dateline=st.none() | datelines(),
    headers=st.dictionaries(header_keys, st.text(), max_size=4),
)
