"""newsnorm.integrations without starting an engine: one naming, one result, lazy imports.

The engines themselves run in tests/test_integrations_{datatrove,ray,hf,dask}.py; these
tests call the adapters directly on batches, so they run in a second.
"""

import ast
import doctest
import inspect
import itertools
import pickle
import subprocess
import sys
from typing import Any

import pytest

from newsnorm import Config, ConfigError, RecordError, normalize
from newsnorm.columns import COLUMNS, article_columns

# Raw documents written for these tests: a dateline, a header block, a byline block,
# highlights, tokenized quotes, clean prose, an empty text and a missing one.
TEXTS: list[str | None] = [
    "WASHINGTON ( Reuters ) - Lawmakers met on Tuesday , aides said .",
    "Title: Harbour reopens\nDate: 2021-05-04\nAuthor: Jane Roe\nSection: Local\n\n"
    "The harbour reopened , officials said .",
    None,
    "By JANE ROE\nPUBLISHED: 10:02 EST, 4 May 2021\n\nThe ferry ran late , again .",
    "",
    "@highlight\nHarbour reopens\n\nThe harbour reopened , officials said .",
    "It ’ s a “ test , ” she said .",
    "Plain, clean prose stays exactly as it is.",
    "(CNN) -- A runaway kite delayed three flights on Friday .",
    "TRENTON — The bridge reopened on Friday , officials said .",
]

CONFIG = Config(quotes="straight")


def expected_rows(
    texts: list[str | None], config: Config | None = None, prefix: str = ""
) -> list[dict[str, Any]]:
    """What every adapter must give for `texts`: `normalize` called on each, as columns."""
    rows = []
    for text in texts:
        if text is None:
            rows.append({"text": None} | {f"{prefix}{name}": None for name in COLUMNS})
            continue
        article = normalize(text, config)
        fields = article_columns(article)
        rows.append({"text": article.text} | {f"{prefix}{k}": v for k, v in fields.items()})
    return rows


def test_the_sample_finds_every_kind_of_field() -> None:
    rows = expected_rows(TEXTS)
    for name in ("title", "byline", "date", "dateline_location", "dateline_agency"):
        assert any(row[name] is not None for row in rows), name
    for name in ("headers", "highlights"):
        assert any(row[name] for row in rows), name


# --- every integration: importing, pickling, documenting ------------------------------------

INTEGRATIONS = {
    "datatrove": ("datatrove", "datatrove"),
    "ray": ("ray", "ray"),
    "hf": ("hf", "datasets"),
    "dask": ("dask", "dask"),
}
ENGINE_MODULES = ("datatrove", "ray", "datasets", "dask", "distributed", "pyarrow", "pandas")


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )


def test_importing_newsnorm_and_the_integrations_package_imports_no_engine() -> None:
    code = (
        "import sys, newsnorm, newsnorm.integrations, newsnorm.columns\n"
        f"print(sorted(m for m in {ENGINE_MODULES!r} if m in sys.modules))"
    )
    result = _python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("name", sorted(INTEGRATIONS))
def test_an_integration_without_its_engine_names_the_extra(name: str) -> None:
    extra, engine = INTEGRATIONS[name]
    # None in sys.modules makes the engine unimportable, as if it were not installed.
    code = (
        f"import sys; sys.modules[{engine!r}] = None\n"
        f"try:\n    import newsnorm.integrations.{name}\n"
        "except ImportError as error:\n    print(type(error).__name__, error)\n"
        "else:\n    print('imported')"
    )
    result = _python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ModuleNotFoundError")
    assert f"pip install 'newsnorm[{extra}]'" in result.stdout


def test_configs_pickle_for_the_workers() -> None:
    for config in (Config(), CONFIG, Config.preset("ascii", time_budget=5), Config(corpus="xsum")):
        assert pickle.loads(pickle.dumps(config)) == config


PUBLIC = (
    "newsnorm.integrations.datatrove",
    "newsnorm.integrations.ray",
    "newsnorm.integrations.hf",
    "newsnorm.integrations.dask",
)


def _constant_docstrings(module: Any) -> dict[str, str]:
    """The docstring literal after each module-level assignment (doctest does not see them)."""
    body = ast.parse(inspect.getsource(module)).body
    found = {}
    for statement, following in itertools.pairwise(body):
        target = statement.target if isinstance(statement, ast.AnnAssign) else None
        if (
            isinstance(target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            found[target.id] = following.value.value
    return found


@pytest.mark.parametrize("module_name", PUBLIC)
def test_every_public_name_has_a_runnable_example(module_name: str) -> None:
    module = pytest.importorskip(module_name)
    assert ">>>" in (module.__doc__ or "")
    assert module.__all__
    constants = _constant_docstrings(module)
    for name in module.__all__:
        value = getattr(module, name)
        if not (inspect.isclass(value) or inspect.isfunction(value)):
            docstring = constants[name]
            test = doctest.DocTestParser().get_doctest(docstring, vars(module), name, None, 0)
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
            runner.run(test)
            assert test.examples and runner.summarize(verbose=False).failed == 0, name
            continue
        assert ">>>" in (inspect.getdoc(value) or ""), f"{module_name}.{name}"
        if inspect.isclass(value):
            for attribute, member in vars(value).items():
                if inspect.isfunction(member) and not attribute.startswith("_"):
                    doc = inspect.getdoc(member) or ""
                    assert ">>>" in doc, f"{module_name}.{name}.{attribute}"


# --- the batch kinds, called directly --------------------------------------------------------


def _rows_of_table(table: Any) -> list[dict[str, Any]]:
    return [{name: row[name] for name in ("text", *COLUMNS)} for row in table.to_pylist()]


def test_arrow_batches_equal_normalize_in_order() -> None:
    pa = pytest.importorskip("pyarrow")
    from newsnorm.integrations._tables import Options, normalize_arrow

    table = pa.table({"id": list(range(len(TEXTS))), "text": TEXTS})
    out = normalize_arrow(table, Options(config=CONFIG))
    assert out.column_names == ["id", "text", *COLUMNS]
    assert out["id"].to_pylist() == list(range(len(TEXTS)))
    assert _rows_of_table(out) == expected_rows(TEXTS, CONFIG)
    # the same Arrow types as Parquet output, whatever the batch holds
    from newsnorm.columns import arrow_schema

    for text in (None, "Plain prose."):
        one = normalize_arrow(pa.table({"text": pa.array([text], pa.large_string())}), Options())
        assert one.schema.field("text").type == pa.large_string()
        assert pa.schema(list(one.schema)[1:]) == arrow_schema()
    encoded = pa.table({"text": pa.array(["It rained , a lot ."]).dictionary_encode()})
    assert normalize_arrow(encoded, Options())["text"].to_pylist() == ["It rained, a lot."]


def test_pandas_batches_keep_the_index_and_dtypes() -> None:
    pd = pytest.importorskip("pandas")
    from newsnorm.integrations._tables import Options, normalize_pandas

    frame = pd.DataFrame({"text": pd.Series(TEXTS, dtype=object), "n": 1})
    frame.index = pd.Index([5] * len(TEXTS))  # a repeated label: nothing may be realigned
    out = normalize_pandas(frame, Options(config=CONFIG, prefix="nn_"))
    assert list(out.columns) == ["text", "n", *(f"nn_{name}" for name in COLUMNS)]
    assert list(out.index) == [5] * len(TEXTS) and out["n"].tolist() == [1] * len(TEXTS)
    assert out["text"].dtype == object and frame["text"].tolist() == TEXTS  # input untouched
    assert out["text"].tolist() == [row["text"] for row in expected_rows(TEXTS, CONFIG)]
    assert str(out["nn_date"].dtype) == "date32[day][pyarrow]"
    as_arrow = pd.DataFrame(out).drop(columns="n")
    import pyarrow as pa

    rows = pa.Table.from_pandas(as_arrow, preserve_index=False).to_pylist()
    assert rows == expected_rows(TEXTS, CONFIG, "nn_")
    # pandas's own string dtype is kept too (a missing text is its NaN)
    strings = normalize_pandas(pd.DataFrame({"text": pd.Series(TEXTS, dtype="str")}), Options())
    assert strings["text"].dtype == "str" and strings["text"].isna().tolist() == [
        text is None for text in TEXTS
    ]


def test_numpy_batches_hold_python_values() -> None:
    np = pytest.importorskip("numpy")
    pytest.importorskip("pyarrow")
    from newsnorm.integrations._tables import Options, normalize_numpy

    batch = {"text": np.array(TEXTS, dtype=object), "id": np.arange(len(TEXTS))}
    out = normalize_numpy(batch, Options())
    assert list(out) == ["text", "id", *COLUMNS]
    assert all(array.shape == (len(TEXTS),) for array in out.values())
    rows = [{name: out[name][i] for name in ("text", *COLUMNS)} for i in range(len(TEXTS))]
    assert rows == expected_rows(TEXTS)


def test_records_and_lists_equal_normalize() -> None:
    pytest.importorskip("pyarrow")
    from newsnorm.integrations._tables import Options, normalize_lists, normalize_records

    records = [{"text": text, "id": i} for i, text in enumerate(TEXTS)]
    out = normalize_records(records, Options(config=CONFIG))
    assert [record["id"] for record in out] == list(range(len(TEXTS)))
    assert [{k: r[k] for k in ("text", *COLUMNS)} for r in out] == expected_rows(TEXTS, CONFIG)
    assert records[0]["text"] == TEXTS[0]  # the input records are left as they were
    columns = normalize_lists({"text": TEXTS, "id": list(range(len(TEXTS)))}, Options())
    assert "id" not in columns  # datasets keeps the columns a batched function leaves out
    rows = [{name: columns[name][i] for name in columns} for i in range(len(TEXTS))]
    assert rows == expected_rows(TEXTS)


# --- refusals ---------------------------------------------------------------------------------


def _callables() -> dict[str, Any]:
    """Each adapter as a function of (columns, text column, prefix) over its own batch kind."""
    found: dict[str, Any] = {}
    try:
        import pyarrow as pa

        from newsnorm.integrations.ray import NormalizeBatches

        found["ray arrow"] = lambda cols, column, prefix: NormalizeBatches(column, None, prefix)(
            pa.table(cols)
        )
    except ImportError:
        pass
    try:
        from newsnorm.integrations.hf import normalize_batch

        found["hf"] = lambda cols, column, prefix: normalize_batch(cols, column, None, prefix)
    except ImportError:
        pass
    try:
        import dask.bag as db

        from newsnorm.integrations.dask import normalize_bag

        def bag(cols: dict[str, list[Any]], column: str, prefix: str) -> Any:
            rows = zip(*cols.values(), strict=True)
            records = [dict(zip(cols, values, strict=True)) for values in rows]
            bag = db.from_sequence(records, npartitions=1)
            return normalize_bag(bag, column, prefix=prefix).compute(scheduler="sync")

        found["dask bag"] = bag
    except ImportError:
        pass
    return found


CALLABLES = _callables()


@pytest.mark.parametrize("kind", sorted(CALLABLES))
def test_a_column_of_the_same_name_is_refused_and_a_prefix_is_the_way_out(kind: str) -> None:
    call = CALLABLES[kind]
    columns = {"text": ["It rained , a lot ."], "title": ["Mine"]}
    with pytest.raises(ConfigError, match=r"column 'title' already: give a prefix"):
        call(columns, "text", "")
    call(columns, "text", "nn_")
    with pytest.raises(ConfigError, match=r"'title'"):  # the text column itself
        call({"title": ["It rained ."]}, "title", "")
    with pytest.raises(ConfigError, match=r"no column 'body'"):
        call({"text": ["It rained ."]}, "body", "")


@pytest.mark.parametrize("kind", sorted(CALLABLES))
def test_a_text_that_is_not_a_string_is_refused(kind: str) -> None:
    if kind.endswith("arrow"):  # an Arrow column has one type: refused as a whole
        with pytest.raises(ConfigError, match=r"column 'text' holds int64, not text"):
            CALLABLES[kind]({"text": [1, 12]}, "text", "")
        return
    with pytest.raises(RecordError, match=r"holds int, not text"):
        CALLABLES[kind]({"text": ["Fine.", 12]}, "text", "")


def test_options_are_checked_when_built() -> None:
    pytest.importorskip("pyarrow")
    from newsnorm.integrations._tables import Options

    with pytest.raises(ConfigError, match="config must be a newsnorm Config"):
        Options(config={"quotes": "straight"})  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="prefix must be a string"):
        Options(prefix=None)  # type: ignore[arg-type]


def test_normalize_batches_pickles_with_its_config() -> None:
    pytest.importorskip("ray")
    pa = pytest.importorskip("pyarrow")
    from newsnorm.integrations.ray import NormalizeBatches

    step = pickle.loads(pickle.dumps(NormalizeBatches("body", CONFIG, "nn_")))
    out = step(pa.table({"body": ["“ Fine , ” he said ."]}))
    assert out["body"].to_pylist() == ['"Fine," he said.'] and "nn_title" in out.column_names
    with pytest.raises(TypeError, match="batch_format"):
        step(["a list"])
