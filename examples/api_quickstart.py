"""Normalize one article with the Python API and look at what came out.

Run from anywhere: python examples/api_quickstart.py
"""

from pathlib import Path

import newsnorm

HERE = Path(__file__).parent


def main() -> None:
    raw = (HERE / "corpus" / "mixed-quotes.txt").read_text(encoding="utf-8")
    article = newsnorm.normalize(raw)
    print("title:   ", article.title)
    print("byline:  ", article.byline)
    print("date:    ", article.date.isoformat() if article.date else None)
    print("dateline:", article.dateline)
    print("headers: ", dict(article.headers))
    print("first paragraph:", article.paragraphs[0])

    # Each stage works alone too.
    print(newsnorm.repair_spacing("It ’ s a fix , not a guess ."))
    print(newsnorm.fix_quotes('"Straight" quotes, made curly.', "curly"))
    print(newsnorm.parse_date("Thu, 26 Feb 1987 15:01:01 GMT"))

    # Articles round-trip through JSON exactly.
    assert newsnorm.Article.from_json(article.to_json()) == article


if __name__ == "__main__":
    main()
