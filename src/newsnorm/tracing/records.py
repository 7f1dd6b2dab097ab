"""A trace written out: a compact JSON record (``--offsets``) and lines for ``inspect``."""

from __future__ import annotations

import json
from typing import Any

from newsnorm.tracing import Trace

__all__ = ["describe_edits", "offsets_record"]

# How much of an edit's before and after `describe_edits` shows.
_SHOWN = 40


def offsets_record(trace: Trace) -> dict[str, Any]:
    """Return the raw offsets of a trace as a JSON-ready record, for ``normalize --offsets``.

    ``edits`` holds each edit as ``[start, end, text, stage, rule]`` in raw coordinates, in
    order and non-overlapping; ``fields`` maps each field's name (as `Trace.field_span` names
    it) to its ``[start, end]`` raw span. Applying the edits from the last to the first keeps
    every offset valid, and gives the repaired text (``normalize_text``'s):

    Examples:
        >>> from newsnorm import trace
        >>> raw = "Title: Rain\\n\\nIt rained , a lot ."
        >>> record = offsets_record(trace(raw))
        >>> record["fields"]
        {'title': [7, 11], 'headers[Title]': [7, 11]}
        >>> record["edits"][1]
        [22, 23, '', 'spacing', 'closing punctuation']
        >>> text = raw
        >>> for start, end, new, _stage, _rule in reversed(record["edits"]):
        ...     text = text[:start] + new + text[end:]
        >>> text
        'Title: Rain\\nIt rained, a lot.'
        >>> import json
        >>> json.loads(json.dumps(record)) == record
        True
    """
    return {
        "edits": [[edit.start, edit.end, edit.text, edit.stage, edit.rule] for edit in trace.edits],
        "fields": {name: [start, end] for name, (start, end) in trace.field_spans().items()},
    }


def _shown(text: str) -> str:
    if len(text) > _SHOWN:
        text = text[: _SHOWN // 2] + "…" + text[-_SHOWN // 2 :]
    return json.dumps(text, ensure_ascii=False)


def describe_edits(trace: Trace) -> list[str]:
    """Return one line per edit for ``newsnorm inspect``: offsets, stage, rule, before -> after.

    Examples:
        >>> from newsnorm import trace
        >>> for line in describe_edits(trace("It ’ s done , ok .")):
        ...     print(line)
        2-3  spacing  split apostrophe ’  " " -> ""
        4-5  spacing  split apostrophe ’  " " -> ""
        11-12  spacing  closing punctuation  " " -> ""
        16-17  spacing  closing period  " " -> ""
    """
    return [
        f"{edit.start}-{edit.end}  {edit.stage}  {edit.rule}  "
        f"{_shown(trace.raw[edit.start : edit.end])} -> {_shown(edit.text)}"
        for edit in trace.edits
    ]
