"""newsnorm.integrations.ray under Ray Data, on a local Ray of two CPUs and two actors."""

import warnings
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("ray.data")
pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")

import ray  # noqa: E402

from newsnorm.columns import COLUMNS, arrow_schema  # noqa: E402
from newsnorm.integrations.ray import NormalizeBatches  # noqa: E402
from tests.test_integrations_core import CONFIG, TEXTS, expected_rows  # noqa: E402

ROWS = TEXTS * 3  # several batches per block, several blocks


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RAY_USAGE_STATS_ENABLED", "0")  # no usage report from a test run
        ray.init(
            num_cpus=2,
            include_dashboard=False,
            log_to_driver=False,
            logging_level="error",
            configure_logging=True,
        )
        try:
            with warnings.catch_warnings():
                # Ray's DataContext warns about its own deprecated defaults as it is built.
                warnings.simplefilter("ignore", DeprecationWarning)
                context = ray.data.DataContext.get_current()
            context.enable_progress_bars = False
            # Ray Data may hand blocks back in the order they finish; the tests compare rows in
            # input order, as a user who needs it asks Ray to keep it.
            context.execution_options.preserve_order = True
            yield
        finally:
            ray.shutdown()


def _dataset() -> Any:
    table = pa.table({"id": list(range(len(ROWS))), "text": ROWS})
    # Blocks already in the object store: no read task competes with the two actors for CPUs.
    return ray.data.from_arrow([table.slice(start, 10) for start in range(0, len(ROWS), 10)])


def _collect(dataset: Any) -> Any:
    tables = [ray.get(ref) for ref in dataset.to_arrow_refs()]
    return pa.concat_tables(tables, promote_options="permissive")


@pytest.mark.usefixtures("local_ray")
def test_arrow_batches_with_two_actors() -> None:
    normalized = _dataset().map_batches(
        NormalizeBatches,
        concurrency=2,
        batch_format="pyarrow",
        batch_size=4,
        fn_constructor_kwargs={"config": CONFIG},
    )
    table = _collect(normalized)
    assert table["id"].to_pylist() == list(range(len(ROWS)))  # row order kept
    assert table.schema.names == ["id", "text", *COLUMNS]
    assert pa.schema(list(table.schema)[2:]) == arrow_schema()  # the Parquet types
    rows = [{k: row[k] for k in ("text", *COLUMNS)} for row in table.to_pylist()]
    assert rows == expected_rows(ROWS, CONFIG)


@pytest.mark.usefixtures("local_ray")
def test_pandas_batches_with_a_prefix_and_another_text_column() -> None:
    dataset = _dataset().rename_columns({"text": "article"})
    normalized = dataset.map_batches(
        NormalizeBatches,
        compute=ray.data.ActorPoolStrategy(size=2),
        batch_format="pandas",
        batch_size=4,
        fn_constructor_kwargs={"text_column": "article", "prefix": "nn_"},
    )
    table = _collect(normalized)
    assert table["id"].to_pylist() == list(range(len(ROWS)))
    rows = [
        {"text": row["article"]} | {f"nn_{k}": row[f"nn_{k}"] for k in COLUMNS}
        for row in table.to_pylist()
    ]
    assert rows == expected_rows(ROWS, prefix="nn_")
    assert table.schema.field("nn_date").type == pa.date32()
