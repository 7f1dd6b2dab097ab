"""The ``newsnorm`` command: the only module that knows about argv, exit codes and progress."""

from __future__ import annotations

import argparse
import codecs
import contextlib
import difflib
import fnmatch
import functools
import lzma
import os
import signal
import sys
import threading
import tomllib
import zlib
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn, TextIO, get_args

import attrs

from newsnorm import __version__
from newsnorm.article import Article
from newsnorm.batch import render_documents
from newsnorm.config import PRESETS, Config, Corpus, QuoteStyle, SpacingMode
from newsnorm.errors import (
    ConfigError,
    InputError,
    NewsnormError,
    OutputError,
    display_name,
    one_line,
)
from newsnorm.formats import (
    COMPRESSED_SUFFIXES,
    DEFAULT_MAX_DOCUMENT_SIZE,
    READERS,
    STDIO,
    Chunk,
    Document,
    OutputFormat,
    describe_input_formats,
    open_writer,
    read_documents,
    render_chunk,
    resolve_input_format,
    resolve_output_format,
)
from newsnorm.formats.parquet import PARQUET_EXTRA, has_pyarrow
from newsnorm.header import RECOGNIZER_NAMES
from newsnorm.pipeline import (
    STAGE_COUNTS,
    NormalizeReport,
    normalize_and_report,
    stage_counts,
)
from newsnorm.spacing import RULE_NAMES, detect_style
from newsnorm.tracing import trace
from newsnorm.tracing.records import describe_edits, offsets_record

__all__ = [
    "EXIT_BROKEN_PIPE",
    "EXIT_FAILED",
    "EXIT_INPUT_FAILED",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USAGE",
    "main",
]

EXIT_OK = 0
"""Every input was normalized.

Examples:
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "story.txt").write_text("It works , mostly .")
    >>> main(["normalize", "-q", str(folder / "story.txt"), "-o", str(folder / "out.txt")])
    0
    >>> (folder / "out.txt").read_text()
    'It works, mostly.\\n'
"""
EXIT_FAILED = 1
"""The run failed: an input or record could not be read, an output could not be written (a
full disk, say), or a worker process died; with --keep-going, the bad inputs and records were
reported one line each and everything else was written.

Examples:
    >>> import pathlib, tempfile
    >>> bad = pathlib.Path(tempfile.mkdtemp()) / "bad.jsonl"
    >>> _ = bad.write_text('not json\\n{"text": "Fine ."}\\n')
    >>> main(["normalize", "-q", "--keep-going", str(bad), "-o", str(bad) + ".out"])
    1
    >>> pathlib.Path(str(bad) + ".out").read_text()
    'Fine.\\n'
"""
EXIT_INPUT_FAILED = EXIT_FAILED
"""The older name of `EXIT_FAILED`.

Examples:
    >>> EXIT_INPUT_FAILED
    1
"""
EXIT_USAGE = 2
"""The command cannot run as given, found before anything is written: an unknown option, a
missing input file, an unreadable config file, an output folder that is missing or not
writable, an output onto an input, a closed standard input or output that the run needs.

Examples:
    >>> main(["normalize", "no/such/file.txt"])
    2
"""
EXIT_INTERRUPTED = 130
"""Interrupted (Ctrl-C); no partial output file is left behind. SIGTERM and SIGHUP are handled
the same way and exit with 128 plus their number (143, 129).

Examples:
    >>> import signal
    >>> EXIT_INTERRUPTED == 128 + signal.SIGINT  # the shell's convention
    True
"""
EXIT_BROKEN_PIPE = 141
"""The reader of standard output went away (``newsnorm ... | head``): newsnorm stops quietly,
with the status a shell reports for a command ended by SIGPIPE.

Examples:
    >>> import signal
    >>> EXIT_BROKEN_PIPE == 128 + signal.SIGPIPE
    True
"""

_EPILOG = f"""\
examples:
  newsnorm normalize story.txt                     one article to stdout
  newsnorm normalize corpus/ -o clean.txt          every file under a folder, into one file
  newsnorm normalize corpus/ --glob '*.txt' -o out/   one output file per input, mirrored
  newsnorm normalize corpus/ -o out/ --body-only   bodies only: header lines left out
  newsnorm normalize dump.jsonl.gz --format jsonl -o clean.jsonl --jobs 2 --stats
  cat story.txt | newsnorm normalize --quotes straight
  newsnorm normalize train.src --format jsonl      Multi-News: one article per document
  newsnorm normalize in.parquet --text-field article -o out.parquet
                                                   a table: its columns kept, fields added
  newsnorm inspect story.txt                       what would change, and why

exit codes:
  {EXIT_OK}    success
  {EXIT_FAILED}    an input or record could not be read (invalid UTF-8, malformed JSONL, ...),
       an output could not be written, or a worker died; with --keep-going, the rest
       was written
  {EXIT_USAGE}    usage error (unknown option, missing input file, unreadable config, missing
       or unwritable output folder, output onto an input, two inputs with one output name)
  {EXIT_INTERRUPTED}  interrupted (Ctrl-C); 143 for SIGTERM, 129 for SIGHUP
  {EXIT_BROKEN_PIPE}  the reader of the output went away (| head)
"""
_CONFIG_FLAGS = (
    "unwrap", "characters", "fold_compatibility", "spacing", "quotes", "header", "dateline",
    "corpus", "time_budget",
)  # fmt: skip


class _UsageError(Exception):
    """A mistake on the command line, reported with exit code 2."""


# What reading an input may raise besides a NewsnormError, should a reader let it through: the
# system refusing a read, and the decompressors' own errors for a truncated or corrupt file.
_READ_FAILURES = (NewsnormError, OSError, EOFError, zlib.error, lzma.LZMAError)


def _read_error(exc: BaseException, name: str) -> NewsnormError:
    """Return the `NewsnormError` for a failure while reading the input `name`."""
    if isinstance(exc, NewsnormError):
        return exc
    file = "<stdin>" if name == STDIO else name
    if isinstance(exc, EOFError):
        return InputError("cannot read: the compressed file ends early (truncated?)", file=file)
    if isinstance(exc, OSError) and exc.strerror:
        return InputError(f"cannot read: {exc.strerror}", file=file)
    return InputError(f"cannot read: {exc}", file=file)


def _os_error_message(exc: OSError) -> str:
    """One line for an `OSError` nobody turned into a `NewsnormError`: the file(s) and cause."""
    names = [display_name(os.fsdecode(name)) for name in (exc.filename, exc.filename2) if name]
    cause = exc.strerror or str(exc) or type(exc).__name__
    return ": ".join([" -> ".join(names), cause] if names else [cause])


def _add_reading_options(parser: argparse.ArgumentParser) -> None:
    reading = parser.add_argument_group("reading options")
    reading.add_argument(
        "--input-format",
        choices=("auto", *READERS),
        default="auto",
        help=describe_input_formats(),
    )
    reading.add_argument(
        "--text-field",
        help="the JSONL field or Parquet column holding the text (default: text)",
    )
    reading.add_argument(
        "--encoding", type=_encoding, default="utf-8", help="input encoding (default: utf-8)"
    )
    reading.add_argument(
        "--errors",
        choices=("strict", "replace"),
        default="strict",
        help="strict: stop at an invalid byte; replace: read it as U+FFFD (default: strict)",
    )
    reading.add_argument(
        "--max-document-size",
        type=_size,
        default=DEFAULT_MAX_DOCUMENT_SIZE,
        metavar="SIZE",
        help="the most one document may take in the input, in bytes or with a K, M or G "
        "suffix; a longer one is an error naming its file and line (default: 16M)",
    )


_SIZE_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def _size(text: str) -> int:
    """Read a size: bytes, or a number with a K, M or G suffix (powers of 1024)."""
    number, unit = text.strip(), ""
    if number[-1:].upper() in _SIZE_UNITS:
        number, unit = number[:-1], number[-1].upper()
    try:
        size = int(number) * _SIZE_UNITS[unit]
    except ValueError:
        size = 0
    if size < 1:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (bytes, or with K, M or G)")
    return size


def _encoding(name: str) -> str:
    try:
        codecs.lookup(name)
    except LookupError:
        raise argparse.ArgumentTypeError(f"unknown encoding {name!r}") from None
    return name


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"needs at least one worker, not {jobs}")
    return jobs


def _add_normalization_options(parser: argparse.ArgumentParser) -> None:
    options = parser.add_argument_group("normalization options")
    options.add_argument("--config", help="a TOML file of options (flags given here win)")
    options.add_argument("--preset", choices=sorted(PRESETS), help="start from a named preset")
    options.add_argument("--quotes", choices=get_args(QuoteStyle), help="quote style")
    options.add_argument("--spacing", choices=get_args(SpacingMode), help="spacing repair")
    options.add_argument(
        "--corpus",
        choices=get_args(Corpus),
        help="the corpus the documents come from: its layout alone is read, and its tokenizer "
        "named when known (default: auto, every layout where it shows)",
    )
    for flag, name, text in (
        ("--no-unwrap", "unwrap", "keep hard-wrapped wire copy as it is"),
        ("--no-characters", "characters", "do not repair mojibake, entities and whitespace"),
        ("--no-header", "header", "leave header lines in the text"),
        ("--no-dateline", "dateline", "leave datelines in the text"),
    ):
        options.add_argument(flag, dest=name, action="store_false", default=None, help=text)
    options.add_argument(
        "--fold-compatibility",
        action="store_true",
        default=None,
        help="also fold fullwidth letters and ligatures",
    )
    _add_time_budget_option(options)


def _add_time_budget_option(options: argparse._ArgumentGroup) -> None:
    """Add the per-document time budget (`Config.time_budget`), counted by --stats."""
    options.add_argument(
        "--time-budget",
        dest="time_budget",
        type=_seconds,
        default=None,
        metavar="SECONDS",
        help="the most time one document may take; a document over it is written as given, "
        "unrepaired, and counted by --stats (default: no limit)",
    )


def _seconds(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = 0.0
    if not 0 < seconds < float("inf"):
        raise argparse.ArgumentTypeError(f"not a number of seconds above 0: {text!r}")
    return seconds


def _build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsnorm",
        description="Turn messy, tokenized news text into clean, typed articles.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsnorm {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    run = commands.add_parser(
        "normalize",
        help="normalize files, folders or standard input",
        description="Normalize news documents: repair characters, spacing and quotes, and "
        "extract the date, title, byline and dateline.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="files or folders to read (folders recursively); '-' or nothing reads stdin",
    )
    writing = run.add_argument_group("output options")
    writing.add_argument(
        "-o",
        "--output",
        default=STDIO,
        help="output file, its format from its name (.jsonl, .parquet; anything else text) "
        "unless --format says; or a folder (an existing one, or a name ending in '/') for one "
        "output per input (default: stdout)",
    )
    writing.add_argument(
        "--in-place", action="store_true", help="rewrite each input file (atomically)"
    )
    writing.add_argument(
        "--format",
        choices=get_args(OutputFormat),
        help="text: articles separated by a blank line, header lines kept; jsonl: one JSON "
        "object per article with its date, title, byline, dateline and headers; lines and "
        "multinews: the line-based input formats; parquet: one row per article, a Parquet "
        "input's own columns kept and the fields added as columns (default: from the -o "
        "file's name, else text; the input's format with --in-place)",
    )
    writing.add_argument(
        "--body-only",
        action="store_true",
        help="text formats: write the body alone, leaving out the header lines and dateline "
        "that were read into fields (by default text output keeps them, repaired, in place)",
    )
    writing.add_argument(
        "--field-prefix",
        default="",
        help="jsonl, parquet: add newsnorm's fields (columns) under this prefix (say "
        "'newsnorm_'), for records that have fields of the same names; a record's own field "
        "is never replaced",
    )
    writing.add_argument(
        "--source-field",
        default="source_file",
        help="jsonl, parquet: the field (column) naming the input file of each record, unless "
        "the record has one already (default: source_file; '' leaves it out)",
    )
    writing.add_argument(
        "--offsets",
        action="store_true",
        help="jsonl: add an 'offsets' field to each record: the raw spans of the fields and "
        "the edits that repaired the text, as [start, end, text, stage, rule] (see the docs' "
        "tracing page); traces each document, which makes a run about twice as long",
    )
    _add_reading_options(run)
    run.add_argument("--glob", default="*", help="file names to read in folders (default: *)")
    run.add_argument("--id-field", help="a JSONL field that names records in error messages")
    _add_normalization_options(run)
    running = run.add_argument_group("running options")
    running.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=os.cpu_count() or 1,
        help="worker processes; output order never changes (default: all cores)",
    )
    running.add_argument(
        "--keep-going",
        action="store_true",
        help="report bad records on stderr, skip them, and exit 1 at the end",
    )
    running.add_argument("--stats", action="store_true", help="print counts per stage at the end")
    running.add_argument("-q", "--quiet", action="store_true", help="no progress bar")

    inspect = commands.add_parser(
        "inspect",
        help="show what normalize would do to one document, and why",
        description="For the first document of INPUT: the detected tokenization style and its "
        "evidence, the header fields found, and a diff from the input to the article's body.",
    )
    inspect.add_argument("input", metavar="INPUT", help="a file, or '-' for stdin")
    _add_reading_options(inspect)
    _add_normalization_options(inspect)
    return parser


def _config(args: argparse.Namespace) -> Config:
    from_file: dict[str, Any] = {}
    name = None if args.config is None else display_name(args.config)
    if args.config is not None:
        try:
            with open(args.config, "rb") as handle:
                from_file = tomllib.load(handle)
        except FileNotFoundError:
            raise _UsageError(f"{name}: no such config file") from None
        except IsADirectoryError:
            raise _UsageError(f"{name}: the config file is a folder") from None
        except OSError as exc:
            cause = exc.strerror or exc
            raise _UsageError(f"{name}: cannot read the config file: {cause}") from None
        except UnicodeDecodeError as exc:
            raise _UsageError(f"{name}: not valid TOML: not UTF-8 text ({exc.reason})") from None
        except tomllib.TOMLDecodeError as exc:
            raise _UsageError(f"{name}: not valid TOML: {exc}") from None
    from_file = {key.replace("-", "_"): value for key, value in from_file.items()}
    preset = args.preset or from_file.pop("preset", "default")
    overrides = {name: getattr(args, name) for name in _CONFIG_FLAGS}
    overrides = {name: value for name, value in overrides.items() if value is not None}
    try:
        return Config.preset(preset, **from_file).evolve(**overrides)
    except ConfigError as exc:
        where = f"{name}: " if name is not None else ""
        raise _UsageError(f"{where}{exc}") from None


def _expand_inputs(
    inputs: Sequence[str], pattern: str, unreadable: list[NewsnormError]
) -> list[str]:
    """Turn the INPUT arguments into file names; folders are walked in sorted order.

    A folder met on the way that cannot be read is added to `unreadable`, never passed over
    in silence.
    """
    files: list[str] = []
    for name in inputs or [STDIO]:
        if name == STDIO:
            files.append(name)
        elif os.path.isdir(name):
            found, refused = _walk(name, pattern)
            unreadable.extend(refused)
            if not found and not refused:
                raise _UsageError(
                    f"{display_name(name)}: no file in this folder matches --glob {pattern!r}"
                )
            files.extend(found)
        elif os.path.exists(name):
            files.append(name)
        else:
            raise _UsageError(f"{display_name(name)}: no such file or folder")
    return list(dict.fromkeys(files))


def _walk(root: str, pattern: str) -> tuple[list[str], list[NewsnormError]]:
    # Every file under `root` whose name matches `pattern`, hidden files and folders left out
    # and links to folders not followed (as Path.rglob), and the folders that cannot be read.
    found: list[Path] = []
    refused: list[NewsnormError] = []

    def cannot_read(exc: OSError) -> None:
        folder = os.fsdecode(exc.filename) if exc.filename is not None else root
        refused.append(InputError(f"cannot read this folder: {exc.strerror or exc}", file=folder))

    for folder, subfolders, names in os.walk(root, onerror=cannot_read):
        subfolders[:] = [sub for sub in subfolders if not sub.startswith(".")]
        for name in names:
            path = os.path.join(folder, name)
            if not name.startswith(".") and fnmatch.fnmatch(name, pattern) and os.path.isfile(path):
                found.append(Path(path))
    return [str(path) for path in sorted(found)], refused


@attrs.frozen
class _Plan:
    """Where each input's articles go: one stream for all, or one file per input."""

    single: str | None  # the one output (a file or "-"), or None for one output per input
    targets: dict[str, str]  # input -> output file, when there is one output per input
    formats: dict[str, OutputFormat]
    default: OutputFormat = "text"  # the format of the one output


_RECORD_FORMATS = frozenset({"jsonl", "parquet"})  # inputs whose records name a text field


def _check_text_field(args: argparse.Namespace, files: list[str]) -> None:
    if args.text_field is None:
        args.text_field = "text"
    elif not any(resolve_input_format(n, args.input_format) in _RECORD_FORMATS for n in files):
        raise _UsageError(
            "--text-field is for JSONL or Parquet input; none of the inputs is JSONL or Parquet"
        )


def _check_parquet(args: argparse.Namespace, files: list[str], plan: _Plan) -> None:
    """Refuse, before anything is written, what Parquet cannot do, and Parquet without pyarrow."""
    read_as = {name: resolve_input_format(name, args.input_format) for name in files}
    reads = [name for name, chosen in read_as.items() if chosen == "parquet"]
    writes = [name for name, chosen in plan.formats.items() if chosen == "parquet"]
    if STDIO in reads:
        raise _UsageError(
            "Parquet cannot be read from standard input (it is read from the end of the "
            "file); name the file"
        )
    if plan.single == STDIO and plan.default == "parquet":
        raise _UsageError("Parquet output needs a file: name it with -o (out.parquet)")
    if writes and any(read_as[name] == "jsonl" for name in writes):
        raise _UsageError(
            "JSONL records cannot be written as Parquet (their fields have no column types); "
            "write JSONL, or convert the records to Parquet first"
        )
    if (reads or writes) and not has_pyarrow():  # imported when the first table is read
        verb = "reading" if reads else "writing"
        raise _UsageError(f"{verb} Parquet needs {PARQUET_EXTRA}")


def _plan(args: argparse.Namespace, files: list[str]) -> _Plan:
    single = args.output != STDIO and not args.in_place
    single = single and not (os.path.isdir(args.output) or args.output.endswith(("/", os.sep)))
    # One output file: its name says its format, as an input's name says the input's.
    default: OutputFormat = args.format or (
        resolve_output_format(args.output) if single else "text"
    )

    def output_format(name: str) -> OutputFormat:
        if args.format:
            chosen: OutputFormat = args.format
            return chosen
        if args.in_place:  # a rewritten file keeps its own format
            read_as = resolve_input_format(name, args.input_format)
            rewrite_as = READERS[read_as].rewrite_as
            if rewrite_as is None:
                cause = f"--in-place cannot write {read_as} files back in their format; use -o"
                raise _UsageError(f"{display_name(name)}: {cause}")
            return rewrite_as
        return default

    if args.output == "":
        raise _UsageError("-o needs a file or folder name, not an empty one ('-' for stdout)")
    formats = {name: output_format(name) for name in files}
    if args.in_place:
        if STDIO in files:
            raise _UsageError("--in-place needs files, not standard input")
        if args.output != STDIO:
            raise _UsageError("give either --in-place or -o, not both")
        checked: set[str] = set()
        for name in files:  # the new file is made beside the real one, then renamed onto it
            real = os.path.realpath(name)
            _check_writable(name, os.path.dirname(real), checked)
            if not _may_write(real):  # the folder would let it be replaced; the file says no
                raise _UsageError(
                    f"{display_name(name)}: cannot write: no permission to write this file"
                )
        return _Plan(None, {name: name for name in files}, formats)
    output = args.output
    if output == STDIO:
        return _Plan(output, {}, formats, default)
    if os.path.isdir(output) or output.endswith(("/", os.sep)):
        return _Plan(None, _mirror(args, files, formats), formats)
    shown = display_name(output)
    if len(args.inputs) > 1 and not Path(output).suffix and not os.path.exists(output):
        raise _UsageError(
            f"{shown}: no such folder; end the name with '/' for one output per input, or "
            "give a file name with a suffix (out.txt) to write them all into one file"
        )
    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder):
        raise _UsageError(f"{shown}: cannot write there, no such folder {display_name(folder)}")
    _check_writable(output, folder, set())
    target = os.path.realpath(output)
    if any(name != STDIO and os.path.realpath(name) == target for name in files):
        raise _UsageError(f"{shown}: refusing to overwrite one of the inputs")
    return _Plan(output, {}, formats, default)


def _may_write(path: str) -> bool:
    effective = os.access in os.supports_effective_ids
    mode = os.W_OK | os.X_OK if os.path.isdir(path) else os.W_OK
    return os.access(path, mode, effective_ids=effective)


def _check_writable(target: str, folder: str, checked: set[str]) -> None:
    """Refuse `target` (exit 2) when newsnorm may not write in `folder`.

    When `folder` does not exist yet, the nearest folder above it that does is checked (the
    rest is created). Only a pre-flight check, made before anything is written: a refusal
    found while writing is still an error, with exit 1.
    """
    existing = os.path.abspath(folder)
    while not os.path.lexists(existing):
        existing = os.path.dirname(existing)
    if existing in checked:
        return
    if not os.path.isdir(existing):
        raise _UsageError(
            f"{display_name(target)}: cannot write there: {display_name(existing)} is not a folder"
        )
    if not _may_write(existing):
        raise _UsageError(
            f"{display_name(target)}: cannot write there: no permission to write in the folder "
            f"{display_name(existing)}"
        )
    checked.add(existing)


_SUFFIXES: Mapping[OutputFormat, str] = {"jsonl": ".jsonl", "parquet": ".parquet"}
# The suffix an output file of one input is given in these formats, when it lacks it.


def _mirror(
    args: argparse.Namespace, files: list[str], formats: dict[str, OutputFormat]
) -> dict[str, str]:
    roots = [Path(name) for name in args.inputs if os.path.isdir(name)]
    inputs = {os.path.realpath(name): name for name in files if name != STDIO}
    targets: dict[str, str] = {}
    claimed: dict[str, str] = {}  # real output path -> the input that writes it
    checked: set[str] = set()
    for name in files:
        if name == STDIO:
            raise _UsageError("an output folder needs files, not standard input")
        path = Path(name)
        root = next((r for r in roots if path.is_relative_to(r)), path.parent)
        relative = path.relative_to(root)
        while relative.suffix in COMPRESSED_SUFFIXES:
            relative = relative.with_suffix("")
        chosen = formats[name]
        if chosen in _SUFFIXES and relative.suffix != _SUFFIXES[chosen]:
            relative = relative.with_suffix(relative.suffix + _SUFFIXES[chosen])
        elif chosen not in _SUFFIXES and relative.suffix == _SUFFIXES["parquet"]:
            relative = relative.with_suffix(".txt")  # text from a table: not named as one
        target = Path(args.output) / relative
        real = os.path.realpath(target)
        shown = display_name(str(target))
        if real in inputs:  # any input, not only this one: `in -o in/out` reads in/out too
            raise _UsageError(
                f"{shown}: refusing to overwrite the input {display_name(inputs[real])}; choose "
                "an output folder outside the inputs"
            )
        if real in claimed:
            raise _UsageError(
                f"{shown}: {display_name(claimed[real])} and {display_name(name)} would both be "
                "written there; give them separately, or a folder that holds both as input"
            )
        if os.path.isdir(real):
            raise _UsageError(f"{shown}: cannot write there: a folder of that name exists")
        _check_writable(str(target), str(target.parent), checked)
        claimed[real] = name
        targets[name] = str(target)
    return targets


class _Progress:
    """Progress on stderr, drawn by tqdm: megabytes, rate, time left, documents.

    Off, it only counts; on, its line goes at the end (it was news while the run lasted, not a
    result).
    """

    def __init__(self, total_bytes: int | None, *, enabled: bool, stream: TextIO) -> None:
        self.documents = 0
        self.bar: Any = _progress_bar(total_bytes, stream) if enabled else None

    def update(self, document: Document) -> None:
        self.documents += 1
        bar = self.bar
        if bar is not None:
            bar.postfix = f"{self.documents:,} documents"  # shown at the next refresh
            bar.update(document.size)

    def finish(self) -> None:
        bar, self.bar = self.bar, None
        if bar is not None:
            with contextlib.suppress(OSError, ValueError):  # a terminal gone, say
                bar.close()  # clears the line (leave=False)


@functools.cache
def _progress_class() -> Any:
    from tqdm import tqdm  # only when a bar is shown: it takes a while to import

    class Bar(tqdm):  # type: ignore[misc]
        # No monitor thread (a run may fork workers) and a thread lock, not a process lock.
        monitor_interval = 0

    Bar.set_lock(threading.RLock())
    return Bar


def _progress_bar(total_bytes: int | None, stream: TextIO) -> Any:
    return _progress_class()(
        total=total_bytes,
        unit="B",
        unit_scale=True,
        unit_divisor=1000,
        file=stream,
        leave=False,
        mininterval=0.25,
        smoothing=0.1,
    )


def _total_size(files: Sequence[str]) -> int | None:
    if STDIO in files or any(Path(name).suffix in COMPRESSED_SUFFIXES for name in files):
        return None  # stdin has no size; compressed sizes say little about text sizes
    return sum(os.path.getsize(name) for name in files)


# What --stats counts for each document, in the order `_render` returns the counts.
_COUNTED = (
    "documents",
    *STAGE_COUNTS,
    # then, per spacing rule, the documents it changed (RULE_NAMES order), and per header
    # recognizer, the documents it read something from (_RECOGNIZER_NAMES order)
)
_RULE_INDEX = {name: index for index, name in enumerate(RULE_NAMES)}
_RECOGNIZER_NAMES = RECOGNIZER_NAMES
_RECOGNIZER_INDEX = {name: index for index, name in enumerate(_RECOGNIZER_NAMES)}
Rendered = tuple[Chunk, tuple[int, ...]]


def _render(
    document: Document,
    article: Article,
    report: NormalizeReport,
    *,
    formats: Mapping[str, OutputFormat],
    default: OutputFormat,
    text_field: str,
    body_only: bool,
    field_prefix: str,
    source_field: str | None,
    traced: Config | None = None,
    counted: bool = True,
) -> Rendered:
    """Render one article as its output chunk, with its counts for --stats (in a worker).

    With `traced` (--offsets), the document is traced under that config and the raw offsets
    are added to its record. Without `counted` (no --stats), no counts are made.
    """
    output_format = formats.get(document.source, default)
    extra = None
    if traced is not None and document.verbatim is None:
        extra = {"offsets": offsets_record(trace(document.text, traced))}
    chunk = render_chunk(
        article,
        output_format,
        document=document,
        text_field=text_field,
        repaired=report.repaired,
        body_only=body_only,
        field_prefix=field_prefix,
        source_field=source_field,
        extra_fields=extra,
    )
    if not counted:
        return chunk, ()
    fired = [0] * len(RULE_NAMES)
    for name in report.spacing_rules:
        fired[_RULE_INDEX[name]] = 1
    read = [0] * len(_RECOGNIZER_NAMES)
    for name in report.recognizers:
        read[_RECOGNIZER_INDEX[name]] = 1
    counts = (1, *stage_counts(article, report), *fired, *read)
    return chunk, counts


def _worker_copy(
    formats: Mapping[str, OutputFormat], default: OutputFormat
) -> Callable[[Document], Document] | None:
    # What a worker is sent of each document: a Parquet output copies the input's own columns
    # itself, from the row as read, so a record bound for one travels without them.
    if "parquet" not in {*formats.values(), default}:
        return None

    def copy(document: Document) -> Document:
        if document.record is None or formats.get(document.source, default) != "parquet":
            return document
        return attrs.evolve(document, record=None)

    return copy


class _Run:
    """One `normalize` run: reading, normalizing, routing to outputs, counting."""

    def __init__(self, args: argparse.Namespace, files: list[str], plan: _Plan) -> None:
        self.args = args
        self.files = files
        self.plan = plan
        self.counts: list[tuple[int, ...]] = []
        self.failed = 0
        # Inputs that could not be read to the end: their own outputs are never committed
        # (an --in-place input stays as it was); with --keep-going the run goes on without them.
        self.failed_inputs: set[str] = set()
        # Without --keep-going, the error that ended the reading: raised once the outputs
        # complete before it are committed.
        self.fatal: NewsnormError | None = None

    def report_bad_input(self, error: NewsnormError) -> None:
        """Report an input or record skipped with --keep-going; the run will exit 1."""
        self.failed += 1
        _say(f"newsnorm: skipped: {one_line(str(error))}")

    def _documents(self) -> Iterator[Document]:
        # Reading runs ahead of writing (batches in flight), so a failure is recorded here
        # rather than raised: the outputs of the inputs before it are still written, and
        # the writer, reaching the end of an input, sees whether it was read to the end.
        on_error = self.report_bad_input if self.args.keep_going else None
        clusters = 0  # Multi-News cluster ids run on across files, so that each is unique
        for name in self.files:
            last_line = 0
            try:
                for document in read_documents(
                    name,
                    self.args.input_format,
                    text_field=self.args.text_field,
                    id_field=self.args.id_field,
                    encoding=self.args.encoding,
                    errors=self.args.errors,
                    on_error=on_error,
                    # A rewritten file keeps the records it could not read, byte for byte.
                    keep_verbatim=self.args.in_place,
                    cluster_offset=clusters,
                    max_document_size=self.args.max_document_size,
                ):
                    last_line = document.line
                    yield document
            except _READ_FAILURES as exc:
                error = _read_error(exc, name)
                self.failed_inputs.add(name)
                if not self.args.keep_going:
                    self.fatal = error
                    return
                self.report_bad_input(error)
            clusters += last_line

    def _count(self, counts: tuple[int, ...]) -> None:
        if counts:  # made only for --stats
            self.counts.append(counts)  # summed once at the end: cheaper than a dict update each

    def run(self, config: Config) -> int:
        interactive = sys.stderr is not None and sys.stderr.isatty() and not self.args.quiet
        if self.plan.single == STDIO and sys.stdout.isatty():
            interactive = False  # the articles themselves are going to the terminal
        progress = _Progress(_total_size(self.files), enabled=interactive, stream=sys.stderr)
        # Workers render each article in its output's format, so serializing is shared out.
        render = functools.partial(
            _render,
            formats=self.plan.formats,
            default=self.plan.default,
            text_field=self.args.text_field,
            body_only=self.args.body_only,
            field_prefix=self.args.field_prefix,
            source_field=self.args.source_field or None,
            traced=config if self.args.offsets else None,
            counted=self.args.stats,
        )
        results = render_documents(
            self._documents(),
            render,
            config,
            jobs=max(1, self.args.jobs),
            worker_copy=_worker_copy(self.plan.formats, self.plan.default),
        )
        # closing: however the writing ends, the workers end with it, not when the traceback
        # that holds the generator is freed.
        with contextlib.closing(results):
            try:
                if self.plan.single is not None:
                    self._write_all(results, progress)
                else:
                    self._write_each(results, progress)
            finally:
                progress.finish()
        if self.args.stats:
            self._print_stats()
        return EXIT_FAILED if self.failed else EXIT_OK

    def _print_stats(self) -> None:
        columns = len(_COUNTED) + len(RULE_NAMES) + len(_RECOGNIZER_NAMES)
        totals = [sum(column) for column in zip(*self.counts, strict=True)] or [0] * columns
        stats = {**dict(zip(_COUNTED, totals, strict=False)), "records failed": self.failed}
        start = len(_COUNTED)
        middle = start + len(RULE_NAMES)
        # The spacing rules and header recognizers that did something, in the order they run.
        rules = {
            f"  {name}": count
            for name, count in zip(RULE_NAMES, totals[start:middle], strict=True)
            if count
        }
        readers = {
            f"  {name}": count
            for name, count in zip(_RECOGNIZER_NAMES, totals[middle:], strict=True)
            if count
        }
        width = max(len(key) for key in (*stats, *rules, *readers))
        for key, value in stats.items():
            _say(f"{key.ljust(width)}  {value:,}")
        for heading, counts in (
            ("documents changed by each spacing rule:", rules),
            ("documents read by each header recognizer:", readers),
        ):
            if counts:
                _say(heading)
                for key, value in counts.items():
                    _say(f"{key.ljust(width)}  {value:,}")

    def _write_all(self, results: Iterator[tuple[Document, Rendered]], progress: _Progress) -> None:
        assert self.plan.single is not None
        output = _Output(STDIO, self.plan.single, self.plan.default, self.args)
        try:
            for document, (chunk, counts) in results:
                output.write(chunk, document)
                self._count(counts)
                progress.update(document)
            if self.fatal is not None:
                raise self.fatal
        except BaseException:
            output.discard()  # the one output is not committed
            raise
        output.commit()

    def _write_each(
        self, results: Iterator[tuple[Document, Rendered]], progress: _Progress
    ) -> None:
        # Results arrive in input order, so each input's output is opened, filled and
        # committed in turn; an error leaves the committed ones and no partial one, and an
        # input that could not be read to the end has its output discarded.
        written: set[str] = set()
        current: _Output | None = None
        try:
            for document, (chunk, counts) in results:
                if current is None or document.source != current.name:
                    if current is not None:
                        self._close(current)
                        current = None
                    current = self._open(document.source)
                    written.add(document.source)
                current.write(chunk, document)
                self._count(counts)
                progress.update(document)
            if current is not None:
                self._close(current)
                current = None
        finally:
            if current is not None:
                current.discard()
        if self.fatal is not None:
            raise self.fatal
        for name in self.files:  # inputs with no documents still get their (empty) output
            if name not in written and name not in self.failed_inputs and not self.args.in_place:
                self._open(name).commit()

    def _close(self, output: _Output) -> None:
        # By the time the writer moves past an input, its reading has ended, one way or the
        # other: an input read to the end has its output committed, any other discarded.
        if output.name in self.failed_inputs:
            output.discard()
        else:
            output.commit()

    def _open(self, name: str) -> _Output:
        target = self.plan.targets[name]
        folder = os.path.dirname(os.path.abspath(target))
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as exc:
            cause = f"cannot create the folder {display_name(folder)}: {exc.strerror or exc}"
            raise OutputError(cause, file=target) from None
        return _Output(name, target, self.plan.formats[name], self.args)


class _DiscardedError(Exception):
    """Thrown into an output's context to make it discard its temporary file."""


@contextlib.contextmanager
def _writing(target: str) -> Generator[None, None, None]:
    """Turn the system's refusal to write `target` into an `OutputError` naming it.

    A broken pipe stays one: the reader went away, which ends the run quietly.
    """
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise _write_error(target, exc) from None


def _write_error(target: str, exc: OSError) -> OutputError:
    file = "<stdout>" if target == STDIO else target
    return OutputError(f"cannot write: {exc.strerror or exc}", file=file)


class _Output:
    """One output being written (atomically): committed, or discarded, once.

    `name` is the input it is written for (``"-"`` for the one output of every input).
    """

    def __init__(
        self, name: str, target: str, output_format: OutputFormat, args: argparse.Namespace
    ) -> None:
        self.name = name
        self.target = target
        self._stack = contextlib.ExitStack()
        with _writing(target), self._stack:
            self._writer = self._stack.enter_context(
                open_writer(
                    target,
                    output_format,
                    text_field=args.text_field,
                    body_only=args.body_only,
                    field_prefix=args.field_prefix,
                    source_field=args.source_field or None,
                )
            )
            self._stack = self._stack.pop_all()

    def write(self, chunk: Chunk, document: Document) -> None:
        # `_writing`'s rule, spelt out: this runs once per document, where a context manager
        # costs more than the rest of the call.
        try:
            self._writer.write_chunk(chunk, document)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise _write_error(self.target, exc) from None

    def commit(self) -> None:
        with _writing(self.target):
            self._stack.close()

    def discard(self) -> None:
        # atomic_output removes its temporary file on any exception and lets it through; the
        # stack reports it unhandled and raises nothing. Best effort: the run is failing
        # already, and that error is the one to report.
        with contextlib.suppress(OSError):
            self._stack.__exit__(_DiscardedError, _DiscardedError(), None)


def _run_normalize(args: argparse.Namespace) -> int:
    config = _config(args)
    unreadable: list[NewsnormError] = []
    files = _expand_inputs(args.inputs, args.glob, unreadable)
    if unreadable and not args.keep_going:
        raise _UsageError(str(unreadable[0]))
    _check_text_field(args, files)
    plan = _plan(args, files)
    _check_parquet(args, files, plan)
    if args.offsets and (set(plan.formats.values()) or {plan.default}) != {"jsonl"}:
        raise _UsageError("--offsets is for JSONL output: add --format jsonl")
    _check_stdio(reads_stdin=STDIO in files, writes_stdout=plan.single == STDIO)
    if files == [STDIO] and sys.stdin.isatty():
        _say("newsnorm: reading standard input (end it with Ctrl-D; --help shows the usage)")
    run = _Run(args, files, plan)
    for error in unreadable:  # with --keep-going: reported, and the run goes on without them
        run.report_bad_input(error)
    return run.run(config)


def _check_stdio(*, reads_stdin: bool, writes_stdout: bool) -> None:
    # Python sets sys.stdin or sys.stdout to None when the descriptor was closed at startup
    # (`newsnorm normalize - <&-`, `>&-`).
    if reads_stdin and sys.stdin is None:
        raise _UsageError("standard input is closed; name the input files")
    if writes_stdout and sys.stdout is None:
        raise _UsageError("standard output is closed; name an output file with -o")


def _run_inspect(args: argparse.Namespace) -> int:
    if args.input != STDIO and not os.path.exists(args.input):
        raise _UsageError(f"{display_name(args.input)}: no such file")
    config = _config(args)
    _check_text_field(args, [args.input])
    _check_stdio(reads_stdin=args.input == STDIO, writes_stdout=True)
    documents = read_documents(
        args.input,
        args.input_format,
        text_field=args.text_field,
        encoding=args.encoding,
        errors=args.errors,
        max_document_size=args.max_document_size,
    )
    try:
        document = next(documents, None)
    except _READ_FAILURES as exc:
        raise _read_error(exc, args.input) from None
    if document is None:
        print(f"{display_name(args.input)}: no document")
        return EXIT_OK
    style = detect_style(document.text)
    article, report = normalize_and_report(document.text, config)
    evidence = ", ".join(f"{name} {count}" for name, count in style.evidence.items() if count)
    named = "" if config.spacing == "auto" else f"; repaired as --spacing {config.spacing}"
    print(f"document:  {display_name(document.source)}, line {document.line}")
    print(
        f"style:     {style.style} (confidence {style.confidence:.2f}; {evidence or 'none'}{named})"
    )
    print(f"rules:     {', '.join(report.spacing_rules) or 'none'}")
    print(f"readers:   {', '.join(report.recognizers) or 'none'}")
    print(f"quotes:    {report.quotes_changed} changed, {report.quotes_ambiguous} ambiguous left")
    for field in ("title", "byline", "date", "dateline"):
        print(f"{field + ':':<10} {getattr(article, field)}")
    for key, value in article.headers.items():
        print(f"header:    {key}: {value}")
    for name in ("highlights", "furniture"):
        for line in getattr(article, name):
            print(f"{name[:-1] if name.endswith('s') else name}: {line}")
    # Every edit of the text stages, where it is in the raw text, and the rule that made it.
    edits = describe_edits(trace(document.text, config))
    print(f"edits:     {len(edits) or 'none'} (raw offsets, stage, rule: before -> after)")
    for line in edits:
        print(f"  {line}")
    # What normalize does: the lines read into the fields above leave the body.
    before = document.text.strip().splitlines()
    after = article.text.splitlines()
    diff = difflib.unified_diff(before, after, "input", "body", lineterm="", n=1)
    print("\n".join(diff) or "(the text does not change)")
    return EXIT_OK


def _say(line: str) -> None:
    """Print one line on stderr, if there is one.

    A closed stderr must not send messages into stdout (where `print` would put them), nor a
    hung-up terminal turn a clean stop into a traceback.
    """
    if sys.stderr is None:
        return
    with contextlib.suppress(OSError, ValueError):
        print(line, file=sys.stderr, flush=True)


def _reopen_closed_stdio() -> None:
    # A descriptor 0, 1 or 2 closed at startup would be reused by the next file opened (an
    # output, a pipe to a worker), which stray writes to that stream would then corrupt.
    for descriptor, mode in ((0, os.O_RDONLY), (1, os.O_WRONLY), (2, os.O_WRONLY)):
        try:
            os.fstat(descriptor)
        except OSError:
            with contextlib.suppress(OSError):
                null = os.open(os.devnull, mode)
                if null != descriptor:
                    os.dup2(null, descriptor)
                    os.close(null)


class _Stopped(BaseException):
    """SIGTERM or SIGHUP arrived: unwind as for Ctrl-C, exit with 128 plus its number.

    Partial outputs are removed and the workers ended on the way out.
    """

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


@contextlib.contextmanager
def _stop_signals() -> Generator[None, None, None]:
    """Turn SIGINT, SIGTERM and SIGHUP into exceptions while the run lasts, once.

    Only the first signal raises: the cleanup it starts (removing temporary files, ending the
    workers) is not cut short by a second one. A signal that was ignored when newsnorm started
    (``nohup``, a background job) stays ignored.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []

    def stop(signum: int, _frame: FrameType | None) -> None:
        if received:
            return
        received.append(signum)
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise _Stopped(signum)

    previous = {signum: signal.getsignal(signum) for signum in _STOP_SIGNALS}
    for signum, handler in previous.items():
        if handler is not signal.SIG_IGN:
            signal.signal(signum, stop)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            if handler is not None:
                signal.signal(signum, handler)


def _signal_name(signum: int) -> str:
    try:
        return signal.Signals(signum).name
    except ValueError:
        return f"signal {signum}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newsnorm`` command with `argv` (default: ``sys.argv[1:]``); return the exit code.

    Every failure is one line on stderr and an exit code (see the ``EXIT_*`` constants); no
    traceback reaches the user for a mistake, an unreadable input, an unwritable output or a
    signal.

    Examples:
        >>> main(["--version"])
        newsnorm ...
        0
    """
    try:
        with _stop_signals():
            return _main(argv)
    except _Stopped as stopped:  # arrived while an error was being reported
        return 128 + stopped.signum
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


def run(exit_process: Callable[[int], object] = os._exit) -> NoReturn:
    """Run the ``newsnorm`` console script: `main`, then end the process with its exit code.

    Once pyarrow has been imported (a Parquet input or output), the process ends at once
    (`exit_process`), its standard streams flushed, without Python's shutdown: pyarrow's thread
    pools, torn down at exit after serving reads and writes through Python file objects,
    intermittently abort the process then (``terminate called without an active exception``,
    exit 134, after a run that succeeded; apache/arrow issues 34314 and 39862). Nothing of the
    run is left for the shutdown to do: `main` has committed or removed every output and ended
    every worker.
    """
    code = main()
    if "pyarrow" in sys.modules:
        for stream in (sys.stdout, sys.stderr):
            try:
                if stream is not None:
                    stream.flush()
            except BrokenPipeError:
                code = code or EXIT_BROKEN_PIPE  # the reader went away, as `main` reports it
            except (OSError, ValueError):
                code = code or EXIT_FAILED
        exit_process(code)
    raise SystemExit(code)


def _main(argv: Sequence[str] | None) -> int:
    _reopen_closed_stdio()
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_request:  # --help, --version and usage errors
        return int(exit_request.code or 0)
    try:
        if args.command == "inspect":
            return _run_inspect(args)
        return _run_normalize(args)
    except _UsageError as exc:
        _say(f"newsnorm: error: {one_line(str(exc))}")
        return EXIT_USAGE
    except NewsnormError as exc:
        _say(f"newsnorm: error: {one_line(str(exc))}")
        return EXIT_FAILED
    except KeyboardInterrupt:
        on_terminal = sys.stderr is not None and sys.stderr.isatty()
        _say(f"{chr(10) if on_terminal else ''}newsnorm: interrupted")  # after the ^C
        return EXIT_INTERRUPTED
    except _Stopped as stopped:
        _say(f"newsnorm: stopped by {_signal_name(stopped.signum)}")
        return 128 + stopped.signum
    except BrokenPipeError:
        # The reader went away (`newsnorm ... | head`): stop quietly, as a command ended by
        # SIGPIPE does, and leave nothing for Python to fail to flush at exit.
        with contextlib.suppress(OSError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.close(devnull)
        return EXIT_BROKEN_PIPE
    except OSError as exc:  # the last resort: whatever the system refused, one line
        _say(f"newsnorm: error: {one_line(_os_error_message(exc))}")
        return EXIT_FAILED
