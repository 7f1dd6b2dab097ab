"""Hard-wrapped wire copy back to one paragraph per line (`newsnorm.layout.unwrap_lines`)."""

import textwrap

from hypothesis import assume, given
from hypothesis import strategies as st

from newsnorm.layout import unwrap_lines
from tests.strategies import clean_paragraphs

_PARAGRAPHS = st.lists(
    clean_paragraphs().map(lambda p: " ".join(p.split())).filter(bool), min_size=2, max_size=5
)


def _wrapped(paragraphs: list[str], width: int, base: str, start: str) -> list[list[str]]:
    # Each paragraph's first line `start` further in than `base`, its other lines at `base`.
    lines = []
    for paragraph in paragraphs:
        wrapped = textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False)
        lines.append([base + start + wrapped[0], *(base + line for line in wrapped[1:])])
    return lines


@given(_PARAGRAPHS, st.integers(30, 70), st.sampled_from(["", "  "]))
def test_wrapped_paragraphs_are_joined_in_either_layout(
    paragraphs: list[str], width: int, base: str
) -> None:
    # Wire copy as sent (continuation lines flush left, paragraphs indented) or NLTK's copy of
    # Reuters-21578 (every line two spaces in, the first paragraph too, the others further
    # in), below a headline standing further out; paragraphs wrapped over a few lines each.
    wrapped = _wrapped(paragraphs, width, base, "    ")
    assume(all(len(lines) >= 3 for lines in wrapped))
    if base:
        wrapped[0][0] = wrapped[0][0].replace("    ", "", 1)
    text = "\n".join(["HEADLINE OVER THE STORY", *(line for lines in wrapped for line in lines)])
    out = unwrap_lines(text).split("\n")
    assert out[0] == "HEADLINE OVER THE STORY"
    assert [line.strip() for line in out[1:]] == paragraphs


def test_the_first_paragraph_below_a_headline_further_out_is_joined() -> None:
    text = "RATES RISE\n  Rates rose in\n  late trade.\n      They fell\n  later."
    assert unwrap_lines(text) == "RATES RISE\n  Rates rose in late trade.\n      They fell later."


def test_lines_all_indented_alike_stay() -> None:
    # A poem or a list: no paragraph starts further in than the rest.
    text = "  Roses are red,\n  violets are blue,\n  the wire is wrapped\n  and so are you."
    assert unwrap_lines(text) == text


def test_a_table_indented_in_flush_wire_copy_keeps_its_rows() -> None:
    text = (
        "ACME <ACM> 4TH QTR NET\n    DENVER, March 3 -\n    Shr 10 cts vs nine cts\n"
        "    Net 1.2 mln vs 1.1 mln\n    Note: the quarter had one more\nweek than a year ago."
    )
    out = unwrap_lines(text).split("\n")
    assert out[2:4] == ["    Shr 10 cts vs nine cts", "    Net 1.2 mln vs 1.1 mln"]
    assert out[-1] == "    Note: the quarter had one more week than a year ago."
