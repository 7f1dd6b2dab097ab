"""Render an article's metadata in each supported layout, parse it back, get the same fields."""

import datetime as dt

import pytest
import regex
from hypothesis import assume, example, given
from hypothesis import strategies as st

from newsnorm import Article, normalize, split_dateline, split_header
from newsnorm.config import Corpus
from tests.strategies import clean_paragraphs

_UPPER = "ABCDEFGHIJKLMNOPRSTUVWY"
_LOWER = "abcdefghijklmnoprstuvwy"
_WORD = regex.compile(r"[^\W_]+")

names = st.builds(
    lambda first, last: f"{first} {last}",
    st.sampled_from(["Ann", "Ravi", "Tomas", "Mei", "Olu", "Greta"]),
    st.sampled_from(["Lee", "Okafor", "Novak", "Larsen", "Moreau", "Ibarra"]),
)
title_words = st.text(_LOWER, min_size=3, max_size=9).map(str.capitalize)
titles = st.lists(title_words, min_size=2, max_size=8).map(" ".join)
places = st.lists(st.text(_UPPER, min_size=4, max_size=9), min_size=1, max_size=2).map(" ".join)
agencies = st.sampled_from(["Reuters", "AP", "AFP"])
dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31))


@st.composite
def bodies(draw: st.DrawFn) -> str:
    """Clean paragraphs that do not themselves look like a header or a dateline."""
    body = "\n".join(draw(st.lists(clean_paragraphs(), min_size=1, max_size=3)))
    assume(split_header(body)[1] == body and split_dateline(body)[0] is None)
    assume(not body.split(" ", 1)[0].isupper())
    return body


def _date_styles(date: dt.date) -> list[str]:
    return [
        date.isoformat(),
        f"{date:%B} {date.day}, {date.year}",
        f"{date.day} {date:%B} {date.year}",
        f"{date:%b}. {date.day}, {date.year}",
        f"{date:%A}, {date:%B} {date.day}, {date.year} 3:01 PM",
        f"{date:%a}, {date.day:02d} {date:%b} {date.year} 15:01:01 GMT",
    ]


@given(dates, bodies())
def test_glued_date_line(date: dt.date, body: str) -> None:
    article = normalize(f" date {date.isoformat()} {body}")
    assert (article.date, article.text) == (date, body)


@given(titles, dates, bodies(), st.booleans())
def test_glued_title_and_date(title: str, date: dt.date, body: str, inline: bool) -> None:
    raw = f" title {title} date {date} {body}" if inline else f"{title}\n date {date} {body}"
    article = normalize(raw)
    assert (article.title, article.date, article.text) == (title, date, body)


@given(titles, names, dates, st.integers(0, 5), st.sampled_from(["Date", "Published"]), bodies())
def test_header_block(
    title: str, name: str, date: dt.date, style: int, key: str, body: str
) -> None:
    raw = f"Title: {title}\nBy {name}\n{key}: {_date_styles(date)[style]}\nSection: World\n\n{body}"
    article = normalize(raw)
    assert (article.title, article.byline, article.date) == (title, f"By {name}", date)
    assert article.headers["Section"] == "World"
    assert article.text == body


@given(titles, names, places, agencies, bodies())
def test_wire_layout(title: str, name: str, place: str, agency: str, body: str) -> None:
    first, *rest = body.split("\n")
    indented = "\n".join(f"    {paragraph}" for paragraph in rest)
    raw = f"{title.upper()}\n    By {name}\n    {place} ({agency}) - {first}\n{indented}"
    article = normalize(raw.rstrip())
    assert article.title == title.upper()
    assert article.byline == f"By {name}"
    assert article.dateline is not None
    assert (article.dateline.location, article.dateline.agency) == (place, agency)
    assert article.text == body


@given(titles, dates, places, agencies, bodies())
def test_web_layout(title: str, date: dt.date, place: str, agency: str, body: str) -> None:
    raw = f"{title}\n{date:%B} {date.day}, {date.year} 1:00 PM\n\n{place} ({agency}) - {body}"
    article = normalize(raw)
    assert (article.title, article.date, article.text) == (title, date, body)
    assert article.dateline is not None
    assert (article.dateline.location, article.dateline.agency) == (place, agency)


def _kept(article: Article) -> str:
    parts = [article.text, article.title or "", article.byline or ""]
    parts += [f"{key} {value}" for key, value in article.headers.items()]
    if article.dateline:
        parts += [article.dateline.location or "", article.dateline.agency or ""]
        parts += [article.dateline.date_text or ""]
    return " ".join(parts)


_PIECES = [
    *" \n,.:-()'\"aAbBzZ19",
    *("By ", "date ", "Title: ", "2020-01-02 ", "WASHINGTON ", "COPYRIGHT 1999 BY ", "RAIN. "),
]


@given(st.lists(st.sampled_from(_PIECES)).map("".join))
def test_nothing_is_lost(text: str) -> None:
    kept = _kept(normalize(text))
    for word in _WORD.findall(text):
        assert word in kept


_OPENING_PIECES = [
    *_PIECES,
    *"\n\n\n",
    "by ",
    "title ",
    "&UR; note &LR; ",
    "Published on ",
    "Feb. 17, 2020",
    "Tuesday, September 1, 2015",
    "04/03/2009",
    " (Reuters) - ",
    "Taipei, Taiwan — ",
    " _ ",
    "Author: ",
    "LONDON (Reuters) - ",
    "Desk: ",
    "the ",
    "RATES RISE",
    "x" * 120,
    "Rates rose ",
    "and rates fell ",
    "said the bank. ",
    "Long prose sentence. " * 10,
    # Lines of wrapped wire copy that begin as a header line or a dateline may.
    "144.70 yen in Tokyo ",
    "(ICCO), was chosen ",
    "February rose 3.7 pct ",
    "(MMAL) reported ",
]


_LINE_PIECES = st.lists(st.sampled_from(_OPENING_PIECES), max_size=12).map("".join)
# Two opening lines made of the pieces, then more: the first two lines decide the quick test.
_OPENINGS = st.tuples(_LINE_PIECES, st.sampled_from(["", "\n", "\n\n"]), _LINE_PIECES).map(
    "".join
) | st.lists(st.sampled_from(_OPENING_PIECES), max_size=40).map("".join)


@given(_OPENINGS)
@example("RATES RISE")  # a wire brief
@example("Rates rise in London\nLONDON (Reuters) - Rates rose on Monday.")
@example("Rates rise in London\nmarket traders said on Monday.")  # "mar" could start a date
@example("Rates rise in London\nBOSTON—Rates rose on Monday.")  # a dateline's long dash
@example("The dollar fell to a record low of\n144.70 yen in Tokyo today.")
@example("Sales rose in\nFebruary 3, 2020\nSales rose.")  # a date line below a headline
@example("Rates rise in London\n(Reuters) - Rates rose on Monday.")
def test_the_quick_no_header_test_agrees_with_the_full_reading(text: str) -> None:
    from unittest import mock

    from newsnorm.header import generic as header
    from newsnorm.header.top import Top

    # The quick path reads no page date: text that opens with the story has no page top.
    with (
        mock.patch.object(header, "opens_with_body", return_value=False),
        mock.patch.object(header, "date_near_top", return_value=None),
    ):
        full = header.read_generic_header(text)
    if header.opens_with_body(Top(text)):
        assert header.read_generic_header(text) == full


_LAYOUT_PIECES = [
    *_OPENING_PIECES,
    "-DOCSTART-\n",
    "LONDON 1996-08-30",
    "PERTH , Australia 1996-08-30\n",
    "By . Ann Lee . ",
    "PUBLISHED: . 14:11 EST, 25 October 2013 . ",
    "last updated at 8:31 AM on 4th March 2011 ",
    "ADVERTISEMENT",
    "1 of 2. ",
    "Credit: NASA",
    "Share Pin It More Galleries",
    "Ann Lee | Staff Writer | Tuesday, 25 November 2014",
    "(Editor's note: rain.)",
    "(Correction: the date.)",
    "12 of 40. ",
    "(ICCO) said ",
    "144.70 yen ",
    "Story highlights ",
    "A crowd gathers in the square. ",
    "View full size image",
    "\n",
    "\n\n",
]


@given(st.lists(st.sampled_from(_LAYOUT_PIECES), max_size=16).map("".join))
@example("A crowd gathers.\nA man waves.\nOSLO (Reuters) - Crowds gathered.")
@example("-DOCSTART-\n\nGOLF - LEE LEADS .\nAnn Lee\nPERTH , Australia 1996-08-30\nLee led .")
def test_each_recognizer_reads_nothing_where_its_quick_test_says_no(text: str) -> None:
    # The quick tests are declared beside each reader (openings, `at_top`): where one says the
    # layout is not there, the full reading must find nothing either.
    from newsnorm.header.layouts import RECOGNIZERS
    from newsnorm.header.top import Top

    for recognizer in RECOGNIZERS:
        # What split_header asks (`quick`, made for each recognizer) is what `applies` says.
        assert recognizer.quick(text, Top(text)) == recognizer.applies(text), recognizer.name
        if not recognizer.applies(text):
            assert recognizer.read(text) is None, recognizer.name


@pytest.mark.parametrize(
    ("text", "opens_with_body"),
    [
        ("The dollar fell to a record low of\n144.70 yen in Tokyo today.", True),
        ("The cocoa group chose its delegate\n(ICCO), was chosen on Monday.", True),
        ("Sales in\nFebruary rose 3.7 pct from a year earlier.", True),
        ("Rates Rise\nLONDON (Reuters) - Rates rose.", False),
        ("Rates Rise\nMarch 3, 2020\nRates rose.", False),
        ("Rates Rise\nBy Ann Lee\nRates rose.", False),
    ],
)
def test_a_wrapped_paragraph_opens_with_the_story(text: str, opens_with_body: bool) -> None:
    # Wire copy wraps its paragraphs: a short first line above a line that begins with a
    # number or a bracket is the story, unless that line introduces one.
    from newsnorm.header import generic
    from newsnorm.header.top import Top

    assert generic.opens_with_body(Top(text)) is opens_with_body
    if opens_with_body:
        assert split_header(text) == (generic.NO_FIELDS, text)


@pytest.mark.parametrize(
    ("text", "applies"),
    [
        ("The dollar fell to a record low of\n144.70 yen in Tokyo today.", False),
        ("The MidAmerica Exchange\n(MIDAM) moved to a new floor.", False),
        ("Storm\n1 of 3. A crowd gathers in the square.\nOSLO - Rain.", True),
        ("(Editor's note: this story was corrected.)\nRain fell.", True),
        ("(Correction: the storm was on Monday.)\nRain fell.", True),
    ],
)
def test_page_furniture_is_looked_for_where_the_top_shows_its_forms(
    text: str, applies: bool
) -> None:
    from newsnorm.header import furniture

    assert furniture.RECOGNIZER.applies(text) is applies


def test_conll_header_is_looked_for_only_where_an_iso_date_is_near_the_top() -> None:
    from newsnorm.header import conll

    assert conll.RECOGNIZER.applies("SOCCER - LEE SCORES .\nPERTH 1996-08-30\nLee scored .")
    assert not conll.RECOGNIZER.applies("SOCCER - LEE SCORES .\nPERTH 1996\nLee scored .")
    # An ISO date past the top is not the dateline's.
    far = "Short line .\n" + "\n" * 5000 + "PERTH 1996-08-30\nLee scored ."
    assert not conll.RECOGNIZER.applies(far)
    assert conll.RECOGNIZER.read(far) is None


def test_widget_phrases_glued_to_a_line_keep_their_order() -> None:
    from newsnorm.header.furniture import read_page_furniture

    read = read_page_furniture(
        "Credit: NASA View full size image Related article »\n\nIt rained all day in Oslo."
    )
    assert read is not None
    assert read[0].furniture[:2] == ("View full size image", "Related article »")
    assert read[1] == "It rained all day in Oslo."


@pytest.mark.parametrize("corpus", ["xsum", "cnn_dailymail", "web", "auto"])
def test_corpora_scraped_from_pages_read_their_furniture(corpus: Corpus) -> None:
    # XSum (BBC) and CNN/DailyMail are scraped pages: naming the corpus must read no less of
    # the page than letting newsnorm find the layout.
    article = normalize(
        "Media playback is unsupported on your device\n"
        "9 March 2016 Last updated at 08:15 GMT\n"
        "Roofs were torn off in the gale.",
        corpus=corpus,
    )
    assert article.text == "Roofs were torn off in the gale."
    assert article.date == dt.date(2016, 3, 9)


def _top_lines(text: str) -> tuple[list[str], bool]:
    # What `Top` gives, read plainly: the non-blank lines that start within its reach, and
    # whether a blank line follows the first.
    from newsnorm.header.top import TOP_CHARACTERS

    lines: list[str] = []
    gap = False
    start = 0
    for raw in text.split("\n"):
        if start >= min(len(text), TOP_CHARACTERS):
            break
        if raw.strip():
            lines.append(raw.strip())
        elif len(lines) == 1:
            gap = True
        start += len(raw) + 1
    return lines, gap


@given(
    st.lists(st.sampled_from(["", " ", "\n", "\n\n", "Rain", " fell.", "a" * 1500]), max_size=12)
)
@example(["\n" * 4000, "Rain"])
def test_top_gives_the_first_lines_as_read_plainly(pieces: list[str]) -> None:
    from newsnorm.header.top import Top

    text = "".join(pieces)
    lines, gap = _top_lines(text)
    top = Top(text)
    assert [top.line(index) for index in range(5)] == (lines + [""] * 5)[:5]
    assert (top.first, top.second) == (top.line(0), top.line(1))
    if lines[1:]:
        assert Top(text).gap_after_first is gap


def test_naming_multinews_leaves_untokenized_documents_as_written() -> None:
    # Multi-News copies differ: the raw one is untokenized, so naming the corpus must not read
    # a writer's spacing as a tokenizer's.
    text = "Rain fell on Oslo. (Photo: Ann Lee / AP) NEWLINE_CHAR NEWLINE_CHAR It stopped, then."
    assert normalize(text, corpus="multinews").text == normalize(text).text
    assert "Ann Lee / AP" in normalize(text, corpus="multinews").text
    tokenized = "Rain fell on Oslo , officials said . NEWLINE_CHAR NEWLINE_CHAR It stopped ."
    assert normalize(tokenized, corpus="multinews").text == (
        "Rain fell on Oslo, officials said.\nIt stopped."
    )
