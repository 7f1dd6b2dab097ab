"""Normalize every article in a folder into a folder of clean files, in parallel.

Run from this folder:  python normalize_folder.py [INPUT_DIR] [OUTPUT_DIR]
(defaults: corpus/ and normalized/). The same job on the command line is
``newsnorm normalize corpus/ --glob '*.txt' -o normalized/``.
"""

import sys
from pathlib import Path

from newsnorm import Config
from newsnorm.batch import normalize_documents
from newsnorm.formats import ArticleWriter, atomic_output, read_documents


def normalize_folder(source: Path, target: Path, jobs: int = 2) -> int:
    """Write one normalized file per ``*.txt`` file of `source`; return how many."""
    target.mkdir(parents=True, exist_ok=True)
    config = Config(quotes="curly")
    count = 0
    for path in sorted(source.rglob("*.txt")):
        output = target / path.relative_to(source)
        output.parent.mkdir(parents=True, exist_ok=True)
        # atomic_output: the file appears only when complete, never half-written.
        with atomic_output(output) as stream:
            writer = ArticleWriter(stream, "text")
            documents = normalize_documents(read_documents(path), config, jobs=jobs)
            for _, article, report in documents:
                # The repaired document keeps its header lines; the article's body alone
                # (writer.write(article)) would leave them out.
                writer.write(article, repaired=report.repaired)
        print(f"{path} -> {output}")
        count += 1
    return count


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("corpus")
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("normalized")
    print(f"{normalize_folder(source, target)} files normalized into {target}/")
