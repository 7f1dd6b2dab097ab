"""Dask: normalize JSONL records with `normalize_bag` on a local cluster of two processes.

Each JSONL file is read line by line into a bag of dicts, `normalize_bag` normalizes each
record's text and adds the article's fields beside it (newsnorm's column names), and the bag
is written back as JSONL, one file per partition, in input order. The same code runs on a
multi-machine cluster: give ``Client`` the scheduler's address instead of a ``LocalCluster``.

Needs the ``dask`` extra:  pip install 'newsnorm[dask]'
Run from this folder:  python dask_bag.py [INPUT_GLOB] [OUTPUT_DIR]
(defaults: corpus/*.jsonl and normalized/dask/).
"""

import datetime
import json
import sys
from pathlib import Path
from typing import Any

import dask.bag as db
from distributed import Client, LocalCluster

from newsnorm import Config
from newsnorm.integrations.dask import normalize_bag


def to_json(record: dict[str, Any]) -> str:
    """One record as a JSON line (the date as an ISO string)."""

    def iso(value: object) -> str:
        if isinstance(value, datetime.date):
            return value.isoformat()
        raise TypeError(f"cannot write {type(value).__name__} as JSON")

    return json.dumps(record, ensure_ascii=False, default=iso)


def normalize_with_dask(pattern: str, target: Path, workers: int = 2) -> list[str]:
    """Normalize every JSONL file matching `pattern` into `target`; return the files written."""
    target.mkdir(parents=True, exist_ok=True)
    # Worker processes, not threads: normalization is pure Python and holds the GIL.
    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        records = db.read_text(pattern).map(str.strip).filter(bool).map(json.loads)
        normalized = normalize_bag(records, "text", Config(quotes="curly"))
        return list(normalized.map(to_json).to_textfiles(str(target / "part-*.jsonl")))


if __name__ == "__main__":
    pattern = sys.argv[1] if len(sys.argv) > 1 else "corpus/*.jsonl"
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("normalized/dask")
    for name in normalize_with_dask(pattern, target):
        print(name)
