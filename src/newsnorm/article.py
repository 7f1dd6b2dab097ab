"""The value types newsnorm produces: `Article` and `Dateline`, with a lossless JSON form."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import attrs

from newsnorm.errors import ArticleDataError

__all__ = ["Article", "Dateline", "Headers"]


def _optional_line(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be a string or None, not {type(value).__name__}")
    if not value.strip() or value != value.strip() or "\n" in value:
        raise ValueError(
            f"{attribute.name} must be one non-empty line without surrounding blanks: {value!r}"
        )


def _lines(_instance: object, attribute: attrs.Attribute[Any], value: tuple[Any, ...]) -> None:
    for line in value:
        _optional_line(_instance, attribute, line)
        if line is None:
            raise TypeError(f"{attribute.name} must hold strings, not None")


def _tuple(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _plain_date(_instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # datetime.datetime is a subclass of date; a timestamp here would break equality after JSON.
    if value is not None and (type(value) is not dt.date):
        raise TypeError(f"{attribute.name} must be a datetime.date or None, not {value!r}")


class Headers(Mapping[str, str]):
    """A read-only, ordered, picklable mapping of header keys to values.

    Examples:
        >>> headers = Headers({"Source": "wire"})
        >>> headers["Source"], dict(headers), headers == {"Source": "wire"}
        ('wire', {'Source': 'wire'}, True)
    """

    __slots__ = ("_items",)

    def __init__(self, items: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> None:
        pairs = items.items() if isinstance(items, Mapping) else items
        checked: dict[str, str] = {}
        for key, text in pairs:
            if not isinstance(key, str) or not isinstance(text, str) or not key.strip():
                raise TypeError(f"headers must map non-empty strings to strings: {key!r}: {text!r}")
            checked[key] = text
        self._items = checked

    def __getitem__(self, key: str) -> str:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return repr(self._items)

    def __reduce__(self) -> tuple[type[Headers], tuple[dict[str, str]]]:
        return (Headers, (self._items,))


def _frozen_headers(value: Mapping[str, str] | Iterable[tuple[str, str]]) -> Headers:
    return value if isinstance(value, Headers) else Headers(value)


@attrs.frozen
class Dateline:
    """A news dateline such as ``NEW YORK, Feb 17 (AP) —``, split into its parts.

    Attributes:
        location: the place, as written (``NEW YORK``), or None for a dateline without one,
            such as ``(CNN) --`` or a date line alone (``Tuesday, September 1, 2015``).
        agency: the news agency in parentheses (``AP``), or None.
        date_text: the date as written in the dateline (``Feb 17``), or None. It is kept as
            text because a dateline date usually has no year.

    Examples:
        >>> Dateline("WASHINGTON", agency="Reuters")
        Dateline(location='WASHINGTON', agency='Reuters', date_text=None)
        >>> Dateline.from_dict(Dateline("LONDON", date_text="2 March").to_dict()).date_text
        '2 March'
    """

    location: str | None = attrs.field(validator=_optional_line)
    agency: str | None = attrs.field(default=None, validator=_optional_line)
    date_text: str | None = attrs.field(default=None, validator=_optional_line)

    def __attrs_post_init__(self) -> None:
        if self.location is None and self.agency is None and self.date_text is None:
            raise ValueError("a dateline needs a location, an agency or a date")

    def to_dict(self) -> dict[str, str | None]:
        """Return the dateline as a JSON-ready dict.

        Examples:
            >>> Dateline("PARIS", agency="AFP").to_dict()
            {'location': 'PARIS', 'agency': 'AFP', 'date_text': None}
        """
        return {"location": self.location, "agency": self.agency, "date_text": self.date_text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Dateline:
        """Build a dateline from the output of `to_dict`.

        Examples:
            >>> Dateline.from_dict({"location": "ROME"})
            Dateline(location='ROME', agency=None, date_text=None)
        """
        return cls(
            location=data.get("location"),
            agency=data.get("agency"),
            date_text=data.get("date_text"),
        )


@attrs.frozen
class Article:
    """One normalized news article: the body text and the metadata found in its header.

    Instances are immutable and compare by value; `to_dict` / `from_dict` and `to_json` /
    `from_json` round-trip exactly.

    Attributes:
        text: the normalized body, one paragraph per line (paragraphs separated by ``\\n``).
        date: the publication date, or None when the document does not state a full date.
        title: the headline, or None.
        byline: the byline as printed (``By Jane Doe, Reuters``), or None.
        dateline: the news dateline at the start of the body, or None.
        headers: every header field found, as written, unknown ones included (read-only).
        highlights: the summary lines a corpus keeps with the story (CNN/DailyMail
            ``@highlight`` blocks), in order; never part of `text`.
        furniture: page furniture moved out of the body (photo captions, ``ADVERTISEMENT``,
            share buttons), in order.

    Examples:
        >>> import datetime
        >>> a = Article("First line.\\nSecond line.", date=datetime.date(2020, 2, 17))
        >>> a.paragraphs
        ('First line.', 'Second line.')
        >>> Article.from_json(a.to_json()) == a
        True
    """

    text: str = attrs.field(validator=attrs.validators.instance_of(str))
    date: dt.date | None = attrs.field(default=None, validator=_plain_date)
    title: str | None = attrs.field(default=None, validator=_optional_line)
    byline: str | None = attrs.field(default=None, validator=_optional_line)
    dateline: Dateline | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Dateline))
    )
    # A read-only mapping; left out of the hash because mappings are not hashable.
    headers: Mapping[str, str] = attrs.field(factory=Headers, converter=_frozen_headers, hash=False)
    highlights: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_lines)
    furniture: tuple[str, ...] = attrs.field(default=(), converter=_tuple, validator=_lines)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The non-empty paragraphs of `text`, in order.

        Examples:
            >>> Article("One.\\n\\nTwo.").paragraphs
            ('One.', 'Two.')
        """
        return tuple(line for line in self.text.split("\n") if line.strip())

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dict: the date as ISO text, the dateline as a dict.

        Examples:
            >>> Article("Body.", title="Headline").to_dict()["title"]
            'Headline'
        """
        return {
            "text": self.text,
            "date": self.date.isoformat() if self.date else None,
            "title": self.title,
            "byline": self.byline,
            "dateline": self.dateline.to_dict() if self.dateline else None,
            "headers": dict(self.headers),
            "highlights": list(self.highlights),
            "furniture": list(self.furniture),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Article:
        """Build an article from `to_dict` output; raise `ArticleDataError` on invalid data.

        Missing optional keys default to None (or no headers).

        Examples:
            >>> Article.from_dict({"text": "Body.", "date": "2019-07-04"}).date
            datetime.date(2019, 7, 4)
        """
        if not isinstance(data.get("text"), str):
            raise ArticleDataError("text: a string is required")
        raw_date = data.get("date")
        date: dt.date | None = None
        if raw_date is not None:
            try:
                date = dt.date.fromisoformat(raw_date)
            except (TypeError, ValueError) as exc:
                raise ArticleDataError(
                    f"date: {raw_date!r} is not a valid ISO date ({exc})"
                ) from None
        try:
            dateline = data.get("dateline")
            return cls(
                text=data["text"],
                date=date,
                title=data.get("title"),
                byline=data.get("byline"),
                dateline=Dateline.from_dict(dateline) if dateline is not None else None,
                headers=data.get("headers") or {},
                highlights=data.get("highlights") or (),
                furniture=data.get("furniture") or (),
            )
        except (TypeError, ValueError, AttributeError) as exc:
            raise ArticleDataError(str(exc)) from None

    def to_json(self) -> str:
        """Return the article as one line of JSON (non-ASCII characters kept as they are).

        Examples:
            >>> Article("Café’s open.").to_json().startswith('{"text": "Café’s open."')
            True
        """
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Article:
        """Parse the output of `to_json`.

        Examples:
            >>> Article.from_json('{"text": "Hello."}').text
            'Hello.'
        """
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ArticleDataError(f"not valid JSON: {exc}") from None
        if not isinstance(data, dict):
            raise ArticleDataError("a JSON object is required")
        return cls.from_dict(data)
