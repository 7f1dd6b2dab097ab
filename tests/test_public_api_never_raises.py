"""Every public function that takes text takes any text: no exception on arbitrary Unicode, on
letters that case-fold onto ASCII (ſ, K, ß, İ, ı, ligatures), on date-shaped text broken
across lines, or on token soup. Run with HYPOTHESIS_PROFILE=explore for a long hunt."""

import inspect
from collections.abc import Callable
from typing import Any, get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsnorm
from newsnorm.config import QuoteStyle, SpacingMode
from newsnorm.formats import format_article
from newsnorm.layout import unwrap_lines

# Letters whose case folding reaches ASCII or changes length, beside the ASCII they fold to.
_FOLDING = "ſKkßssİiıIﬅﬆﬁﬀﬂǅǈµΣσςﬃ"
_DATE_PIECES = [
    "Sep", "sep", "ſep", "May", "March", "Tue", "Tuesday", "TUESDAY", "st", "ſt", "th", "nd",
    "1", "4", "07", "2020", "1987", "-", "/", ",", ".", ":", "10:00", "EST", "GMT", "AM", " ",
    "\n", "\n\n", "date", "Date:", "Published:", "By", "LONDON", "(Reuters)", "(CNN)", "—", "--",
]  # fmt: skip
_SOUP_PIECES = [
    "the", "The", ",", ".", "'", "''", "``", "“", "”", "‘", "’", "\"", "-LRB-", "-RRB-", "@-@",
    "@,@", "@.@", "&quot;", "&amp;", "#39;", "/", "NEWLINE_CHAR", "n't", "'s", "don", "(", ")",
    "$", "%", "!", "?", ";", "«", "»", " ", "\n", "|||||", "=", "@highlight", "5", "Ã©",
]  # fmt: skip

texts = st.one_of(
    st.text(),
    st.text(st.sampled_from(_FOLDING + "abcdeptmhSMT0123456789 ,.:-\n")),
    st.lists(st.sampled_from(_DATE_PIECES + list(_FOLDING)), max_size=30).map("".join),
    st.lists(st.sampled_from(_SOUP_PIECES), max_size=30).map(" ".join),
)

_CALLS: dict[str, Callable[[str], Any]] = {
    "normalize": newsnorm.normalize,
    "normalize_and_report": newsnorm.normalize_and_report,
    "normalize_many": lambda text: newsnorm.normalize_many([text, text[::-1]]),
    "normalize_many_and_report": lambda text: newsnorm.normalize_many_and_report([text]),
    "normalize_text": newsnorm.normalize_text,
    "fix_characters": newsnorm.fix_characters,
    "fix_characters folding": lambda text: newsnorm.fix_characters(
        text, newsnorm.Config(fold_compatibility=True)
    ),
    "detect_style": newsnorm.detect_style,
    "fix_quotes_and_count": newsnorm.fix_quotes_and_count,
    "parse_date": newsnorm.parse_date,
    "split_dateline": newsnorm.split_dateline,
    "split_header": newsnorm.split_header,
    "trace": newsnorm.trace,
    "unwrap_lines": unwrap_lines,
    "to_json round trip": lambda text: newsnorm.Article.from_json(
        newsnorm.normalize(text).to_json()
    ),
    **{
        f"fix_quotes {style}": lambda text, style=style: newsnorm.fix_quotes(text, style)
        for style in get_args(QuoteStyle)
    },
    **{
        f"repair_spacing {style}": lambda text, style=style: newsnorm.repair_spacing(text, style)
        for style in ("moses", "ptb", "ud", "wikitext", "multinews", None)
    },
    **{
        f"normalize spacing={mode}": lambda text, mode=mode: newsnorm.normalize(text, spacing=mode)
        for mode in get_args(SpacingMode)
    },
    "normalize characters=False": lambda text: newsnorm.normalize(text, characters=False),
    "format_article": lambda text: [
        format_article(newsnorm.normalize(text), fmt) for fmt in ("text", "jsonl", "lines")
    ],
}


@pytest.mark.parametrize("name", sorted(_CALLS))
@given(text=texts)
def test_public_function_never_raises(name: str, text: str) -> None:
    _CALLS[name](text)


def test_every_public_function_is_fuzzed() -> None:
    # A new public function must join _CALLS (or say here why it takes no text).
    takes_no_text: set[str] = set()
    public = {
        name
        for name in newsnorm.__all__
        if inspect.isfunction(getattr(newsnorm, name)) and name not in takes_no_text
    }
    assert public <= {name.split(" ")[0] for name in _CALLS}
