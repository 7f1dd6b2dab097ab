"""newsnorm.integrations.hf under Hugging Face datasets: ``Dataset.map(..., num_proc=2)``."""

from collections.abc import Iterator
from functools import partial

import pytest

datasets = pytest.importorskip("datasets")

from newsnorm import ConfigError  # noqa: E402
from newsnorm.columns import COLUMNS  # noqa: E402
from newsnorm.integrations.hf import normalize_batch  # noqa: E402
from tests.test_integrations_core import CONFIG, TEXTS, expected_rows  # noqa: E402

# The first batch holds no field at all: its columns must still get their types.
ROWS = ["Plain, clean prose stays exactly as it is."] * 4 + TEXTS * 2


@pytest.fixture(autouse=True)
def _quiet_and_uncached() -> Iterator[None]:
    datasets.disable_progress_bars()
    datasets.disable_caching()  # in memory: nothing written to the user's cache
    yield
    datasets.enable_caching()
    datasets.enable_progress_bars()


def _dataset() -> "datasets.Dataset":
    return datasets.Dataset.from_dict({"id": list(range(len(ROWS))), "text": ROWS})


def test_map_with_two_processes_equals_normalize() -> None:
    mapped = _dataset().map(normalize_batch, batched=True, batch_size=4, num_proc=2)
    assert mapped.column_names == ["id", "text", *COLUMNS]
    assert mapped["id"] == list(range(len(ROWS)))
    rows = [{k: row[k] for k in ("text", *COLUMNS)} for row in mapped]
    assert rows == expected_rows(ROWS)
    features = mapped.features
    assert features["title"].dtype == "string" and features["date"].dtype == "date32"
    assert features["headers"].feature["key"].dtype == "string"


def test_options_through_partial_and_other_batch_formats() -> None:
    function = partial(normalize_batch, text_column="article", config=CONFIG, prefix="nn_")
    dataset = _dataset().rename_column("text", "article")
    expected = expected_rows(ROWS, CONFIG, "nn_")
    for formatted in (dataset, dataset.with_format("arrow"), dataset.with_format("pandas")):
        mapped = formatted.map(function, batched=True, batch_size=4, num_proc=2)
        mapped = mapped.with_format(None)
        assert mapped["id"] == list(range(len(ROWS)))
        rows = [{"text": row["article"]} | {f"nn_{k}": row[f"nn_{k}"] for k in COLUMNS}
                for row in mapped]  # fmt: skip
        assert rows == expected


def test_a_column_of_the_same_name_is_refused() -> None:
    dataset = _dataset().add_column("title", ["mine"] * len(ROWS))
    with pytest.raises(ConfigError, match="column 'title' already: give a prefix"):
        dataset.map(normalize_batch, batched=True, num_proc=2)
    kept = dataset.map(partial(normalize_batch, prefix="newsnorm_"), batched=True)
    assert kept["title"] == ["mine"] * len(ROWS)
