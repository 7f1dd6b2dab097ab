"""`Document`: one raw document read from an input, with where it came from."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

__all__ = ["Document"]

MULTINEWS_SEPARATOR = "|||||"
# Between the documents of one Multi-News cluster, on its line (read and written).


@attrs.frozen
class Document:
    """One raw document read from an input, with where it came from.

    Attributes:
        text: the raw document text.
        source: the file it was read from, or ``"<stdin>"``.
        line: the 1-based line of `source` where the document starts (for Multi-News, the
            cluster's line).
        record: for JSONL inputs, the whole JSON object (the text field included).
        position: for Multi-News inputs, the 0-based index of the document in its cluster.
        size: how many bytes of the input the record took, for progress reports.
        cluster: for Multi-News inputs, the cluster's id (``cluster_offset`` plus the line).
        verbatim: for a bad record kept with ``keep_verbatim``, its raw line (without the line
            ending; bytes invalid in the encoding as lone surrogates), which every output
            format writes back unchanged.

    Examples:
        >>> Document("Text.", source="a.txt", line=1).record is None
        True
        >>> Document("", "a.jsonl", 4, verbatim="{oops").verbatim
        '{oops'
    """

    text: str
    source: str
    line: int = 1
    record: Mapping[str, Any] | None = attrs.field(default=None, hash=False)
    position: int | None = None
    size: int = 0
    cluster: int | None = None
    verbatim: str | None = None

    def __reduce__(self) -> tuple[Any, ...]:
        # A compact pickle (the fields, in order): documents travel to workers by the thousand.
        return (
            Document,
            (
                self.text,
                self.source,
                self.line,
                self.record,
                self.position,
                self.size,
                self.cluster,
                self.verbatim,
            ),
        )
