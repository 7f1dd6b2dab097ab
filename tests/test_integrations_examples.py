"""The engine examples (examples/datatrove_step.py, dask_bag.py, ray_batches.py, hf_datasets.py)
run as they are, from that folder, and give what `normalize` gives."""

import json
from pathlib import Path
from typing import Any

import pytest

from newsnorm import Config, normalize
from newsnorm.columns import article_columns
from tests.test_examples import EXAMPLES, _run

RECORDS = [
    json.loads(line)
    for line in (EXAMPLES / "corpus" / "records.jsonl").read_text("utf-8").splitlines()
]
CURLY = Config(quotes="curly")  # what the examples use


def _expected(record: dict[str, Any], iso_dates: bool) -> dict[str, Any]:
    article = normalize(record["text"], CURLY)
    fields = article_columns(article)
    if iso_dates and fields["date"] is not None:
        fields["date"] = fields["date"].isoformat()
    return {**record, "text": article.text, **fields}


def test_datatrove_step(tmp_path: Path) -> None:
    pytest.importorskip("datatrove")
    pytest.importorskip("orjson")
    out = _run("datatrove_step.py", "corpus", str(tmp_path))
    assert "documents: 2" in out and "datelines found: 2" in out
    (output,) = tmp_path.glob("*.jsonl")
    documents = [json.loads(line) for line in output.read_text("utf-8").splitlines()]
    assert [document["id"] for document in documents] == ["wire-001", "wire-002"]
    for document, record in zip(documents, RECORDS, strict=True):
        expected = _expected(record, iso_dates=True)
        assert document["text"] == expected["text"]
        metadata = document["metadata"]
        assert {k: metadata[k] for k in expected if k not in ("id", "text")} == {
            k: v for k, v in expected.items() if k not in ("id", "text")
        }
    assert documents[0]["metadata"]["dateline_location"] == "LONDON"
    assert documents[1]["metadata"]["dateline_agency"] == "CNN"


def test_dask_bag(tmp_path: Path) -> None:
    pytest.importorskip("dask.bag")
    pytest.importorskip("distributed")
    out = _run("dask_bag.py", "corpus/*.jsonl", str(tmp_path))
    written = [Path(line) for line in out.splitlines() if line.endswith(".jsonl")]
    lines = [line for path in written for line in path.read_text("utf-8").splitlines()]
    assert [json.loads(line) for line in lines] == [_expected(r, iso_dates=True) for r in RECORDS]


def test_ray_batches(tmp_path: Path) -> None:
    pytest.importorskip("ray.data")
    pq = pytest.importorskip("pyarrow.parquet")
    out = _run("ray_batches.py", "corpus/records.jsonl", str(tmp_path / "ray"))
    assert "wire-001 | Shares in the grocer rose 4% after" in out
    rows = sorted(pq.read_table(tmp_path / "ray").to_pylist(), key=lambda row: row["id"])
    assert rows == [_expected(record, iso_dates=False) for record in RECORDS]


def test_hf_datasets(tmp_path: Path) -> None:
    pytest.importorskip("datasets")
    pq = pytest.importorskip("pyarrow.parquet")
    target = tmp_path / "records.parquet"
    out = _run("hf_datasets.py", "corpus/records.jsonl", str(target))
    assert "wire-002 | A runaway kite delayed" in out
    rows = pq.read_table(target).to_pylist()
    assert rows == [_expected(record, iso_dates=False) for record in RECORDS]
