import regex
from hypothesis import given
from hypothesis import strategies as st

from newsnorm import detect_style, repair_spacing
from newsnorm.spacing import RULE_NAMES, repair_spacing_and_report
from tests.strategies import clean_documents, clean_sentences, moses_render

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
