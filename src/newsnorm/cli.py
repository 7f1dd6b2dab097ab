"""The ``newsnorm`` command: the only module that knows about argv, exit codes and progress."""

from __future__ import annotations

import argparse
import codecs
import contextlib
import difflib
import fnmatch
import functools
import os
import sys
import time
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO, get_args

import attrs

from newsnorm import __version__
from newsnorm.article import Article
from newsnorm.batch import render_documents
from newsnorm.config import PRESETS, Config, Corpus, QuoteStyle, SpacingMode
from newsnorm.errors import ConfigError, NewsnormError
from newsnorm.formats import (
    COMPRESSED_SUFFIXES,
    READERS,
    STDIO,
    ArticleWriter,
    Document,
    OutputFormat,
    atomic_output,
    describe_input_formats,
    read_documents,
    render_article,
    resolve_input_format,
)
from newsnorm.header import RECOGNIZER_NAMES
from newsnorm.pipeline import NormalizeReport, normalize_and_report
from newsnorm.spacing import RULE_NAMES, detect_style

__all__ = ["EXIT_INPUT_FAILED", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "main"]

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
EXIT_INPUT_FAILED = 1
"""An input or record could not be read; with --keep-going the rest was processed.

Examples:
    >>> import pathlib, tempfile
    >>> bad = pathlib.Path(tempfile.mkdtemp()) / "bad.jsonl"
    >>> _ = bad.write_text('not json\\n{"text": "Fine ."}\\n')
    >>> main(["normalize", "-q", "--keep-going", str(bad), "-o", str(bad) + ".out"])
    1
    >>> pathlib.Path(str(bad) + ".out").read_text()
    'Fine.\\n'
"""
EXIT_USAGE = 2
"""The command line is wrong: an unknown option, a missing input file, an output onto an input.

Examples:
    >>> main(["normalize", "no/such/file.txt"])
    2
"""
EXIT_INTERRUPTED = 130
"""Interrupted (Ctrl-C); no partial output file is left behind.

Examples:
    >>> import signal
    >>> EXIT_INTERRUPTED == 128 + signal.SIGINT  # the shell's convention
    True
"""
_EXIT_BROKEN_PIPE = 141  # what a shell reports for a command killed by SIGPIPE

_EPILOG = f"""\
examples:
  newsnorm normalize story.txt                     one article to stdout
  newsnorm normalize corpus/ -o clean.txt          every file under a folder, into one file
  newsnorm normalize corpus/ --glob '*.txt' -o out/   one output file per input, mirrored
  newsnorm normalize corpus/ -o out/ --body-only   bodies only: header lines left out
  newsnorm normalize dump.jsonl.gz --format jsonl -o clean.jsonl --jobs 2 --stats
  cat story.txt | newsnorm normalize --quotes straight
  newsnorm normalize train.src --format jsonl      Multi-News: one article per document
  newsnorm inspect story.txt                       what would change, and why

exit codes:
  {EXIT_OK}    success
  {EXIT_INPUT_FAILED}    an input or record could not be read (invalid UTF-8, malformed JSONL, ...)
  {EXIT_USAGE}    usage error (unknown option, missing input file, output onto an input,
       two inputs with one output name)
  {EXIT_INTERRUPTED}  interrupted
"""
_CONFIG_FLAGS = (
    "unwrap", "characters", "fold_compatibility", "spacing", "quotes", "header", "dateline",
    "corpus",
)  # fmt: skip


class _UsageError(Exception):
    """A mistake on the command line, reported with exit code 2."""


def _add_reading_options(parser: argparse.ArgumentParser) -> None:
    reading = parser.add_argument_group("reading options")
    reading.add_argument(
        "--input-format",
        choices=("auto", *READERS),
        default="auto",
        help=describe_input_formats(),
    )
    reading.add_argument("--text-field", help="the JSONL field holding the text (default: text)")
    reading.add_argument(
        "--encoding", type=_encoding, default="utf-8", help="input encoding (default: utf-8)"
    )
    reading.add_argument(
        "--errors",
        choices=("strict", "replace"),
        default="strict",
        help="strict: stop at an invalid byte; replace: read it as U+FFFD (default: strict)",
    )


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
        help="output file; or a folder (an existing one, or a name ending in '/') for one "
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
        "multinews: the line-based input formats (default: text, or the input's format with "
        "--in-place)",
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
        help="jsonl: add newsnorm's fields under this prefix (say 'newsnorm_'), for records "
        "that have fields of the same names; a record's own field is never replaced",
    )
    writing.add_argument(
        "--source-field",
        default="source_file",
        help="jsonl: the field naming the input file of each record, unless the record has "
        "one already (default: source_file; '' leaves it out)",
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
    if args.config:
        try:
            with open(args.config, "rb") as handle:
                from_file = tomllib.load(handle)
        except FileNotFoundError:
            raise _UsageError(f"{args.config}: no such config file") from None
        except tomllib.TOMLDecodeError as exc:
            raise _UsageError(f"{args.config}: not valid TOML: {exc}") from None
    from_file = {key.replace("-", "_"): value for key, value in from_file.items()}
    preset = args.preset or from_file.pop("preset", "default")
    overrides = {name: getattr(args, name) for name in _CONFIG_FLAGS}
    overrides = {name: value for name, value in overrides.items() if value is not None}
    try:
        return Config.preset(preset, **from_file).evolve(**overrides)
    except ConfigError as exc:
        where = f"{args.config}: " if args.config else ""
        raise _UsageError(f"{where}{exc}") from None


def _expand_inputs(inputs: Sequence[str], pattern: str) -> list[str]:
    """Turn the INPUT arguments into file names; folders are walked in sorted order."""
    files: list[str] = []
    for name in inputs or [STDIO]:
        if name == STDIO:
            files.append(name)
        elif os.path.isdir(name):
            root = Path(name)
            found = [
                str(path)
                for path in sorted(root.rglob("*"))
                if path.is_file()
                and fnmatch.fnmatch(path.name, pattern)
                and not any(part.startswith(".") for part in path.relative_to(root).parts)
            ]
            if not found:
                raise _UsageError(f"{name}: no file in this folder matches --glob {pattern!r}")
            files.extend(found)
        elif os.path.exists(name):
            files.append(name)
        else:
            raise _UsageError(f"{name}: no such file or folder")
    return list(dict.fromkeys(files))


@attrs.frozen
class _Plan:
    """Where each input's articles go: one stream for all, or one file per input."""

    single: str | None  # the one output (a file or "-"), or None for one output per input
    targets: dict[str, str]  # input -> output file, when there is one output per input
    formats: dict[str, OutputFormat]


def _check_text_field(args: argparse.Namespace, files: list[str]) -> None:
    if args.text_field is None:
        args.text_field = "text"
    elif not any(resolve_input_format(name, args.input_format) == "jsonl" for name in files):
        raise _UsageError("--text-field is for JSONL input; none of the inputs is JSONL")


def _plan(args: argparse.Namespace, files: list[str]) -> _Plan:
    def output_format(name: str) -> OutputFormat:
        if args.format:
            chosen: OutputFormat = args.format
            return chosen
        if args.in_place:  # a rewritten file keeps its own format
            read_as = resolve_input_format(name, args.input_format)
            rewrite_as = READERS[read_as].rewrite_as
            if rewrite_as is None:
                cause = f"--in-place cannot write {read_as} files back in their format; use -o"
                raise _UsageError(f"{name}: {cause}")
            return rewrite_as
        return "text"

    formats = {name: output_format(name) for name in files}
    if args.in_place:
        if STDIO in files:
            raise _UsageError("--in-place needs files, not standard input")
        if args.output != STDIO:
            raise _UsageError("give either --in-place or -o, not both")
        return _Plan(None, {name: name for name in files}, formats)
    output = args.output
    if output == STDIO:
        return _Plan(output, {}, formats)
    if os.path.isdir(output) or output.endswith(("/", os.sep)):
        return _Plan(None, _mirror(args, files, formats), formats)
    if len(args.inputs) > 1 and not Path(output).suffix and not os.path.exists(output):
        raise _UsageError(
            f"{output}: no such folder; end the name with '/' for one output per input, or "
            "give a file name with a suffix (out.txt) to write them all into one file"
        )
    _check_folder(output)
    target = os.path.realpath(output)
    if any(name != STDIO and os.path.realpath(name) == target for name in files):
        raise _UsageError(f"{output}: refusing to overwrite one of the inputs")
    return _Plan(output, {}, formats)


def _check_folder(target: str) -> None:
    folder = os.path.dirname(os.path.abspath(target))
    if not os.path.isdir(folder):
        raise _UsageError(f"{target}: cannot write there, no such folder {folder}")


def _mirror(
    args: argparse.Namespace, files: list[str], formats: dict[str, OutputFormat]
) -> dict[str, str]:
    roots = [Path(name) for name in args.inputs if os.path.isdir(name)]
    inputs = {os.path.realpath(name): name for name in files if name != STDIO}
    targets: dict[str, str] = {}
    claimed: dict[str, str] = {}  # real output path -> the input that writes it
    for name in files:
        if name == STDIO:
            raise _UsageError("an output folder needs files, not standard input")
        path = Path(name)
        root = next((r for r in roots if path.is_relative_to(r)), path.parent)
        relative = path.relative_to(root)
        while relative.suffix in COMPRESSED_SUFFIXES:
            relative = relative.with_suffix("")
        if formats[name] == "jsonl" and relative.suffix != ".jsonl":
            relative = relative.with_suffix(relative.suffix + ".jsonl")
        target = Path(args.output) / relative
        real = os.path.realpath(target)
        if real in inputs:  # any input, not only this one: `in -o in/out` reads in/out too
            raise _UsageError(
                f"{target}: refusing to overwrite the input {inputs[real]}; choose an output "
                "folder outside the inputs"
            )
        if real in claimed:
            raise _UsageError(
                f"{target}: {claimed[real]} and {name} would both be written there; give "
                "them separately, or a folder that holds both as input"
            )
        claimed[real] = name
        targets[name] = str(target)
    return targets


class _Progress:
    """A one-line progress report on stderr: documents, megabytes, rate, time left."""

    def __init__(self, total_bytes: int | None, *, enabled: bool, stream: TextIO) -> None:
        self.total = total_bytes
        self.enabled = enabled
        self.stream = stream
        self.start = self.shown = time.monotonic()
        self.documents = 0
        self.bytes = 0

    def update(self, document: Document) -> None:
        self.documents += 1
        self.bytes += document.size
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.shown >= 0.25:
            self.shown = now
            self._show(now)

    def _show(self, now: float) -> None:
        elapsed = max(now - self.start, 1e-9)
        rate = self.bytes / elapsed
        line = f"{self.documents:,} documents, {self.bytes / 1e6:,.1f} MB, {rate / 1e6:.2f} MB/s"
        if self.total and rate > 0:
            left = max(self.total - self.bytes, 0) / rate
            line += f", {int(left) // 60}:{int(left) % 60:02d} left"
        self.stream.write(f"\r{line}\x1b[K")
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled:  # the line goes: it was news while the run lasted, not a result
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def _total_size(files: Sequence[str]) -> int | None:
    if STDIO in files or any(Path(name).suffix in COMPRESSED_SUFFIXES for name in files):
        return None  # stdin has no size; compressed sizes say little about text sizes
    return sum(os.path.getsize(name) for name in files)


# What --stats counts for each document, in the order `_render` returns the counts.
_COUNTED = (
    "documents",
    "tokenized documents repaired",
    "quotes changed",
    "ambiguous quotes left",
    "dates found",
    "datelines found",
    "titles found",
    "bylines found",
    # then, per spacing rule, the documents it changed (RULE_NAMES order), and per header
    # recognizer, the documents it read something from (_RECOGNIZER_NAMES order)
)
_RULE_INDEX = {name: index for index, name in enumerate(RULE_NAMES)}
_RECOGNIZER_NAMES = RECOGNIZER_NAMES
_RECOGNIZER_INDEX = {name: index for index, name in enumerate(_RECOGNIZER_NAMES)}
Rendered = tuple[str, tuple[int, ...]]


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
) -> Rendered:
    """Render one article as its output chunk, with its counts for --stats (in a worker)."""
    output_format = formats.get(document.source, default)
    chunk = render_article(
        article,
        output_format,
        document=document,
        text_field=text_field,
        repaired=report.repaired,
        body_only=body_only,
        field_prefix=field_prefix,
        source_field=source_field,
    )
    fired = [0] * len(RULE_NAMES)
    for name in report.spacing_rules:
        fired[_RULE_INDEX[name]] = 1
    read = [0] * len(_RECOGNIZER_NAMES)
    for name in report.recognizers:
        read[_RECOGNIZER_INDEX[name]] = 1
    counts = (
        1,
        report.style != "raw",
        report.quotes_changed,
        report.quotes_ambiguous,
        article.date is not None,
        article.dateline is not None,
        article.title is not None,
        article.byline is not None,
        *fired,
        *read,
    )
    return chunk, counts


class _Run:
    """One `normalize` run: reading, normalizing, routing to outputs, counting."""

    def __init__(self, args: argparse.Namespace, files: list[str], plan: _Plan) -> None:
        self.args = args
        self.files = files
        self.plan = plan
        self.counts: list[tuple[int, ...]] = []
        self.failed = 0

    def _report_bad_record(self, error: NewsnormError) -> None:
        self.failed += 1
        print(f"newsnorm: skipped: {error}", file=sys.stderr)

    def _documents(self) -> Iterator[Document]:
        on_error = self._report_bad_record if self.args.keep_going else None
        clusters = 0  # Multi-News cluster ids run on across files, so that each is unique
        for name in self.files:
            last_line = 0
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
            ):
                last_line = document.line
                yield document
            clusters += last_line

    def _count(self, counts: tuple[int, ...]) -> None:
        self.counts.append(counts)  # summed once at the end: cheaper than a dict update each

    def run(self, config: Config) -> int:
        interactive = sys.stderr.isatty() and not self.args.quiet
        if self.plan.single == STDIO and sys.stdout.isatty():
            interactive = False  # the articles themselves are going to the terminal
        progress = _Progress(_total_size(self.files), enabled=interactive, stream=sys.stderr)
        # Workers render each article in its output's format, so serializing is shared out.
        render = functools.partial(
            _render,
            formats=self.plan.formats,
            default=self.args.format or "text",
            text_field=self.args.text_field,
            body_only=self.args.body_only,
            field_prefix=self.args.field_prefix,
            source_field=self.args.source_field or None,
        )
        results = render_documents(self._documents(), render, config, jobs=max(1, self.args.jobs))
        try:
            if self.plan.single is not None:
                self._write_all(results, progress)
            else:
                self._write_each(results, progress)
        finally:
            progress.finish()
        if self.args.stats:
            self._print_stats()
        return EXIT_INPUT_FAILED if self.failed else EXIT_OK

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
            print(f"{key.ljust(width)}  {value:,}", file=sys.stderr)
        for heading, counts in (
            ("documents changed by each spacing rule:", rules),
            ("documents read by each header recognizer:", readers),
        ):
            if counts:
                print(heading, file=sys.stderr)
                for key, value in counts.items():
                    print(f"{key.ljust(width)}  {value:,}", file=sys.stderr)

    def _write_all(self, results: Iterator[tuple[Document, Rendered]], progress: _Progress) -> None:
        assert self.plan.single is not None
        output_format: OutputFormat = self.args.format or "text"
        with (
            atomic_output(self.plan.single) as stream,
            ArticleWriter(stream, output_format, text_field=self.args.text_field) as writer,
        ):
            for document, (chunk, counts) in results:
                writer.write_chunk(chunk, document)
                self._count(counts)
                progress.update(document)

    def _write_each(
        self, results: Iterator[tuple[Document, Rendered]], progress: _Progress
    ) -> None:
        # Results arrive in input order, so each input's output is opened, filled and
        # committed in turn; an error leaves the committed ones and no partial one.
        written: set[str] = set()
        with contextlib.ExitStack() as stack:
            current: str | None = None
            writer: ArticleWriter | None = None
            for document, (chunk, counts) in results:
                if document.source != current:
                    stack.close()
                    current = document.source
                    written.add(current)
                    writer = self._open(stack, current)
                assert writer is not None
                writer.write_chunk(chunk, document)
                self._count(counts)
                progress.update(document)
        for name in self.files:  # inputs with no documents still get their (empty) output
            if name not in written and not self.args.in_place:
                with contextlib.ExitStack() as stack:
                    self._open(stack, name)

    def _open(self, stack: contextlib.ExitStack, name: str) -> ArticleWriter:
        target = self.plan.targets[name]
        os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
        stream = stack.enter_context(atomic_output(target))
        writer = ArticleWriter(stream, self.plan.formats[name], text_field=self.args.text_field)
        return stack.enter_context(writer)


def _run_normalize(args: argparse.Namespace) -> int:
    config = _config(args)
    files = _expand_inputs(args.inputs, args.glob)
    _check_text_field(args, files)
    plan = _plan(args, files)
    if files == [STDIO] and sys.stdin.isatty():
        print(
            "newsnorm: reading standard input (end it with Ctrl-D; --help shows the usage)",
            file=sys.stderr,
        )
    return _Run(args, files, plan).run(config)


def _run_inspect(args: argparse.Namespace) -> int:
    if args.input != STDIO and not os.path.exists(args.input):
        raise _UsageError(f"{args.input}: no such file")
    config = _config(args)
    _check_text_field(args, [args.input])
    documents = read_documents(
        args.input,
        args.input_format,
        text_field=args.text_field,
        encoding=args.encoding,
        errors=args.errors,
    )
    document = next(documents, None)
    if document is None:
        print(f"{args.input}: no document")
        return EXIT_OK
    style = detect_style(document.text)
    article, report = normalize_and_report(document.text, config)
    evidence = ", ".join(f"{name} {count}" for name, count in style.evidence.items() if count)
    named = "" if config.spacing == "auto" else f"; repaired as --spacing {config.spacing}"
    print(f"document:  {document.source}, line {document.line}")
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
    # What normalize does: the lines read into the fields above leave the body.
    before = document.text.strip().splitlines()
    after = article.text.splitlines()
    diff = difflib.unified_diff(before, after, "input", "body", lineterm="", n=1)
    print("\n".join(diff) or "(the text does not change)")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newsnorm`` command with `argv` (default: ``sys.argv[1:]``); return the exit code.

    Examples:
        >>> main(["--version"])
        newsnorm ...
        0
    """
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
        print(f"newsnorm: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except NewsnormError as exc:
        print(f"newsnorm: error: {exc}", file=sys.stderr)
        return EXIT_INPUT_FAILED
    except KeyboardInterrupt:
        print("\nnewsnorm: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`newsnorm ... | head`): stop quietly, without a traceback at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return _EXIT_BROKEN_PIPE
