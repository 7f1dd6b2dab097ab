"""newsnorm.integrations.dask on a LocalCluster of two worker processes: bags and dataframes."""

from collections.abc import Iterator
from typing import Any

import pytest

db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")
pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

from newsnorm import ConfigError, RecordError  # noqa: E402
from newsnorm.columns import COLUMNS  # noqa: E402
from newsnorm.integrations.dask import normalize_bag, normalize_dataframe  # noqa: E402
from tests.test_integrations_core import CONFIG, TEXTS, expected_rows  # noqa: E402

ROWS = TEXTS * 2


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    with (
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            local_directory=str(tmp_path_factory.mktemp("dask")),
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_bag_on_two_workers(client: Any) -> None:
    records = [{"id": i, "text": text} for i, text in enumerate(ROWS)]
    bag = normalize_bag(db.from_sequence(records, npartitions=4), config=CONFIG)
    out = bag.compute()
    assert len(client.scheduler_info()["workers"]) == 2
    assert [record["id"] for record in out] == list(range(len(ROWS)))
    assert [{k: r[k] for k in ("text", *COLUMNS)} for r in out] == expected_rows(ROWS, CONFIG)


def test_bag_with_another_field_a_prefix_and_refusals(client: Any) -> None:
    records = [{"body": text, "title": "mine"} for text in ROWS]
    with pytest.raises(ConfigError, match="column 'title' already: give a prefix"):
        normalize_bag(db.from_sequence(records, npartitions=2), "body").compute()
    out = normalize_bag(db.from_sequence(records, npartitions=2), "body", prefix="nn_").compute()
    assert all(record["title"] == "mine" for record in out)
    rows = [{"text": r["body"]} | {f"nn_{k}": r[f"nn_{k}"] for k in COLUMNS} for r in out]
    assert rows == expected_rows(ROWS, prefix="nn_")
    with pytest.raises(RecordError, match="not a dict"):
        normalize_bag(db.from_sequence(["just text"], npartitions=1)).compute()


def test_dataframe_on_two_workers(client: Any) -> None:
    frame = pd.DataFrame({"id": range(len(ROWS)), "text": pd.Series(ROWS, dtype=object)})
    lazy = normalize_dataframe(dd.from_pandas(frame, npartitions=3), config=CONFIG)
    assert list(lazy.columns) == ["id", "text", *COLUMNS]  # known before any compute
    assert str(lazy.dtypes["date"]) == "date32[day][pyarrow]"
    out = lazy.compute()
    assert out["id"].tolist() == list(range(len(ROWS))) and list(out.index) == list(frame.index)
    table = pa.Table.from_pandas(out.drop(columns="id"), preserve_index=False)
    assert table.to_pylist() == expected_rows(ROWS, CONFIG)


def test_dataframe_refusals_come_before_any_compute() -> None:
    frame = dd.from_pandas(pd.DataFrame({"text": ["a ."], "date": ["mine"]}), npartitions=1)
    with pytest.raises(ConfigError, match="column 'date' already: give a prefix"):
        normalize_dataframe(frame)
    with pytest.raises(ConfigError, match="no column 'article'"):
        normalize_dataframe(frame, "article")
    prefixed = normalize_dataframe(frame, prefix="nn_")
    assert list(prefixed.columns[:3]) == ["text", "date", "nn_title"]
