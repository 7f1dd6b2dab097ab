"""A datatrove pipeline step that normalizes documents and keeps their metadata.

``NewsnormStep`` replaces each document's text with the normalized body and adds the
article's date, title, byline and dateline to ``doc.metadata``. It slots into any datatrove
pipeline between a reader and a writer; here it runs over the example JSONL records.

Needs the ``datatrove`` extra:  pip install 'newsnorm[datatrove]'
Run from this folder:  python datatrove_step.py [INPUT_DIR] [OUTPUT_DIR]
(defaults: corpus/ and normalized/datatrove/).
"""

import sys
from pathlib import Path
from typing import Any

from datatrove.data import DocumentsPipeline
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.base import PipelineStep
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from newsnorm import Config, normalize


class NewsnormStep(PipelineStep):
    """Normalize each document's text; put the article's fields into its metadata."""

    name = "newsnorm"
    type = "✂️ - FORMAT"

    def __init__(self, config: Config | None = None) -> None:
        super().__init__()
        self.config = config or Config()

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Yield every document of `data`, normalized."""
        for document in data:
            self.stat_update("documents")
            with self.track_time():
                article = normalize(document.text, self.config)
                fields: dict[str, Any] = article.to_dict()
                document.text = fields.pop("text")
                document.metadata.update({k: v for k, v in fields.items() if v})
            yield document


def run_pipeline(source: Path, target: Path) -> list[Path]:
    """Read the JSONL files of `source`, normalize them, write JSONL to `target`."""
    LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(source), glob_pattern="*.jsonl"),
            NewsnormStep(),
            JsonlWriter(str(target), compression=None),
        ],
        tasks=1,
        logging_dir=str(target / "logs"),
    ).run()
    return sorted(target.glob("*.jsonl"))


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("corpus")
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("normalized/datatrove")
    for path in run_pipeline(source, target):
        print(path)
        print(path.read_text(encoding="utf-8").splitlines()[0])
