from hypothesis import given
from hypothesis import strategies as st

from newsnorm import Config, fix_characters
from newsnorm.characters import normalize_whitespace
from tests.strategies import clean_documents


@given(st.text())
def test_never_raises_and_is_idempotent(text: str) -> None:
    once = fix_characters(text)
    assert fix_characters(once) == once


@given(clean_documents())
def test_clean_text_is_a_fixed_point(text: str) -> None:
    assert fix_characters(text) == text


@given(st.text())
def test_whitespace_is_regular_afterwards(text: str) -> None:
    result = normalize_whitespace(text)
    assert "  " not in result
    assert "\n\n\n" not in result
    assert all(line == line.strip(" ") for line in result.split("\n"))
    assert "\r" not in result and "\t" not in result


def test_fold_compatibility_is_opt_in() -> None:
    assert fix_characters("ＡＢＣ ﬁ") == "ＡＢＣ ﬁ"
    assert fix_characters("ＡＢＣ ﬁ", Config(fold_compatibility=True)) == "ABC fi"


def test_control_characters_are_removed() -> None:
    assert fix_characters("bad\x00 byte\x07s") == "bad bytes"
