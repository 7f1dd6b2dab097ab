"""JSONL in, JSONL out: normalize each record's text and add the article's fields beside it.

Run from this folder:  python jsonl_in_out.py [INPUT.jsonl] [OUTPUT.jsonl]
(defaults: corpus/records.jsonl and normalized/records.jsonl). Every other field of a record
is kept untouched and in order; a record that cannot be read is reported and skipped.
"""

import sys
from pathlib import Path

from newsnorm import NewsnormError, normalize
from newsnorm.formats import ArticleWriter, atomic_output, read_documents


def normalize_jsonl(source: Path, target: Path) -> tuple[int, int]:
    """Normalize the records of `source` into `target`; return (written, skipped)."""
    skipped: list[NewsnormError] = []
    target.parent.mkdir(parents=True, exist_ok=True)
    with atomic_output(target) as stream:
        writer = ArticleWriter(stream, "jsonl")
        for document in read_documents(source, "jsonl", id_field="id", on_error=skipped.append):
            writer.write(normalize(document.text), document)
    for error in skipped:
        print(f"skipped: {error}", file=sys.stderr)
    return writer.count, len(skipped)


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("corpus/records.jsonl")
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("normalized/records.jsonl")
    written, skipped = normalize_jsonl(source, target)
    print(f"{written} records written to {target}, {skipped} skipped")
    print(target.read_text(encoding="utf-8").splitlines()[0])
