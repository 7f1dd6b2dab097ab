"""datatrove: a formatter that repairs text, and a step that also reads the metadata.

Two pipeline steps for `datatrove <https://github.com/huggingface/datatrove>`_ (the ``datatrove``
extra: ``pip install 'newsnorm[datatrove]'``), to place between any reader and writer:

- `NewsnormFormatter` is a datatrove ``BaseFormatter``, like datatrove's own ``FTFYFormatter``:
  each document's text is repaired (`newsnorm.normalize_text`: characters, spacing, quotes,
  one paragraph per line), and nothing is taken out of it.
- `NewsnormAnnotator` normalizes each document into an article (`newsnorm.normalize`): the
  text becomes the article's body, and the fields read from the header and dateline go into
  ``doc.metadata`` under the names of `newsnorm.columns` (the same as the other engines' and
  Parquet's columns), with counts per stage, per spacing rule and per header recognizer in the
  step's statistics (the same counts as the command line's ``--stats``).

Examples:
    >>> from datatrove.data import Document
    >>> [document] = NewsnormAnnotator()([Document("LONDON ( Reuters ) - It rained .", "1")])
    >>> document.text, document.metadata["dateline_agency"]
    ('It rained.', 'Reuters')
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from newsnorm.integrations._engines import require

require(__name__, "datatrove", "datatrove")

from datatrove.pipeline.base import PipelineStep  # noqa: E402
from datatrove.pipeline.formatters.base import BaseFormatter  # noqa: E402

from newsnorm.columns import COLUMNS, article_columns  # noqa: E402
from newsnorm.config import Config  # noqa: E402
from newsnorm.errors import ConfigError  # noqa: E402
from newsnorm.header import RECOGNIZER_NAMES  # noqa: E402
from newsnorm.integrations._tables import Options  # noqa: E402
from newsnorm.pipeline import (  # noqa: E402
    STAGE_COUNTS,
    normalize_and_report,
    normalize_text,
    stage_counts,
)
from newsnorm.spacing import RULE_NAMES  # noqa: E402

if TYPE_CHECKING:
    from datatrove.data import DocumentsPipeline

__all__ = ["STAT_NAMES", "NewsnormAnnotator", "NewsnormFormatter"]

_DOCUMENTS = "documents"
_RULE_STATS = {name: f"spacing rule: {name}" for name in RULE_NAMES}
_RECOGNIZER_STATS = {name: f"header recognizer: {name}" for name in RECOGNIZER_NAMES}

STAT_NAMES: tuple[str, ...] = (
    _DOCUMENTS,
    *STAGE_COUNTS,
    *_RULE_STATS.values(),
    *_RECOGNIZER_STATS.values(),
)
"""Every statistic `NewsnormAnnotator` may count: documents, then per stage, then one per
spacing rule (``spacing rule: <name>``, `newsnorm.spacing.RULE_NAMES`) and one per header
recognizer (``header recognizer: <name>``, `newsnorm.header.RECOGNIZER_NAMES`).

A rule or recognizer counts the documents it changed or read something from; ``quotes
changed`` and ``ambiguous quotes left`` count quotes. A count that stayed at zero is not shown.

Examples:
    >>> STAT_NAMES[:3]
    ('documents', 'tokenized documents repaired', 'quotes changed')
    >>> "spacing rule: closing period" in STAT_NAMES
    True
"""


class NewsnormFormatter(BaseFormatter):  # type: ignore[misc]
    """A datatrove formatter: each document's text repaired by `newsnorm.normalize_text`.

    Like datatrove's ``FTFYFormatter``, it changes only the text and counts the documents
    (``total``): characters, tokenized spacing and quotes are repaired, paragraphs are one per
    line, and header lines and datelines stay where they are. To read them into metadata, use
    `NewsnormAnnotator` instead.

    Args:
        config: the options (`newsnorm.Config`); ``Config()`` by default.

    Examples:
        >>> NewsnormFormatter().format("It ’ s here , “ finally . ”")
        'It’s here, “finally.”'
        >>> NewsnormFormatter(Config(quotes="straight")).format("“ Fine , ” he said .")
        '"Fine," he said.'
    """

    name = "📰 newsnorm"

    def __init__(self, config: Config | None = None) -> None:
        super().__init__()
        self.config = Options(config=config).config

    def format(self, text: str) -> str:
        """Return `text` repaired (`newsnorm.normalize_text`).

        Examples:
            >>> NewsnormFormatter().format("Title: Rain\\n\\nIt rained , a lot .")
            'Title: Rain\\nIt rained, a lot.'
        """
        return normalize_text(text, self.config)


class NewsnormAnnotator(PipelineStep):  # type: ignore[misc]
    """A datatrove step: each document normalized into an article, its fields into metadata.

    The document's text becomes the article's body (`newsnorm.Article.text`); its fields are
    added to ``doc.metadata`` as `newsnorm.columns.COLUMNS` (after `prefix`), every one of
    them on every document (None or an empty list where nothing was found), so that a
    Parquet writer sees the same keys everywhere. A metadata key of the same name is never
    replaced: the step raises `newsnorm.ConfigError` and names the way out, a prefix. The
    statistics (`STAT_NAMES`) say what was repaired and read.

    Args:
        config: the options (`newsnorm.Config`); ``Config()`` by default.
        prefix: put before each metadata key (for example ``"newsnorm_"``).

    Examples:
        >>> from datatrove.data import Document
        >>> step = NewsnormAnnotator(prefix="nn_")
        >>> [doc] = step.run([Document("Title: Rain\\n\\nIt rained , a lot .", "a", metadata={})])
        >>> doc.text, doc.metadata["nn_title"], doc.metadata["nn_date"]
        ('It rained, a lot.', 'Rain', None)
        >>> step.stats["spacing rule: closing punctuation"].total
        1
    """

    name = "📰 newsnorm annotator"
    type = "✂️ - FORMAT"

    def __init__(self, config: Config | None = None, prefix: str = "") -> None:
        super().__init__()
        options = Options(config=config, prefix=prefix)
        self.config = options.config
        self.prefix = options.prefix

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Yield each document of `data` normalized, with its fields in its metadata.

        Examples:
            >>> from datatrove.data import Document
            >>> [doc] = NewsnormAnnotator().run([Document("(CNN) -- It rained .", "b")])
            >>> doc.metadata["dateline_agency"], doc.metadata["headers"]
            ('CNN', [])
        """
        if data is None:
            return
        config = self.config
        keys = [(name, f"{self.prefix}{name}") for name in COLUMNS]
        added = frozenset(key for _name, key in keys)
        stat = self.stat_update
        for document in data:
            stat(_DOCUMENTS)
            metadata: dict[str, Any] = document.metadata
            if not added.isdisjoint(metadata):
                clash = next(key for _name, key in keys if key in metadata)
                raise ConfigError(
                    f"document {document.id!r} has a metadata key {clash!r} already: give "
                    "a prefix for newsnorm's keys (for example prefix='newsnorm_')"
                )
            with self.track_time():
                article, report = normalize_and_report(document.text, config)
            document.text = article.text
            fields = article_columns(article)
            for name, key in keys:
                metadata[key] = fields[name]
            for name, count in zip(STAGE_COUNTS, stage_counts(article, report), strict=True):
                if count:
                    stat(name, value=count)
            for rule in report.spacing_rules:
                stat(_RULE_STATS[rule])
            for recognizer in report.recognizers:
                stat(_RECOGNIZER_STATS[recognizer])
            yield document
