"""normalize_text(normalize_text(x)) == normalize_text(x) under every configuration.

A repair whose output is new evidence for another rule (a pairing that writes ``''``, an
unescape that writes a curly quote, a join that completes a PTB escape) broke this for whole
classes of input; these properties draw adversarial token soups and prose under each config.
"""

from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsnorm import normalize_text
from tests.strategies import clean_documents, token_soup, tokenizer_renderings

CONFIGS: dict[str, dict[str, Any]] = {
    "default": {},
    "quotes straight": {"quotes": "straight"},
    "quotes curly": {"quotes": "curly"},
    "quotes preserve": {"quotes": "preserve"},
    **{f"spacing {mode}": {"spacing": mode} for mode in
       ("off", "moses", "ptb", "ud", "wikitext", "multinews")},
    "characters off": {"characters": False},
    "unwrap off": {"unwrap": False},
    "fold compatibility": {"fold_compatibility": True},
    "ptb and curly": {"spacing": "ptb", "quotes": "curly"},
    "straight, no characters": {"quotes": "straight", "characters": False},
}  # fmt: skip

# The counterexamples a fuzzer found, one of each kind.
REPORTED = (
    "the , ' '",  # pairing wrote '' (a PTB closing quote for the next pass)
    "' ' He",
    "5 / 5 -RRB-",  # unescaping made the slash look glued to a bracket... then joined
    "’ @.@ &quot;1",  # an entity became a quote that no longer counts as writer evidence
)

texts = st.one_of(token_soup(), token_soup(max_tokens=40), tokenizer_renderings, clean_documents())


def _check(text: str, config: dict[str, Any]) -> None:
    once = normalize_text(text, **config)
    assert normalize_text(once, **config) == once


@pytest.mark.parametrize("name", CONFIGS)
@pytest.mark.parametrize("text", REPORTED)
def test_reported_counterexamples(name: str, text: str) -> None:
    _check(text, CONFIGS[name])


@pytest.mark.parametrize("name", CONFIGS)
@given(text=texts)
@example(text="when you don 't is very bizarre")
def test_normalize_text_is_idempotent(name: str, text: str) -> None:
    _check(text, CONFIGS[name])


@pytest.mark.parametrize("name", ["default", "quotes curly", "spacing ptb"])
@given(text=st.text())
def test_never_raises_and_is_idempotent_on_any_unicode(name: str, text: str) -> None:
    _check(text, CONFIGS[name])
