"""Split a Multi-News file into its documents, one clean article each.

Multi-News stores one cluster per line: the documents are separated by ``|||||`` and line
breaks are written ``NEWLINE_CHAR``. Each document becomes its own article, with the cluster
(the line it came from) and its position in the cluster.

Run from this folder:  python split_multinews.py [FILE.src]   (default: corpus/ferries.src)
"""

import sys
from pathlib import Path

from newsnorm import normalize
from newsnorm.formats import read_documents


def split_multinews(path: Path) -> list[tuple[int, int, str]]:
    """Return (cluster, position, normalized text) for every document of `path`."""
    return [
        (document.line, document.position or 0, normalize(document.text).text)
        for document in read_documents(path, "multinews")
    ]


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("corpus/ferries.src")
    for cluster, position, text in split_multinews(path):
        print(f"--- cluster {cluster}, document {position}")
        print(text)
