import datetime as dt
import json

import pytest
from hypothesis import given

from newsnorm import Article, ArticleDataError, Dateline
from tests.strategies import articles


@given(articles)
def test_json_round_trip_gives_an_equal_article(article: Article) -> None:
    assert Article.from_json(article.to_json()) == article
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article


@given(articles)
def test_articles_are_hashable_and_equal_to_themselves(article: Article) -> None:
    assert hash(article) == hash(Article.from_dict(article.to_dict()))


def test_article_is_immutable() -> None:
    article = Article("Body.", headers={"Source": "wire"})
    with pytest.raises(AttributeError):
        article.text = "Other."  # type: ignore[misc]
    with pytest.raises(TypeError):
        article.headers["Source"] = "changed"  # type: ignore[index]


def test_headers_are_copied_not_shared() -> None:
    given_headers = {"Source": "wire"}
    article = Article("Body.", headers=given_headers)
    given_headers["Source"] = "changed"
    assert article.headers["Source"] == "wire"


def test_paragraphs_skip_blank_lines() -> None:
    assert Article("One.\n\n  \nTwo.").paragraphs == ("One.", "Two.")


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"text": "x", "date": dt.datetime(2020, 1, 1, 12, 0)}, TypeError),
        ({"text": "x", "date": "2020-01-01"}, TypeError),
        ({"text": "x", "title": "two\nlines"}, ValueError),
        ({"text": "x", "title": " padded "}, ValueError),
        ({"text": "x", "byline": ""}, ValueError),
        ({"text": 5}, TypeError),
        ({"text": "x", "headers": {"": "empty key"}}, TypeError),
    ],
)
def test_validators_reject_impossible_values(fields: dict[str, object], error: type) -> None:
    with pytest.raises(error):
        Article(**fields)  # type: ignore[arg-type]


def test_dateline_needs_some_content() -> None:
    with pytest.raises(ValueError, match="needs a location"):
        Dateline(None)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({}, "text: a string is required"),
        ({"text": "x", "date": "2021-13-01"}, "date: '2021-13-01' is not a valid ISO date"),
        ({"text": "x", "date": 20210101}, "is not a valid ISO date"),
        ({"text": "x", "title": ""}, "title must be one non-empty line"),
        ({"text": "x", "dateline": {}}, "a dateline needs"),
    ],
)
def test_from_dict_errors_say_what_is_wrong(data: dict[str, object], message: str) -> None:
    with pytest.raises(ArticleDataError, match=message):
        Article.from_dict(data)


def test_from_json_rejects_non_objects() -> None:
    with pytest.raises(ArticleDataError, match="JSON object"):
        Article.from_json("[1, 2]")
    with pytest.raises(ArticleDataError, match="not valid JSON"):
        Article.from_json("{")


@given(articles)
def test_articles_survive_pickling(article: Article) -> None:
    import pickle

    assert pickle.loads(pickle.dumps(article)) == article
