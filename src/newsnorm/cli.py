"""The ``newsnorm`` command: the only module that knows about argv, exit codes and streams."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import get_args

from newsnorm import __version__
from newsnorm.config import PRESETS, Config, QuoteStyle, SpacingMode
from newsnorm.errors import NewsnormError
from newsnorm.formats import (
    STDIO,
    ArticleWriter,
    Document,
    InputFormat,
    OutputFormat,
    atomic_output,
    read_documents,
)
from newsnorm.pipeline import normalize

__all__ = ["EXIT_INPUT_FAILED", "EXIT_INTERRUPTED", "EXIT_OK", "EXIT_USAGE", "main"]

EXIT_OK = 0
"""Every input was normalized."""
EXIT_INPUT_FAILED = 1
"""An input could not be read or decoded; nothing was written to an output file."""
EXIT_USAGE = 2
"""The command line is wrong: an unknown option, a missing input file, an output onto an input."""
EXIT_INTERRUPTED = 130
"""Interrupted (Ctrl-C); no partial output file is left behind."""
_EXIT_BROKEN_PIPE = 141  # what a shell reports for a command killed by SIGPIPE

_EPILOG = f"""\
examples:
  newsnorm normalize story.txt                 normalize one article to stdout
  newsnorm normalize corpus/ -o clean.txt      every file under a folder, into one file
  newsnorm normalize dump.jsonl.gz --format jsonl -o clean.jsonl
  cat story.txt | newsnorm normalize --quotes straight
  newsnorm normalize train.src --format jsonl  Multi-News: one article per document

exit codes:
  {EXIT_OK}    success
  {EXIT_INPUT_FAILED}    an input could not be read (invalid UTF-8, malformed JSONL, ...)
  {EXIT_USAGE}    usage error (unknown option, missing input file, output onto an input)
  {EXIT_INTERRUPTED}  interrupted
"""


class _UsageError(Exception):
    """A mistake on the command line, reported with exit code 2."""


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
    run.add_argument("-o", "--output", default=STDIO, help="output file (default: stdout)")
    run.add_argument(
        "--format",
        choices=get_args(OutputFormat),
        default="text",
        help="text: article bodies separated by a blank line; jsonl: one JSON object per "
        "article with its date, title, byline, dateline and headers (default: text)",
    )
    run.add_argument(
        "--input-format",
        choices=get_args(InputFormat),
        default="auto",
        help="auto chooses by file name: .jsonl is jsonl, .src is multinews, anything else "
        "text, one article per file (default: auto)",
    )
    run.add_argument(
        "--text-field", default="text", help="the JSONL field holding the text (default: text)"
    )
    options = run.add_argument_group("normalization options")
    options.add_argument(
        "--preset", choices=sorted(PRESETS), default="default", help="start from a named preset"
    )
    options.add_argument("--quotes", choices=get_args(QuoteStyle), help="quote style")
    options.add_argument("--spacing", choices=get_args(SpacingMode), help="spacing repair")
    options.add_argument(
        "--no-characters",
        dest="characters",
        action="store_false",
        default=None,
        help="do not repair mojibake, entities and whitespace",
    )
    options.add_argument(
        "--fold-compatibility",
        action="store_true",
        default=None,
        help="also fold fullwidth letters and ligatures",
    )
    options.add_argument(
        "--no-header",
        dest="header",
        action="store_false",
        default=None,
        help="leave header lines in the text",
    )
    options.add_argument(
        "--no-dateline",
        dest="dateline",
        action="store_false",
        default=None,
        help="leave datelines in the text",
    )
    reading = run.add_argument_group("reading options")
    reading.add_argument("--encoding", default="utf-8", help="input encoding (default: utf-8)")
    reading.add_argument(
        "--errors",
        choices=("strict", "replace"),
        default="strict",
        help="strict: stop at an invalid byte; replace: read it as U+FFFD (default: strict)",
    )
    return parser


def _config(args: argparse.Namespace) -> Config:
    names = ("quotes", "spacing", "characters", "fold_compatibility", "header", "dateline")
    overrides = {name: getattr(args, name) for name in names if getattr(args, name) is not None}
    return Config.preset(args.preset, **overrides)


def _expand_inputs(inputs: Sequence[str]) -> list[str]:
    """Turn the INPUT arguments into file names; folders are walked in sorted order."""
    files: list[str] = []
    for name in inputs or [STDIO]:
        if name == STDIO:
            files.append(name)
        elif os.path.isdir(name):
            found = sorted(
                str(path)
                for path in Path(name).rglob("*")
                if path.is_file() and not any(part.startswith(".") for part in path.parts[1:])
            )
            files.extend(found)
        elif os.path.exists(name):
            files.append(name)
        else:
            raise _UsageError(f"{name}: no such file or folder")
    return files


def _check_output(output: str, files: Sequence[str]) -> None:
    if output == STDIO:
        return
    if os.path.isdir(output):
        raise _UsageError(f"{output}: is a folder; give a file name with -o")
    target = os.path.realpath(output)
    if any(name != STDIO and os.path.realpath(name) == target for name in files):
        raise _UsageError(f"{output}: refusing to overwrite one of the inputs")


def _run_normalize(args: argparse.Namespace) -> int:
    config = _config(args)
    files = _expand_inputs(args.inputs)
    _check_output(args.output, files)
    with atomic_output(args.output) as stream:
        writer = ArticleWriter(stream, args.format, text_field=args.text_field)
        for document in _documents(files, args):
            writer.write(normalize(document.text, config), document)
    return EXIT_OK


def _documents(files: Sequence[str], args: argparse.Namespace) -> Iterator[Document]:
    for name in files:
        yield from read_documents(
            name,
            args.input_format,
            text_field=args.text_field,
            encoding=args.encoding,
            errors=args.errors,
        )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``newsnorm`` command with `argv` (default: ``sys.argv[1:]``); return the exit code.

    Example:
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
        return _run_normalize(args)
    except _UsageError as exc:
        print(f"newsnorm: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except NewsnormError as exc:
        print(f"newsnorm: error: {exc}", file=sys.stderr)
        return EXIT_INPUT_FAILED
    except KeyboardInterrupt:
        print("newsnorm: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`newsnorm ... | head`): stop quietly, without a traceback at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return _EXIT_BROKEN_PIPE
