"""newsnorm.integrations.datatrove on datatrove's LocalPipelineExecutor: two tasks, two workers."""

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datatrove")
pytest.importorskip("orjson")  # datatrove's JSONL reader and writer

from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from newsnorm import ConfigError, normalize_and_report, normalize_text
from newsnorm.columns import COLUMNS
from newsnorm.integrations.datatrove import (
    STAT_NAMES,
    NewsnormAnnotator,
    NewsnormFormatter,
)
from tests.test_integrations_core import CONFIG, TEXTS, expected_rows

# datatrove's readers skip documents without text: only texts go in.
DOCUMENTS = [text for text in TEXTS if text]


def _write_inputs(folder: Path) -> list[str]:
    """Two JSONL files (one per task); return the ids in file order."""
    folder.mkdir()
    ids = []
    for number, half in enumerate((DOCUMENTS[::2], DOCUMENTS[1::2])):
        lines = []
        for index, text in enumerate(half):
            ids.append(f"doc-{number}-{index}")
            lines.append(json.dumps({"id": ids[-1], "text": text, "source": "test"}))
        (folder / f"part-{number}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ids


def _run(tmp_path: Path, step: Any) -> tuple[list[dict[str, Any]], Any]:
    ids = _write_inputs(tmp_path / "in")
    stats = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(tmp_path / "in"), glob_pattern="*.jsonl"),
            step,
            JsonlWriter(str(tmp_path / "out"), compression=None),
        ],
        tasks=2,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    ).run()
    outputs = sorted((tmp_path / "out").glob("*.jsonl"))
    assert len(outputs) == 2  # one per task
    records = [
        json.loads(line) for path in outputs for line in path.read_text("utf-8").splitlines()
    ]
    assert [record["id"] for record in records] == ids  # every document, in order
    return records, stats


def _as_json(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v.isoformat() if k == "date" and v is not None else v for k, v in row.items()}


def test_annotator_on_a_two_worker_executor(tmp_path: Path) -> None:
    records, stats = _run(tmp_path, NewsnormAnnotator(CONFIG))
    by_text = dict(zip(DOCUMENTS[::2] + DOCUMENTS[1::2], records, strict=True))
    for text, record in by_text.items():
        (expected,) = expected_rows([text], CONFIG)
        assert record["text"] == expected["text"]
        assert record["metadata"]["source"] == "test"  # the reader's metadata is kept
        fields = {name: record["metadata"][name] for name in COLUMNS}
        assert fields == _as_json({name: expected[name] for name in COLUMNS})

    # the statistics: the same counts as calling normalize_and_report on each document
    (step_stats,) = [stat for stat in stats.stats if "annotator" in stat.name]
    counted = {name: step_stats.stats[name].total for name in step_stats.stats}
    assert set(counted) <= set(STAT_NAMES)
    reports = [normalize_and_report(text, CONFIG) for text in DOCUMENTS]
    assert counted["documents"] == len(DOCUMENTS)
    repaired = sum(report.style != "raw" for _, report in reports)
    assert counted["tokenized documents repaired"] == repaired
    assert counted["datelines found"] == sum(a.dateline is not None for a, _ in reports)
    assert counted["quotes changed"] == sum(report.quotes_changed for _, report in reports)
    for rule in {rule for _, report in reports for rule in report.spacing_rules}:
        fired = sum(rule in report.spacing_rules for _, report in reports)
        assert counted[f"spacing rule: {rule}"] == fired
    recognizers = {name for _, report in reports for name in report.recognizers}
    assert recognizers  # the sample has header blocks
    for name in recognizers:
        read = sum(name in report.recognizers for _, report in reports)
        assert counted[f"header recognizer: {name}"] == read


def test_formatter_on_a_two_worker_executor(tmp_path: Path) -> None:
    records, stats = _run(tmp_path, NewsnormFormatter(CONFIG))
    texts = DOCUMENTS[::2] + DOCUMENTS[1::2]
    assert [record["text"] for record in records] == [normalize_text(t, CONFIG) for t in texts]
    assert all(set(record["metadata"]) == {"source", "file_path"} for record in records)
    (step_stats,) = [stat for stat in stats.stats if "newsnorm" in stat.name]
    assert step_stats.stats["total"].total == len(DOCUMENTS)


def test_annotator_never_replaces_metadata_and_takes_a_prefix() -> None:
    document = Document("It rained , a lot .", "a", metadata={"title": "Mine"})
    with pytest.raises(ConfigError, match="metadata key 'title' already: give a prefix"):
        list(NewsnormAnnotator().run([document]))
    [done] = NewsnormAnnotator(prefix="newsnorm_").run([document])
    assert done.metadata["title"] == "Mine" and done.metadata["newsnorm_title"] is None
    assert done.text == "It rained, a lot."
