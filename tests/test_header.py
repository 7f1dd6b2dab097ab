import datetime as dt

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from newsnorm import Dateline, normalize, split_header
from tests.strategies import clean_paragraphs, metadata_lines


def test_glued_date_line() -> None:
    fields, body = split_header(" date 2020-02-17 Just when we thought it was over.")
    assert fields.date == dt.date(2020, 2, 17)
    assert body == "Just when we thought it was over."


@pytest.mark.parametrize(
    "text",
    [
        " title Rain returns date 2019-05-01 Clouds gathered early.",
        "Rain returns\n date 2019-05-01 Clouds gathered early.",
        "Rain returns\ndate 2019-05-01\nClouds gathered early.",
    ],
)
def test_title_with_a_glued_date(text: str) -> None:
    fields, body = split_header(text)
    assert (fields.title, fields.date, body) == (
        "Rain returns",
        dt.date(2019, 5, 1),
        "Clouds gathered early.",
    )


def test_header_block_keeps_unknown_keys() -> None:
    fields, body = split_header(
        "Headline: Port reopens\nAuthor: Sam Ortiz\nPosted on March 3, 2021\n"
        "Desk: Metro\n\nThe port reopened."
    )
    assert fields.title == "Port reopens"
    assert fields.byline == "By Sam Ortiz"  # a keyed author gets the "By" it implies
    assert fields.date == dt.date(2021, 3, 3)
    assert dict(fields.headers) == {
        "Headline": "Port reopens",
        "Author": "Sam Ortiz",
        "Posted on": "March 3, 2021",
        "Desk": "Metro",
    }
    assert body == "The port reopened."


@pytest.mark.parametrize(
    "text",
    [
        "Date night is back.",
        "By the time we arrived, it was over.",
        "Title IX cases rose.",
        "Note: this looks like a header but stands alone.",
        "Published reports say the deal is off.",
    ],
)
def test_body_that_only_looks_like_a_header_stays_body(text: str) -> None:
    fields, body = split_header(text)
    assert body == text
    assert fields.title is None and fields.date is None and fields.byline is None


@given(clean_paragraphs())
def test_plain_paragraphs_have_no_header(text: str) -> None:
    assert split_header(text)[1] == text


@given(st.text())
@example("@highlight")  # a summary marker with no summary
@example("Story.\n\n@highlight\n\n@highlight\n\nRain")
def test_nothing_lost(text: str) -> None:
    fields, body = split_header(text)
    kept = " ".join([body, *fields.headers.values(), fields.title or "", *fields.furniture])
    kept += " ".join(fields.highlights)
    for word in text.split():
        assert word in kept or word in {"title", "date", "By", "by", "BY"} or word.endswith(":")


def test_a_line_above_the_corpus_date_line_is_its_title_even_if_it_reads_like_a_dateline() -> None:
    article = normalize(
        "(UPDATED) - PORT AUTHORITY SETS NEW FEES\n"
        " date 2021-06-02 LONDON, June 1 - The port authority raised its fees, it said."
    )
    assert article.title == "(UPDATED) - PORT AUTHORITY SETS NEW FEES"
    assert article.date == dt.date(2021, 6, 2)
    assert article.dateline == Dateline("LONDON", None, "June 1")
    assert article.text == "The port authority raised its fees, it said."


@pytest.mark.parametrize(
    ("posted", "dateline", "expected"),
    [
        ("04/03/1999", "BOSTON, April 5 - ", dt.date(1999, 4, 3)),  # April shows mm/dd
        ("04/03/1999", "BOSTON, March 5 - ", dt.date(1999, 3, 4)),  # March shows dd/mm
        ("04/03/1999", "BOSTON, June 5 - ", None),  # neither reading is in June
        ("04/03/1999", "BOSTON - ", None),  # no month shown at all
    ],
)
def test_the_datelines_month_shows_the_order_of_a_numeric_date(
    posted: str, dateline: str, expected: dt.date | None
) -> None:
    raw = f"TITLE: Harbor Reopens\nPosted on {posted}\n\n{dateline}The harbor reopened on Monday."
    assert normalize(raw).date == expected


def test_a_name_glued_to_the_posting_time_and_date() -> None:
    raw = "Harbor reopens after storm\n\nAnn Lee15:35, Oct 29 2020\n\nThe harbor reopened."
    assert normalize(raw).date == dt.date(2020, 10, 29)


def test_a_page_date_is_read_at_the_top_of_a_page_not_below_the_story() -> None:
    page = "Storm Hits Coast\n\nBy Ann Lee\n\nNov 8, 2023 / 02:40 PM\n\nWind rose."
    assert normalize(page).date == dt.date(2023, 11, 8)
    story = "Wind rose all night along the coast, " * 8 + "said forecasters.\n\nNov 8, 2023"
    assert normalize(story).date is None


def test_a_keyed_date_with_a_time_after_a_separator() -> None:
    article = normalize("Storm Hits Coast\nBy Ann Lee\nPosted: Nov 8, 2023 / 02:40 PM\n\nWind.")
    assert article.date == dt.date(2023, 11, 8)
    assert article.headers["Posted"] == "Nov 8, 2023 / 02:40 PM"


def test_a_headline_in_capitals_straight_above_the_story() -> None:
    wire = "RAIN DELAYS HARVEST\n\tFarmers waited for the\nfields to dry.\n\tMore rain came."
    article = normalize(wire)
    assert article.title == "RAIN DELAYS HARVEST"
    assert article.text == "Farmers waited for the fields to dry.\nMore rain came."
    # A wrapped first line in capitals, continued in lower case, stays in the story.
    wrapped = normalize("ACME CORP <ACME.O>\nsaid profits rose in the quarter.")
    assert wrapped.title is None


def test_a_copyright_notice_above_the_story_is_a_header() -> None:
    wire = (
        "HARBOUR REOPENS\n"
        "COPYRIGHT 1999 BY NEWSWIRE CO. NO PART OF THIS MAY BE\n"
        "REPRINTED WITHOUT PERMISSION.\n"
        "THE harbour reopened on Monday after the storm."
    )
    article = normalize(wire)
    assert article.title == "HARBOUR REOPENS"
    assert article.headers["copyright"] == (
        "COPYRIGHT 1999 BY NEWSWIRE CO. NO PART OF THIS MAY BE REPRINTED WITHOUT PERMISSION."
    )
    assert article.text == "THE harbour reopened on Monday after the storm."
    glued = normalize(" date 1999-05-03 COPYRIGHT 1999 BY NEWSWIRE CO. THE harbour reopened.")
    assert glued.date == dt.date(1999, 5, 3)
    assert glued.headers["copyright"] == "COPYRIGHT 1999 BY NEWSWIRE CO."
    assert glued.text == "THE harbour reopened."
    # A story about copyright is no notice.
    assert "copyright" not in normalize("Copyright law changed in 1998, lawyers said.").headers


@pytest.mark.parametrize("key", ["headline", "Headline", "Title", "hed"])
def test_a_first_line_headline_above_a_keyed_title_is_the_title(key: str) -> None:
    # Two headlines: the printed first line is the title, the keyed one stays in the headers
    # as written, and neither is lost (a `headline:` key once pushed the first line out).
    article = normalize(f"Storm Hits Coast\n{key}: Wind warning issued\n\nThe wind blew hard.")
    assert article.title == "Storm Hits Coast"
    assert dict(article.headers) == {key: "Wind warning issued"}
    assert article.text == "The wind blew hard."


def test_a_glued_corpus_title_below_a_first_line_stays_in_the_headers() -> None:
    article = normalize("Storm Hits Coast\n title Gale Warning date 2019-05-01 Wind rose.")
    assert (article.title, article.date, article.text) == (
        "Storm Hits Coast",
        dt.date(2019, 5, 1),
        "Wind rose.",
    )
    assert article.headers["title"] == "Gale Warning"


def test_an_empty_glued_title_names_no_title() -> None:
    # "\x1f" is a match for \S but blank to str.strip: the title field would be empty.
    for control in ("\x1c", "\x1f"):
        raw = f" title {control} date 2020-01-01 Body."
        article = normalize(raw, characters=False)
        assert (article.title, article.date, article.text) == (None, dt.date(2020, 1, 1), "Body.")


@pytest.mark.parametrize(
    "line",
    ["Poſted on May 4, 2021", "PUBLIſHED May 4, 2021", "Laſt updated May 4, 2021"],
)
def test_a_case_folding_letter_makes_no_date_label(line: str) -> None:
    # IGNORECASE once read "Poſted on" as a date label whose key then named no date field.
    fields, _ = split_header(f"Storm\n{line}\n\nBody.")
    assert not any(key.casefold().startswith(("po", "pu", "la")) for key in fields.headers)
    assert fields.date is None


def test_date_labels_in_any_ascii_case() -> None:
    for label in ("POSTED ON", "posted on", "Last Updated"):
        fields, body = split_header(f"{label} May 4, 2021\n\nBody.")
        assert (fields.date, dict(fields.headers), body) == (
            dt.date(2021, 5, 4),
            {label: "May 4, 2021"},
            "Body.",
        )


@given(st.one_of(st.text(max_size=30), metadata_lines()))
@example("Source: wire")
@example("market traders said")
def test_the_union_of_header_line_kinds_agrees_with_each_kind(line: str) -> None:
    # could_be_header_line matches the kinds' union with the standard library's `re`, each
    # kind itself matches with `regex`: they must agree.
    from newsnorm.header.lines import LINE_KINDS, could_be_header_line

    assert could_be_header_line(line) == any(kind.begins(line) for kind in LINE_KINDS)


@pytest.mark.parametrize("kind_index", range(7))
@given(data=st.data())
def test_every_line_of_a_kind_opens_as_the_kind_declares(
    kind_index: int, data: st.DataObject
) -> None:
    # could_be_header_line turns a line away on the kinds' declared openings and marks before
    # their patterns: every line a kind's pattern begins must show one or the other.
    import re

    from newsnorm.header.lines import LINE_KINDS, could_be_header_line

    kind = LINE_KINDS[kind_index]
    line = data.draw(st.from_regex(re.compile(rf"\A(?:{kind.starts})"), fullmatch=False))
    assert kind.begins(line)
    head = line[:3].lower()
    assert any(head.startswith(opening) for opening in kind.openings) or (
        kind.mark != "" and kind.mark in line
    )
    assert could_be_header_line(line)


def test_the_line_kinds_are_seven() -> None:
    from newsnorm.header.lines import LINE_KINDS

    assert len(LINE_KINDS) == 7  # the property above runs on each kind by its index
