"""--keep-going over whole inputs that cannot be read, through the installed command.

Keep going means: each bad input is reported on one line, everything else is written (with
one output per input, every good input's output is committed, whatever the number of
workers), the run exits 1 at the end, and nothing half-written is left.
"""

import ctypes
import gzip
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsnorm.cli import EXIT_FAILED

STORY = "Lawmakers met , aides said .\n"
CLEAN = "Lawmakers met, aides said.\n"


def _command() -> str:
    command = shutil.which("newsnorm", path=str(Path(sys.executable).parent))
    assert command is not None, "the newsnorm command is not installed beside this Python"
    return command


def _without_override() -> None:
    # Root reads anything; without these capabilities it obeys permissions like anyone else.
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def _run(*args: str, **options: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_command(), *args], capture_output=True, text=True, check=False, timeout=120, **options
    )


def _inputs(folder: Path) -> dict[str, bytes]:
    """Good inputs around each kind of bad one; returns every input's bytes by name."""
    folder.mkdir()
    big = STORY * 3000  # several batches, so that several are in flight with two workers
    whole = gzip.compress(os.urandom(100_000).hex().encode())
    contents = {
        "1-good.txt": big.encode(),
        "2-invalid.txt": b"Caf\xe9 , open .\n",
        "3-good.txt": STORY.encode(),
        "4-nul.txt": b"Binary\x00 .\n",
        "5-good.jsonl": b'{"text": "One , two ."}\n' * 2000,
        "6-truncated.txt.gz": whole[: len(whole) // 2],
        "7-good.txt": big.encode(),
    }
    for name, data in contents.items():
        (folder / name).write_bytes(data)
    return contents


def _skipped(stderr: str) -> list[str]:
    lines = stderr.splitlines()
    assert "Traceback" not in stderr
    assert all(line.startswith("newsnorm: skipped: ") for line in lines), stderr
    return [line.removeprefix("newsnorm: skipped: ").partition(":")[0] for line in lines]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_every_good_input_is_written_to_its_own_output(tmp_path: Path, jobs: str) -> None:
    inputs = _inputs(tmp_path / "in")
    out = tmp_path / "out"
    result = _run("normalize", str(tmp_path / "in"), "-o", f"{out}/", "--keep-going", "-j", jobs)
    assert result.returncode == EXIT_FAILED, result.stderr
    bad = ["2-invalid.txt", "4-nul.txt", "6-truncated.txt.gz"]
    assert _skipped(result.stderr) == [str(tmp_path / "in" / name) for name in bad]
    written = sorted(path.name for path in out.iterdir())
    assert written == ["1-good.txt", "3-good.txt", "5-good.jsonl", "7-good.txt"]
    assert (out / "3-good.txt").read_text(encoding="utf-8") == CLEAN
    assert (out / "7-good.txt").read_text(encoding="utf-8").count(CLEAN) == 3000
    assert {p.name: p.read_bytes() for p in (tmp_path / "in").iterdir()} == inputs
    assert list(tmp_path.rglob(".newsnorm-*.tmp")) == []


def test_one_output_holds_every_good_input(tmp_path: Path) -> None:
    _inputs(tmp_path / "in")
    out = tmp_path / "all.txt"
    result = _run("normalize", str(tmp_path / "in"), "-o", str(out), "--keep-going", "-j", "2")
    assert result.returncode == EXIT_FAILED, result.stderr
    assert len(_skipped(result.stderr)) == 3
    text = out.read_text(encoding="utf-8")
    assert text.count(CLEAN) == 3000 * 2 + 1 and text.count("One, two.") == 2000


def test_in_place_leaves_bad_inputs_as_they_were(tmp_path: Path) -> None:
    inputs = _inputs(tmp_path / "in")
    result = _run("normalize", str(tmp_path / "in"), "--in-place", "--keep-going", "-j", "2")
    assert result.returncode == EXIT_FAILED, result.stderr
    assert len(_skipped(result.stderr)) == 3
    folder = tmp_path / "in"
    for name in ("2-invalid.txt", "4-nul.txt", "6-truncated.txt.gz"):
        assert (folder / name).read_bytes() == inputs[name]
    assert (folder / "3-good.txt").read_text(encoding="utf-8") == CLEAN
    assert list(tmp_path.rglob(".newsnorm-*.tmp")) == []


def test_an_input_that_may_not_be_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(STORY, encoding="utf-8")
    locked = tmp_path / "b.txt"
    locked.write_text(STORY, encoding="utf-8")
    locked.chmod(0)
    (tmp_path / "c.txt").write_text(STORY, encoding="utf-8")
    names = [str(tmp_path / name) for name in ("a.txt", "b.txt", "c.txt")]
    options: dict[str, Any] = {}
    if os.geteuid() == 0:
        options["preexec_fn"] = _without_override
    result = _run("normalize", *names, "-o", f"{tmp_path}/out/", "--keep-going", **options)
    assert result.returncode == EXIT_FAILED, result.stderr
    assert result.stderr == f"newsnorm: skipped: {locked}: cannot open: Permission denied\n"
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["a.txt", "c.txt"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_without_keep_going_the_inputs_before_the_bad_one_are_committed(
    tmp_path: Path, jobs: str
) -> None:
    _inputs(tmp_path / "in")
    out = tmp_path / "out"
    result = _run("normalize", str(tmp_path / "in"), "-o", f"{out}/", "-j", jobs)
    assert result.returncode == EXIT_FAILED
    assert result.stderr.startswith(f"newsnorm: error: {tmp_path / 'in' / '2-invalid.txt'}:1: ")
    assert result.stderr.count("\n") == 1
    assert [path.name for path in out.iterdir()] == ["1-good.txt"]  # as with one worker
    assert list(tmp_path.rglob(".newsnorm-*.tmp")) == []


def test_a_folder_that_may_not_be_read_is_never_passed_over(tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    (tree / "open").mkdir(parents=True)
    (tree / "open" / "a.txt").write_text(STORY, encoding="utf-8")
    locked = tree / "shut"
    locked.mkdir()
    (locked / "b.txt").write_text(STORY, encoding="utf-8")
    locked.chmod(0)
    options: dict[str, Any] = {}
    if os.geteuid() == 0:
        options["preexec_fn"] = _without_override
    try:
        result = _run("normalize", str(tree), "-o", f"{tmp_path}/out/", **options)
        assert result.returncode == 2  # found before the run, as a missing input is
        assert result.stderr == (
            f"newsnorm: error: {locked}: cannot read this folder: Permission denied\n"
        )
        assert not (tmp_path / "out").exists()
        result = _run("normalize", str(tree), "-o", f"{tmp_path}/out/", "--keep-going", **options)
        assert result.returncode == EXIT_FAILED
        assert result.stderr == (
            f"newsnorm: skipped: {locked}: cannot read this folder: Permission denied\n"
        )
        assert (tmp_path / "out" / "open" / "a.txt").read_text(encoding="utf-8") == CLEAN
    finally:
        locked.chmod(0o755)
