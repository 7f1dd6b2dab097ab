"""Signals and dead workers, through the installed command.

SIGTERM and SIGHUP stop a run as Ctrl-C does: exit 128 + N, one line on stderr, temporary
files removed, workers ended. A worker killed from outside (SIGKILL, the out-of-memory
killer) fails the run with one line instead of leaving it waiting forever.

Each test waits for the run to be under way (its temporary output and its workers exist)
instead of sleeping a fixed time, and bounds every wait, so that a hang fails the test.
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsnorm.cli import EXIT_FAILED

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="finds worker processes through /proc"
)

_WAIT = 90.0  # seconds: generous, for a machine shared with other work


def _command() -> str:
    command = shutil.which("newsnorm", path=str(Path(sys.executable).parent))
    assert command is not None, "the newsnorm command is not installed beside this Python"
    return command


def _parents() -> dict[int, int]:
    """Every process's parent, from /proc."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            fields = stat.rpartition(")")[2].split()
            if fields[0] != "Z":  # a zombie is gone but for its exit status
                parents[int(entry)] = int(fields[1])
    return parents


def _is_fork_server(pid: int) -> bool:
    try:
        return b"forkserver" in Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False


def _workers(pid: int) -> set[int]:
    """The pool's workers: the children of `pid` forked from it, or those of its fork server."""
    parents = _parents()
    children = {child for child, parent in parents.items() if parent == pid}
    servers = {child for child in children if _is_fork_server(child)}
    forked = {child for child, parent in parents.items() if parent in servers}
    return (children - servers) | forked


def _alive(pids: set[int]) -> set[int]:
    return pids & set(_parents())


def _wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + _WAIT
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


@pytest.fixture(scope="module")
def big_input() -> Iterator[Path]:
    """About 30 MB of JSONL: a minute or more of work, so every run is stopped mid-way."""
    folder = Path(tempfile.mkdtemp(prefix="newsnorm-signals-"))
    path = folder / "big.jsonl"
    record = json.dumps({"text": "Shares rose , traders said ( again ) . " * 40}) + "\n"
    path.write_text(record * 20_000, encoding="utf-8")
    yield path
    shutil.rmtree(folder)


class _Run:
    """The installed command running on a copy of the big input, in its own folder."""

    def __init__(self, folder: Path, big: Path, *args: str) -> None:
        self.folder = folder
        self.input = folder / "big.jsonl"
        shutil.copyfile(big, self.input)
        self.original = big
        self.process = subprocess.Popen(
            [_command(), "normalize", str(self.input), *args, "--jobs", "2"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def temporaries(self) -> list[Path]:
        return sorted(self.folder.rglob(".newsnorm-*.tmp"))

    def wait_until_under_way(self) -> set[int]:
        """Wait for the temporary output and both workers; return the workers' ids."""
        _wait_for(
            lambda: bool(self.temporaries()) and len(_workers(self.process.pid)) == 2,
            "the run to start",
        )
        return _workers(self.process.pid)

    def finish(self) -> tuple[int, str]:
        try:
            _, err = self.process.communicate(timeout=_WAIT)
        except subprocess.TimeoutExpired:
            for pid in _workers(self.process.pid):
                os.kill(pid, signal.SIGKILL)
            self.process.kill()
            self.process.communicate()
            pytest.fail("the run hung")
        return self.process.returncode, err


@pytest.mark.parametrize(
    ("signum", "args"),
    [
        (signal.SIGTERM, ["-o", "out.jsonl"]),
        (signal.SIGHUP, ["-o", "out.jsonl"]),
        (signal.SIGTERM, ["--in-place"]),
    ],
    ids=["SIGTERM", "SIGHUP", "SIGTERM-in-place"],
)
def test_a_signal_stops_the_run_cleanly(
    tmp_path: Path, big_input: Path, signum: int, args: list[str]
) -> None:
    args = [str(tmp_path / arg) if arg.endswith(".jsonl") else arg for arg in args]
    run = _Run(tmp_path, big_input, *args)
    workers = run.wait_until_under_way()
    run.process.send_signal(signum)
    code, err = run.finish()
    assert code == 128 + signum, err
    assert err == f"newsnorm: stopped by {signal.Signals(signum).name}\n"
    assert run.temporaries() == []
    assert sorted(path.name for path in tmp_path.iterdir()) == ["big.jsonl"]
    assert run.input.read_bytes() == big_input.read_bytes()
    _wait_for(lambda: not _alive(workers), "the workers to end")


def test_a_killed_worker_fails_the_run_instead_of_hanging(tmp_path: Path, big_input: Path) -> None:
    run = _Run(tmp_path, big_input, "-o", str(tmp_path / "out.jsonl"))
    workers = run.wait_until_under_way()
    os.kill(min(workers), signal.SIGKILL)  # as the out-of-memory killer does
    code, err = run.finish()
    assert code == EXIT_FAILED, err
    assert err.startswith("newsnorm: error: a worker process died") and err.count("\n") == 1
    assert run.temporaries() == []
    assert sorted(path.name for path in tmp_path.iterdir()) == ["big.jsonl"]
    _wait_for(lambda: not _alive(workers), "the other worker to end")
