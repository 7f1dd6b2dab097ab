"""News datelines: the place, agency and date that open a wire story's first paragraph.

Each form of dateline is one named `DatelineForm` in the ordered tuple `DATELINE_FORMS`: a
cheap guard (a first-character test and literals that must appear near the start), an anchored
pattern written to run in linear time, and the groups (``location``, ``agency``, ``date``) it
reads into a `Dateline`. `split_dateline` tries them in order; `split_dateline_and_form` also
names the form that read the dateline. Recognised forms include ``WASHINGTON (Reuters) -``,
``NEW YORK, Feb 17 (AP) —``, ``NAIROBI, Kenya (AP) _``, ``VALLEY STREAM, N.Y., March 26 -``,
``SPRING LAKE, Mich. --``, ``BOSTON—``, ``(CNN) --``, ``(CNN)``, ``Reuters -``,
``washington (ap) _``, ``ROME 1996-12-06`` and a paragraph that is only a date
(``Tuesday, September 1, 2015``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
import regex

from newsnorm.article import Dateline
from newsnorm.dates import MONTH_PATTERN, could_start_a_date, match_date, parse_date

if TYPE_CHECKING:
    from newsnorm.header.signs import HeadMark

__all__ = [
    "AGENCIES",
    "DATELINE_FORMS",
    "DATE_LINE_FORM",
    "FEEDS",
    "GATE",
    "GATE_REACH",
    "KNOWN_AGENCY",
    "SECTIONS",
    "DatelineForm",
    "could_open_dateline",
    "could_open_with_date",
    "opens_with_section",
    "split_dateline",
    "split_dateline_and_form",
]

AGENCIES = (
    "Reuters", "AP", "AFP", "CNN", "UPI", "Bloomberg", "Xinhua", "dpa", "DPA", "ANSA", "PTI",
    "IANS", "EFE", "Kyodo", "Yonhap", "TASS", "Interfax", "CNNMoney", "BBC",
)  # fmt: skip
"""News agencies a dateline may name without a dash after them (``(CNN)The``), or alone
before a dash (``Reuters - Shares``), or in lower case (``(ap) _``). A dateline with a place
or a dash names any agency in brackets (``(EW.com) --``).

Examples:
    >>> "CNN" in AGENCIES, split_dateline("(CNN)The storm hit.")[0].agency
    (True, 'CNN')
"""

DATE_LINE_FORM = "date_line"
"""The form named when the dateline is only a date line (``Tuesday, September 1, 2015``).

Examples:
    >>> split_dateline_and_form("Friday, March 3, 2017\\nThe fair opened.")[2] == DATE_LINE_FORM
    True
"""

_MONTH = MONTH_PATTERN
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])"
_DATE_TEXT = rf"(?:{_MONTH} {_DAY}|{_DAY} {_MONTH})"
_ISO_DATE = r"(?:1[89]|20)[0-9]{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])"
# An upper-case place (NEW YORK, ST. LOUIS, WINSTON-SALEM, N'DJAMENA), then up to three regions
# in title case or abbreviated (", Kenya", ", N.Y.", ", CALIF."), and a second place after a
# slash (MEDAN, Indonesia/JAKARTA). Repetitions are bounded and each region is atomic, so a
# failing match backtracks over a few choices only, whatever the text.
_CAPS_WORDS = r"[A-Z][A-Z.'’`-]*(?: [A-Z][A-Z.'’`-]*){0,4}"
_REGION = r"(?>[A-Z]{2,}\b\.?|[A-Z][a-z]*\.?(?: ?[A-Z][a-z]*\.?){0,3})"
_CAPS_PLACE = rf"{_CAPS_WORDS}(?:, {_REGION}){{0,3}}"
_PLACE = rf"{_CAPS_PLACE}(?:/{_CAPS_PLACE})?"
# A place that names itself in capitals with no date or agency after it ("DENVER —") is a
# word of two letters or more: "A - B" is no dateline.
_BARE_PLACE = rf"(?=[A-Z][A-Z.'’`-]){_PLACE}"
# A place written in title case (Taipei, Taiwan) needs a date, an agency in brackets or a
# dash that only a dateline uses.
# Words that open a sentence before a long dash, never places.
_SENTENCE_ADVERB = "(?:" + "|".join((
    "Meanwhile", "However", "Still", "Instead", "Yes", "No", "Now", "Then", "Later", "Earlier",
    "Also", "But", "And", "So", "Indeed", "Finally", "Today", "Yesterday", "Tonight", "Again",
    "Sometimes", "Often", "Perhaps", "Maybe", "Well", "Otherwise", "Besides", "Nevertheless",
    "By",
)) + ")"  # fmt: skip
# The last word of an institution's name, which a title-case place never ends with.
_INSTITUTION = "(?:" + "|".join((
    "Lab", "Labs", "Laboratory", "Agency", "Institute", "University", "College", "Center",
    "Centre", "Press", "News", "Service", "Foundation", "Council", "Association", "Society",
    "Company", "Group", "Department", "Ministry", "Office", "Commission", "Committee", "Board",
    "Bank", "Museum", "Hospital", "School", "Academy", "Network", "Magazine", "Journal",
)) + ")"  # fmt: skip
SECTIONS = frozenset((
    "SOCCER", "FOOTBALL", "AMERICAN FOOTBALL", "NFL AMERICAN FOOTBALL", "CRICKET", "TENNIS",
    "GOLF", "RUGBY", "RUGBY UNION", "RUGBY LEAGUE", "BASEBALL", "BASKETBALL", "HOCKEY",
    "ICE HOCKEY", "NHL ICE HOCKEY", "ATHLETICS", "CYCLING", "BOXING", "MOTOR RACING",
    "MOTORCYCLING", "HORSE RACING", "SKIING", "ALPINE SKIING", "NORDIC SKIING", "SWIMMING",
    "SAILING", "YACHTING", "ROWING", "BADMINTON", "SQUASH", "VOLLEYBALL", "HANDBALL", "OLYMPICS",
    "CHESS", "SNOOKER", "DARTS", "TABLE TENNIS", "WRESTLING", "JUDO", "FENCING", "GYMNASTICS",
    "TRIATHLON", "SPEED SKATING", "FIGURE SKATING", "RALLYING", "SPORT", "SPORTS",
    "RESEARCH ALERT", "MARKET WATCH", "PRESALE", "PRESS DIGEST", "FEATURE", "ANALYSIS",
    "INTERVIEW", "PREVIEW", "REVIEW", "COLUMN", "COMMENTARY", "EDITORIAL", "OPINION", "FACTBOX",
    "TIMELINE", "CHRONOLOGY", "WRAPUP", "UPDATE", "CORRECTED", "CORRECTION", "REPEAT", "RPT",
    "NEWS SUMMARY", "HIGHLIGHTS", "DIARY", "FOCUS", "INSIGHT", "BRIEF", "BRIEFS", "OBITUARY",
    "PROFILE", "TEXT", "POLL", "RESULTS", "STANDINGS",
))  # fmt: skip
"""The sections wire headlines open with (``SOCCER - Lions win .``, ``RESEARCH ALERT - …``),
which read like a place before a dash: no dateline names one without an agency or a date.

Examples:
    >>> "SOCCER" in SECTIONS, "LONDON" in SECTIONS
    (True, False)
"""
# Its regions are words in title case (Taiwan, New Mexico, Mich.), the postal code of a US
# state or a Canadian province (Dayton, OH; Calgary, AB) or initials (Washington, D.C.).
_POSTAL_CODES = (
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
    "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
    "VA", "WA", "WV", "WI", "WY", "DC", "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON",
    "PE", "QC", "SK", "YT",
)  # fmt: skip
_TITLE_REGION = (
    rf"(?:[A-Z][a-z]+(?: [A-Z][a-z]+){{0,2}}\.?|(?:{'|'.join(_POSTAL_CODES)})(?![\p{{L}}.])"
    r"|(?:[A-Z]\.){2,3})"
)
_TITLE_CASE_PLACE = rf"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,3}}(?:, {_TITLE_REGION}){{0,2}}"
# Wire copy set in lower case (commodity reports: "des moines, april 7 -") has a place in
# lower case, or capitalized only at its start ("Mexico city"); only a date after it counts.
_LOWER_CASE_PLACE = r"(?:[a-z][a-z.'’-]*|[A-Z][a-z]+(?= [a-z]))(?: [a-z][a-z.'’-]*){0,3}"
# A lower-cased corpus (washington (ap) _): a place of up to four words, maybe a region.
_LOWER_PLACE = r"[a-z][a-z.'’-]*(?: [a-z][a-z.'’-]*){0,3}(?:, [a-z][a-z.'’-]*(?: [a-z]+){0,2})?"
# A lower-cased date before an agency, its digits perhaps masked (march 4, march #).
_LOWER_DATE_TEXT = rf"{MONTH_PATTERN} (?:{_DAY}|##?)"
_AGENCY = r"[A-Z][A-Za-z&.-]*(?: [A-Z][A-Za-z&.-]*){0,3}"
_LOWER_AGENCY = r"\p{Ll}[\p{Ll}&.'’-]*(?: \p{Ll}[\p{Ll}&.'’-]*){0,3}"
# A news site credited as a feed's source (AG News): SPACE.com, FT.com, USATODAY.com.
_WEB_SOURCE = r"[A-Z][A-Za-z0-9-]*\.com"
FEEDS = (
    "Canadian Press", "PC World", "NewsFactor", "TechWeb", "InfoWorld",
    "Computerworld", "MacCentral", "Ziff Davis", "MarketWatch", "Sports Network",
    "TechNewsWorld", "CNET", "Macworld", "Newsweek",
)  # fmt: skip
"""News feeds that aggregated dumps (AG News) credit before a dash at the top of a story, as
they credit agencies (``PC World - Intel said …``); only there, unlike `AGENCIES`.

Examples:
    >>> split_dateline("PC World - Intel said on Monday it would ship chips.")[0].agency
    'PC World'
"""
KNOWN_AGENCY = "(?:" + "|".join(regex.escape(name) for name in AGENCIES) + ")"
"""A pattern of the names in `AGENCIES`.

Examples:
    >>> regex.fullmatch(KNOWN_AGENCY, "Reuters") is not None
    True
"""
_KNOWN_FEED = "(?:" + "|".join(regex.escape(name) for name in FEEDS) + ")"
_KNOWN_LOWER_AGENCY = "(?:" + "|".join(sorted({name.lower() for name in AGENCIES})) + ")"
_DASH = r"(?:-{1,2}|–|—|_)"
# The wire services of press releases, as their datelines credit them: between slashes
# (/PRNewswire/, /PRNewswire-FirstCall/, /CNW/) or in brackets ((GLOBE NEWSWIRE), (BUSINESS
# WIRE)), after the place and the release's date.
_SLASHED_WIRE = r"PRNewswire(?:-[A-Za-z]+)*|CNW(?: Telbec)?|PRNewsfoto|Xinhua-PRNewswire"
_BRACKETED_WIRE = (
    r"BUSINESS WIRE|GLOBE NEWSWIRE|ACCESSWIRE|Marketwired|MARKET WIRE|Marketwire|PRWEB"
    r"|EQS Newswire|NEWSWIRE|PR Newswire"
)
# A date with its year, as press releases and dated dashes print it (Oct. 3, 2004).
_DATE_WITH_YEAR = rf"{_DATE_TEXT},? (?:19|20)[0-9]{{2}}"
# After the dash: spaces, or the end of the line (a dateline above a table).
_AFTER_DASH = r"(?: +|(?=\n)|$)"
# A dash with no date or agency before it: spaced (" - ", " -- ", " — "), or a long dash with
# no space on one side or both ("BOSTON—The", "SYCAMORE, Ill. --A").
_LONE_DASH = r"(?: -{1,2} +| ?(?:--|—|–) *)"
# The story after a dateline that only a dash marks: it opens with a capitalized word (or a
# quote, an initial, a number or an acronym before a lower-case word), and a word in lower
# case comes within the first few, so a headline in capitals or title case after a dash is no
# story ("TENNIS - LOCAL PLAYER WINS", "GOLF - 1998 TOUR").
_OPEN = "[\"“‘'(]?"
_STORY_START = (
    rf"(?={_OPEN}(?:[A-Z][a-z]|[A-Z](?![^\s]))[^\s]*(?: [^\s]+){{0,4}} [a-z]"
    rf"|{_OPEN}[A-Z0-9][^\s]* [a-z])"
)
# After a known source and its dash, a capitalized word or an acronym (NASA's) may open the
# story, if a word in lower case follows within the first few.
_SOURCED_STORY_START = rf"(?={_OPEN}[A-Z0-9][^\s]*(?: [^\s]+){{0,4}} [a-z])"
_HEAD = 120  # how far into the text a dateline's dash can be
_SPAN = 400  # how much of the text a form's pattern reads
_DIGIT = regex.compile(r"\d")
_SPACED_DASHES = (" -", " –", " —", " _")
_LONG_DASHES = ("—", "–", "--")


def has_spaced_dash(text: str) -> bool:
    """Tell whether the first characters of `text` hold a spaced dash, as most datelines do.

    Most datelines have one within their first 120 characters; the others have a long dash
    (``BOSTON—The``), an agency in brackets (``(CNN)The``) or a date at the very start, which
    `split_dateline`'s forms test for themselves.

    Examples:
        >>> has_spaced_dash("LONDON - Shares rose."), has_spaced_dash("Shares rose-ish.")
        (True, False)
    """
    head = text[:_HEAD]
    return " -" in head or " –" in head or " —" in head or " _" in head


UPPER, LOWER, BRACKET = "upper", "lower", "("
"""The kinds of first character a form may open with: a capital, a small letter, a bracket."""


def _first_kind(head: str) -> str:
    first = head[:1]
    if first == "(":
        return BRACKET
    return UPPER if first.isupper() else LOWER if first.islower() else ""


@attrs.frozen
class DatelineForm:
    """One named form of dateline.

    Attributes:
        name: what reports call the form (``place_dash``).
        first: the kinds of first character it opens with (`UPPER`, `LOWER`, `BRACKET`): the
            first, cheapest test.
        literals: strings of which one must appear in the text's first 120 characters.
        shape: a pattern that must then be found there too, where a literal alone shows
            little (the ISO date's ``-0`` and ``-1`` are in ``M-1`` and ``7-1/2``); or None.
        source: the text of `pattern`.
        pattern: the anchored pattern, with groups ``location``, ``agency`` and ``date`` (any
            may be absent), that matches the dateline and the space after it; compiled when a
            text first passes the form's guard (compiling them all would slow every start-up,
            and some forms are rare).

    Examples:
        >>> form = next(form for form in DATELINE_FORMS if form.name == "place_dash")
        >>> form.read("DENVER — State Smith spoke.")
        (Dateline(location='DENVER', agency=None, date_text=None), 9)
        >>> form.read("DENVER is cold.") is None
        True
    """

    name: str
    first: frozenset[str]
    literals: tuple[str, ...]
    source: str
    shape: regex.Pattern[str] | None = None
    # `source` compiled, once a text first passes the guard. (Not a cached_property: the
    # __getattr__ that attrs gives a slotted class for one slows every attribute read.)
    _compiled: regex.Pattern[str] | None = attrs.field(
        init=False, default=None, repr=False, eq=False
    )

    @property
    def pattern(self) -> regex.Pattern[str]:
        """The compiled pattern: `source`, compiled on first use.

        Examples:
            >>> form = next(form for form in DATELINE_FORMS if form.name == "agency")
            >>> form.pattern.match("(AP) - Rain.").group("agency")
            'AP'
        """
        pattern = self._compiled
        if pattern is None:
            pattern = regex.compile(self.source)
            object.__setattr__(self, "_compiled", pattern)
        return pattern

    def could_read(self, head: str) -> bool:
        """Tell whether a text opening with `head` (120 characters) could hold this form.

        This is the form's guard: only when it passes is the pattern tried.

        Examples:
            >>> form = next(form for form in DATELINE_FORMS if form.name == "agency_undashed")
            >>> form.could_read("(CNN)The storm hit."), form.could_read("The storm hit.")
            (True, False)
        """
        return (
            _first_kind(head) in self.first
            and any(map(head.__contains__, self.literals))
            and (self.shape is None or self.shape.search(head) is not None)
        )

    def read(self, text: str) -> tuple[Dateline, int] | None:
        """Read this form at the start of `text`: the dateline and where the story begins.

        Examples:
            >>> form = next(form for form in DATELINE_FORMS if form.name == "agency_dash")
            >>> form.read("Reuters - Shares rose.")
            (Dateline(location=None, agency='Reuters', date_text=None), 10)
        """
        if not self.could_read(text[:_HEAD]):
            return None
        return self._match(text[:_SPAN], len(text))

    def _match(self, span: str, length: int) -> tuple[Dateline, int] | None:
        pattern = self._compiled
        match = (self.pattern if pattern is None else pattern).match(span)
        if match is None or (match.end() == len(span) < length):
            return None  # the pattern ran into the end of what it was given: not a dateline
        groups = match.groupdict()
        dateline = Dateline(groups.get("location"), groups.get("agency"), groups.get("date"))
        return dateline, match.end()


def _form(
    name: str, first: str, literals: tuple[str, ...], pattern: str, shape: str | None = None
) -> DatelineForm:
    return DatelineForm(
        name,
        frozenset(first.split()),
        literals,
        "^" + pattern,
        None if shape is None else regex.compile(shape),
    )


DATELINE_FORMS: tuple[DatelineForm, ...] = (
    # An upper-case place and a date are evidence enough for the slips of real wire copy: a
    # space before the comma, a comma or a stop after the date, no space after the dash
    # ("NEW YORK , April 13 -", "CHICAGO, March 4, -", "ROME, Sept. 9. -", "CHICAGO, April 13
    # -Simmons").
    _form(
        "place_date",
        "upper",
        _SPACED_DASHES,
        rf"(?P<location>{_PLACE}) ?, (?P<date>{_DATE_TEXT})[,.]? {_DASH}(?: +|(?=\n)|$|(?=[A-Z]))",
    ),
    # WASHINGTON (Reuters) -, NEW YORK, Feb 17 (AP) —, MEDAN, Indonesia/JAKARTA (Reuters) -
    _form(
        "place_agency",
        "upper",
        _SPACED_DASHES,
        rf"(?P<location>{_PLACE})(?:, (?P<date>{_DATE_TEXT}))? \((?P<agency>{_AGENCY})\)"
        rf" {_DASH}{_AFTER_DASH}",
    ),
    # NEW YORK, March 3, 2015 /PRNewswire/ --, TORONTO, March 3, 2015 /CNW/ -, NEW YORK, March
    # 3, 2015 (GLOBE NEWSWIRE) --, SAN JOSE, Calif.--(BUSINESS WIRE)--: a press release, its
    # wire service after the place and the release's date (with its year).
    _form(
        "press_release",
        "upper",
        (*_SPACED_DASHES, *_LONG_DASHES),
        rf"(?P<location>{_PLACE})(?:, (?P<date>{_DATE_WITH_YEAR}))?"
        rf"(?: /(?P<agency>{_SLASHED_WIRE})/ (?:-{{1,2}}|–|—) +"
        rf"| \((?P<agency>{_BRACKETED_WIRE})\) (?:-{{1,2}}|–|—) +"
        rf"|--\((?P<agency>{_BRACKETED_WIRE})\)-- ?)(?={_OPEN}[A-Z0-9])",
    ),
    # WASHINGTON _ The vote: the AP's underscore dash.
    _form("place_underscore", "upper", (" _",), rf"(?P<location>{_PLACE}) _{_AFTER_DASH}"),
    # Taipei, Taiwan, March 5 -
    _form(
        "title_place_date",
        "upper",
        _SPACED_DASHES,
        rf"(?P<location>{_TITLE_CASE_PLACE}), (?P<date>{_DATE_TEXT}) {_DASH}{_AFTER_DASH}",
    ),
    # Detroit (Reuters) -
    _form(
        "title_place_agency",
        "upper",
        _SPACED_DASHES,
        rf"(?P<location>{_TITLE_CASE_PLACE}) \((?P<agency>{_AGENCY})\) {_DASH}{_AFTER_DASH}",
    ),
    # fort worth, june 3 -
    _form(
        "lower_place_date",
        "upper lower",
        _SPACED_DASHES,
        rf"(?P<location>{_LOWER_CASE_PLACE}), (?P<date>{_DATE_TEXT}) {_DASH}{_AFTER_DASH}",
    ),
    # Nov. 28 (UPI) --: UPI's dateline, a date and the agency with no place.
    _form(
        "date_agency",
        "upper",
        _SPACED_DASHES,
        rf"(?P<date>{_DATE_TEXT}) \((?P<agency>{KNOWN_AGENCY})\) {_DASH}{_AFTER_DASH}",
    ),
    # PARIS--Oct. 3, 2004--The, DENVER -- May 2, 2014 -- The, (CNN Student News) -- May 2,
    # 2014 . Today: a place or a source, a dash, and the full date, closed by a dash or a stop.
    _form(
        "dash_dated",
        "upper (",
        (*_SPACED_DASHES, *_LONG_DASHES),
        rf"(?:(?P<location>{_BARE_PLACE})|\((?P<agency>{_AGENCY})\)) ?(?:--|—|–) ?"
        rf"(?P<date>{_DATE_WITH_YEAR}) ?(?:--|—|–|\.) *(?={_OPEN}[A-Z0-9])",
    ),
    # (CNN) --, (EW.com) --, (CNN)--The
    _form(
        "agency",
        "(",
        (*_SPACED_DASHES, *_LONG_DASHES),
        rf"\((?P<agency>{_AGENCY})\)(?: {_DASH}{_AFTER_DASH}| ?(?:--|—|–) *(?={_OPEN}[A-Z]))",
    ),
    # (CNN)The, (CNN) The, Marseille, France (CNN)The, Islamabad, Sep 9 (PTI) The: a known
    # agency with no dash after it.
    _form(
        "agency_undashed",
        "upper (",
        tuple(f"({name})" for name in AGENCIES),
        rf"(?:(?P<location>{_PLACE}|{_TITLE_CASE_PLACE})(?:, (?P<date>{_DATE_TEXT}))? )?"
        rf"\((?P<agency>{KNOWN_AGENCY})\)"
        rf" ?(?={_OPEN}[A-Z0-9])",
    ),
    # Reuters - Shares, AP - NASA's probe, FT.com - Shares, SPACE.com - TORONTO -- A team: a
    # known agency or a news site alone before the dash, maybe then a place in capitals and
    # its own dash. A story may open with an acronym here: the source vouches for the dash.
    _form(
        "agency_dash",
        "upper",
        _SPACED_DASHES,
        rf"(?P<agency>{KNOWN_AGENCY}|{_KNOWN_FEED}|{_WEB_SOURCE}) (?:-{{1,2}}|–|—) +"
        rf"(?:(?P<location>{_BARE_PLACE}){_LONE_DASH})?{_SOURCED_STORY_START}",
    ),
    # (cnn) --, washington (ap) _, london (reuters) -, beijing, march # (xinhua) --: lower-cased
    # corpora (Gigaword writes each digit as #).
    _form(
        "lower_agency",
        "lower (",
        _SPACED_DASHES,
        rf"(?:(?P<location>{_LOWER_PLACE})(?:, (?P<date>{_LOWER_DATE_TEXT}))? )?"
        rf"\((?P<agency>{_KNOWN_LOWER_AGENCY})\) {_DASH}{_AFTER_DASH}",
    ),
    # (cnn) the, marseille, france (cnn) the: CNN's newer dateline, lower-cased, with no dash;
    # a known agency only, and a story in small letters after it.
    _form(
        "lower_agency_undashed",
        "lower (",
        tuple(f"({name.lower()})" for name in AGENCIES),
        rf"(?:(?P<location>{_LOWER_PLACE}) )?\((?P<agency>{_KNOWN_LOWER_AGENCY})\)"
        rf" ?(?=[\p{{Ll}}0-9\"'‘“])",
    ),
    # (rolling stone) --, (ew.com) —: a lower-cased corpus credits any source in brackets at
    # the top of a story, as CNN does, before a double or long dash and a story in small letters.
    _form(
        "lower_bracket_agency",
        "(",
        (" --", " —"),
        rf"\((?P<agency>{_LOWER_AGENCY})\) (?:--|—) *(?=[\p{{Ll}}0-9\"'‘“])",
    ),
    # SPRING LAKE, Mich. -- Here, MOBILE, Alabama - Ferries, DENVER — State, BOSTON—The: a place
    # in capitals, a dash, and a story that opens like a sentence (on the next line, after a
    # long dash ending the line: "DENVER —").
    _form(
        "place_dash",
        "upper",
        (*_SPACED_DASHES, *_LONG_DASHES),
        rf"(?P<location>{_BARE_PLACE}){_LONE_DASH}(?:\n\h*)?{_STORY_START}",
    ),
    # Taipei, Taiwan — Lanterns: a title-case place needs a long dash, and is no sentence
    # adverb (Meanwhile -- The rain…) nor an institution's name (Jet Propulsion Lab -- The).
    _form(
        "title_place_dash",
        "upper",
        (" —", " –", " --"),
        rf"(?!{_SENTENCE_ADVERB}[ ,])"
        rf"(?P<location>{_TITLE_CASE_PLACE})(?<!\b{_INSTITUTION}) (?:—|–|--) +(?={_OPEN}[A-Z0-9])",
    ),
    # LONDON 1996-08-30, KHOROG, Tajikistan 1996-08-30 (RCV1 and CoNLL-2003), on its own
    # line or before the story.
    _form(
        "place_iso_date",
        "upper",
        ("-0", "-1"),
        rf"(?P<location>{_PLACE}) (?P<date>{_ISO_DATE})(?: *\n\s*| +(?={_OPEN}[A-Z0-9])| *$)",
        shape=r"(?:19|20)[0-9]{2}-[01]",  # the date's year and month meet in the head
    ),
)
"""The dateline forms `split_dateline` tries, in order; the first that matches reads it.

Examples:
    >>> [form.name for form in DATELINE_FORMS][:3]
    ['place_date', 'place_agency', 'press_release']
"""

# The quick path: a text holds a dateline only if one of the forms' literals is in its head,
# with the form's shape where it has one. A literal of a form without a shape counts alone,
# and one holding another such literal need not be tested.
_PLAIN = frozenset(
    literal for form in DATELINE_FORMS if form.shape is None for literal in form.literals
)
_PLAIN_LITERALS = tuple(
    literal
    for literal in sorted(_PLAIN)
    if not any(other != literal and other in literal for other in _PLAIN)
)
_SHAPED = tuple(
    (literal, form.shape)
    for form in DATELINE_FORMS
    if form.shape is not None
    for literal in form.literals
    if not any(plain in literal for plain in _PLAIN)
)


# Each literal holds a punctuation mark ("-" in " -", "-0" and "--"; "(" in "(CNN)"): the
# marks are tested first, one by one, which turns most text away faster than the literals
# would, and a mark found is followed by its own literals only.
def _mark(literal: str) -> str:
    return next(char for char in literal if not char.isspace() and not char.isalnum())


def _gate() -> tuple[HeadMark, ...]:
    groups: dict[tuple[str, regex.Pattern[str] | None], list[str]] = {}
    for literal, shape in (*((literal, None) for literal in _PLAIN_LITERALS), *_SHAPED):
        groups.setdefault((_mark(literal), shape), []).append(literal)
    return tuple(
        (mark, tuple(literals), None if shape is None else shape.search)
        for (mark, shape), literals in groups.items()
    )


GATE = _gate()
"""The test `split_dateline` turns most text away with: (mark, literals, shape) triples, of
which the first `GATE_REACH` characters of a text with a dateline hold one (the mark, one of
its literals, and a match of the shape's search where it has one).

Examples:
    >>> GATE[0][:2]
    ('-', (' -', '--'))
"""

GATE_REACH = _HEAD
"""How far into a text `GATE` looks.

Examples:
    >>> GATE_REACH
    120
"""


def _could_hold_dateline(head: str) -> bool:
    for mark, literals, shape in GATE:
        if mark in head:
            for literal in literals:
                if literal in head:
                    if shape is None or shape(head) is not None:
                        return True
                    break
    return False


def opens_with_section(line: str) -> bool:
    """Tell whether `line` opens with a wire section's name and a dash, as headlines do.

    Examples:
        >>> opens_with_section("SOCCER - Lions win."), opens_with_section("LONDON - Rates rose.")
        (True, False)
    """
    section, dash, _ = line.partition(" - ")
    return bool(dash) and section.upper() in SECTIONS


def could_open_dateline(line: str) -> bool:
    """Tell whether `line` has near its start what the dateline forms cannot do without.

    This is the test `split_dateline` turns most text away with (a date at the very start,
    which it also reads, is not tested here).

    Examples:
        >>> could_open_dateline("LONDON (Reuters) - Rates rose."), could_open_dateline("Rain.")
        (True, False)
    """
    return _could_hold_dateline(line[:_HEAD])


def could_open_with_date(line: str) -> bool:
    """Tell whether a text whose first line is `line` opens with a date `split_dateline` reads.

    That is a line that is a date, or a weekday's date glued to the story; a date is written
    on one line, so the first line tells. (A dateline form's literals are `GATE`'s to find.)

    Examples:
        >>> could_open_with_date("May 4, 2021"), could_open_with_date("Tuesday, May 4, 2021 It")
        (True, True)
        >>> could_open_with_date("Mayor Ann Lee said on May 4"), could_open_with_date("May 4 it")
        (False, False)
    """
    if not could_start_a_date(line) or _DIGIT.search(line) is None:
        return False  # every date the grammar reads has a digit
    return _opening_date(line) is not None


def _opening_date(text: str) -> tuple[str, str] | None:
    # The date a text opens with, and the rest: a first line that is a date, or a weekday's
    # date glued to the story (Wikinews: "Tuesday, May 4, 2021 The mayor …").
    first_line, _, rest = text.partition("\n")
    if parse_date(first_line):
        return first_line.strip(), rest.lstrip("\n")
    found = match_date(text)
    if found and found.weekday and found.date and text[found.end : found.end + 1] == " ":
        return text[: found.end], text[found.end :].lstrip(" ")
    return None


def _section_alone(dateline: Dateline) -> bool:
    # A wire section before a dash with no agency or date: a headline's kicker.
    location = dateline.location
    return (
        location is not None
        and dateline.agency is None
        and dateline.date_text is None
        and location.upper() in SECTIONS
    )


def _read_forms(text: str) -> tuple[Dateline, int, str] | None:
    head, span, kind = text[:_HEAD], text[:_SPAN], _first_kind(text)
    for form in DATELINE_FORMS:
        if kind in form.first and any(map(head.__contains__, form.literals)):
            found = form._match(span, len(text))
            if found is not None and not _section_alone(found[0]):
                return found[0], found[1], form.name
    return None


def split_dateline_and_form(text: str) -> tuple[Dateline | None, str, str | None]:
    """Split a news dateline off the start of `text`, and name the form that read it.

    Returns the dateline, the rest of the text and the name of the `DatelineForm` (or
    `DATE_LINE_FORM` for a date line alone); ``(None, text, None)`` when there is no dateline.

    Examples:
        >>> split_dateline_and_form("BOSTON—The mayor spoke.")
        (Dateline(location='BOSTON', agency=None, date_text=None), 'The mayor spoke.', 'place_dash')
        >>> split_dateline_and_form("(CNN)The storm hit.")[2]
        'agency_undashed'
        >>> split_dateline_and_form("Tuesday, May 4, 2021\\nThe mayor spoke.")[2]
        'date_line'
    """
    stripped = text.lstrip()
    head = stripped[:_HEAD]
    dashed = _could_hold_dateline(head)
    dated = could_start_a_date(head) and _DIGIT.search(head) is not None
    if not dashed and not dated:
        return None, text, None
    date_text, body = None, stripped
    opening = _opening_date(stripped) if dated else None
    if opening is not None:
        date_text, body = opening
    if date_text is None and not dashed:
        return None, text, None
    read = _read_forms(body) if date_text is None or _could_hold_dateline(body[:_HEAD]) else None
    if read is not None and date_text is not None and read[0].date_text is not None:
        # A date line above a dateline with its own date ("LONDON, March 2 -"): one dateline
        # cannot hold both dates, so the date line is the dateline and the other stays text.
        read = None
    if read is None:
        if date_text is None:
            return None, text, None
        return Dateline(None, None, date_text), body, DATE_LINE_FORM
    dateline, end, name = read
    if date_text is not None:
        dateline = attrs.evolve(dateline, date_text=date_text)
    return dateline, body[end:].lstrip(" \n"), name


def split_dateline(text: str) -> tuple[Dateline | None, str]:
    """Split a news dateline off the start of `text`.

    A date standing alone as the first paragraph (as Wikinews prints it) is a dateline with
    only `Dateline.date_text`; a time after it belongs to it, but a capitalized word after
    the time is the story's unless it is a time zone (`newsnorm.dates.TIME_ZONES`). Returns
    ``(None, text)`` when there is no dateline. `split_dateline_and_form` also names the form.

    Examples:
        >>> split_dateline("WASHINGTON (Reuters) - The Senate voted.")
        (Dateline(location='WASHINGTON', agency='Reuters', date_text=None), 'The Senate voted.')
        >>> split_dateline("VALLEY STREAM, N.Y., March 26 - Shares rose.")[0]
        Dateline(location='VALLEY STREAM, N.Y.', agency=None, date_text='March 26')
        >>> split_dateline("(CNN) -- A storm hit.")[0].agency
        'CNN'
        >>> split_dateline("SPRING LAKE, Mich. -- Here it comes.")
        (Dateline(location='SPRING LAKE, Mich.', agency=None, date_text=None), 'Here it comes.')
        >>> split_dateline("Monday, March 5, 2007 Taipei, Taiwan — Lanterns lit the sky.")[0]
        Dateline(location='Taipei, Taiwan', agency=None, date_text='Monday, March 5, 2007')
        >>> dateline, body = split_dateline("Tuesday, May 4, 2021 10:00 The mayor spoke.")
        >>> dateline.date_text, body
        ('Tuesday, May 4, 2021 10:00', 'The mayor spoke.')
        >>> split_dateline("WASHINGTON is a state in the west.")[0] is None
        True

    A date line above a dateline that has a date of its own is the dateline; the other
    dateline stays at the start of the body, so that neither date is lost:

        >>> dateline, body = split_dateline("Tuesday, September 1, 2015\\nLONDON, March 2 - Up.")
        >>> dateline.date_text, body
        ('Tuesday, September 1, 2015', 'LONDON, March 2 - Up.')
    """
    dateline, body, _ = split_dateline_and_form(text)
    return dateline, body
