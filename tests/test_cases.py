"""Case files in tests/cases: real patterns (input -> expected), negative cases (no change)."""

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsnorm import fix_characters, fix_quotes, repair_spacing

CASES = Path(__file__).parent / "cases"

STAGES: dict[str, Callable[[dict[str, Any]], str]] = {
    "spacing": lambda case: repair_spacing(case["input"]),
    "quotes": lambda case: fix_quotes(case["input"], case["style"]),
    "characters": lambda case: fix_characters(case["input"]),
}


# Case files of whole layouts (header-*.json, with fields to check, not one output text) are
# read by their own test modules: tests/test_layouts_*.py.
LAYOUT_CASES = "header"


def _load() -> list[Any]:
    params = []
    for path in sorted(CASES.glob("*.json")):
        stage, _, kind = path.stem.partition("-")
        if stage == LAYOUT_CASES:
            continue
        for number, case in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            expected = case["input"] if kind == "negative" else case["expected"]
            params.append(pytest.param(stage, case, expected, id=f"{path.stem}-{number}"))
    return params


@pytest.mark.parametrize(("stage", "case", "expected"), _load())
def test_case(stage: str, case: dict[str, Any], expected: str) -> None:
    assert STAGES[stage](case) == expected, case["comment"]


def test_every_case_file_belongs_to_a_stage() -> None:
    stems = {path.stem.partition("-")[0] for path in CASES.glob("*.json")}
    assert stems == {*STAGES, LAYOUT_CASES}
