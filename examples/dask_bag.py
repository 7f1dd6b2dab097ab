"""Scale out with Dask: normalize JSONL files with ``dask.bag`` on a local cluster.

Each JSONL file is read line by line into a bag, each record is normalized on a worker
process, and the bag is written back as JSONL, one output file per partition. The same code
runs on a multi-machine cluster: pass the scheduler's address to ``Client`` instead of
starting a ``LocalCluster``.

Needs the ``dask`` extra:  pip install 'newsnorm[dask]'
Run from this folder:  python dask_bag.py [INPUT_GLOB] [OUTPUT_DIR]
(defaults: corpus/*.jsonl and normalized/dask/).
"""

import json
import sys
from pathlib import Path
from typing import Any

import dask.bag as db
from distributed import Client, LocalCluster

from newsnorm import normalize
from newsnorm.formats import Document, format_article


def normalize_record(line: str) -> str:
    """One JSONL line in, one JSONL line out: the text normalized, the article's fields added."""
    record: dict[str, Any] = json.loads(line)
    document = Document(record["text"], source="dask", record=record)
    return format_article(normalize(document.text), "jsonl", document=document).rstrip("\n")


def normalize_with_dask(pattern: str, target: Path, workers: int = 2) -> list[str]:
    """Normalize every JSONL file matching `pattern` into `target`; return the files written."""
    target.mkdir(parents=True, exist_ok=True)
    # Worker processes, not threads: normalization is pure Python and holds the GIL.
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, processes=True) as cluster,
        Client(cluster),
    ):
        bag = db.read_text(pattern).map(str.strip).filter(bool).map(normalize_record)
        return list(bag.to_textfiles(str(target / "part-*.jsonl")))


if __name__ == "__main__":
    pattern = sys.argv[1] if len(sys.argv) > 1 else "corpus/*.jsonl"
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("normalized/dask")
    for name in normalize_with_dask(pattern, target):
        print(name)
