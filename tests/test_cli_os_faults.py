"""Faults of the system and of the command line, through the installed command.

Every one ends with exactly one line on stderr and a documented exit code (see
`newsnorm.cli`), no `.newsnorm-*.tmp` file left behind, and the inputs as they were.
"""

import ctypes
import gzip
import os
import shutil
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsnorm.cli import EXIT_BROKEN_PIPE, EXIT_FAILED, EXIT_OK, EXIT_USAGE

STORY = "Lawmakers met , aides said .\n"

_ROOT = os.geteuid() == 0


def _command() -> str:
    command = shutil.which("newsnorm", path=str(Path(sys.executable).parent))
    assert command is not None, "the newsnorm command is not installed beside this Python"
    return command


def _without_override() -> None:
    # Root may write anywhere; without these two capabilities it obeys permissions like
    # anyone else, while still owning (and so reaching) the test's own files.
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP: gone after exec
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


def _run(
    *args: str, obey_permissions: bool = False, **options: Any
) -> subprocess.CompletedProcess[str]:
    """Run the installed command; `obey_permissions`: even when the tests run as root."""
    if obey_permissions and _ROOT:
        if not sys.platform.startswith("linux"):
            pytest.skip("running as root, and no way to give up root's permissions here")
        options["preexec_fn"] = _without_override
    return subprocess.run(
        [_command(), *args], capture_output=True, text=True, check=False, timeout=120, **options
    )


def _one_line(result: subprocess.CompletedProcess[str], code: int) -> str:
    """Check the exit code and that stderr is exactly one `newsnorm:` line; return it."""
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("newsnorm: ") and result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.endswith("\n")
    return result.stderr


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and os.access(path, os.R_OK)
    }


def _temporaries(folder: Path) -> list[Path]:
    return sorted(folder.rglob(".newsnorm-*.tmp"))


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """A folder nobody may write in (made writable again at the end, to be removed)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "x.txt").write_text(STORY, encoding="utf-8")
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


def test_an_empty_output_name_is_a_usage_error(tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    (work / "a.txt").write_text(STORY, encoding="utf-8")
    before = _snapshot(tmp_path)
    err = _one_line(_run("normalize", "a.txt", "-o", "", cwd=work), EXIT_USAGE)
    assert "-o needs a file or folder name" in err
    assert _snapshot(tmp_path) == before  # nothing beside it, nothing in the folder above
    assert _temporaries(tmp_path) == []


def test_a_file_the_system_will_not_replace(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(STORY, encoding="utf-8")
    before = Path("/proc/version").read_bytes()
    result = _run("normalize", str(path), "-o", "/proc/version")
    # Refused before the run for a user who may not write in /proc; by the system for root.
    err = _one_line(result, EXIT_FAILED if _ROOT else EXIT_USAGE)
    assert err.startswith("newsnorm: error: /proc/version: ")
    assert Path("/proc/version").read_bytes() == before
    assert _temporaries(tmp_path) == []


def test_a_full_device_is_one_line_naming_it(tmp_path: Path) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    path = tmp_path / "a.txt"
    path.write_text(STORY * 1000, encoding="utf-8")
    err = _one_line(_run("normalize", str(path), "-o", "/dev/full", "--jobs", "1"), EXIT_FAILED)
    assert err.startswith("newsnorm: error: /dev/full: ")
    assert _snapshot(tmp_path) == {"a.txt": (STORY * 1000).encode()}


def test_a_file_size_limit_is_one_line_and_no_partial_output(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(STORY * 20_000, encoding="utf-8")  # 580 KB of output against a 64 KB limit
    out = tmp_path / "out.txt"
    script = 'ulimit -f 64 && exec "$0" normalize "$1" -o "$2" --jobs 1'
    result = subprocess.run(
        ["sh", "-c", script, _command(), str(path), str(out)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    err = _one_line(result, EXIT_FAILED)
    assert err.startswith(f"newsnorm: error: {out}: ")
    assert not out.exists()
    assert _temporaries(tmp_path) == []


def test_folders_the_user_may_not_write_in_are_refused_before_the_run(
    tmp_path: Path, locked: Path
) -> None:
    story = tmp_path / "a.txt"
    story.write_text(STORY, encoding="utf-8")
    before = _snapshot(tmp_path)
    for args in (
        [str(story), "-o", str(locked / "out.txt")],  # one output file
        [str(story), "-o", f"{locked}/"],  # an output folder
        [str(story), "-o", f"{locked}/new/deeper/"],  # a folder to create inside it
        [str(locked / "x.txt"), "--in-place"],  # an input to rewrite
    ):
        result = _run("normalize", *args, "-j", "2", obey_permissions=True)
        err = _one_line(result, EXIT_USAGE)
        assert f": cannot write there: no permission to write in the folder {locked}\n" in err
    assert _snapshot(tmp_path) == before
    assert _temporaries(tmp_path) == []


def test_in_place_refuses_a_file_the_user_may_not_write(tmp_path: Path) -> None:
    story = tmp_path / "a.txt"
    story.write_text(STORY, encoding="utf-8")
    story.chmod(0o444)  # the folder would let it be replaced; the file says no
    result = _run("normalize", str(story), "--in-place", obey_permissions=True)
    err = _one_line(result, EXIT_USAGE)
    assert err == f"newsnorm: error: {story}: cannot write: no permission to write this file\n"
    assert story.read_text(encoding="utf-8") == STORY
    assert _temporaries(tmp_path) == []


def test_an_output_folder_that_cannot_be_created(tmp_path: Path) -> None:
    story = tmp_path / "a.txt"
    story.write_text(STORY, encoding="utf-8")
    (tmp_path / "file").write_text("", encoding="utf-8")
    before = _snapshot(tmp_path)
    err = _one_line(_run("normalize", str(story), "-o", f"{tmp_path}/file/sub/"), EXIT_USAGE)
    assert "is not a folder" in err
    assert _snapshot(tmp_path) == before


def test_config_files_that_cannot_be_read(tmp_path: Path) -> None:
    story = tmp_path / "a.txt"
    story.write_text(STORY, encoding="utf-8")
    err = _one_line(_run("normalize", str(story), "--config", str(tmp_path)), EXIT_USAGE)
    assert err == f"newsnorm: error: {tmp_path}: the config file is a folder\n"
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe = 1\n")
    err = _one_line(_run("normalize", str(story), "--config", str(binary)), EXIT_USAGE)
    assert "not valid TOML" in err
    locked = tmp_path / "locked.toml"
    locked.write_text('quotes = "straight"\n', encoding="utf-8")
    locked.chmod(0)
    result = _run("normalize", str(story), "--config", str(locked), obey_permissions=True)
    err = _one_line(result, EXIT_USAGE)
    assert err == f"newsnorm: error: {locked}: cannot read the config file: Permission denied\n"
    assert _run("normalize", str(story), "--config", "").returncode == EXIT_USAGE


def _shell(script: str, *args: str, **options: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["sh", "-c", script, _command(), *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        **options,
    )


def test_closed_standard_input_and_output(tmp_path: Path) -> None:
    story = tmp_path / "a.txt"
    story.write_text(STORY, encoding="utf-8")
    err = _one_line(_shell('exec "$0" normalize - <&-'), EXIT_USAGE)
    assert err == "newsnorm: error: standard input is closed; name the input files\n"
    err = _one_line(_shell('exec "$0" normalize "$1" >&-', str(story)), EXIT_USAGE)
    assert err == "newsnorm: error: standard output is closed; name an output file with -o\n"
    err = _one_line(_shell('exec "$0" inspect - <&-'), EXIT_USAGE)
    assert "standard input is closed" in err
    # Neither is needed: the run goes on, and the closed descriptors are not reused for files.
    out = tmp_path / "out.txt"
    result = _shell('exec "$0" normalize "$1" -o "$2" --jobs 2 <&- >&-', str(story), str(out))
    assert (result.returncode, result.stderr) == (EXIT_OK, "")
    assert out.read_text(encoding="utf-8") == "Lawmakers met, aides said.\n"


def test_a_closed_pipe_ends_the_run_quietly(tmp_path: Path) -> None:
    path = tmp_path / "many.txt"
    path.write_text(STORY * 50_000, encoding="utf-8")
    with tempfile.TemporaryFile(mode="w+") as errors:
        process = subprocess.Popen(
            [_command(), "normalize", str(path), "--input-format", "lines", "--jobs", "2"],
            stdout=subprocess.PIPE,
            stderr=errors,
        )
        assert process.stdout is not None
        assert process.stdout.read(1) == b"L"
        process.stdout.close()  # as `| head -c1` does
        assert process.wait(timeout=120) == EXIT_BROKEN_PIPE
        errors.seek(0)
        assert errors.read() == ""


def test_file_names_cannot_break_or_forge_message_lines(tmp_path: Path) -> None:
    forged = tmp_path / "a.txt\nnewsnorm: error: forged"
    forged.write_bytes(b"caf\xe9\n")
    err = _one_line(_run("normalize", str(forged)), EXIT_FAILED)
    assert err.startswith(f"newsnorm: error: {str(forged)!r}:1: invalid utf-8")
    err = _one_line(_run("normalize", str(tmp_path / "no\rsuch\x1b[2J")), EXIT_USAGE)
    assert err.endswith("/no\\rsuch\\x1b[2J': no such file or folder\n")
    good = tmp_path / "good.txt"
    good.write_text(STORY, encoding="utf-8")
    result = _run("normalize", str(forged), str(good), "--keep-going")
    err = _one_line(result, EXIT_FAILED)
    assert err.startswith(f"newsnorm: skipped: {str(forged)!r}:1: invalid utf-8")
    assert result.stdout == "Lawmakers met, aides said.\n"
    # Ordinary names, spaces and accents included, are shown as they are.
    plain = tmp_path / "café notes.txt"
    plain.write_bytes(b"\xff")
    err = _one_line(_run("normalize", str(plain)), EXIT_FAILED)
    assert err.startswith(f"newsnorm: error: {plain}:1: ")


def test_a_truncated_archive_without_keep_going_names_it(tmp_path: Path) -> None:
    whole = gzip.compress(os.urandom(200_000).hex().encode())
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(whole[: len(whole) // 2])
    out = tmp_path / "out.txt"
    err = _one_line(_run("normalize", str(path), "-o", str(out)), EXIT_FAILED)
    assert err.startswith(f"newsnorm: error: {path}: ")
    assert not out.exists() and _temporaries(tmp_path) == []
    assert stat.S_ISREG(path.stat().st_mode) and path.read_bytes() == whole[: len(whole) // 2]
