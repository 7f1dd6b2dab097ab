"""Shared hypothesis strategies: clean prose, its tokenized renderings, and articles."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from newsnorm import Article, Dateline

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
    form = draw(st.integers(0, 3))
    if form == 0:
        return f"{place} ({agency}) -"
    if form == 1:
        return f"{place}, {draw(st.sampled_from(_MONTHS))} {draw(st.integers(1, 28))} -"
    if form == 2:
        return f"({agency}) --"
    return f"{place} —"


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
