"""Hugging Face datasets: normalize JSONL records with ``Dataset.map(normalize_batch)``.

The records become a `datasets.Dataset`, ``map`` runs `normalize_batch` over batches in two
processes (the text in place, the article's fields added as typed columns, named as in
newsnorm's Parquet output), and the result is written as Parquet. Options go through
``functools.partial``.

Needs the ``hf`` extra:  pip install 'newsnorm[hf]'
Run from this folder:  python hf_datasets.py [INPUT.jsonl] [OUTPUT.parquet]
(defaults: corpus/records.jsonl and normalized/hf/records.parquet).
"""

import json
import sys
from functools import partial
from pathlib import Path

import datasets

from newsnorm import Config
from newsnorm.integrations.hf import normalize_batch


def normalize_with_datasets(source: Path, target: Path, processes: int = 2) -> datasets.Dataset:
    """Normalize the records of `source` into the Parquet file `target`; return the dataset."""
    datasets.disable_progress_bars()
    lines = source.read_text(encoding="utf-8").splitlines()
    dataset = datasets.Dataset.from_list([json.loads(line) for line in lines if line.strip()])
    normalized = dataset.map(
        partial(normalize_batch, text_column="text", config=Config(quotes="curly")),
        batched=True,
        num_proc=processes,
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    normalized.to_parquet(str(target))
    return normalized


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("corpus/records.jsonl")
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("normalized/hf/records.parquet")
    normalized = normalize_with_datasets(source, target)
    print(target)
    print(normalized.features)
    for row in normalized:
        print(row["id"], row["text"], row["dateline_location"], row["dateline_agency"], sep=" | ")
