import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsnorm import ConfigError, fix_quotes
from newsnorm.quotes import CURLY_QUOTES, fix_quotes_and_count

quote_heavy_text = st.text(alphabet=st.sampled_from(list("ab 1.,—(\n\"'“”‘’′″")))
_STRAIGHTENED = str.maketrans(dict.fromkeys("‘’‚‛′", "'") | dict.fromkeys("“”„‟″", '"'))


@given(st.text() | quote_heavy_text)
@example("„low-9‟ and ‚single‛")
def test_straight_changes_only_quote_characters(text: str) -> None:
    result = fix_quotes(text, "straight")
    assert not any(mark in result for mark in CURLY_QUOTES)
    if "``" not in text:  # PTB quotes become one " each
        assert result == text.translate(_STRAIGHTENED)


@given(st.text() | quote_heavy_text)
def test_curly_then_straight_equals_straight(text: str) -> None:
    assert fix_quotes(fix_quotes(text, "curly"), "straight") == fix_quotes(text, "straight")


@pytest.mark.parametrize("style", ["auto", "curly", "straight", "preserve"])
@given(text=st.text() | quote_heavy_text)
@example(text="‘' '")  # a closing ’ standing alone closes, as the ' it came from did
@example(text="‘\"’“'")  # a quote after a converted one reads the converted mark
def test_every_style_is_idempotent(style: str, text: str) -> None:
    once = fix_quotes(text, style)  # type: ignore[arg-type]
    assert fix_quotes(once, style) == once  # type: ignore[arg-type]


@given(st.text(alphabet=st.sampled_from(list("ab ,.\n\"'"))))
def test_auto_leaves_ascii_only_text_alone(text: str) -> None:
    assert fix_quotes(text, "auto") == text


def test_unknown_style_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="quote style"):
        fix_quotes("x", "fancy")  # type: ignore[arg-type]


@given(st.text() | quote_heavy_text)
def test_auto_leaves_curly_output_alone(text: str) -> None:
    curled = fix_quotes(text, "curly")
    assert fix_quotes(curled, "auto") == curled


@given(st.text() | quote_heavy_text)
def test_counts_agree_with_the_text(text: str) -> None:
    result, report = fix_quotes_and_count(text, "curly")
    assert report.changed <= len(text)
    assert report.ambiguous <= text.count('"') + text.count("'")
    if report.changed == 0:
        assert result == text


def test_long_adversarial_line_completes() -> None:
    text = "\" ' a' 'b 5\" ``x'' " * 20_000
    assert len(fix_quotes(text, "curly")) > 0
