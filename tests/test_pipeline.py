import datetime as dt

import regex
from hypothesis import given
from hypothesis import strategies as st

from newsnorm import Article, normalize, normalize_text
from tests.strategies import clean_documents, moses_render

_WORD = regex.compile(r"\w+")


def test_glued_date_line_from_the_issue() -> None:
    article = normalize(" date 2020-02-17 Just when we thought , it was over .")
    assert article.date == dt.date(2020, 2, 17)
    assert article.text.startswith("Just when we thought, it was over.")


def test_whole_tokenized_article() -> None:
    raw = (
        "Port Reopens After Storm\n"
        "By Ann Lee\n\n"
        "BOSTON ( Reuters ) - The port , closed since Friday , reopened .\n\n"
        "“ We ’ re back , ” the harbor master said ( twice ) .\n"
    )
    article = normalize(raw)
    assert article.title == "Port Reopens After Storm"
    assert article.byline == "By Ann Lee"
    assert article.dateline is not None and article.dateline.location == "BOSTON"
    assert article.text == (
        "The port, closed since Friday, reopened.\n“We’re back,” the harbor master said (twice)."
    )


def test_mixed_quotes_become_consistent() -> None:
    text = 'Counties "that refuse to participate.” And "others.”'
    assert normalize_text(text) == "Counties “that refuse to participate.” And “others.”"


@given(clean_documents())
def test_clean_text_is_a_fixed_point(text: str) -> None:
    assert normalize_text(text) == text


@given(st.text())
def test_normalize_text_is_idempotent_and_never_raises(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.text())
def test_normalize_never_raises(text: str) -> None:
    assert isinstance(normalize(text), Article)


@given(clean_documents())
def test_words_keep_their_order_through_tokenization(text: str) -> None:
    rendered = "\n".join(moses_render(line) for line in text.split("\n"))
    assert _WORD.findall(normalize_text(rendered)) == _WORD.findall(text)


def test_wrapped_wire_copy_is_unwrapped_unless_switched_off() -> None:
    wire = "RATES RISE\n    LONDON, March 2 - Rates rose in\nlate trade.\n    Traders cheered."
    assert normalize(wire).text == "Rates rose in late trade.\nTraders cheered."
    kept = normalize_text(wire, unwrap=False)
    assert kept.split("\n")[2] == "late trade."
