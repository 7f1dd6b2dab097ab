"""The pipeline: the one place that knows the order of the stages.

unwrap -> characters -> spacing -> quotes -> header -> dateline -> paragraphs. Spacing and
quotes run before the metadata stages so that a tokenized title, byline or dateline
(``WASHINGTON ( Reuters ) -``) is repaired like the body and the metadata readers only ever
see repaired text.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

import attrs
import regex

from newsnorm.article import Article, Dateline
from newsnorm.characters import fix_characters, needs_character_repair
from newsnorm.config import Config, QuoteStyle
from newsnorm.dateline import split_dateline
from newsnorm.dates import parse_date
from newsnorm.header import HeaderFields, split_header
from newsnorm.header.generic import NO_FIELDS
from newsnorm.header.layouts import LAYOUTS, quiet_top
from newsnorm.layout import unwrap_lines
from newsnorm.quotes import QuoteReport, fix_quotes_and_count
from newsnorm.spacing import Style, StyleReport, repair_spacing_and_report

__all__ = [
    "STAGE_COUNTS",
    "TEXT_STAGES",
    "NormalizeReport",
    "TextStages",
    "normalize",
    "normalize_and_report",
    "normalize_many",
    "normalize_many_and_report",
    "normalize_text",
    "stage_counts",
]

_BLANK_LINES = regex.compile(r"\n\s*\n")


@attrs.frozen
class NormalizeReport:
    """What `normalize_and_report` did to one document, for statistics and explanations.

    Attributes:
        style: the tokenization style detected (``"raw"``: spacing was left alone).
        quotes_changed: quote characters replaced.
        quotes_ambiguous: straight quotes left because nothing showed their direction.
        spacing_rules: the spacing rules that changed the text, in the order they ran (the
            names are `newsnorm.spacing.RULE_NAMES`).
        repaired: the whole document after the text stages, header lines and dateline still
            in place, one paragraph per line: what `normalize_text` returns. Text output that
            must lose nothing (the CLI's default) writes this instead of the body.
        recognizers: the header recognizers that read something (``highlights``,
            ``generic header``…), in the order they ran.
        over_budget: the document ran over `Config.time_budget` and was left as given:
            the article holds the text unrepaired and no fields, and `repaired` is that text.

    Examples:
        >>> report = normalize_and_report("It ’ s odd , she said .")[1]
        >>> report.style, report.spacing_rules
        ('moses', ('split apostrophe ’', 'closing punctuation', 'closing period'))
        >>> normalize_and_report("Title: Rain\\n\\nIt rained , a lot .")[1].repaired
        'Title: Rain\\nIt rained, a lot.'
    """

    style: Style = "raw"
    quotes_changed: int = 0
    quotes_ambiguous: int = 0
    spacing_rules: tuple[str, ...] = ()
    repaired: str = ""
    recognizers: tuple[str, ...] = ()
    over_budget: bool = False


class _OverBudget(BaseException):
    """The document's time budget ran out.

    A BaseException, so that no ``except Exception`` in a stage or in ftfy swallows it.
    """


def _check(deadline: float) -> None:
    if time.perf_counter() > deadline:
        raise _OverBudget


_T = TypeVar("_T")


# Whether the interval timer now running is a document's budget (`_within_budget`).
_BUDGET_TIMER = [False]


def _on_alarm(_signal: int, _frame: object) -> None:
    """Stop the document whose budget ran out.

    Any other alarm ends the process, as the default action would: the handler stays
    installed once a budget has used it.
    """
    if _BUDGET_TIMER[0]:
        raise _OverBudget
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGALRM)


def _can_interrupt() -> bool:
    """Tell whether an interval timer may interrupt the work, and install its handler if so.

    It may on POSIX, in the main thread, when SIGALRM has its default action or the handler
    of an earlier budget, and no other timer is running. The handler stays installed: setting
    it for each document would cost more than the rest of the budget's bookkeeping.
    """
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        return False
    handler = signal.getsignal(signal.SIGALRM)
    if handler is not _on_alarm and handler is not signal.SIG_DFL:
        return False  # the caller's own alarm handler: the stages' checks only
    if _BUDGET_TIMER[0] or signal.getitimer(signal.ITIMER_REAL)[0]:
        return False  # another timer is running (the caller's, or an outer budget's)
    if handler is signal.SIG_DFL:
        signal.signal(signal.SIGALRM, _on_alarm)
    return True


def _within_budget(budget: float, work: Callable[[float], _T]) -> _T | None:
    """Run `work(deadline)`; None if it ran past `budget` seconds from now.

    `work` checks the deadline between stages (`_check`), which works everywhere. Where an
    interval timer can be used (`_can_interrupt`), it also interrupts a stage that runs past
    the deadline, even inside one regex search (the `regex` module and `re` let signal
    handlers run during long matches).
    """
    deadline = time.perf_counter() + budget
    try:
        if not _can_interrupt():
            return work(deadline)
        _BUDGET_TIMER[0] = True
        try:
            signal.setitimer(signal.ITIMER_REAL, budget)
            return work(deadline)
        finally:
            # The timer stops first: an alarm already on its way is handled when that call
            # returns, while it still counts as the budget's.
            signal.setitimer(signal.ITIMER_REAL, 0)
            _BUDGET_TIMER[0] = False
    except _OverBudget:
        return None


@attrs.frozen
class TextStages:
    """The functions the text stages run, in the pipeline's order.

    `normalize` runs the stages themselves (`TEXT_STAGES`, looked up by name at each call);
    `newsnorm.trace` runs the same sequence of steps (`_repair_text`, then the metadata
    stages) with versions of them that record their edits, so a trace follows `normalize`
    exactly.

    Attributes:
        unwrap: layout (`newsnorm.layout.unwrap_lines`).
        characters: character repair (`newsnorm.characters.fix_characters`).
        spacing: spacing repair (`newsnorm.spacing.repair_spacing_and_report`).
        quotes: quote style (`newsnorm.quotes.fix_quotes_and_count`).
        paragraphs: one paragraph per line, as `Article.text` and `normalize_text` hold it.

    Examples:
        >>> TEXT_STAGES.paragraphs("One.\\n\\n\\nTwo.\\n")
        'One.\\nTwo.'
    """

    unwrap: Callable[[str], str]
    characters: Callable[[str, Config], str]
    spacing: Callable[[str, Style | None], tuple[str, StyleReport]]
    quotes: Callable[[str, QuoteStyle], tuple[str, QuoteReport]]
    paragraphs: Callable[[str], str]


def _paragraphs(text: str) -> str:
    # Article.text holds one paragraph per line: blank lines between paragraphs go.
    return _BLANK_LINES.sub("\n", text.strip())


TEXT_STAGES = TextStages(
    unwrap_lines, fix_characters, repair_spacing_and_report, fix_quotes_and_count, _paragraphs
)
"""The text stages as `normalize` runs them (it finds them by name in this module, so that a
stage replaced here for a test or a measure is the one run).

Examples:
    >>> TEXT_STAGES.unwrap is unwrap_lines
    True
"""


def _repair_text(
    text: str, config: Config, deadline: float | None = None, stages: TextStages | None = None
) -> tuple[str, NormalizeReport]:
    # A repair can make new evidence for another stage or rule (a PTB bracket unescaped beside
    # a spaced slash, an entity decoded to a quote that curling then turns, a quote that no
    # longer counts as a writer's), so the stages run again over their own output until it
    # stays the same: normalize_text(normalize_text(x)) == normalize_text(x). Each stage is
    # idempotent alone, so a pass runs again only after spacing or quotes changed the text,
    # and quotes run again only on text that another stage changed since. Repaired text
    # almost always comes back unchanged from the second pass; four passes bound the rest.
    # `stages`: the trace's recording versions of the stages; None for the stages themselves.
    unwrap = unwrap_lines if stages is None else stages.unwrap
    characters = fix_characters if stages is None else stages.characters
    spacing = repair_spacing_and_report if stages is None else stages.spacing
    quotes_stage = fix_quotes_and_count if stages is None else stages.quotes
    style: Style = "raw"
    rules: list[str] = []
    changed = ambiguous = 0
    for number in range(4):
        start = text
        if config.unwrap:
            text = unwrap(text)
        if config.characters:
            text = characters(text, config)
            if deadline is not None:
                _check(deadline)
        prepared = text
        if config.spacing != "off":
            # A named corpus may name its tokenizer, as --spacing does (the option wins).
            known = config.spacing if config.spacing != "auto" else LAYOUTS[config.corpus].spacing
            text, style_report = spacing(text, known)
            style = style_report.style if style == "raw" else style
            rules += (rule for rule in style_report.rules if rule not in rules)
            if deadline is not None:
                _check(deadline)
        if number == 0 or text != start:
            text, quotes = quotes_stage(text, config.quotes)
            if quotes.changed and config.characters and needs_character_repair(text):
                # A new curly quote can complete what reads as mojibake (á + ” + ‘ is UTF-8
                # for ᔑ), which the next pass would repair: repair it now.
                text = characters(text, config)
            changed += quotes.changed
            ambiguous = quotes.ambiguous
            if deadline is not None:
                _check(deadline)
        if text in (prepared, start):
            break  # spacing and quotes found nothing new to do
    return text, NormalizeReport(style, changed, ambiguous, tuple(rules))


def normalize(text: str, config: Config | None = None, **overrides: Any) -> Article:
    """Normalize one raw news document into an `Article`.

    Args:
        text: the document, as read from the corpus.
        config: the options; `Config()` by default.
        **overrides: options to change for this call, such as ``quotes="straight"``.

    Examples:
        >>> article = normalize(" date 2020-02-17 Just when we thought , it was over .")
        >>> article.date, article.text
        (datetime.date(2020, 2, 17), 'Just when we thought, it was over.')
        >>> normalize("WASHINGTON ( Reuters ) - Lawmakers met .").dateline
        Dateline(location='WASHINGTON', agency='Reuters', date_text=None)
    """
    return normalize_and_report(text, config, **overrides)[0]


STAGE_COUNTS: tuple[str, ...] = (
    "tokenized documents repaired",
    "quotes changed",
    "ambiguous quotes left",
    "dates found",
    "datelines found",
    "titles found",
    "bylines found",
    "documents over the time budget",
)
"""What `stage_counts` counts for one document, in order: the names ``--stats`` and the
datatrove adapter's statistics show.

Examples:
    >>> STAGE_COUNTS[0]
    'tokenized documents repaired'
"""


def stage_counts(article: Article, report: NormalizeReport) -> tuple[int, ...]:
    """Count what the stages did to one document, in the order of `STAGE_COUNTS`.

    Examples:
        >>> article, report = normalize_and_report("LONDON - Rates rose , it said .")
        >>> dict(zip(STAGE_COUNTS, stage_counts(article, report)))["datelines found"]
        1
    """
    return (
        int(report.style != "raw"),
        report.quotes_changed,
        report.quotes_ambiguous,
        int(article.date is not None),
        int(article.dateline is not None),
        int(article.title is not None),
        int(article.byline is not None),
        int(report.over_budget),
    )


def normalize_and_report(
    text: str, config: Config | None = None, **overrides: Any
) -> tuple[Article, NormalizeReport]:
    """`normalize`, also returning a `NormalizeReport` of what the text stages did.

    With `Config.time_budget` set, a document that takes longer comes back as given: an
    `Article` holding the text unrepaired and no fields, and a report with ``over_budget``.

    Examples:
        >>> article, report = normalize_and_report("She said it twice ( maybe more ) .")
        >>> article.text, report.style
        ('She said it twice (maybe more).', 'moses')
        >>> normalize_and_report("It works , mostly .", time_budget=10.0)[1].over_budget
        False
    """
    cfg = Config.resolve(config, **overrides)
    return _normalize_within_budget(text, cfg)


def _normalize_within_budget(
    text: str, cfg: Config, stages: TextStages | None = None
) -> tuple[Article, NormalizeReport]:
    """Run every stage (`stages` for the text stages) under `cfg`'s time budget, if any.

    The one sequence of steps `normalize` and `newsnorm.trace` share.
    """
    if cfg.time_budget is None:
        return _normalize(text, cfg, None, stages)
    done = _within_budget(cfg.time_budget, lambda deadline: _normalize(text, cfg, deadline, stages))
    if done is None:
        return Article(text), NormalizeReport(repaired=text, over_budget=True)
    return done


# How many documents `normalize_many` takes through each step together.
_TOGETHER = 64


def normalize_many(
    texts: Iterable[str], config: Config | None = None, **overrides: Any
) -> list[Article]:
    """Normalize several raw documents: the articles `normalize` gives for each, sooner.

    The documents go through the text stages a few dozen at a time, then through the header
    and dateline readers, so that the code of each step stays in the processor's caches from
    one document to the next, where `normalize` on each alternates them (about 8 % faster
    on wire stories, measured with ``benchmarks/headers.py``). With
    `Config.time_budget` set, each document is normalized alone under its budget.

    Examples:
        >>> [article.text for article in normalize_many(["It rained , a lot .", "Sun ."])]
        ['It rained, a lot.', 'Sun.']
        >>> normalize_many(["LONDON - Rates rose ."])[0] == normalize("LONDON - Rates rose .")
        True
    """
    return [article for article, _ in normalize_many_and_report(texts, config, **overrides)]


def normalize_many_and_report(
    texts: Iterable[str], config: Config | None = None, **overrides: Any
) -> list[tuple[Article, NormalizeReport]]:
    """`normalize_many`, with the `NormalizeReport` of each document, as `normalize_and_report`.

    Examples:
        >>> [(a.text, r.style) for a, r in normalize_many_and_report(["Yes , she did ."])]
        [('Yes, she did.', 'moses')]
    """
    cfg = Config.resolve(config, **overrides)
    texts = list(texts)
    if cfg.time_budget is not None:
        return [_normalize_within_budget(text, cfg) for text in texts]
    done: list[tuple[Article, NormalizeReport]] = []
    for start in range(0, len(texts), _TOGETHER):
        repaired = [_repair_text(text, cfg) for text in texts[start : start + _TOGETHER]]
        read = [_read_header(text, cfg) for text, _ in repaired]
        datelines = [_read_dateline(fields, body, quiet, cfg) for fields, body, quiet in read]
        done += (
            _article(text, report, fields, dateline, body)
            for (text, report), (fields, _, _), (dateline, body) in zip(
                repaired, read, datelines, strict=True
            )
        )
    return done


def _normalize(
    text: str, cfg: Config, deadline: float | None, stages: TextStages | None = None
) -> tuple[Article, NormalizeReport]:
    text, report = _repair_text(text, cfg, deadline, stages)
    fields, body, quiet = _read_header(text, cfg)
    if deadline is not None:
        _check(deadline)
    dateline, body = _read_dateline(fields, body, quiet, cfg)
    article, report = _article(text, report, fields, dateline, body, stages)
    if deadline is not None:
        _check(deadline)
    return article, report


# The metadata stages, on the text the text stages repaired; `normalize_many` runs each over
# a group of documents before the next. A text whose top shows none of their readers' signs
# (`quiet_top`: most stories, which open with their first paragraph) is their body as it is,
# without running them.


def _read_header(text: str, cfg: Config) -> tuple[HeaderFields, str, bool]:
    """Read the header fields and the body; tell whether the top was quiet (no dateline)."""
    quiet = quiet_top(cfg.corpus, header=cfg.header, dateline=cfg.dateline)
    if quiet is not None and quiet.test(text):
        return NO_FIELDS, text, True
    return (*(split_header(text, cfg.corpus) if cfg.header else (NO_FIELDS, text)), False)


def _read_dateline(
    fields: HeaderFields, body: str, quiet: bool, cfg: Config
) -> tuple[Dateline | None, str]:
    if fields.dateline is None and cfg.dateline and not quiet:
        return split_dateline(body)
    return fields.dateline, body


def _article(
    text: str,
    report: NormalizeReport,
    fields: HeaderFields,
    dateline: Dateline | None,
    body: str,
    stages: TextStages | None = None,
) -> tuple[Article, NormalizeReport]:
    repaired = _paragraphs(text) if stages is None else stages.paragraphs(text)
    report = attrs.evolve(report, repaired=repaired, recognizers=fields.recognizers)
    date = fields.date
    if date is None and dateline is not None and dateline.date_text is not None:
        date = parse_date(dateline.date_text)  # a full date in the dateline, never a partial one
    article = Article(
        # With nothing taken off the top, the body is the whole text, paragraphed already.
        text=repaired if stages is None and body == text else _paragraphs(body),
        date=date,
        title=fields.title,
        byline=fields.byline,
        dateline=dateline,
        headers=fields.headers,
        highlights=fields.highlights,
        furniture=fields.furniture,
    )
    return article, report


def normalize_text(text: str, config: Config | None = None, **overrides: Any) -> str:
    """Repair the text of a document without extracting metadata.

    Runs the text stages of `normalize` (layout, characters, spacing, quotes, one paragraph per
    line) and leaves header lines and datelines in place, so that nothing is removed. With
    `Config.time_budget` set, a document that takes longer is returned as given.

    Examples:
        >>> normalize_text("It ’ s here , “ finally . ”\\n\\nNext paragraph .")
        'It’s here, “finally.”\\nNext paragraph.'
        >>> normalize_text("Already clean prose stays as it is.")
        'Already clean prose stays as it is.'
    """
    cfg = Config.resolve(config, **overrides)
    if cfg.time_budget is None:
        return _paragraphs(_repair_text(text, cfg)[0])
    done = _within_budget(
        cfg.time_budget, lambda deadline: _paragraphs(_repair_text(text, cfg, deadline)[0])
    )
    return text if done is None else done
