"""Shared hypothesis strategies: clean prose, its tokenized renderings, and articles."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from newsnorm import Article, Dateline
from newsnorm.dateline import SECTIONS

_LOWER = "abcdefghijklmnopqrstuvwxyz"
_UPPER = _LOWER.upper()

lower_words = st.text(_LOWER, min_size=1, max_size=9)
capitalized_words = st.builds(
    lambda first, rest: first + rest, st.sampled_from(_UPPER), st.text(_LOWER, max_size=8)
)
numbers = st.one_of(
    st.integers(0, 99_999).map(str),
    st.integers(1, 999).map(lambda n: f"{n:,}000"),
    st.builds(lambda a, b: f"{a}.{b}", st.integers(0, 99), st.integers(0, 99)),
)
contractions = st.sampled_from(
    ["don’t", "isn’t", "it’s", "we’re", "they’ve", "I’ll", "she’d", "I’m", "can’t", "won’t"]
)
possessives = st.builds(lambda w: w + "’s", capitalized_words)


@st.composite
def words(draw: st.DrawFn) -> str:
    """A single word-like token as it appears in clean news prose."""
    return draw(st.one_of(lower_words, capitalized_words, numbers, contractions, possessives))


@st.composite
def clean_sentences(draw: st.DrawFn) -> str:
    """A clean English-like sentence: words, commas, a bracketed aside, a quotation."""
    tokens = [draw(capitalized_words)]
    tokens += draw(st.lists(words(), min_size=1, max_size=12))
    if draw(st.booleans()):
        position = draw(st.integers(1, len(tokens)))
        tokens[position - 1] += ","
    if draw(st.booleans()):
        aside = draw(st.lists(lower_words, min_size=1, max_size=4))
        tokens.append("(" + " ".join(aside) + ")")
    sentence = " ".join(tokens) + draw(st.sampled_from([".", "?", "!"]))
    if draw(st.booleans()):
        quoted = draw(st.lists(lower_words, min_size=1, max_size=5))
        sentence += " “" + " ".join(quoted).capitalize() + ",” " + draw(lower_words) + " said."
    return sentence


@st.composite
def clean_paragraphs(draw: st.DrawFn) -> str:
    """One paragraph of clean sentences."""
    return " ".join(draw(st.lists(clean_sentences(), min_size=1, max_size=4)))


@st.composite
def clean_documents(draw: st.DrawFn) -> str:
    """Clean paragraphs, one per line."""
    return "\n".join(draw(st.lists(clean_paragraphs(), min_size=1, max_size=4)))


def moses_render(text: str) -> str:
    """A test-only renderer of the Moses/corpus style: punctuation, quotes, apostrophes split off.

    It handles what `clean_sentences` produces, nothing more.
    """
    out: list[str] = []
    for token in text.split(" "):
        prefix: list[str] = []
        suffix: list[str] = []
        while token and token[0] in "(“":
            prefix.append(token[0])
            token = token[1:]
        while token and token[-1] in ".,?!)”":
            suffix.insert(0, token[-1])
            token = token[:-1]
        out.extend([*prefix, token.replace("’", " ’ "), *suffix])
    return " ".join(" ".join(out).split())


dates = st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2199, 12, 31))
single_lines = st.text(
    st.characters(blacklist_categories=("Cs", "Zl", "Zp", "Cc")), min_size=1, max_size=40
).filter(lambda s: s.strip() == s and bool(s))
header_keys = st.text(_LOWER + _UPPER + "-", min_size=1, max_size=12).filter(lambda k: k[0] != "-")


@st.composite
def datelines(draw: st.DrawFn) -> Dateline:
    """Any valid dateline."""
    location = draw(st.none() | single_lines)
    agency = draw(st.none() | single_lines)
    date_text = draw(st.none() | single_lines)
    if location is None and agency is None and date_text is None:
        location = draw(single_lines)
    return Dateline(location, agency, date_text)


articles = st.builds(
    Article,
    text=st.text(),
    date=st.none() | dates,
    title=st.none() | single_lines,
    byline=st.none() | single_lines,
    dateline=st.none() | datelines(),
    headers=st.dictionaries(header_keys, st.text(), max_size=4),
)


# --- documents with a header above the story, for the nothing-lost properties ---
_MONTHS = ("January", "March", "May", "September", "Dec.", "Feb")
_WEEKDAYS = ("Monday", "Tuesday", "Sunday")


@st.composite
def date_texts(draw: st.DrawFn) -> str:
    """A date as news pages print it: ISO, `Tuesday, September 1, 2015`, `4 March 2011`."""
    day = draw(dates)
    form = draw(st.integers(0, 3))
    month = draw(st.sampled_from(_MONTHS))
    if form == 0:
        return day.isoformat()
    if form == 1:
        return f"{draw(st.sampled_from(_WEEKDAYS))}, {month} {day.day}, {day.year}"
    if form == 2:
        return f"{day.day} {month} {day.year}"
    return f"{month} {day.day}, {day.year} {draw(st.integers(0, 23))}:{draw(st.integers(10, 59))}"


@st.composite
def header_lines(draw: st.DrawFn) -> list[str]:
    """The lines above a story: a headline, `Key: value` lines, a byline, a date line."""
    title = " ".join(draw(st.lists(capitalized_words, min_size=1, max_size=6)))
    name = f"{draw(capitalized_words)} {draw(capitalized_words)}"
    choices = [
        title,
        f"Title: {title}",
        f"headline: {title}",
        f"By {name}",
        f"BY {name.upper()}",
        f"Published: {draw(date_texts())}",
        f"Updated: {draw(date_texts())}",
        f"Updated {draw(date_texts())}.",
        draw(date_texts()),
        f"date {draw(date_texts())}",
        f"{draw(header_keys)}: {draw(lower_words)}",
    ]
    picked = draw(st.lists(st.sampled_from(choices), max_size=4))
    return picked


@st.composite
def datelines_as_written(draw: st.DrawFn) -> str:
    """A dateline opening a story: `LONDON (Reuters) -`, `PARIS, March 2 -`, `(AP) --`."""
    place = draw(capitalized_words).upper()
    agency = draw(st.sampled_from(["Reuters", "AP", "AFP", "CNN"]))
    form = draw(st.integers(0, 6))
    if form == 0:
        return f"{place} ({agency}) -"
    if form == 1:
        return f"{place}, {draw(st.sampled_from(_MONTHS))} {draw(st.integers(1, 28))} -"
    if form == 2:
        return f"({agency}) --"
    if form == 3:
        return f"{place} —"
    if form == 4:  # a press release's wire after its place and date
        wire = draw(st.sampled_from(["/PRNewswire/", "/CNW/", "(GLOBE NEWSWIRE)"]))
        day = f"{draw(st.sampled_from(_MONTHS))} {draw(st.integers(1, 28))}"
        return f"{place}, {day}, 2019 {wire} --"
    if form == 5:
        return f"{place}--(BUSINESS WIRE)--"
    return f"{place} -- {draw(st.sampled_from(_MONTHS))} {draw(st.integers(1, 28))}, 2004 --"


@st.composite
def headed_documents(draw: st.DrawFn) -> str:
    """A whole raw document: header lines, maybe a dateline, a story (maybe tokenized)."""
    lines = draw(header_lines())
    body = draw(clean_paragraphs())
    if draw(st.booleans()):
        body = moses_render(body)
    if draw(st.booleans()):
        body = f"{draw(datelines_as_written())} {body}"
    more = draw(st.lists(clean_paragraphs(), max_size=2))
    separator = draw(st.sampled_from(["\n", "\n\n"]))
    return separator.join([*lines, body, *more]) + draw(st.sampled_from(["", "\n"]))


# --- spacing: token soup and tokenizer renderings ---

import regex  # noqa: E402 - appended section, imports its own module

# Tokens for adversarial soups: words, punctuation, straight and curly quotes and apostrophes,
# split clitics, PTB escapes and quotes, WikiText joiners, entities, slashes, Multi-News markers.
_SOUP_GROUPS = (
    ("the", "He", "don", "do", "n't", "'t", "’t", "is", "was", "'s", "’s", "s", "t", "re", "'re",
     "ll", "em", "tis", "can", "not", "gon", "na", "O", "Neill", "5", "1", "200", "COVID", "19"),
    (",", ".", ";", ":", "!", "?", "...", "(", ")", "[", "]", "-", "--", "–", "—", "/", "%", "$",
     "&", "@", "#", "_", "=", "+", "*", "8:30", "A&M", ". . .", "http://x.org"),
    ('"', "'", "“", "”", "‘", "’", "''", "``", "«", "»", "„", "′", ",", "."),
    ("-LRB-", "-RRB-", "-lrb-", "-LSB-", "-RSB-", "-LCB-", "-RCB-", "@-@", "@,@", "@.@",
     "&quot;", "&amp;", "&apos;", "&#39;", "#39;", "&lt;", "&#124;", "NEWLINE_CHAR", "/", "'"),
)  # fmt: skip
_SOUP_GAPS = (" ", " ", " ", " ", "", "\n", "  ", "\n\n")


@st.composite
def token_soup(draw: st.DrawFn, max_tokens: int = 14) -> str:
    """Adversarial text: tokenizer marks, quotes and words in any order, spaced or glued.

    Each soup draws from a few tokens of one or two groups only, so that they meet often.
    """
    groups = draw(st.lists(st.sampled_from(_SOUP_GROUPS), min_size=1, max_size=2))
    pool = sorted({token for group in groups for token in group})
    vocabulary = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=5, unique=True))
    marks = st.sampled_from(vocabulary)
    word = st.sampled_from(("the", "He", "5", "is")) | lower_words
    tokens = draw(st.lists(st.one_of(marks, marks, marks, word), max_size=max_tokens))
    pieces: list[str] = []
    for token in tokens:
        pieces += [token, draw(st.sampled_from(_SOUP_GAPS))]
    return "".join(pieces)


hyphenated_words = st.builds(lambda a, b: f"{a}-{b}", lower_words, lower_words)


@st.composite
def rich_sentences(draw: st.DrawFn) -> str:
    """A clean sentence with hyphens, straight or curly quotes and a bracket: food for renderers."""
    sentence = draw(clean_sentences())
    if draw(st.booleans()):
        sentence = sentence[:-1] + " " + draw(hyphenated_words) + sentence[-1]
    if draw(st.booleans()):
        sentence = sentence.replace("“", '"').replace("”", '"').replace("’", "'")
    return sentence


_CLITIC = regex.compile(r"(?i)(?:n['’]t|['’](?:s|re|ve|ll|d|m))$")
_CLOSING = ".,;:?!)]}”\"'"
_OPENING = "([{“\"'"


def _split_token(token: str) -> tuple[list[str], str, list[str]]:
    prefix: list[str] = []
    suffix: list[str] = []
    while token[:1] and token[0] in _OPENING and len(token) > 1:
        prefix.append(token[0])
        token = token[1:]
    while token[-1:] and token[-1] in _CLOSING and len(token) > 1:
        suffix.insert(0, token[-1])
        token = token[:-1]
    return prefix, token, suffix


def _ptb_words(text: str, *, ud: bool) -> str:
    out: list[str] = []
    for token in text.split(" "):
        prefix, word, suffix = _split_token(token)
        clitic = _CLITIC.search(word)
        core = [word]
        if clitic and clitic.start() > 0:
            core = [word[: clitic.start()], clitic.group()]
        if ud:
            core = [" - ".join(part.split("-")) for part in core]
        out += [*prefix, *core, *suffix]
    rendered = " ".join(" ".join(out).split())
    if ud:
        return rendered.replace("“", '"').replace("”", '"')
    quotes = {"“": "``", "”": "''", '"': "``", "(": "-LRB-", ")": "-RRB-"}
    tokens = rendered.split(" ")
    opened = False
    for index, token in enumerate(tokens):
        if token == '"':
            tokens[index] = "''" if opened else "``"
            opened = not opened
        else:
            tokens[index] = quotes.get(token, token)
    return " ".join(tokens)


def ptb_render(text: str) -> str:
    """A test-only Penn Treebank renderer: ``do n't``, ```` `` ```` and ``''``, ``-LRB-``."""
    return _ptb_words(text, ud=False)


def ud_render(text: str) -> str:
    """A test-only Universal Dependencies renderer: PTB clitics, straight quotes, split hyphens."""
    return _ptb_words(text, ud=True)


def wikitext_render(text: str) -> str:
    """A test-only WikiText renderer: Moses spacing with ``@-@``, ``@,@`` and ``@.@`` joiners."""
    rendered = moses_render(text.replace("-", " @-@ "))
    rendered = regex.sub(r"(?<=\d)([,.])(?=\d)", r" @\1@ ", rendered)
    return " ".join(rendered.split())


tokenizer_renderings = st.one_of(
    rich_sentences().map(moses_render),
    rich_sentences().map(ptb_render),
    rich_sentences().map(ud_render),
    rich_sentences().map(wikitext_render),
)


_FRENCH_WORDS = ("été", "très", "où", "là", "déjà", "ça", "l’homme", "qu’il", "c’est", "d’abord")


@st.composite
def french_sentences(draw: st.DrawFn) -> str:
    """Clean French prose: a space before ; : ! ? and inside « » guillemets.

    Each sentence shows it is French (guillemets, or a word such as ``déjà`` or ``qu’il``): with
    nothing but the spacing, ``Vous venez ?`` reads as tokenized English just as well.
    """
    parts = [draw(capitalized_words), *draw(st.lists(lower_words, min_size=1, max_size=6))]
    parts.insert(draw(st.integers(1, len(parts))), draw(st.sampled_from(_FRENCH_WORDS)))
    sentence = " ".join(parts)
    for _ in range(draw(st.integers(1, 3))):
        choice = draw(st.sampled_from(["mark", "quote", "comma"]))
        more = " ".join(draw(st.lists(lower_words, min_size=1, max_size=4)))
        if choice == "mark":
            sentence += " " + draw(st.sampled_from(";:!?")) + " " + more
        elif choice == "quote":
            sentence += " « " + more.capitalize() + " »"
        else:
            sentence += ", " + more
    return sentence + draw(st.sampled_from([".", " !", " ?"]))


# --- metadata: case-folding letters and date-shaped text ---
# Letters that Unicode case folding maps onto ASCII ones (ſ -> s, K -> k, İ -> i, ß -> ss,
# ﬆ -> st ...), with their neighbours in the code table and the ASCII letters they fold to.
_FOLDING = "ſKßẞİıﬀﬁﬂﬃﬄﬅﬆ"
FOLDING_LETTERS = "".join(
    sorted({chr(ord(c) + step) for c in _FOLDING for step in (-1, 0, 1)} | set("sSkKiIfF"))
)
_FOLDS = {"s": "ſ", "k": "K", "i": "İı", "ss": "ßẞ", "st": "ﬅﬆ", "fi": "ﬁ", "ff": "ﬀ", "fl": "ﬂ"}
_MONTH_WORDS = ("January", "Feb", "March", "Sept", "September", "Oct", "Dec", "May", "Aug")
_WEEKDAY_WORDS = ("Monday", "Tue", "Tuesday", "Wednesday", "Thurs", "Sat", "Sunday")
_WORD_LIKE_ZONES = ("EST", "GMT", "UTC", "ET", "BST", "The", "It", "et", "Stocks", "AM")
_DATE_SEPARATORS = ("", " ", " ", ", ", ",", "\n", "\n\n", "\t", "\xa0", "\r\n", "\u2028", " - ")


@st.composite
def case_folded_words(draw: st.DrawFn, words: tuple[str, ...] = _MONTH_WORDS) -> str:
    """A month or weekday name in a random case, some letters swapped for case-folding ones."""
    word = draw(st.sampled_from(words))
    out = []
    at = 0
    while at < len(word):
        pair, letter = word[at : at + 2].lower(), word[at].lower()
        choice = draw(st.integers(0, 4))
        if choice == 0 and pair in _FOLDS:
            out.append(draw(st.sampled_from(_FOLDS[pair])))
            at += 2
            continue
        if choice == 1 and letter in _FOLDS:
            out.append(draw(st.sampled_from(_FOLDS[letter])))
        elif choice == 2:
            out.append(word[at].swapcase())
        else:
            out.append(word[at])
        at += 1
    return "".join(out)


_date_tokens = st.one_of(
    case_folded_words(),
    case_folded_words(_WEEKDAY_WORDS),
    st.integers(0, 39).map(str),
    st.integers(1590, 2120).map(str),
    st.sampled_from(("st", "nd", "rd", "th", "ſt", "ﬆ", "ﬅ", "TH", "nᴅ")),
    st.builds("{}:{:02}".format, st.integers(0, 25), st.integers(0, 61)),
    st.sampled_from(("3 p.m.", "10am", "15:01:01", "T", "at", "Z", "+01:00")),
    st.sampled_from(_WORD_LIKE_ZONES),
    st.sampled_from((",", ".", "-", "/", ":", "(", ")")),
    st.text(FOLDING_LETTERS, min_size=1, max_size=3),
)


_DATE_ORDERS = (
    ("weekday", "month", "day", "year", "time", "zone", "story"),
    ("weekday", "day", "month", "year", "time", "zone", "story"),
    ("time", "zone", "weekday", "month", "day", "year", "story"),
    ("weekday", "iso", "time", "zone", "story"),
)


@st.composite
def _date_arrangements(draw: st.DrawFn) -> list[str]:
    # The parts of a date in an order news sources use, some left out, some case-folded.
    day = draw(dates)
    parts = {
        "weekday": draw(case_folded_words(_WEEKDAY_WORDS)),
        "month": draw(case_folded_words()),
        "day": str(day.day) + draw(st.sampled_from(("", "", "st", "th", "ſt", "ﬆ", "TH"))),
        "year": str(day.year),
        "iso": draw(st.sampled_from((day.isoformat(), f"{day.year}-{day.month}-{day.day}"))),
        "time": draw(st.sampled_from(("10:00", "3 p.m.", "15:01:01", "3:01 PM", "1"))),
        "zone": draw(st.sampled_from(_WORD_LIKE_ZONES)),
        "story": draw(st.sampled_from(("The mayor spoke.", "LONDON (Reuters) - Up.", ""))),
    }
    order = draw(st.sampled_from(_DATE_ORDERS))
    return [parts[name] for name in order if draw(st.integers(0, 3))]  # most parts kept


@st.composite
def date_shaped_texts(draw: st.DrawFn) -> str:
    """Text in the shape of a date, often broken across lines: `ſep4th\\n1987 10:00 The`."""
    if draw(st.booleans()):
        tokens = draw(_date_arrangements()) or ["1987"]
    else:
        tokens = draw(st.lists(_date_tokens, min_size=1, max_size=9))
    out = [tokens[0]]
    for token in tokens[1:]:
        out.append(draw(st.sampled_from(_DATE_SEPARATORS)))
        out.append(token)
    return "".join(out)


@st.composite
def metadata_lines(draw: st.DrawFn) -> str:
    """One line of a document's top: a headline, a keyed line, a byline, a date, a dateline."""
    title = " ".join(draw(st.lists(capitalized_words, min_size=1, max_size=5)))
    name = f"{draw(capitalized_words)} {draw(capitalized_words)}"
    place = draw(capitalized_words).upper()
    day = draw(dates)
    spelled = f"{draw(case_folded_words(_WEEKDAY_WORDS))}, {day:%B} {day.day}, {day.year}"
    month_day = f"{draw(st.sampled_from(_MONTH_WORDS))} {day.day}"
    key = draw(
        st.sampled_from(("Title", "headline", "Hed", "By", "Author", "Date", "Published"))
        | header_keys
    )
    time = f"{draw(st.integers(0, 23))}:{draw(st.integers(10, 59))}"
    zone = draw(st.sampled_from(("", " EST", " GMT", " The", " ET")))
    return draw(
        st.sampled_from(
            [
                title,
                title.upper(),
                f"{key}: {draw(lower_words)} {title}",
                f"{key}: {spelled}",
                f"By {name}",
                f"BY {name.upper()}",
                f"Published on {day:%B} {day.day}, {day.year}",
                day.isoformat(),
                spelled,
                f"{spelled} {time}{zone}",
                f" date {day.isoformat()}",
                f"title {title} date {day.isoformat()}",
                f"{place} ({draw(st.sampled_from(['Reuters', 'AP', 'AFP']))}) -",
                f"{place}, {month_day} -",
                f"{place}, {month_day} (AP) —",
                "(CNN) --",
                f"{place} _",
                "&UR; A note &LR;",
                f"COPYRIGHT {day.year} BY {place} INC.",
                draw(date_shaped_texts()),
                draw(st.text(max_size=20)),
            ]
        )
    )


@st.composite
def metadata_documents(draw: st.DrawFn) -> str:
    """A document whose top mixes headers, date lines and datelines, then a story."""
    lines = draw(st.lists(metadata_lines(), max_size=5))
    story = draw(clean_paragraphs())
    if lines and draw(st.booleans()):
        lines[-1] = f"{lines[-1]} {story}"  # a dateline or date glued to the story
    else:
        lines.append(story)
    separator = draw(st.sampled_from(["\n", "\n\n"]))
    return separator.join(lines)


# --- layouts: highlights, XSum, WikiText ---
# Each strategy draws the fields first and builds the document from them, so that a test can
# check that the recognizer reads back exactly what was drawn.


@st.composite
def highlight_stories(draw: st.DrawFn) -> tuple[str, list[str], list[str]]:
    """A CNN/DailyMail ``.story`` file: (raw, paragraphs, highlights).

    Paragraphs separated by blank lines, then ``@highlight`` blocks with a blank line (or none)
    between marker and sentence; a highlight may be broken over two lines.
    """
    paragraphs = draw(st.lists(clean_paragraphs(), min_size=1, max_size=3))
    highlights = draw(st.lists(clean_sentences().map(lambda s: s.rstrip(".?!")), max_size=4))
    gap = draw(st.sampled_from(["\n\n", "\n"]))
    blocks = []
    for highlight in highlights:
        words = highlight.split(" ")
        if len(words) > 3 and draw(st.booleans()):
            middle = len(words) // 2
            highlight = " ".join(words[:middle]) + "\n" + " ".join(words[middle:])
        blocks.append(f"@highlight{gap}{highlight}")
    # A story whose summary is lost still ends with its marker: the marker alone goes.
    return "\n\n".join([*paragraphs, *(blocks or ["@highlight"])]), paragraphs, highlights


xsum_urls = st.builds(
    lambda host, number: f"http://www.{host}.example/news/{number}",
    lower_words,
    st.integers(1, 99_999_999),
)


@st.composite
def xsum_files(draw: st.DrawFn) -> tuple[str, str, str, str, list[str]]:
    """An XSum file in ``[SN]`` sections: (raw, url, title, first sentence, rest of the body)."""
    url = draw(xsum_urls)
    title = " ".join(draw(st.lists(capitalized_words, min_size=1, max_size=8)))
    first = draw(clean_sentences())
    rest = draw(st.lists(clean_sentences(), min_size=1, max_size=4))
    on_the_line = draw(st.booleans())  # `[SN]TITLE[SN] Rain` as well as the marker on its own line
    after = " " if on_the_line else "\n"
    sections = [
        f"[SN]URL[SN]{after}{url}",
        f"[SN]TITLE[SN]{after}{title}",
        f"[SN]FIRST-SENTENCE[SN]{after}{first}",
        "[SN]RESTBODY[SN]\n" + "\n".join(rest),
    ]
    return "\n\n".join(sections), url, title, first, rest


wikitext_titles = st.lists(capitalized_words, min_size=1, max_size=5).map(" ".join)


@st.composite
def wikitext_articles(draw: st.DrawFn) -> tuple[str, str, list[str]]:
    """A WikiText article: (raw, title, expected body lines).

    `` = Title = `` first, then paragraphs (clean prose, rendered as WikiText tokenizes it or not)
    and `` = = Section = = `` headings of levels 2 to 4, spaced or closed up (``=== Sub ===``).
    The expected body holds each heading's text alone on its line and the clean paragraphs.
    """
    title = draw(wikitext_titles)
    render = draw(st.sampled_from([wikitext_render, lambda text: text]))
    raw = [f" = {title} = ", " "]
    expected: list[str] = []
    for _ in range(draw(st.integers(1, 4))):
        if expected and draw(st.booleans()):
            heading = draw(wikitext_titles)
            level = draw(st.integers(2, 4))
            spaced = draw(st.booleans())
            marks = " ".join("=" * level) if spaced else "=" * level
            raw += [f" {marks} {heading} {marks} ", " "]
            expected.append(heading)
        paragraph = draw(clean_paragraphs())
        raw += [f" {render(paragraph)} ", " "]
        expected.append(paragraph)
    return "\n".join(raw), title, expected


# Openings of the three layouts sprinkled into other text: nothing may crash or get lost.
LAYOUT_OPENING_PIECES = [
    *" \n\n\n,.:-()[]@=aAbZ19",
    "@highlight",
    "\n@highlight\n",
    "@highlights",
    "E-mail to a friend",
    "mail@example.com ",
    "[SN]",
    "[SN]URL[SN]",
    "[SN]TITLE[SN]",
    "[SN]FIRST-SENTENCE[SN]",
    "[SN]RESTBODY[SN]",
    "[XSUM]INTRODUCTION[XSUM]",
    "[SN]OTHER[SN]",
    " = ",
    " = = ",
    "===",
    "==",
    "\n = Rain = \n",
    "\n = = Notes = = \n",
    "x = y = z",
    "Rain fell on Monday. ",
    "said the mayor",
]

layout_opening_soups = st.lists(st.sampled_from(LAYOUT_OPENING_PIECES), max_size=30).map("".join)


# --- layouts: DailyMail, CoNLL, page furniture ---

_LAYOUT_LOWER = "abcdefghiklmnoprstuvw"
_layout_words = st.text(_LAYOUT_LOWER, min_size=3, max_size=8).filter(
    lambda word: word not in {"and", "the", "for", "not", "was", "are", "has", "had", "but", "can"}
)
# A name never opens with a word that opens sentences (The, This, Then…): such a "name" is a
# story's first words, and the readers rightly leave it in the body.
_SENTENCE_OPENERS = frozenset(
    {"The", "This", "That", "These", "Those", "Then", "There", "Now", "It", "In", "On", "At",
     "A", "An", "If", "When", "After", "Before"}
)  # fmt: skip
_layout_names = (
    st.lists(
        st.text(_LAYOUT_LOWER, min_size=3, max_size=7).map(str.capitalize), min_size=2, max_size=3
    )
    .filter(lambda words: words[0] not in _SENTENCE_OPENERS)
    .map(" ".join)
)
_layout_headlines = st.lists(
    st.text(_LAYOUT_LOWER, min_size=3, max_size=8).map(str.capitalize), min_size=3, max_size=6
).map(" ".join)
_layout_dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def layout_sentences(draw: st.DrawFn) -> str:
    """A plain sentence in mixed case, ended by a full stop: no header, dateline or furniture."""
    words = draw(st.lists(_layout_words, min_size=4, max_size=10))
    return " ".join(["The", *words]) + "."


@st.composite
def layout_bodies(draw: st.DrawFn) -> str:
    """Paragraphs of plain sentences, one per line."""
    paragraphs = draw(
        st.lists(st.lists(layout_sentences(), min_size=1, max_size=3), min_size=1, max_size=3)
    )
    return "\n".join(" ".join(paragraph) for paragraph in paragraphs)


@st.composite
def dailymail_documents(draw: st.DrawFn) -> tuple[str, dict[str, object], str]:
    """A DailyMail header in the corpus's " . " form (or a .story file's lines, its parts run
    together as copies without the stops print them, or the page's lines scraped to text), then
    a story; a header with a stamp may stand below its headline.

    Returns the document, the fields it must give (title, byline, date) and the body.
    """
    names = draw(st.lists(_layout_names, min_size=0, max_size=2))
    published = draw(st.one_of(st.none(), _layout_dates))
    updated = draw(st.one_of(st.none(), _layout_dates))
    if not (names or published or updated):
        names = [draw(_layout_names)]
    parts: list[str] = []
    if names:
        parts += ["By", names[0], *(f"and {name}" for name in names[1:])]
    if published:
        parts += ["PUBLISHED:", f"09:40 EST, {published.day} {published:%B} {published.year}"]
        if updated:
            parts.append("|")
    if updated:
        parts += ["UPDATED:", f"09:05 EST, {updated.day} {updated:%B} {updated.year}"]
    body = draw(layout_bodies())
    joint = draw(st.sampled_from((" . ", "\n\n", " ")))
    if joint == " " and not (published or updated):
        joint = " . "  # run together, only a stamp tells where the parts end
    raw = joint.join([*parts, body])
    by = "By"
    if joint == " . " and names and (published or updated) and draw(st.booleans()):
        raw = raw.replace("By . ", "By ", 1)  # no stop after By: a stamp follows the name
    elif joint == " . " and len(names) == 1 and (published or updated) and draw(st.booleans()):
        raw = raw.replace("By . ", "", 1)  # a staff credit with no By above its stamps
        by = ""
    elif joint == " . " and len(names) == 1 and not (published or updated) and draw(st.booleans()):
        names = [names[0].upper()]  # a name in capitals needs no stop after its By
        raw = joint.join(["By " + names[0], body])
    if (published or updated) and by and draw(st.booleans()):
        # The page scraped to text: no stops, the byline on a line, the stamps on the next.
        first_key = parts.index("PUBLISHED:" if published else "UPDATED:")
        stamps = " ".join(parts[first_key:])  # PUBLISHED: 09:40 EST, … | UPDATED: …
        raw = "\n".join([*([" ".join(parts[:first_key])] if names else []), stamps, body])
    byline = " ".join([by, *names[:1], *(f"and {name}" for name in names[1:])]).strip()
    title = None
    if (published or updated) and draw(st.booleans()):
        title = draw(_layout_headlines)
        raw = title + draw(st.sampled_from(("\n", "\n\n"))) + raw
    return raw, {"title": title, "byline": byline if names else None, "date": published}, body


@st.composite
def conll_documents(draw: st.DrawFn) -> tuple[str, dict[str, object], str]:
    """A CoNLL-2003 document: headline, perhaps a name, dateline with an ISO date, sentences.

    Some sentences are broken across two lines after a word that cannot end one, as the corpus
    breaks them; the body expected has them whole. Returns the document, the fields and the body.
    """
    title_words = draw(st.lists(_layout_words, min_size=2, max_size=6))
    region = draw(st.sampled_from(["Ore", "Kan", "Wis", "Ala"]))
    title = draw(
        st.sampled_from(
            [
                "SPORT - " + " ".join(title_words).upper() + ".",
                " ".join(title_words).capitalize() + ".",
                # broken at the region's stop, as the corpus broke it
                f"{region}.\n" + " ".join(title_words).lower() + ".",
            ]
        )
    )
    marker = draw(st.sampled_from([None, "-DOCSTART-", "-DOCSTART- -X- -X- O"]))
    name = draw(st.one_of(st.none(), _layout_names))
    place = draw(
        st.sampled_from(["LONDON", "NEW YORK", "OSLO", "PERTH, Australia", "AL-RAM, West Bank"])
    )
    date = draw(_layout_dates)
    sentences = draw(st.lists(layout_sentences(), min_size=1, max_size=4))
    lines: list[str] = []
    for sentence in sentences:
        words = sentence.split(" ")
        if len(words) > 3 and draw(st.booleans()):
            cut = draw(st.integers(1, len(words) - 2))
            lines += [" ".join([*words[:cut], "of"]), " ".join(words[cut:])]
        else:
            lines.append(sentence)
    if "\n" in title:
        name = None  # a broken headline, then the dateline
    header = [
        *([marker] if marker else []),
        *title.split("\n"),
        *([name] if name else []),
        f"{place} {date.isoformat()}",
    ]
    raw = "\n".join(header + lines)
    body = "\n".join(raw.split("\n")[len(header) :]).replace(" of\n", " of ")
    fields = {"title": title.replace("\n", " "), "byline": name, "date": date, "location": place}
    return raw, fields, body


@st.composite
def furniture_documents(draw: st.DrawFn) -> tuple[str, dict[str, object], str]:
    """Page furniture around a wire story: numbered captions, credits, widget lines.

    Returns the document, the fields it must give (furniture in reading order, date) and the
    body (the story without its dateline).
    """
    date = draw(_layout_dates)
    top: list[str] = []
    if draw(st.booleans()):  # a Reuters advisory, then perhaps the page's location label
        verb = draw(st.sampled_from(("Adds", "Updates", "Corrects", "Recasts")))
        top.append(f"({verb} {draw(layout_sentences()).rstrip('.')})")
    if draw(st.booleans()):
        top.append("OSLO |")
    if draw(st.booleans()):
        count = draw(st.integers(1, 20))
        caption = draw(layout_sentences())
        top.append(f"{draw(st.integers(1, count))} of {count}. {caption}")
    if draw(st.booleans()):
        top.append(f"Credit: {draw(_layout_names)}")
    if draw(st.booleans()):  # a photo's credit alone: "Ann Lee / AP", "By Ann Lee/WireImage."
        by, joint = draw(st.sampled_from(("", "By "))), draw(st.sampled_from(("/", " / ")))
        source = draw(st.sampled_from(("AP", "Getty Images", "WireImage", "Reuters")))
        credit = f"{draw(_layout_names)}{joint}{source}"
        ends = ("", ".", f" i {credit}") if by else ("", f" i {credit}")  # a stop after a By's
        top.append(f"{by}{credit}" + draw(st.sampled_from(ends)))
    if draw(st.booleans()):
        top.append("ADVERTISEMENT")
    bbc = draw(st.booleans())
    if bbc:
        top.append(f"{date.day} {date:%B} {date.year} Last updated at 10:20 GMT")
    story = draw(layout_bodies())
    inside = draw(st.booleans())
    paragraphs = story.split("\n")
    body_lines = list(paragraphs)
    raw_story = list(paragraphs)
    if inside and len(paragraphs) > 1:
        raw_story.insert(1, "View full size image")
    furniture = list(top)
    if inside and len(paragraphs) > 1:
        furniture.append("View full size image")
    # Reuters summary bullets (the highlights) stand above the dateline, below the furniture.
    # (Furniture is read among a page's first eight lines: the dateline stands within them.)
    bullets = draw(
        st.lists(layout_sentences().map(lambda s: s.rstrip(".")), max_size=min(6, 7 - len(top)))
    )
    raw = "\n\n".join(
        [*top, *(f"* {bullet}" for bullet in bullets), "OSLO (Reuters) - " + raw_story[0],
         *raw_story[1:]]
    )  # fmt: skip
    fields = {"furniture": furniture, "date": date if bbc else None, "highlights": bullets}
    return raw, fields, "\n".join(body_lines)


# --- datelines: named forms ---
# One strategy per dateline family; each draws (text, dateline, body, form): the text as a
# story opens with it, the `Dateline` and body `split_dateline` must return, and the name of
# the form in `newsnorm.dateline.DATELINE_FORMS` that must read it.
_DATELINE_AGENCIES = ("Reuters", "AP", "AFP", "CNN", "UPI")
_STATE_ABBREVIATIONS = ("Wis.", "Ill.", "N.Y.", "Calif.", "Mass.", "Ore.", "Ga.")
_dateline_place_words = (
    capitalized_words.map(str.upper)
    .filter(lambda word: len(word) >= 2)
    .filter(lambda word: word not in {"AP", "AFP", "UPI", "CNN", "DPA", "BBC", "EFE", "PTI"})
    .filter(lambda word: word not in SECTIONS)  # a wire section is no place
)
_dateline_places = st.lists(_dateline_place_words, min_size=1, max_size=3).map(" ".join)
_dateline_regions = (
    st.none()
    | st.sampled_from(_STATE_ABBREVIATIONS)
    | capitalized_words.filter(lambda word: len(word) >= 2)
)
_story_openings = st.sampled_from(
    ("The", "Officials", "Police", "Residents", "A", "Voters", "Gov.", "NASA", "Crews")
)


@st.composite
def _dateline_stories(draw: st.DrawFn) -> str:
    """A story's first sentence: a capitalized word, then words in lower case."""
    rest = draw(st.lists(lower_words, min_size=1, max_size=6))
    return " ".join([draw(_story_openings), *rest]) + "."


@st.composite
def _placed(draw: st.DrawFn) -> str:
    place, region = draw(_dateline_places), draw(_dateline_regions)
    return place if region is None else f"{place}, {region}"


@st.composite
def place_dash_datelines(draw: st.DrawFn) -> tuple[str, Dateline, str, str]:
    """``SPRING LAKE, Mich. -- Here``, ``DENVER — State``, ``BOSTON—The``: a place and a dash."""
    place, story = draw(_placed()), draw(_dateline_stories())
    dash = draw(st.sampled_from((" - ", " -- ", " — ", "—", " –  ", " --")))
    return f"{place}{dash}{story}", Dateline(place), story, "place_dash"


@st.composite
def place_agency_datelines(draw: st.DrawFn) -> tuple[str, Dateline, str, str]:
    """``NAIROBI, Kenya (AP) _``, ``LIMA/QUITO (Reuters) -``: a place, an agency, a dash."""
    place = draw(_placed())
    if draw(st.booleans()):
        place = f"{place}/{draw(_dateline_places)}"
    agency, story = draw(st.sampled_from(_DATELINE_AGENCIES)), draw(_dateline_stories())
    dash = draw(st.sampled_from(("-", "--", "—", "_")))
    return f"{place} ({agency}) {dash} {story}", Dateline(place, agency), story, "place_agency"


@st.composite
def agency_undashed_datelines(draw: st.DrawFn) -> tuple[str, Dateline, str, str]:
    """``(CNN)The``, ``(CNN) The``, ``Porto, Portugal (CNN)The``, ``Islamabad, Sep 9 (PTI)
    The``: no dash after the agency."""
    place = draw(
        st.none()
        | _placed()
        | st.sampled_from(("Porto, Portugal", "Lagos, Nigeria", "Dayton, OH", "Islamabad"))
    )
    story = draw(_dateline_stories())
    agency, space = draw(st.sampled_from(("CNN", "PTI", "IANS"))), draw(st.sampled_from(("", " ")))
    date_text = None
    if place is not None and draw(st.booleans()):
        day = draw(dates)
        date_text = f"{day:%b} {day.day}"
        place = f"{place}, {date_text}"
    opening = "" if place is None else f"{place} "
    location = None if place is None else place.removesuffix(f", {date_text}")
    return (
        f"{opening}({agency}){space}{story}",
        Dateline(location, agency, date_text),
        story,
        "agency_undashed",
    )


@st.composite
def agency_dash_datelines(draw: st.DrawFn) -> tuple[str, Dateline, str, str]:
    """``Reuters - Shares``, ``AP - Voters``, ``PC World - Chips``: a known agency or news feed
    alone before a dash."""
    sources = (*_DATELINE_AGENCIES, "PC World", "Canadian Press", "NewsFactor")
    agency, story = draw(st.sampled_from(sources)), draw(_dateline_stories())
    dash = draw(st.sampled_from(("-", "--", "—")))
    return f"{agency} {dash} {story}", Dateline(None, agency), story, "agency_dash"


@st.composite
def lower_agency_datelines(draw: st.DrawFn) -> tuple[str, Dateline, str, str]:
    """``(cnn) --``, ``washington (ap) _``: lower-cased corpora."""
    place = draw(st.none() | st.lists(lower_words, min_size=1, max_size=2).map(" ".join))
    agency = draw(st.sampled_from(("cnn", "ap", "reuters", "afp")))
    story = " ".join(draw(st.lists(lower_words, min_size=1, max_size=6))) + "."
    dash = draw(st.sampled_from(("-", "--", "_")))
    opening = "" if place is None else f"{place} "
    text = f"{opening}({agency}) {dash} {story}"
    return text, Dateline(place, agency), story, "lower_agency"


@st.composite
def place_iso_datelines(draw: st.DrawFn) -> tuple[str, Dateline, str, str]:
    """``LONDON 1996-08-30`` on its own line above the story (RCV1, CoNLL-2003)."""
    place = draw(_placed())
    day = draw(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)))
    story = draw(_dateline_stories())
    return (
        f"{place} {day.isoformat()}\n{story}",
        Dateline(place, None, day.isoformat()),
        story,
        ("place_iso_date"),
    )


@st.composite
def place_date_datelines(draw: st.DrawFn) -> tuple[str, Dateline, str, str]:
    """``VALLEY STREAM, N.Y., March 26 -``: a place, a month and day, a dash."""
    place = draw(_placed())
    day = draw(dates)
    date_text = f"{day:%B} {day.day}"
    story = draw(_dateline_stories())
    stop = draw(st.sampled_from(("", ".")))  # old wire copy: "ROME, Sept. 9. -"
    return (
        f"{place}, {date_text}{stop} - {story}",
        Dateline(place, None, date_text),
        story,
        ("place_date"),
    )


DATELINE_FAMILIES = {
    "place_dash": place_dash_datelines(),
    "place_agency": place_agency_datelines(),
    "agency_undashed": agency_undashed_datelines(),
    "agency_dash": agency_dash_datelines(),
    "lower_agency": lower_agency_datelines(),
    "place_iso_date": place_iso_datelines(),
    "place_date": place_date_datelines(),
}
"""The dateline families, by the name of the form that reads them."""


# --- the tops of texts: every layout family a reader of the top reads, and prose that opens ---
# --- with its story, for the quick path that passes such texts by (header.signs) ---
TOP_PIECES = (
    "Rates rose on Monday", " as traders bought bonds", ", dealers said.", " The yen fell",
    "RATES RISE", "Rates Rise In London", "By Ann Lee", "BY ANN LEE", "by ann lee",
    "Source: wire", "Frank Lee: An Interview", "The company said: ", "Posted on May 4, 2021",
    "Last updated at 8:31 AM on 4th March 2011", "PUBLISHED: . 14:11 EST, 25 October 2013 . ",
    "Daily Mail Reporter . PUBLISHED: . 14:11 EST, 25 October 2013 . ", "By ANN LEE FOR ",
    "PUBLISHED: 14:11 EST, 25 October 2013 | UPDATED: 15:06 EST, 25 October 2013",
    "DENVER, June 4, 2019 /PRNewswire/ -- ", "SAN JOSE, Calif.--(BUSINESS WIRE)--",
    "PARIS--Oct. 3, 2004--", "3 May 2016 Last updated at 10:02 BST ",
    "In this image provided by Ann Lee, ",
    "date 2020-02-17 ", "title Rain date 2020-02-17 ", "Tuesday, May 4, 2021", "March 3",
    "144.70 yen", "12 of 40. A crowd.", "2 November 2014 Last updated at 17:20 GMT",
    "LONDON (Reuters) - ", "BOSTON—", "DENVER -- ", "(CNN)", "(ap) _ ", "M-1 fell",
    "LONDON 1996-08-30", "-DOCSTART-", "-DOCSTART- -X- -X- O", "SOCCER - ", "Ore.\ngovernor ",
    "Investing\n\n", "By\n\n", "Share This Video", "Terms of Use Privacy Policy", "AP - ",
    "PC World - ",
    "Nora deVries | Contributing Writer | 5 days ago", "4419915",
    "Chips Rally Again (Reuters) Reuters - ", "Chips Rally Again LONDON (Reuters) - ",
    "Dec 27, 2014; Akron, OH, USA; A guard drives. Mandatory Credit: Ann Lee-Metro Sports",
    "Ann Lee / AP i Ann Lee / AP", "By Ann Lee/WireImage.", "Dayton, OH (AP) - ",
    "By Ann Lee 2.3K shares Share on Facebook",
    "Islamabad, Sep 9 (PTI) ",
    "@highlight", "[SN]TITLE[SN]", " = Rain = ",
    "ADVERTISEMENT", "Advertisement", "View full size image", "Credit: NASA",
    "Share Pin It More Galleries", "Ann Lee | Staff Writer | Tuesday, 25 November 2014",
    "(Editor's note: rain.)", "Story highlights", "* Shares fell", "Copyright 2020 AP",
    "&UR; Ann Lee &LR;", "A crowd gathers in the square. (AP Photo/Ann Lee)",
    " Related article »", "E-mail to a friend", "(Reuters) - ", "By Ann Lee and Raj Rao OSLO ",
    "(This version of the May 2 story corrects a name) ", "by nora quill published : ",
    "09:12 est , 14 march 2012 ", "Share this with\nEmail\nFacebook\nCopy this link\n", "\n", "\n",
    "\n\n", " ", "\t",
)  # fmt: skip
"""The pieces `top_pieces` strings together (tests also try each pair of them)."""


def top_pieces() -> st.SearchStrategy[str]:
    """Texts strung together from the pieces of every layout at the top of a text, and of prose.

    Examples of what it draws: ``Rates rose on Monday\\nBy Ann Lee``, ``RATES RISE(CNN)``.
    """
    return st.lists(st.sampled_from(TOP_PIECES), max_size=12).map("".join)


def _raw(drawn: tuple[str, ...]) -> str:
    return drawn[0]


TOP_FAMILIES: dict[str, st.SearchStrategy[str]] = {
    "clean documents": clean_documents(),
    "wrapped stories": layout_bodies(),
    "header blocks": headed_documents(),
    "metadata lines": metadata_documents(),
    "date-shaped texts": date_shaped_texts(),
    **{f"dateline {name}": family.map(_raw) for name, family in DATELINE_FAMILIES.items()},
    "cnn/dailymail stories": highlight_stories().map(_raw),
    "xsum files": xsum_files().map(_raw),
    "wikitext articles": wikitext_articles().map(_raw),
    "dailymail headers": dailymail_documents().map(_raw),
    "conll documents": conll_documents().map(_raw),
    "page furniture": furniture_documents().map(_raw),
    "pieces": top_pieces(),
}
"""Whole texts of each layout family a reader of the top of a text reads, and of stories with
none (paragraphs one per line, or wrapped), by family."""


# --- spacing and characters: real-corpus artefacts ---
_MASKED_NUMBERS = ("#", "##", "###", "#.#", "#.##", "#,###", "##,###", "#/##", "#:##")


@st.composite
def masked_number_sentences(draw: st.DrawFn) -> tuple[str, str]:
    """(Gigaword-style tokenized sentence, its repaired form): lower case, ``#`` for digits.

    The repaired form keeps every masked number, with its spaces, before whatever follows it.
    """
    tokens = draw(st.lists(lower_words, min_size=1, max_size=4))
    for _ in range(draw(st.integers(1, 3))):
        tokens.append(draw(st.sampled_from(_MASKED_NUMBERS)))
        tokens += draw(st.lists(lower_words, min_size=1, max_size=3))
    clean = " ".join(tokens)
    escaped = " ".join(token.replace("/", "\\/") for token in tokens)
    if draw(st.booleans()):
        word = draw(lower_words)
        escaped, clean = f"{escaped} , {word}", f"{clean}, {word}"
    return f"{escaped} .", f"{clean}."


@st.composite
def dumped_texts(draw: st.DrawFn) -> tuple[str, str]:
    """(An AG News-style dump of a clean paragraph, the paragraph): entities without their
    ampersand (contractions, possessives, dollars), escaped paragraph tags, escaped dollars and
    backslashes for lost line breaks between words."""
    pieces: list[tuple[str, str]] = []  # (clean, dumped) words
    for _ in range(draw(st.integers(2, 12))):
        word = draw(lower_words)
        kind = draw(st.sampled_from(["plain", "plain", "clitic", "dollar", "escaped dollar"]))
        if kind == "clitic":
            ending = draw(st.sampled_from(["s", "t", "ll", "re"]))
            pieces.append((f"{word}'{ending}", f"{word} #39;{ending}"))
        elif kind == "dollar":
            amount = draw(st.integers(1, 999))
            pieces.append((f"${amount}", f" #36;{amount}"))
        elif kind == "escaped dollar":
            amount = draw(st.integers(1, 999))
            pieces.append((f"${amount}", f"\\${amount}"))
        else:
            pieces.append((word, word))
    pieces.insert(0, ("The", "The"))
    clean = " ".join(piece for piece, _ in pieces) + "."
    dumped = "The"
    for (clean_word, dumped_word), (previous, _) in zip(pieces[1:], pieces, strict=False):
        joint = " "
        if clean_word == dumped_word and previous[-1:].isalpha() and draw(st.booleans()):
            joint = "\\"  # a line break lost between two words
        dumped += joint + dumped_word
    dumped += "."
    if draw(st.booleans()):
        dumped = f"&lt;p&gt;{dumped}&lt;/p&gt;"
    return dumped, clean


# --- provenance: every layout at once, and broken characters ---

_MOJIBAKE_WORDS = ("café", "naïve", "über", "señor", "It’s", "“quoted”", "déjà", "Zürich")


@st.composite
def mojibake_paragraphs(draw: st.DrawFn) -> str:
    """A paragraph whose accented words and curly quotes were decoded with the wrong codec, or
    written as HTML entities, in places (what ftfy repairs)."""
    words = draw(st.lists(st.one_of(lower_words, st.sampled_from(_MOJIBAKE_WORDS)), min_size=1,
                          max_size=12))  # fmt: skip
    out = []
    for word in words:
        kind = draw(st.sampled_from(["plain", "cp1252", "latin-1", "entity"]))
        if kind == "cp1252":
            word = word.encode("utf-8").decode("cp1252", errors="replace")
        elif kind == "latin-1":
            word = word.encode("utf-8").decode("latin-1")
        elif kind == "entity":
            word = word.replace("é", "&eacute;").replace("’", "&rsquo;") + " &amp;"
        out.append(word)
    return " ".join(out) + draw(st.sampled_from([".", " .", "", "\r\n"]))


traced_documents = st.one_of(
    headed_documents(),
    metadata_documents(),
    highlight_stories().map(lambda drawn: drawn[0]),
    xsum_files().map(lambda drawn: drawn[0]),
    wikitext_articles().map(lambda drawn: drawn[0]),
    dailymail_documents().map(lambda drawn: drawn[0]),
    conll_documents().map(lambda drawn: drawn[0]),
    furniture_documents().map(lambda drawn: drawn[0]),
    *(family.map(lambda drawn: drawn[0]) for family in DATELINE_FAMILIES.values()),
    dumped_texts().map(lambda drawn: drawn[0]),
    masked_number_sentences().map(lambda drawn: drawn[0]),
    tokenizer_renderings,
    token_soup(),
    layout_opening_soups,
    date_shaped_texts(),
    french_sentences(),
    st.lists(mojibake_paragraphs(), min_size=1, max_size=3).map("\n".join),
)
"""A raw document in any layout newsnorm reads (headers, highlights, XSum, WikiText,
DailyMail, CoNLL, furniture, datelines, dumps, tokenizer renderings, soups, mojibake)."""
