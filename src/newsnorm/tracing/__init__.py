"""Provenance: every change `normalize` makes, traced back to the raw text.

`trace` runs `normalize`'s own sequence of steps with stages that record their edits
(`newsnorm.tracing.stages`), composes the edits into the raw text's coordinates
(`newsnorm.tracing.edits`) and aligns the article's body and fields back onto the repaired
text (`newsnorm.tracing.offsets`). `normalize` itself records nothing and pays nothing.

Three texts, three coordinate systems:

- the raw text, as given;
- the repaired text (`Trace.repaired`): what `normalize_text` returns, header lines and
  dateline still in place, one paragraph per line. Applying `Trace.edits` to the raw text
  gives exactly this text;
- the article's body, `Article.text`: the repaired text without what the metadata stages
  moved into fields.

`Trace.to_raw` and `Trace.to_text` map spans between the body and the raw text;
`Trace.field_span` gives a field's raw span.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from newsnorm.article import Article, Dateline
from newsnorm.config import Config
from newsnorm.dates import parse_date
from newsnorm.header.page_date import date_in_page_line
from newsnorm.pipeline import NormalizeReport, _normalize_within_budget
from newsnorm.tracing.edits import Edit, Recorder, apply_edits
from newsnorm.tracing.offsets import BodyMap, EditMap, FieldFinder, Span
from newsnorm.tracing.stages import recording_stages

__all__ = ["Edit", "Span", "Trace", "apply_edits", "trace"]

# A page's date is read on one of the first lines of its text (`header.page_date`).
_PAGE_DATE_LINES = 40
# The dateline's closing marks (") -", " —") between its last part and the body.
_DATELINE_TAIL = 8


@attrs.frozen
class Trace:
    """What `normalize` did to one raw document, with every change anchored to the raw text.

    Attributes:
        raw: the raw text.
        article: the `Article`, equal to ``normalize(raw, config, **overrides)``.
        edits: the changes, in raw coordinates, in order and non-overlapping: replacing
            ``raw[edit.start:edit.end]`` by ``edit.text`` for each gives `repaired`.
        repaired: the repaired text, what ``normalize_text(raw, config, **overrides)``
            returns: header lines and dateline still in place, one paragraph per line.
        report: the `NormalizeReport` that `normalize_and_report` gives for the same call
            (for statistics beside the trace, without normalizing twice).

    Fields are named ``title``, ``byline``, ``dateline``, ``date``, ``headers[KEY]`` (or the
    key alone, when it is not one of the four), ``highlights[N]`` and ``furniture[N]`` (N
    counts from 0, in the article's order).

    Examples:
        >>> raw = "Title: Rain\\n\\nIt rained , a lot ."
        >>> result = trace(raw)
        >>> result.article.text, result.repaired
        ('It rained, a lot.', 'Title: Rain\\nIt rained, a lot.')
        >>> for edit in result.edits:
        ...     print(edit.start, edit.end, repr(edit.text), edit.stage, edit.rule)
        12 13 '' paragraphs one paragraph per line
        22 23 '' spacing closing punctuation
        30 31 '' spacing closing period
        >>> start, end = result.to_raw(3, 9)  # "rained" in the article's text
        >>> raw[start:end]
        'rained'
        >>> raw[slice(*result.field_span("title"))]
        'Rain'
    """

    raw: str
    article: Article
    edits: tuple[Edit, ...]
    repaired: str
    report: NormalizeReport
    _edit_map: EditMap = attrs.field(repr=False, eq=False)
    _body_map: BodyMap = attrs.field(repr=False, eq=False)
    _fields: Mapping[str, Span] = attrs.field(repr=False, eq=False)

    def to_raw(self, start: int, end: int) -> Span:
        """Return the raw span that the span ``article.text[start:end]`` came from.

        A span that starts or ends inside a change widens to the change's whole raw span.

        Examples:
            >>> result = trace("WASHINGTON ( Reuters ) - Lawmakers met .")
            >>> result.article.text
            'Lawmakers met.'
            >>> result.to_raw(10, 14), result.raw[35:40]
            ((35, 40), 'met .')
        """
        _check_span(start, end, len(self.article.text))
        return self._edit_map.to_source(*self._body_map.to_source(start, end))

    def to_text(self, start: int, end: int) -> Span | None:
        """Return the span of ``article.text`` that the raw span ``raw[start:end]`` became.

        None when nothing of it is in the body: a header line, the dateline, a highlight.

        Examples:
            >>> result = trace("WASHINGTON ( Reuters ) - Lawmakers met .")
            >>> result.to_text(25, 34), result.to_text(0, 10) is None
            ((0, 9), True)
        """
        _check_span(start, end, len(self.raw))
        return self._body_map.to_body(*self._edit_map.to_target(start, end))

    def to_repaired(self, start: int, end: int) -> Span:
        """Return the span of `repaired` that the raw span ``raw[start:end]`` became.

        Examples:
            >>> result = trace("Rain : it fell .")
            >>> result.repaired[slice(*result.to_repaired(10, 14))]
            'fell'
        """
        _check_span(start, end, len(self.raw))
        return self._edit_map.to_target(start, end)

    def field_span(self, name: str) -> Span | None:
        """Return the raw span a field was read from; None when the article has no such field.

        Examples:
            >>> raw = "Storm Hits Coast\\nBy Ann Lee\\nDesk: Weather\\n\\nLONDON (AP) - Wind rose ."
            >>> result = trace(raw)
            >>> [raw[slice(*result.field_span(name))] for name in ("title", "byline", "Desk")]
            ['Storm Hits Coast', 'By Ann Lee', 'Weather']
            >>> raw[slice(*result.field_span("dateline"))], result.field_span("date")
            ('LONDON (AP) -', None)
        """
        span = self._fields.get(name)
        if span is None and name not in {"title", "byline", "dateline", "date"}:
            span = self._fields.get(f"headers[{name}]")
        return span

    def field_spans(self) -> dict[str, Span]:
        """Return every field's raw span, by name (fields found nowhere in the raw text left out).

        Examples:
            >>> trace("Title: Rain\\n\\nIt rained.").field_spans()
            {'title': (7, 11), 'headers[Title]': (7, 11)}
        """
        return dict(self._fields)


def _check_span(start: int, end: int, length: int) -> None:
    if not 0 <= start <= end <= length:
        raise ValueError(f"span ({start}, {end}) is not within a text of length {length}")


def trace(raw: str, config: Config | None = None, **overrides: Any) -> Trace:
    """Normalize `raw` as `normalize` does, recording every change in raw coordinates.

    Args:
        raw: the document, as read from the corpus.
        config: the options; `Config()` by default.
        **overrides: options to change for this call, such as ``quotes="straight"``.

    A document over `Config.time_budget` comes back as `normalize` gives it (the raw text as
    the article's text), with no edits.

    Examples:
        >>> result = trace("They do n't know -LRB- yet -RRB- .")
        >>> result.article.text
        "They don't know (yet)."
        >>> for edit in result.edits:
        ...     print(edit.start, edit.end, repr(edit.text), edit.rule)
        7 8 '' split n't
        17 22 '(' PTB bracket
        22 23 '' opening bracket
        26 27 '' closing punctuation
        27 32 ')' PTB bracket
        32 33 '' closing period
    """
    cfg = Config.resolve(config, **overrides)
    recorder = Recorder(raw)
    article, report = _normalize_within_budget(raw, cfg, recording_stages(recorder))
    if report.over_budget:
        edits, repaired = [], raw
    else:
        edits, repaired = recorder.edits, report.repaired
    edit_map = EditMap(edits)
    body_map = BodyMap.align(article.text, repaired)
    found = _field_spans(article, repaired, body_map)
    spans = {name: edit_map.to_source(*span) for name, span in found.items()}
    return Trace(
        raw,
        article,
        tuple(Edit(*edit) for edit in edits),
        repaired,
        report,
        edit_map,
        body_map,
        spans,
    )


def _field_spans(article: Article, repaired: str, body: BodyMap) -> dict[str, Span]:
    """Where each field was read, in the repaired text's coordinates."""
    finder = FieldFinder(repaired, body)
    found: dict[str, Span | None] = {}
    if article.title is not None:
        found["title"] = finder.find(article.title)
    if article.byline is not None:
        found["byline"] = finder.find(article.byline)
    if article.dateline is not None:
        found["dateline"] = _dateline_span(article.dateline, repaired, body, finder)
    if article.date is not None:
        found["date"] = _date_span(article, finder, found.get("dateline"))
    for key, value in article.headers.items():
        found[f"headers[{key}]"] = _lines_span(value, finder)
    for kind, lines in (("highlights", article.highlights), ("furniture", article.furniture)):
        # The lines of a list stand in order: each is looked for after the one before first.
        after = 0
        for number, line in enumerate(lines):
            span = finder.find(line, after) or finder.find(line)
            found[f"{kind}[{number}]"] = span
            if span is not None and span[0] >= after:
                after = span[1]
    return {name: span for name, span in found.items() if span is not None}


def _lines_span(value: str, finder: FieldFinder) -> Span | None:
    # A repeated key holds its values on lines of their own: the span runs from the first to
    # the last of them.
    spans = [finder.find(line.strip()) for line in value.split("\n") if line.strip()]
    found = [span for span in spans if span is not None]
    if not found:
        return None
    return min(span[0] for span in found), max(span[1] for span in found)


def _dateline_span(
    dateline: Dateline, repaired: str, body: BodyMap, finder: FieldFinder
) -> Span | None:
    parts = [part for part in (dateline.location, dateline.agency, dateline.date_text) if part]
    body_start = body.to_source(0, 0)[0] if body.covers(0, len(repaired)) else len(repaired)
    # The dateline opened the body's first line, or stood on a line of its own above it.
    line_start = repaired.rfind("\n", 0, body_start) + 1
    above = repaired.rfind("\n", 0, max(0, line_start - 1)) + 1
    first = repaired.find(parts[0], line_start, body_start)
    if first < 0 and line_start:
        first = repaired.find(parts[0], above, line_start)
    if first < 0:
        span = finder.find(parts[0])
        if span is None:
            return None
        first, end = span
    else:
        end = first + len(parts[0])
    for part in parts[1:]:
        span = finder.find(part, end, end + 200)
        if span is not None:
            end = span[1]
    tail = repaired[end:body_start]
    if len(tail) <= _DATELINE_TAIL and "\n" not in tail:
        end += len(tail.rstrip())
    return first, end


def _date_span(article: Article, finder: FieldFinder, dateline: Span | None) -> Span | None:
    date = article.date
    assert date is not None
    if article.dateline is not None and article.dateline.date_text and dateline is not None:
        span = finder.find(article.dateline.date_text, *dateline)
        if span is not None and parse_date(article.dateline.date_text) == date:
            return span
    values = [line.strip() for value in article.headers.values() for line in value.split("\n")]
    for value in values:
        if value and parse_date(value) == date:
            span = finder.find(value)
            if span is not None:
                return span
    year = str(date.year)
    for value in values:
        if year in value:
            span = finder.find(value)
            if span is not None:
                return span
    # A web page's own date, read from a line near the top that stays in the body: its line.
    for line in article.text.split("\n", _PAGE_DATE_LINES)[:_PAGE_DATE_LINES]:
        if date_in_page_line(line.strip()) == date:
            span = finder.find(line.strip())
            if span is not None:
                return span
    return finder.find(date.isoformat())
