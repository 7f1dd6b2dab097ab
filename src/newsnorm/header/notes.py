"""Notes set above a story in wire copy: a contributor note and a copyright notice.

NYT wire copy sets a contributor note off before the dateline (``&UR; Ann Lee &LR; …``); wire
services print a copyright notice above the story (``COPYRIGHT 1998 BY WORLDSOURCES, INC. …``),
in capitals after its first sentence, on as many lines as it takes.
"""

from __future__ import annotations

import regex

__all__ = ["is_note_line", "read_note", "take_copyright_notice"]

_NOTE = regex.compile(r"^&UR;\s*(?P<note>.*?)\s*&LR;\s*(?P<rest>.*)$")
_COPYRIGHT = regex.compile(
    r"(?:COPYRIGHT|Copyright)(?: \([Cc]\)| ©)? (?:19|20)[0-9]{2}\b|© ?(?:19|20)[0-9]{2}\b"
)
_SENTENCE_STOP = regex.compile(r"[.!?](?= |$)")


def is_note_line(line: str) -> bool:
    """Tell whether `line` opens with a contributor note or a copyright notice.

    Examples:
        >>> is_note_line("&UR; Ann Lee &LR; It rained."), is_note_line("© 2020 Ann Lee")
        (True, True)
        >>> is_note_line("Copyright law changed in 2020.")
        False
    """
    return _NOTE.match(line) is not None or _COPYRIGHT.match(line) is not None


def read_note(line: str) -> tuple[str, str] | None:
    """Split a contributor note off `line`: (the note, the rest of the line), or None.

    Examples:
        >>> read_note("&UR; By Ann Lee &LR; LONDON - It rained.")
        ('By Ann Lee', 'LONDON - It rained.')
    """
    note = _NOTE.match(line)
    return None if note is None else (note["note"], note["rest"])


def take_copyright_notice(lines: list[str], index: int) -> tuple[str | None, int]:
    """Take a copyright notice opening lines[index]: (the notice, the body's first line).

    The notice runs over the sentences written in capitals: the story starts with the first
    sentence that holds a small letter, and the rest of the notice's last line is left in
    `lines` as the story's first line. Without a notice, (None, index).

    Examples:
        >>> lines = ["COPYRIGHT 1998 BY ACME. ALL RIGHTS RESERVED. Rain fell.", "More."]
        >>> take_copyright_notice(lines, 0), lines[0]
        (('COPYRIGHT 1998 BY ACME. ALL RIGHTS RESERVED.', 0), 'Rain fell.')
    """
    line = lines[index].strip()
    if not _COPYRIGHT.match(line):
        return None, index
    parts: list[str] = []
    while True:
        notice, rest = _notice_prefix(line, first=not parts)
        parts.append(notice)
        if rest:
            lines[index] = rest
            break
        index += 1
        if index == len(lines) or not lines[index].strip() or _has_small_letter(lines[index]):
            break
        line = lines[index].strip()
    return " ".join(parts), index


def _notice_prefix(line: str, *, first: bool) -> tuple[str, str]:
    # The first sentence of a notice may be in mixed case ("Copyright 2020 The Associated
    # Press."); after it, only sentences in capitals belong to the notice.
    end = 0
    for stop in _SENTENCE_STOP.finditer(line):
        if (end or not first) and _has_small_letter(line[end : stop.end()]):
            return line[:end].strip(), line[end:].strip()
        end = stop.end()
    if (end or not first) and _has_small_letter(line[end:]):
        return line[:end].strip(), line[end:].strip()
    return line, ""


def _has_small_letter(text: str) -> bool:
    return text.upper() != text
