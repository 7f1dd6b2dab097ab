"""Ray Data: normalize JSONL records with `NormalizeBatches` and write Parquet.

Ray reads the records, a pool of `NormalizeBatches` actors normalizes them batch by batch
(Arrow tables in, Arrow tables out: the text in place, the article's fields as typed columns
named as in newsnorm's Parquet output), and Ray writes Parquet files. On a cluster, call
``ray.init(address="auto")`` instead and raise the pool's size.

Needs the ``ray`` extra:  pip install 'newsnorm[ray]'
Run from this folder:  python ray_batches.py [INPUT.jsonl] [OUTPUT_DIR]
(defaults: corpus/records.jsonl and normalized/ray/).
"""

import os
import sys
from pathlib import Path

import pyarrow.parquet as pq
import ray

from newsnorm import Config
from newsnorm.integrations.ray import NormalizeBatches


def normalize_with_ray(source: Path, target: Path, cpus: int = 2) -> list[dict[str, object]]:
    """Normalize the records of `source` into Parquet files in `target`; return the rows."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray.init(num_cpus=cpus, include_dashboard=False, log_to_driver=False, logging_level="error")
    try:
        dataset = ray.data.read_json(str(source.resolve()))
        dataset = dataset.map_batches(
            NormalizeBatches,
            # At most one actor per CPU, and fewer at first, so the reading has a CPU too.
            compute=ray.data.ActorPoolStrategy(min_size=1, max_size=cpus),
            batch_format="pyarrow",
            fn_constructor_kwargs={"config": Config(quotes="curly")},
        )
        dataset.write_parquet(str(target.resolve()))
    finally:
        ray.shutdown()
    table = pq.read_table(target)
    return sorted(table.to_pylist(), key=lambda row: str(row["id"]))


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("corpus/records.jsonl")
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("normalized/ray")
    for row in normalize_with_ray(source, target):
        print(row["id"], row["text"], row["dateline_location"], row["dateline_agency"], sep=" | ")
