"""The text stages with their edits recorded: the same functions, given a `Recorder`.

Each stage function takes an optional recorder; without one it runs exactly as `normalize`
runs it. `recording_stages` binds one recorder to all of them, in the shape the pipeline runs
(`newsnorm.pipeline.TextStages`), so a trace follows `normalize`'s own sequence of steps:

- ``layout``: `newsnorm.layout.unwrap_lines` changes whitespace only, so its edits are found by
  comparing the runs of whitespace of its input and output (`Recorder.whitespace`);
- ``characters``: each regex substitution records its matches; ftfy's repairs are localized
  segment by segment (`newsnorm.characters`' ``_fix_text_recorded``);
- ``spacing``: each rule's substitutions and substring replacements record their matches; the
  pairing of straight quotes only drops spaces (`Recorder.deletions`);
- ``quotes``: each quote decided records its replacement;
- ``paragraphs``: the one-paragraph-per-line step changes whitespace only.
"""

from __future__ import annotations

from newsnorm.characters import fix_characters
from newsnorm.config import Config, QuoteStyle
from newsnorm.layout import unwrap_lines
from newsnorm.pipeline import TEXT_STAGES, TextStages
from newsnorm.quotes import QuoteReport, fix_quotes_and_count
from newsnorm.spacing import Style, StyleReport, repair_spacing_and_report
from newsnorm.tracing.edits import Recorder

__all__ = ["STAGES", "recording_stages"]

STAGES: tuple[str, ...] = ("layout", "characters", "spacing", "quotes", "paragraphs")
"""The names an `Edit.stage` is made of, in the order the stages run.

Examples:
    >>> STAGES[0]
    'layout'
"""


def recording_stages(recorder: Recorder) -> TextStages:
    """Return the text stages, each recording its edits in `recorder` (composed onto its raw text).

    Examples:
        >>> recorder = Recorder("It ’ s odd , isn't it ?")
        >>> stages = recording_stages(recorder)
        >>> stages.spacing("It ’ s odd , isn't it ?", None)[0]
        "It’s odd, isn't it?"
        >>> for start, end, _text, stage, rule in recorder.edits:
        ...     print(start, end, stage, rule)
        2 3 spacing split apostrophe ’
        4 5 spacing split apostrophe ’
        10 11 spacing closing punctuation
        21 22 spacing closing punctuation
    """

    def unwrap(text: str) -> str:
        result = unwrap_lines(text)
        if result != text:
            recorder.stage = "layout"
            recorder.whitespace(text, result, "unwrap")
        return result

    def characters(text: str, config: Config) -> str:
        recorder.stage = "characters"
        return fix_characters(text, config, recorder=recorder)

    def spacing(text: str, style: Style | None) -> tuple[str, StyleReport]:
        recorder.stage = "spacing"
        return repair_spacing_and_report(text, style, recorder=recorder)

    def quotes(text: str, style: QuoteStyle) -> tuple[str, QuoteReport]:
        recorder.stage = "quotes"
        return fix_quotes_and_count(text, style, recorder=recorder)

    def paragraphs(text: str) -> str:
        result = TEXT_STAGES.paragraphs(text)
        if result != text:
            recorder.stage = "paragraphs"
            recorder.whitespace(text, result, "one paragraph per line")
        return result

    return TextStages(unwrap, characters, spacing, quotes, paragraphs)
