"""The exception hierarchy: every error newsnorm raises on purpose is a `NewsnormError`.

Errors carry where they happened (file, line, byte offset) so that the command line can turn
them into one-line messages such as ``news.txt:3: invalid UTF-8 at byte 41 ...``.
"""

from __future__ import annotations

__all__ = [
    "ArticleDataError",
    "ConfigError",
    "DecodeError",
    "InputError",
    "NewsnormError",
    "OutputError",
    "RecordError",
]


class NewsnormError(Exception):
    """Base class of every error raised by newsnorm.

    Args:
        cause: what went wrong, as a short sentence without the location.
        file: the input file (or ``"<stdin>"``), when known.
        line: the 1-based line number in that file, when known.
        offset: the 0-based byte offset in that file, when known.

    Examples:
        >>> err = NewsnormError("no text field", file="dump.jsonl", line=7)
        >>> str(err)
        'dump.jsonl:7: no text field'
        >>> err.cause
        'no text field'
    """

    def __init__(
        self,
        cause: str,
        *,
        file: str | None = None,
        line: int | None = None,
        offset: int | None = None,
    ) -> None:
        self.cause = cause
        self.file = file
        self.line = line
        self.offset = offset
        super().__init__(self._message())

    def _message(self) -> str:
        where = ":".join(str(part) for part in (self.file, self.line) if part is not None)
        return f"{where}: {self.cause}" if where else self.cause

    def located(self, *, file: str | None = None, line: int | None = None) -> NewsnormError:
        """Return the same error with a file and line filled in where they were missing.

        Examples:
            >>> NewsnormError("bad record").located(file="a.jsonl", line=2).line
            2
        """
        return type(self)(
            self.cause,
            file=self.file if self.file is not None else file,
            line=self.line if self.line is not None else line,
            offset=self.offset,
        )


class ConfigError(NewsnormError, ValueError):
    """An option has an unknown name or an impossible value.

    Examples:
        >>> from newsnorm import Config
        >>> Config().evolve(quotes="fancy")
        Traceback (most recent call last):
        ...
        newsnorm.errors.ConfigError: quotes must be one of 'auto', 'curly', ..., not 'fancy'
    """


class InputError(NewsnormError):
    """An input cannot be read: missing, unreadable, or not in the expected format.

    Examples:
        >>> from newsnorm.formats import read_documents
        >>> next(read_documents("no/such/file.txt"))
        Traceback (most recent call last):
        ...
        newsnorm.errors.InputError: no/such/file.txt: no such file
    """


class DecodeError(InputError):
    """An input is not valid text in the expected encoding (the byte offset says where).

    Examples:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "latin1.txt"
        >>> _ = path.write_bytes(b"Caf\\xe9 opens.\\n")
        >>> from newsnorm.formats import read_documents
        >>> next(read_documents(path))
        Traceback (most recent call last):
        ...
        newsnorm.errors.DecodeError: ...latin1.txt:1: invalid utf-8 at byte 3: ...
    """


class RecordError(InputError):
    """One record of an input (a JSONL line, say) is malformed; the rest may be fine.

    Examples:
        >>> import pathlib, tempfile
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "dump.jsonl"
        >>> _ = path.write_text('{"text": "Fine."}\\n{"body": "No text field."}\\n')
        >>> from newsnorm.formats import read_documents
        >>> [document.text for document in read_documents(path)]
        Traceback (most recent call last):
        ...
        newsnorm.errors.RecordError: ...dump.jsonl:2: ...
    """


class OutputError(NewsnormError):
    """An output cannot be written: its folder is missing, or the system refuses the file.

    Examples:
        >>> import pathlib, tempfile
        >>> from newsnorm.formats import atomic_output
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "missing" / "out.txt"
        >>> with atomic_output(target) as out:
        ...     _ = out.write("never written")
        Traceback (most recent call last):
        ...
        newsnorm.errors.OutputError: ...out.txt: cannot write: no such folder ...missing
    """


class ArticleDataError(NewsnormError, ValueError):
    """A mapping given to `Article.from_dict` does not describe a valid article.

    Examples:
        >>> from newsnorm import Article
        >>> Article.from_dict({"text": "Hi.", "date": "2021-02-30"})
        Traceback (most recent call last):
        ...
        newsnorm.errors.ArticleDataError: date: '2021-02-30' is not a valid ISO date (...)
    """
