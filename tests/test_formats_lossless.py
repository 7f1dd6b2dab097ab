"""Writing loses nothing: every output format keeps the letters and digits of what it writes,
and the line-based ones read back as one record per article."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path
from typing import get_args

from hypothesis import given
from hypothesis import strategies as st

from newsnorm import Article
from newsnorm.formats import (
    ArticleWriter,
    Document,
    OutputFormat,
    read_documents,
    render_chunk,
)

from .strategies import articles

_LETTERS = "abcXYZéßЖ中"
_DIGITS = "0189٣"
_ALPHABET = _LETTERS + _DIGITS + " \n\r.,;:-'\"“”()[]{}/\\\t"


def _significant(text: str) -> list[str]:
    return [c for c in text if c.isalnum()]


def _in_order(wanted: list[str], text: str) -> bool:
    remaining = iter(_significant(text))
    return all(c in remaining for c in wanted)


document_texts = st.text(_ALPHABET, max_size=60)
meaningful_texts = document_texts.filter(lambda s: any(c.isalnum() for c in s))


@given(
    article=articles,
    repaired=st.none() | document_texts,
    body_only=st.booleans(),
    output_format=st.sampled_from(get_args(OutputFormat)),
)
def test_every_format_keeps_the_letters_and_digits_in_order(
    article: Article, repaired: str | None, body_only: bool, output_format: OutputFormat
) -> None:
    chunk = render_chunk(article, output_format, repaired=repaired, body_only=body_only)
    text_like = output_format not in {"jsonl", "parquet"}
    written = repaired if text_like and repaired is not None and not body_only else article.text
    if output_format == "jsonl":
        assert isinstance(chunk, str)
        chunk = json.loads(chunk)["text"]
    elif output_format == "parquet":  # a row: the text first, as the writer will store it
        chunk = chunk[0]
    assert isinstance(chunk, str)
    # render_chunk turns lone surrogates (category Cs, never alphanumeric) into U+FFFD only.
    assert _in_order(_significant(written), chunk)
    assert chunk.endswith("\n") or not text_like


@given(
    texts=st.lists(st.tuples(st.text(_LETTERS, max_size=8), meaningful_texts), min_size=1),
    output_format=st.sampled_from(["lines", "multinews"]),
)
def test_line_based_output_reads_back_one_record_per_article(
    texts: list[tuple[str, str]], output_format: OutputFormat
) -> None:
    stream = io.StringIO()
    with ArticleWriter(stream, output_format) as writer:
        for line, (body, repaired) in enumerate(texts, start=1):
            document = Document(body, "in.txt", line)
            writer.write(Article(body), document, repaired=repaired)
    path = Path(tempfile.mkdtemp()) / "out.txt"
    path.write_bytes(stream.getvalue().encode("utf-8"))
    read = list(read_documents(path, output_format))
    assert [d.line for d in read] == list(range(1, len(texts) + 1))
    for document, (_, repaired) in zip(read, texts, strict=True):
        assert _in_order(_significant(repaired), document.text)
