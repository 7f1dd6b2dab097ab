import html

import pytest
import regex
from hypothesis import example, given
from hypothesis import strategies as st

from newsnorm import detect_style, normalize_text, repair_spacing
from newsnorm.spacing import RULE_NAMES, repair_spacing_and_report
from tests.strategies import (
    clean_documents,
    clean_sentences,
    french_sentences,
    masked_number_sentences,
    moses_render,
    token_soup,
    tokenizer_renderings,
)

_NOT_SPACE = regex.compile(r"\s+")


@given(clean_documents())
def test_clean_text_is_a_fixed_point(text: str) -> None:
    assert repair_spacing(text) == text
    assert detect_style(text).style == "raw"


@given(clean_sentences())
def test_round_trip_from_the_moses_style(sentence: str) -> None:
    assert repair_spacing(moses_render(sentence)) == sentence


@given(st.lists(clean_sentences(), min_size=1, max_size=5))
def test_round_trip_of_whole_documents(sentences: list[str]) -> None:
    document = "\n".join(sentences)
    rendered = "\n".join(moses_render(sentence) for sentence in sentences)
    assert repair_spacing(rendered) == document


@given(st.lists(clean_sentences(), min_size=2, max_size=4))
def test_spaced_dot_ellipses_are_kept(sentences: list[str]) -> None:
    # Some style guides space the ellipsis (". . ."); no tokenizer makes it from "...".
    text = " . . . ".join(sentence[:-1] for sentence in sentences) + "."
    assert repair_spacing(text) == text
    assert repair_spacing(moses_render(text)) == text


@given(st.text())
def test_never_raises_and_is_idempotent(text: str) -> None:
    once = repair_spacing(text)
    assert repair_spacing(once) == once


@given(
    st.text(alphabet=st.sampled_from(list(" ,.;:!?()[]“”‘’'\"abc1\n_@#/-&$=<>*%"))).filter(
        lambda text: "''" not in text  # the PTB closing quote: a declared unescape
    )
)
def test_only_whitespace_changes_without_escapes(text: str) -> None:
    assert _NOT_SPACE.sub("", repair_spacing(text)) == _NOT_SPACE.sub("", text)


def test_detect_style_reports_evidence() -> None:
    clear = detect_style("It works , they said ( twice ) .")
    assert clear.style == "moses"
    assert clear.evidence["space before punctuation"] == 2  # decided by the quick counts
    close = detect_style("It works , they said, twice ( maybe ) .")  # close: every mark counted
    assert close.style == "moses"
    assert close.evidence["space inside brackets"] >= 1
    assert close.evidence["glued punctuation"] == 1
    assert 0.5 < close.confidence <= 1


def test_a_known_style_settles_what_one_text_cannot_show() -> None:
    # Alone, "a / b" and "a - b" may be a tokenizer's splits or a writer's spacing.
    text = "Image : Twitter / NASA . The six - member team can not go ."
    assert repair_spacing(text) == "Image: Twitter/NASA. The six-member team cannot go."
    assert repair_spacing(text, "ptb") == "Image: Twitter / NASA. The six - member team cannot go."
    assert repair_spacing(text, "moses") == "Image: Twitter/NASA. The six - member team can not go."
    assert repair_spacing(text, "ud") == "Image: Twitter/NASA. The six-member team cannot go."


def test_forced_raw_style_changes_nothing() -> None:
    assert repair_spacing("Tokenized , text .", style="raw") == "Tokenized , text ."


def test_long_adversarial_line_completes() -> None:
    # Regexes must stay linear: a line of nothing but punctuation, quotes and spaces.
    line = ' , " ( ’ s ] “ . @-@ ' * 20_000
    assert len(repair_spacing(line)) > 0


def test_the_report_names_the_rules_that_changed_the_text() -> None:
    text, report = repair_spacing_and_report("They do n't know -LRB- yet -RRB- , he said .")
    assert text == "They don't know (yet), he said."
    assert report.rules == (
        "PTB bracket",
        "split n't",
        "closing punctuation",
        "closing period",
        "opening bracket",
    )
    assert set(report.rules) <= set(RULE_NAMES)
    assert repair_spacing_and_report("Clean prose, as written.")[1].rules == ()


@given(st.text(alphabet=st.sampled_from(list(" ,.;:!?()[]“”‘’'\"abc1\n_@#/-&$=<>*%"))))
def test_every_rule_named_in_a_report_is_known(text: str) -> None:
    assert set(repair_spacing_and_report(text)[1].rules) <= set(RULE_NAMES)


# --- No rule joins two words -------------------------------------------------------------
# The word sequence of a text: maximal letter and digit runs, with the declared clitics (n't,
# 's, 're, 've, 'll, 'd, 'm, 't) read as tokens of their own wherever they are written (glued
# to their host or not) and curly apostrophes read as straight ones, after the declared
# unescapes (PTB brackets and quotes, Moses entities, WikiText joiners, NEWLINE_CHAR),
# repeated until nothing changes, on input and output alike. PTB's multi-word splits
# (can not, gon na, 't is) are read split on both sides.

_SPACING_MODES = ("auto", "moses", "ptb", "ud", "wikitext", "multinews")
_DECLARED_UNESCAPES = (
    (regex.compile(r"-[LR][RSC]B-", regex.I), "("),
    (regex.compile(r"&(?:amp|quot|apos|lt|gt|#124|#91|#93);"), lambda m: html.unescape(m[0])),
    (regex.compile(r" ?@[-,.]@ ?"), "-"),
    (regex.compile(r"(?:^|(?<= ))``(?: |$)|(?: |^)''(?= |$)", regex.M), '"'),
    (regex.compile(r"NEWLINE_CHAR"), "\n"),
)
_APOSTROPHES = str.maketrans("’‘", "''")
_NOT = regex.compile(r"(?<=[^\W_])n *' *t(?![^\W_])", regex.I)  # don 't, don't: do n't
_PTB_JOINED = regex.compile(
    r"(?<![^\W_])(?:(can)(not)|(gon|wan)(na)|(got|lot|out)(ta)|(gim|lem)(me)|(more)('n)|(d)('ye))"
    r"(?![^\W_])|(?<![^\W_'])('t)(is|was)(?![^\W_])",
    regex.I,
)
_WORD_OR_CLITIC = regex.compile(r"n't(?![^\W_])|' *(?:s|re|ve|ll|d|m|t)(?![^\W_])|[^\W_]+", regex.I)


def word_sequence(text: str) -> list[str]:
    """The words of `text`, whatever its tokenization (see above)."""
    previous = None
    while previous != text:
        previous = text
        for pattern, replacement in _DECLARED_UNESCAPES:
            text = pattern.sub(replacement, text)
    text = _NOT.sub(" n't", text.translate(_APOSTROPHES))
    text = _PTB_JOINED.sub(lambda m: " ".join(part for part in m.groups() if part), text)
    return [word.replace(" ", "") for word in _WORD_OR_CLITIC.findall(text)]


def test_word_sequence_reads_clitics_and_escapes() -> None:
    assert word_sequence("do n't ca n't it 's America ’ s") == word_sequence(
        "don't can't it's America's"
    )
    assert word_sequence("don 't") == word_sequence("don't") == ["do", "n't"]
    assert word_sequence("cannot 'tis a @-@ b -LRB-") == ["can", "not", "'t", "is", "a", "b"]
    assert word_sequence("don'tis") != word_sequence("don 't is")


@pytest.mark.parametrize("mode", _SPACING_MODES)
@given(text=tokenizer_renderings | token_soup())
@example(text="when you don 't is very bizarre")
@example(text="when you do n't is very bizarre")
def test_no_rule_joins_two_words(mode: str, text: str) -> None:
    style = None if mode == "auto" else mode
    assert word_sequence(repair_spacing(text, style)) == word_sequence(text)  # type: ignore[arg-type]


def test_a_split_contraction_before_is_keeps_its_space() -> None:
    # WikiText and PTB split "don't" as "don 't" / "do n't"; "'t is" is PTB's split of "'tis"
    # only where the apostrophe starts a token.
    text = "When you don 't is very bizarre , he said ."
    for style in (None, "wikitext", "ptb", "ud", "moses"):
        assert repair_spacing(text, style) == "When you don't is very bizarre, he said."  # type: ignore[arg-type]
    assert repair_spacing("`` 't is the season , '' he said .") == '"\'tis the season," he said.'


# --- Other languages' typography is not tokenization ---------------------------------------


@given(st.lists(french_sentences(), min_size=1, max_size=4).map(" ".join))
@example("Il est là ! « Il faut partir », dit-il ; puis : rien ?")
def test_clean_french_is_a_fixed_point(text: str) -> None:
    assert repair_spacing(text) == text
    assert normalize_text(text) == text


def test_guillemets_keep_their_inner_spaces() -> None:
    # Even where the rest is repaired: « » with spaces inside is French typography.
    assert repair_spacing("Il a dit « oui » , puis il est parti .") == (
        "Il a dit « oui », puis il est parti."
    )


def test_pairing_never_writes_two_quotes_together() -> None:
    # '' is PTB's closing quote: written by the pairing, a second pass would read it as one.
    for text in ("the , ' '", "' ' He"):
        once = repair_spacing(text)
        assert "''" not in once
        assert repair_spacing(once) == once


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("it is -lſb- a test -LRB- x -RRB- .", "-lſb-"),  # not the PTB escape -LSB-
        ("He said it 'ſ fine , really .", "it 'ſ"),  # ſ is no clitic s
    ],
)
def test_case_folding_lookalikes_are_not_ascii_tokens(text: str, kept: str) -> None:
    assert kept in repair_spacing(text, "ptb")
    assert kept in normalize_text(text)


# --- Real-corpus artefacts ------------------------------------------------------------------


@given(masked_number_sentences())
def test_masked_numbers_keep_their_spaces_and_count(pair: tuple[str, str]) -> None:
    # Gigaword writes "#" for every digit: "# coup" is a number before a word, never a hashtag.
    tokenized, clean = pair
    repaired = repair_spacing(tokenized)
    assert repaired == clean
    assert repaired.count("#") == tokenized.count("#")
    assert "\\/" not in repaired


def test_hashtags_still_join_where_digits_are_digits() -> None:
    assert repair_spacing("Fans used # MeToo in 2017 , she said .") == (
        "Fans used #MeToo in 2017, she said."
    )


_SPLIT_CURLY_CLITICS = (
    ("America ’ s", "America’s"),
    ("they ’ re", "they’re"),
    ("we ’ ll", "we’ll"),
    ("don ’ t", "don’t"),
)


@given(clean_documents(), st.sampled_from(_SPLIT_CURLY_CLITICS))
def test_a_split_curly_clitic_is_repaired_in_clean_text(text: str, pair: tuple[str, str]) -> None:
    # Partial tokenization inside an otherwise clean document: repaired whatever the style,
    # while the rest of the clean text stays byte for byte.
    split, glued = pair
    assert repair_spacing(f"{text} Then {split} here.") == f"{text} Then {glued} here."


def test_a_stop_between_small_words_only_in_cased_clean_text() -> None:
    clean = "The board said it was . approved on Monday, and work began at once."
    assert repair_spacing(clean) == clean.replace(" .", "")
    lowered = "we went home. it rained . then it stopped, and we slept."
    assert repair_spacing(lowered) == lowered


def test_a_writers_spaced_marks_stay_where_they_are_the_habit() -> None:
    # Judged clean, a document closes up a stop or a comma spaced off only where its other
    # stops or commas are closed: one spaced off everywhere is the writer's habit.
    from newsnorm.spacing.rules import repair_anywhere

    habit = "Well , the ferry was late , again , and we waited ."
    assert repair_anywhere(habit) == habit
    slips = "Later, as the fleet grew, he came back , richer, and stayed. It rained. We left ."
    assert repair_anywhere(slips) == (
        "Later, as the fleet grew, he came back, richer, and stayed. It rained. We left."
    )
