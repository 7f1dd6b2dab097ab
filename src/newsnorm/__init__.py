"""newsnorm: turn messy, tokenized news corpora into clean, typed articles.

>>> import newsnorm
>>> newsnorm.normalize(" date 2021-06-01 Markets rose , traders said .").text
'Markets rose, traders said.'
"""

from newsnorm.article import Article, Dateline
from newsnorm.characters import fix_characters
from newsnorm.config import PRESETS, Config
from newsnorm.dateline import split_dateline
from newsnorm.dates import parse_date
from newsnorm.errors import (
    ArticleDataError,
    ConfigError,
    DecodeError,
    InputError,
    NewsnormError,
    OutputError,
    RecordError,
    WorkerError,
)
from newsnorm.header import HeaderFields, split_header
from newsnorm.pipeline import (
    NormalizeReport,
    normalize,
    normalize_and_report,
    normalize_many,
    normalize_many_and_report,
    normalize_text,
)
from newsnorm.quotes import QuoteReport, fix_quotes, fix_quotes_and_count
from newsnorm.spacing import StyleReport, detect_style, repair_spacing
from newsnorm.tracing import Edit, Trace, trace

__version__ = "0.1.0"
"""The installed version of newsnorm.

Examples:
    >>> __version__.count(".")
    2
"""

__all__ = [
    "PRESETS",
    "Article",
    "ArticleDataError",
    "Config",
    "ConfigError",
    "Dateline",
    "DecodeError",
    "Edit",
    "HeaderFields",
    "InputError",
    "NewsnormError",
    "NormalizeReport",
    "OutputError",
    "QuoteReport",
    "RecordError",
    "StyleReport",
    "Trace",
    "WorkerError",
    "__version__",
    "detect_style",
    "fix_characters",
    "fix_quotes",
    "fix_quotes_and_count",
    "normalize",
    "normalize_and_report",
    "normalize_many",
    "normalize_many_and_report",
    "normalize_text",
    "parse_date",
    "repair_spacing",
    "split_dateline",
    "split_header",
    "trace",
]
