"""datatrove: normalize JSONL documents with `NewsnormAnnotator` between a reader and a writer.

Each document's text becomes the normalized body, and the article's fields (date, title,
byline, dateline, headers, ...) go into ``doc.metadata`` under newsnorm's column names; the
step's statistics count what was repaired and read (per stage, spacing rule and header
recognizer). For text repair alone, without metadata, use `NewsnormFormatter` instead.

Needs the ``datatrove`` extra:  pip install 'newsnorm[datatrove]'
Run from this folder:  python datatrove_step.py [INPUT_DIR] [OUTPUT_DIR]
(defaults: corpus/ and normalized/datatrove/).
"""

import sys
from pathlib import Path

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from newsnorm import Config
from newsnorm.integrations.datatrove import NewsnormAnnotator


def run_pipeline(source: Path, target: Path, tasks: int = 1) -> dict[str, int]:
    """Normalize the JSONL files of `source` into `target`; return the annotator's counts."""
    stats = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(source), glob_pattern="*.jsonl"),
            NewsnormAnnotator(Config(quotes="curly")),
            JsonlWriter(str(target), compression=None),
        ],
        tasks=tasks,
        logging_dir=str(target / "logs"),
    ).run()
    (annotator,) = [step for step in stats.stats if "newsnorm" in step.name]
    return {name: int(metric.total) for name, metric in annotator.stats.items()}


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("corpus")
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("normalized/datatrove")
    counts = run_pipeline(source, target)
    for path in sorted(target.glob("*.jsonl")):
        print(path)
    for name, count in counts.items():
        print(f"{name}: {count}")
