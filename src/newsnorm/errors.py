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
    "WorkerError",
    "display_name",
    "one_line",
]


def display_name(name: str) -> str:
    """Return a file name as it can be shown inside a one-line message.

    An ordinary name is returned as it is. A name holding a character that could break the
    line or fake another one (a newline, a carriage return, a terminal escape, any control or
    invisible character, a byte that is not valid UTF-8) is quoted and escaped like a Python
    string, so that one message is always one line and the name can be typed back.

    Examples:
        >>> display_name("news/2021 march.txt")
        'news/2021 march.txt'
        >>> print(display_name("a.txt\\nnewsnorm: error: forged"))
        'a.txt\\nnewsnorm: error: forged'
        >>> print(display_name("caf\\udce9.txt"))  # an undecodable byte of the file name
        'caf\\udce9.txt'
    """
    return name if name.isprintable() else repr(name)


def one_line(message: str) -> str:
    """Escape every character of `message` that would break it over lines or move the cursor.

    A last guard for messages built from text newsnorm does not control (a cause quoting
    part of a record, say); printable characters, spaces included, are kept as they are.

    Examples:
        >>> print(one_line("bad record: 'x\\ry'\\tend"))
        bad record: 'x\\ry'\\tend
        >>> one_line("Café, 東京")
        'Café, 東京'
    """
    if message.isprintable():
        return message
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in message)


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
        >>> print(NewsnormError("no such file", file="two\\nlines.txt"))  # names stay on one line
        'two\\nlines.txt': no such file
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
        file = None if self.file is None else display_name(self.file)
        where = ":".join(str(part) for part in (file, self.line) if part is not None)
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


class WorkerError(NewsnormError):
    """A worker process died while normalizing: the documents it held were not normalized.

    It was killed by a signal, or by the system's out-of-memory killer.

    Examples:
        >>> raise WorkerError("a worker process died (killed, perhaps for lack of memory)")
        Traceback (most recent call last):
        ...
        newsnorm.errors.WorkerError: a worker process died (killed, perhaps for lack of memory)
    """
