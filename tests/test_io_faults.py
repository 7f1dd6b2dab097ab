"""Faults in reading and writing files: bounded memory, one-line errors, nothing half-written.

The command-line tests run the installed ``newsnorm`` command: each checks the exit code, one
line on stderr, that no temporary file is left and that the inputs are intact.
"""

import bz2
import gzip
import io
import json
import lzma
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsnorm import Article
from newsnorm.errors import DecodeError, InputError, NewsnormError, OutputError, RecordError
from newsnorm.formats import (
    READERS,
    Document,
    ReadOptions,
    atomic_output,
    format_article,
    read_documents,
)
from newsnorm.formats.streams import (
    FIRST_BLOCK,
    Overlong,
    bounded_lines,
    input_stream,
    splits_on_bytes,
)

_WHOLE_FILE = ("text", "story", "xsum")
_BY_LINE = ("lines", "jsonl", "multinews")
_NOBODY = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")


def _command() -> str:
    command = shutil.which("newsnorm", path=str(Path(sys.executable).parent))
    assert command is not None, "the newsnorm command is not installed beside this Python"
    return command


def _run(
    *args: str,
    cwd: Path | None = None,
    prefix: tuple[str, ...] = (),
    preexec_fn: Callable[[], None] | None = None,
    stdout: int | None = None,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*prefix, _command(), *args],
        stdout=subprocess.PIPE if stdout is None else stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        timeout=120,
        cwd=cwd,
        preexec_fn=preexec_fn,
    )


def _one_line_error(result: subprocess.CompletedProcess[str], *parts: str, code: int = 1) -> None:
    assert result.returncode == code, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("newsnorm: "), result.stderr
    for part in parts:
        assert part in result.stderr


def _leftovers(*folders: Path) -> list[Path]:
    return [path for folder in folders for path in folder.glob(".newsnorm-*")]


def _article(text: str) -> bytes:
    return f"{text}\n".encode()


def _record(*texts: str) -> bytes:
    return b"".join(json.dumps({"text": text}).encode() + b"\n" for text in texts)


# --- memory: bounded whatever the input (slow: large generated inputs) -----------------------

_PEAK = (
    "import resource, subprocess, sys\n"
    "result = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
    "sys.stderr.write(result.stderr)\n"
    "print(result.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def _peak(*args: str) -> tuple[int, int, str]:
    # The exit code, peak resident memory in MB and stderr of one run of the command, measured
    # in a fresh process (the children's peak is the largest child's, whichever ran first).
    result = subprocess.run(
        [sys.executable, "-c", _PEAK, _command(), *args],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    code, peak = result.stdout.split()
    return int(code), int(peak) // 1024, result.stderr


def _gzip_of(chunk: bytes, repeats: int, path: Path) -> None:
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)  # 31: a gzip header and trailer
    with path.open("wb") as handle:
        for _ in range(repeats):
            handle.write(compressor.compress(chunk))
        handle.write(compressor.flush())


@pytest.mark.slow
def test_a_one_line_file_is_refused_without_being_held(tmp_path: Path) -> None:
    # 60 MB on one line: before the limit, text format held it whole and normalized it
    # (273 MB peak, 11 s); a 200 MB one took 1.09 GB.
    path = tmp_path / "one.txt"
    sentence = b"Rain fell on the city , officials said . "
    with path.open("wb") as handle:
        for _ in range(60):
            handle.write(sentence * (2**20 // len(sentence)))
    for args in ((), ("--input-format", "lines")):
        code, peak, stderr = _peak("normalize", "--jobs", "1", *args, str(path), "-o", "-")
        assert code == 1 and stderr.count("\n") == 1, stderr
        assert "longer than the limit of 16 MiB" in stderr and str(path) in stderr
        assert peak < 120, f"peak {peak} MB for a 60 MB one-line file ({args})"


@pytest.mark.slow
def test_a_gzip_bomb_is_read_no_further_than_needed(tmp_path: Path) -> None:
    # 256 MB of zeros and of one letter, gzipped to about 250 KB each: before, the text
    # format held the whole inflated file (2 GB peak for 1 GB of zeros), and lines took
    # 4.3 GB and exited 0 with the NULs accepted.
    zeros, letters = tmp_path / "zeros.txt.gz", tmp_path / "letters.txt.gz"
    _gzip_of(bytes(2**20), 256, zeros)
    _gzip_of(b"a" * 2**20, 256, letters)
    runs = [
        ((str(zeros),), "binary"),
        (("--input-format", "lines", str(zeros)), "binary"),
        (("--input-format", "lines", "--errors", "replace", str(zeros)), "longer than the limit"),
        ((str(letters),), "longer than the limit"),
        (("--input-format", "jsonl", str(letters)), "longer than the limit"),
    ]
    for args, cause in runs:
        code, peak, stderr = _peak("normalize", "--jobs", "1", *args, "-o", "-")
        assert code == 1 and stderr.count("\n") == 1 and cause in stderr, (args, stderr)
        assert peak < 120, f"peak {peak} MB for a 256 MB gzip bomb ({args})"


class _Endless(io.RawIOBase):
    """An input that never ends, counting what was read from it."""

    def __init__(self, byte: bytes) -> None:
        self.byte = byte
        self.served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        size = len(buffer)
        buffer[:size] = self.byte * size
        self.served += size
        return size


@pytest.mark.parametrize("name", _WHOLE_FILE)
def test_a_whole_file_reader_stops_at_the_limit(name: str) -> None:
    endless = _Endless(b"a")
    options = ReadOptions(f"in.{name}", max_document_size=2**20)
    with pytest.raises(InputError, match=r"in\.\w+: longer than the limit of 1 MiB"):
        list(READERS[name].read(io.BufferedReader(endless), options))
    assert endless.served < 2**20 + 2**18


def test_a_compressed_input_is_inflated_only_as_far_as_it_is_read() -> None:
    compressed = gzip.compress(bytes(64 * 2**20), compresslevel=1)
    tracemalloc.start()
    try:
        handle = gzip.GzipFile(fileobj=io.BytesIO(compressed))
        options = ReadOptions("z.txt.gz", errors="replace", max_document_size=2**20)
        with pytest.raises(InputError, match="longer than the limit"):
            list(READERS["text"].read(handle, options))  # type: ignore[arg-type]
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 2**20, f"{peak / 2**20:.1f} MiB held for a 1 MiB limit"


@pytest.mark.parametrize("name", _BY_LINE)
def test_a_long_record_is_a_bad_record_read_past_without_being_held(name: str) -> None:
    short = b'{"text": "Short ."}' if name == "jsonl" else b"Short ."
    data = b"x" * 5000 + b"\n" + short + b"\n"
    skipped: list[NewsnormError] = []
    options = ReadOptions(f"in.{name}", max_document_size=1000, on_error=skipped.append)
    documents = list(READERS[name].read(io.BytesIO(data), options))
    assert [(d.text, d.line) for d in documents] == [("Short .", 2)]
    assert len(skipped) == 1 and isinstance(skipped[0], RecordError)
    assert str(skipped[0]) == (
        f"in.{name}:1: a record of 5,001 bytes, longer than the limit of 1,000 bytes"
        " (raise the limit with --max-document-size)"
    )
    with pytest.raises(RecordError, match=r":1: a record of 5,001 bytes"):
        list(READERS[name].read(io.BytesIO(data), ReadOptions("in", max_document_size=1000)))


def test_a_long_record_stops_a_file_being_rewritten_with_its_bad_records() -> None:
    # --in-place keeps bad records byte for byte; one that was never held cannot be kept.
    data = b"x" * 5000 + b"\nShort .\n"
    options = ReadOptions(
        "in.txt", max_document_size=1000, on_error=lambda error: None, keep_verbatim=True
    )
    with pytest.raises(InputError, match="cannot be kept in a rewritten file") as raised:
        list(READERS["lines"].read(io.BytesIO(data), options))
    assert not isinstance(raised.value, RecordError)


def test_a_long_conll_document_is_a_bad_record_and_the_next_one_is_read() -> None:
    long_block = b"-DOCSTART- -X- O O\n\n" + b"Word NN O O\n" * 200 + b"\n"
    data = long_block + b"-DOCSTART- -X- O O\n\nRAIN NN O O\n"
    skipped: list[NewsnormError] = []
    options = ReadOptions("a.conll", max_document_size=1000, on_error=skipped.append)
    documents = list(READERS["conll"].read(io.BytesIO(data), options))
    assert [(d.text, d.line) for d in documents] == [("RAIN", 206)]
    assert [error.line for error in skipped] == [1]
    assert "a record of 2,421 bytes" in str(skipped[0])


def test_bounded_lines_reports_the_size_of_what_it_skipped() -> None:
    lines = list(bounded_lines(io.BufferedReader(io.BytesIO(b"ab\n" + b"c" * 99 + b"\nd")), 10))
    assert lines == [b"ab\n", Overlong(100), b"d"]


def test_the_limit_is_an_option_of_read_documents(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 2000)
    with pytest.raises(InputError, match="longer than the limit of 1,000 bytes"):
        list(read_documents(path, max_document_size=1000))
    assert [len(d.text) for d in read_documents(path, max_document_size=2000)] == [2000]
    with pytest.raises(ValueError, match="max_document_size"):
        ReadOptions("a.txt", max_document_size=0)


# --- binary content, from the first block ---------------------------------------------------


@pytest.mark.parametrize("name", [name for name, reader in READERS.items() if not reader.binary])
def test_every_text_reader_refuses_a_binary_first_block(name: str) -> None:
    # (Parquet is binary by nature: a damaged file is its own test, in test_parquet.py.)
    data = b"\x00" * 100 + b"\nText .\n"
    with pytest.raises(InputError, match="looks like a binary file") as raised:
        list(READERS[name].read(io.BytesIO(data), ReadOptions(f"in.{name}")))
    assert not isinstance(raised.value, RecordError | DecodeError)
    lenient = ReadOptions(f"in.{name}", errors="replace", on_error=lambda error: None)
    list(READERS[name].read(io.BytesIO(data), lenient))  # read anyway, as asked


@pytest.mark.parametrize("name", ["lines", "multinews", "conll"])
def test_a_nul_byte_after_the_first_block_is_a_bad_record(name: str) -> None:
    data = b"Fine .\n" * (FIRST_BLOCK // 7 + 1) + b"Bad \x00 .\n\nLast .\n"
    with pytest.raises(DecodeError, match=r"a NUL byte at byte \d+ \(binary data\?\)") as raised:
        list(READERS[name].read(io.BytesIO(data), ReadOptions(f"in.{name}")))
    assert raised.value.line == FIRST_BLOCK // 7 + 2
    assert raised.value.offset == data.index(b"\x00")


def test_a_compressed_file_under_a_plain_name_is_named_for_what_it_is() -> None:
    for compress, kind in ((gzip.compress, "gzip"), (bz2.compress, "bzip2"), (lzma.compress, "xz")):
        data = compress(b"Text .\n")
        with pytest.raises(InputError, match=f"looks like a {kind}-compressed file"):
            list(READERS["lines"].read(io.BytesIO(data), ReadOptions("a.txt")))


def test_a_utf16_file_read_as_utf8_suggests_the_encoding() -> None:
    data = "Text .\n".encode("utf-16")
    with pytest.raises(InputError, match=r"looks like a UTF-16 file .*use --encoding utf-16"):
        list(READERS["text"].read(io.BytesIO(data), ReadOptions("a.txt")))


# --- encodings that do not split on the byte 0x0A -------------------------------------------


def test_only_encodings_that_write_ascii_as_ascii_split_on_bytes() -> None:
    assert all(map(splits_on_bytes, ("utf-8", "latin-1", "cp1252", "shift_jis", "utf-7")))
    assert not any(map(splits_on_bytes, ("utf-16", "utf-16-le", "utf-32", "cp037", "utf-8-sig")))
    with pytest.raises(InputError, match="unknown encoding 'nope'"):
        splits_on_bytes("nope")


_SAMPLES = {
    "text": "Título\n\nRain fell “here” .\n",
    "lines": "Uno .\n\nDos ☂ .\nTres .\n",
    "jsonl": '{"text": "Uno ☂ ."}\n{"id": 2, "text": "Dos ."}\n',
    "multinews": "A ☂ .|||||B .\nC .\n",
    "conll": "-DOCSTART- -X- O O\n\nRAIN NN O O\n\n-DOCSTART- -X- O O\n\nSOL NN O O\n",
    "xsum": "[SN]TITLE[SN]\nLluvia\n\n[SN]RESTBODY[SN]\nRain .\n",
}


@pytest.mark.parametrize("name", list(_SAMPLES))
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "cp500"])
def test_every_reader_reads_an_encoding_decoded_before_it_is_split(
    name: str, encoding: str
) -> None:
    sample = _SAMPLES[name]
    if encoding == "cp500":  # EBCDIC: only what it can write
        sample = sample.replace("☂", "x").replace("“", '"').replace("”", '"')
    expected = [
        (d.text, d.line, d.position, d.record)
        for d in READERS[name].read(io.BytesIO(sample.encode()), ReadOptions("a"))
    ]
    options = ReadOptions("a", encoding=encoding)
    documents = list(READERS[name].read(io.BytesIO(sample.encode(encoding)), options))
    assert [(d.text, d.line, d.position, d.record) for d in documents] == expected
    assert expected


def test_an_invalid_utf16_sequence_names_its_line_and_byte() -> None:
    data = "One .\nTwo .\n".encode("utf-16-le") + b"\x00\xd8" + "x\n".encode("utf-16-le")
    with pytest.raises(DecodeError) as raised:
        list(READERS["lines"].read(io.BytesIO(data), ReadOptions("a", encoding="utf-16-le")))
    assert raised.value.line == 3 and raised.value.offset == 24
    assert "invalid utf-16-le at byte 24" in str(raised.value)
    options = ReadOptions("a", encoding="utf-16-le", errors="replace")
    texts = [d.text for d in READERS["lines"].read(io.BytesIO(data), options)]
    assert texts == ["One .", "Two .", "\ufffdx"]


def test_utf16_through_the_command(tmp_path: Path) -> None:
    samples = {
        "a.txt": ("Título\n\nRain fell , she said .\n", ()),
        "b.txt": ("One , two .\nThree .\n", ("--input-format", "lines")),
        "c.jsonl": ('{"id": "é", "text": "Four , five ."}\n', ("--format", "jsonl")),
    }
    for name, (text, args) in samples.items():
        plain, wide = tmp_path / f"plain-{name}", tmp_path / name
        plain.write_text(text, encoding="utf-8")
        wide.write_bytes(text.encode("utf-16"))
        expected = _run("normalize", "--jobs", "1", *args, str(plain))
        result = _run("normalize", "--jobs", "1", "--encoding", "utf-16", *args, str(wide))
        assert (result.returncode, result.stderr) == (0, "")
        assert result.stdout.replace(name, "") == expected.stdout.replace(f"plain-{name}", "")
        assert (
            "Rain fell, she said." in result.stdout
            or "é" in result.stdout
            or "Three." in result.stdout
        )
        assert wide.read_bytes() == text.encode("utf-16")


# --- read errors ----------------------------------------------------------------------------


def _truncated(tmp_path: Path) -> Iterator[Path]:
    data = b"Rain fell , officials said .\n" * 50
    for suffix, compress in (
        (".gz", gzip.compress),
        (".bz2", bz2.compress),
        (".xz", lzma.compress),
    ):
        path = tmp_path / f"cut-{suffix[1:]}.txt{suffix}"
        path.write_bytes(compress(data)[:-12])
        yield path
        path = tmp_path / f"corrupt-{suffix[1:]}.txt{suffix}"
        whole = bytearray(compress(data))
        whole[len(whole) // 2 : len(whole) // 2 + 8] = b"\xff" * 8
        path.write_bytes(bytes(whole))
        yield path
    path = tmp_path / "plain-named.txt.gz"
    path.write_bytes(b"not gzip at all\n")
    yield path


def test_a_truncated_or_corrupt_archive_is_an_input_error(tmp_path: Path) -> None:
    for path in _truncated(tmp_path):
        for name in ("text", "lines", "conll"):
            with pytest.raises(InputError, match="cannot read: ") as raised:
                list(read_documents(path, name))  # type: ignore[arg-type]
            assert raised.value.file == str(path)
            assert "\n" not in str(raised.value)


class _Failing(io.RawIOBase):
    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        raise OSError(5, "Input/output error")


@pytest.mark.parametrize("name", list(READERS))
def test_a_failing_read_is_an_input_error(name: str) -> None:
    with pytest.raises(InputError, match=r"^in: cannot read: Input/output error$"):
        list(READERS[name].read(io.BufferedReader(_Failing()), ReadOptions("in")))


def test_reading_a_file_the_system_refuses_to_read() -> None:
    path = "/proc/self/clear_refs"
    try:
        with open(path, "rb") as handle:
            handle.read()
    except OSError:
        pass
    else:  # pragma: no cover - a system where it reads
        pytest.skip(f"{path} can be read here")
    with pytest.raises(InputError, match=r"clear_refs: cannot (read|open): "):
        list(read_documents(path))


def test_archives_and_unreadable_files_through_the_command(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_bytes(b"Fine , really .\n")
    bad = list(_truncated(tmp_path))
    before = {path: path.read_bytes() for path in (good, *bad)}
    out = tmp_path / "out"
    for path in bad:
        result = _run("normalize", "--jobs", "1", str(path), "-o", str(tmp_path / "one.txt"))
        _one_line_error(result, f"{path}: cannot read: ")
        assert not (tmp_path / "one.txt").exists()
    result = _run("normalize", "/proc/self/clear_refs", "-o", str(tmp_path / "one.txt"))
    _one_line_error(result, "clear_refs: cannot ")
    result = _run(
        "normalize", "--keep-going", "--jobs", "1", str(good), *map(str, bad), "-o", f"{out}/"
    )
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == len(bad) and all(line.startswith("newsnorm: skipped: ") for line in lines)
    assert (out / "good.txt").read_text() == "Fine, really.\n"
    assert {path: path.read_bytes() for path in before} == before
    assert not _leftovers(tmp_path, out)


# --- JSONL: values JSON does not have, values that must come back exactly --------------------


@pytest.mark.parametrize(
    ("value", "cause"),
    [
        ("NaN", "NaN is not a JSON value"),
        ("Infinity", "Infinity is not a JSON value"),
        ("-Infinity", "-Infinity is not a JSON value"),
        ("1e999", "the number 1e999 is too large for a float"),
        ('{"a": 1, "a": 2}', "the key 'a' appears twice in one object"),
    ],
)
def test_jsonl_values_that_would_change_on_the_way_through_are_refused(
    value: str, cause: str
) -> None:
    data = b'{"text": "Fine ."}\n{"text": "Odd .", "x": ' + value.encode() + b"}\n"
    with pytest.raises(RecordError, match=f"^in.jsonl:2: .*{cause}") as raised:
        list(READERS["jsonl"].read(io.BytesIO(data), ReadOptions("in.jsonl")))
    assert raised.value.line == 2


def test_a_lone_surrogate_in_a_field_newsnorm_does_not_touch_comes_back_exactly() -> None:
    line = r'{"text": "Body \ud800 .", "note": "half \udc00 pair", "\ud83d": [1.5, "\udfff"]}'
    (document,) = READERS["jsonl"].read(io.BytesIO(line.encode()), ReadOptions("in.jsonl"))
    written = format_article(Article("Body \ud800."), "jsonl", document=document)
    assert written.isascii() or "\ud800" not in written
    back = json.loads(written)
    assert back["note"] == "half \udc00 pair" and back["\ud83d"] == [1.5, "\udfff"]
    assert back["text"] == "Body \ufffd."  # the text newsnorm wrote: valid Unicode
    assert r'"note": "half \udc00 pair"' in written
    written.encode("utf-8")  # writable as it is


def test_a_record_holding_nan_is_not_written() -> None:
    document = Document("Text .", "in.jsonl", 4, record={"text": "Text .", "x": float("nan")})
    with pytest.raises(RecordError, match=r"^in.jsonl:4: the record holds NaN or Infinity"):
        format_article(Article("Text."), "jsonl", document=document)


def test_jsonl_faults_through_the_command(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_bytes(
        b'{"text": "One , two ."}\n{"text": "Bad .", "score": NaN}\n'
        b'{"text": "Three .", "raw": "\\ud800"}\n'
    )
    before = path.read_bytes()
    out = tmp_path / "out.jsonl"
    result = _run("normalize", "--jobs", "1", str(path), "-o", str(out))
    _one_line_error(result, f"{path}:2: not valid JSON: NaN is not a JSON value")
    assert not out.exists()
    result = _run(
        "normalize", "--jobs", "1", "--keep-going", "--format", "jsonl", str(path), "-o", str(out)
    )
    assert result.returncode == 1 and result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"newsnorm: skipped: {path}:2: ")
    records = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["text"] for r in records] == ["One, two.", "Three."]
    assert records[1]["raw"] == "\ud800"
    assert path.read_bytes() == before
    assert not _leftovers(tmp_path)


# --- writing: every failure one OutputError, nothing half-written ---------------------------


def test_an_empty_output_name_is_refused() -> None:
    with pytest.raises(OutputError, match="the output file name is empty"), atomic_output(""):
        pass  # pragma: no cover


def test_a_device_that_refuses_writes_is_an_output_error() -> None:
    if not os.path.exists("/dev/full"):  # pragma: no cover
        pytest.skip("no /dev/full")
    with (
        pytest.raises(OutputError, match=r"^/dev/full: cannot write: No space left on device$"),
        atomic_output("/dev/full") as out,
    ):
        out.write("x" * 100_000)


_FSIZE_SCRIPT = """
import os, sys
from newsnorm.errors import OutputError
from newsnorm.formats import atomic_output
try:
    with atomic_output(sys.argv[1]) as out:
        for _ in range(1000):
            out.write(os.urandom(2000).hex() + "\\n")  # more than any compressor can shrink
except OutputError as error:
    print(error)
"""


def _file_size_limit(limit: int) -> Callable[[], None]:
    def set_limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return set_limit


@pytest.mark.parametrize("name", ["out.txt", "out.txt.gz", "out.txt.xz"])
def test_a_full_disk_is_an_output_error_and_the_old_file_stays(tmp_path: Path, name: str) -> None:
    # A file-size limit stands in for a full disk: a write past it fails with EFBIG (Python
    # ignores SIGXFSZ, which would otherwise end the process).
    target = tmp_path / name
    target.write_bytes(b"the old content\n")
    result = subprocess.run(
        [sys.executable, "-c", _FSIZE_SCRIPT, str(target)],
        capture_output=True,
        text=True,
        check=True,
        preexec_fn=_file_size_limit(20_000),
    )
    assert result.stdout == f"{target}: cannot write: File too large\n"
    assert target.read_bytes() == b"the old content\n"
    assert not _leftovers(tmp_path)


def test_write_failures_through_the_command(tmp_path: Path) -> None:
    source = tmp_path / "a.txt"
    source.write_bytes(b"Rain fell , officials said .\n" * 20_000)
    before = source.read_bytes()
    if os.path.exists("/dev/full"):
        _one_line_error(
            _run("normalize", str(source), "-o", "/dev/full"), "/dev/full: cannot write"
        )
        with open("/dev/full", "wb") as full:
            result = _run("normalize", str(source), stdout=full.fileno())
        _one_line_error(result, "<stdout>: cannot write: No space left on device")
    if os.path.exists("/proc/version"):
        result = _run("normalize", str(source), "-o", "/proc/version")
        _one_line_error(result, "/proc/version: cannot write")
    target = tmp_path / "out.txt"
    target.write_bytes(b"the old content\n")
    result = _run(
        "normalize", "--jobs", "1", str(source), "-o", str(target),
        preexec_fn=_file_size_limit(50_000),
    )  # fmt: skip
    _one_line_error(result, f"{target}: cannot write: File too large")
    assert target.read_bytes() == b"the old content\n"
    result = _run(
        "normalize", "--jobs", "1", "--in-place", str(source), preexec_fn=_file_size_limit(50_000)
    )
    _one_line_error(result, f"{source}: cannot write: File too large")
    assert source.read_bytes() == before
    assert not _leftovers(tmp_path)


def test_in_place_keeps_the_mode_and_owner_and_replaces_a_hard_link(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"Rain fell , officials said .\n")
    path.chmod(0o640)
    other_name = tmp_path / "link.txt"
    os.link(path, other_name)
    owner = (os.getuid(), os.getgid())
    if os.geteuid() == 0:
        owner = (1234, 2345)
        os.chown(path, *owner)
    result = _run("normalize", "--jobs", "1", "--in-place", str(path))
    assert (result.returncode, result.stderr) == (0, "")
    assert path.read_bytes() == b"Rain fell, officials said.\n"
    info = path.stat()
    assert (info.st_mode & 0o7777, info.st_uid, info.st_gid) == (0o640, *owner)
    # The documented behaviour for links: the name given gets the new file, the others keep
    # the old content (atomic_output's docstring).
    assert other_name.read_bytes() == b"Rain fell , officials said .\n"
    assert info.st_nlink == 1


def _nobody_can_run() -> bool:
    return os.geteuid() == 0 and shutil.which("setpriv") is not None


@pytest.fixture
def open_folder() -> Iterator[Path]:
    """A new folder that every user can reach (pytest's own are the running user's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="newsnorm-test-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder)


@pytest.mark.skipif(not _nobody_can_run(), reason="needs root and setpriv to run as nobody")
def test_files_and_folders_the_user_cannot_write(open_folder: Path) -> None:
    tmp_path = open_folder
    folder = tmp_path / "shared"
    folder.mkdir(mode=0o777)
    folder.chmod(0o777)
    source = folder / "a.txt"
    source.write_bytes(b"Rain fell , officials said .\n")
    source.chmod(0o444)  # the folder lets anyone replace it; the file says do not
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o755)
    before = source.read_bytes()
    result = _run("normalize", "--jobs", "1", "--in-place", str(source), prefix=_NOBODY)
    assert result.returncode in (1, 2) and result.stderr.count("\n") == 1, result.stderr
    assert f"{source}: cannot write" in result.stderr and "ermission" in result.stderr
    result = _run(
        "normalize", "--jobs", "1", str(source), "-o", str(locked / "b.txt"), prefix=_NOBODY
    )
    assert result.returncode in (1, 2) and result.stderr.count("\n") == 1, result.stderr
    assert "b.txt: cannot write" in result.stderr
    assert source.read_bytes() == before and list(locked.iterdir()) == []
    assert not _leftovers(folder, locked)
    # The same refusals from atomic_output itself, below the command's own checks.
    script = (
        "import sys\n"
        "from newsnorm.formats import atomic_output\n"
        "from newsnorm.errors import OutputError\n"
        "for name in sys.argv[1:]:\n"
        "    try:\n"
        "        with atomic_output(name) as out:\n"
        "            out.write('x')\n"
        "    except OutputError as error:\n"
        "        print(error)\n"
    )
    result = subprocess.run(
        [*_NOBODY, sys.executable, "-c", script, str(source), str(locked / "b.txt")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.splitlines() == [
        f"{source}: cannot write: permission denied",
        f"{locked / 'b.txt'}: cannot write: Permission denied",
    ]
    assert source.read_bytes() == before and list(locked.iterdir()) == []


def test_input_stream_gives_the_decoded_stream_and_how_to_read_it() -> None:
    stream, encoding, errors = input_stream(io.BytesIO(b"abc"), source="a")
    assert (stream.read(), encoding, errors) == (b"abc", "utf-8", "strict")
