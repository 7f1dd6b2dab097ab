import datetime as dt
import signal
import subprocess
import sys
import threading
import time

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from newsnorm import (
    Article,
    NormalizeReport,
    normalize,
    normalize_and_report,
    normalize_many,
    normalize_many_and_report,
    normalize_text,
    pipeline,
)
from newsnorm.spacing import repair_spacing_and_report
from tests.strategies import (
    clean_documents,
    conll_documents,
    dailymail_documents,
    furniture_documents,
    headed_documents,
    metadata_documents,
    moses_render,
)

_WORD = regex.compile(r"\w+")


def test_glued_date_line_from_the_issue() -> None:
    article = normalize(" date 2020-02-17 Just when we thought , it was over .")
    assert article.date == dt.date(2020, 2, 17)
    assert article.text.startswith("Just when we thought, it was over.")


def test_whole_tokenized_article() -> None:
    raw = (
        "Port Reopens After Storm\n"
        "By Ann Lee\n\n"
        "BOSTON ( Reuters ) - The port , closed since Friday , reopened .\n\n"
        "“ We ’ re back , ” the harbor master said ( twice ) .\n"
    )
    article = normalize(raw)
    assert article.title == "Port Reopens After Storm"
    assert article.byline == "By Ann Lee"
    assert article.dateline is not None and article.dateline.location == "BOSTON"
    assert article.text == (
        "The port, closed since Friday, reopened.\n“We’re back,” the harbor master said (twice)."
    )


def test_mixed_quotes_become_consistent() -> None:
    text = 'Counties "that refuse to participate.” And "others.”'
    assert normalize_text(text) == "Counties “that refuse to participate.” And “others.”"


@given(clean_documents())
def test_clean_text_is_a_fixed_point(text: str) -> None:
    assert normalize_text(text) == text


@given(st.text())
def test_normalize_text_is_idempotent_and_never_raises(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once


@given(st.text())
def test_normalize_never_raises(text: str) -> None:
    assert isinstance(normalize(text), Article)


@given(clean_documents())
def test_words_keep_their_order_through_tokenization(text: str) -> None:
    rendered = "\n".join(moses_render(line) for line in text.split("\n"))
    assert _WORD.findall(normalize_text(rendered)) == _WORD.findall(text)


def test_wrapped_wire_copy_is_unwrapped_unless_switched_off() -> None:
    wire = "RATES RISE\n    LONDON, March 2 - Rates rose in\nlate trade.\n    Traders cheered."
    assert normalize(wire).text == "Rates rose in late trade.\nTraders cheered."
    kept = normalize_text(wire, unwrap=False)
    assert kept.split("\n")[2] == "late trade."


# --- The time budget ------------------------------------------------------------------------------

# A pattern that backtracks cubically on a run of marks after a dash: one search lasts seconds.
_CUBIC = regex.compile(r"[!?]{2,}(?<=\w [!?]{2,})(?= |$)")


def _slow_spacing(seconds: float) -> object:
    """A spacing stage that takes `seconds` (in one regex search, or sleeping if shorter)."""

    def stage(text: str, style: object) -> tuple[str, object]:
        if seconds > 1:
            _CUBIC.search("- " + "!" * 2000)  # about ten seconds, unless interrupted
        else:
            time.sleep(seconds)
        return repair_spacing_and_report(text, style)  # type: ignore[arg-type]

    return stage


def test_a_document_over_its_budget_comes_back_as_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "repair_spacing_and_report", _slow_spacing(0.2))
    text = "Title: Rain\n\nIt rained , a lot ."
    article, report = normalize_and_report(text, time_budget=0.05)
    assert report.over_budget
    assert article == Article(text)
    assert report.repaired == text
    assert normalize_text(text, time_budget=0.05) == text


def test_the_budget_interrupts_a_stage_in_the_middle(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "repair_spacing_and_report", _slow_spacing(10))
    start = time.perf_counter()
    assert normalize_and_report("It rained , a lot .", time_budget=0.2)[1].over_budget
    if hasattr(signal, "setitimer"):  # where a timer can interrupt a regex search
        assert time.perf_counter() - start < 2
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="no interval timers")
def test_an_alarm_that_is_not_the_budgets_still_ends_the_process() -> None:
    # The budget's handler stays installed; an alarm set later by someone else that counts on
    # the default action still ends the process.
    script = (
        "import signal, time\n"
        "from newsnorm import normalize\n"
        "normalize('It rained , a lot .', time_budget=5)\n"
        "signal.setitimer(signal.ITIMER_REAL, 0.05)\n"
        "time.sleep(5)\n"
    )
    ended = subprocess.run([sys.executable, "-c", script], timeout=60, check=False)
    assert ended.returncode == -signal.SIGALRM


def test_outside_the_main_thread_the_budget_is_checked_between_stages(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(pipeline, "repair_spacing_and_report", _slow_spacing(0.2))
    reports: list[NormalizeReport] = []
    worker = threading.Thread(
        target=lambda: reports.append(normalize_and_report("It rained .", time_budget=0.05)[1])
    )
    worker.start()
    worker.join()
    assert reports[0].over_budget


def test_an_alarm_handler_of_the_callers_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "repair_spacing_and_report", _slow_spacing(0.2))

    def handler(_signal: int, _frame: object) -> None:
        pass  # pragma: no cover - never called

    previous = signal.signal(signal.SIGALRM, handler)
    try:
        assert normalize_and_report("It rained .", time_budget=0.05)[1].over_budget
        assert signal.getsignal(signal.SIGALRM) is handler
    finally:
        signal.signal(signal.SIGALRM, previous)


@given(st.text(max_size=200))
def test_a_generous_budget_changes_nothing(text: str) -> None:
    article, report = normalize_and_report(text, time_budget=60)
    assert (article, report) == normalize_and_report(text)
    assert not report.over_budget
    assert normalize_text(text, time_budget=60) == normalize_text(text)


_any_documents = st.one_of(
    st.text(max_size=300),
    clean_documents(),
    clean_documents().map(moses_render),
    headed_documents(),
    metadata_documents(),
    dailymail_documents().map(lambda made: made[0]),
    conll_documents().map(lambda made: made[0]),
    furniture_documents().map(lambda made: made[0]),
)


@given(st.lists(_any_documents, max_size=5), st.integers(1, 3))
def test_many_at_once_give_what_each_alone_gives(texts: list[str], together: int) -> None:
    # `together` small, so that a few texts make several groups (64 in use).
    original = pipeline._TOGETHER
    pipeline._TOGETHER = together
    try:
        many = normalize_many_and_report(texts)
    finally:
        pipeline._TOGETHER = original
    assert many == [normalize_and_report(text) for text in texts]
    assert normalize_many(iter(texts), quotes="straight") == [
        normalize(text, quotes="straight") for text in texts
    ]


def test_many_at_once_under_a_budget_are_each_under_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "repair_spacing_and_report", _slow_spacing(0.2))
    done = normalize_many_and_report(["Slow , this one .", "And this ."], time_budget=0.05)
    assert [article.text for article, _ in done] == ["Slow , this one .", "And this ."]
    assert all(report.over_budget for _, report in done)
