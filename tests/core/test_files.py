"""Files a user hands us: regular files only, up to a limit; a pipe or device never blocks."""

import os
import tracemalloc
from pathlib import Path

import pytest

from reader.core.files import FileTooLarge, NotARegularFile, display_name, read_regular


def test_a_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b"x" * 1000)
    assert read_regular(path, 1000) == b"x" * 1000


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(NotARegularFile):
        read_regular(fifo, 1000)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_that_never_ends_is_refused() -> None:
    with pytest.raises(NotARegularFile):
        read_regular(Path("/dev/zero"), 1000)


def test_a_folder_and_an_oversized_file_are_refused(tmp_path: Path) -> None:
    with pytest.raises(IsADirectoryError):
        read_regular(tmp_path, 1000)
    big = tmp_path / "big"
    big.write_bytes(b"x" * 1001)
    with pytest.raises(FileTooLarge) as caught:
        read_regular(big, 1000)
    assert caught.value.size == 1001 and not caught.value.grew


def test_a_name_with_a_surrogate_that_no_byte_stands_for_is_shown() -> None:
    """os.fsencode takes only the surrogates that stand for bytes (U+DC80-U+DCFF); "\\ud800"
    raised UnicodeEncodeError (the command line's arguments go through here)."""
    assert display_name("a\ud800b.txt") == "a\ufffdb.txt"
    assert display_name("a\udcffb.txt") == "a\ufffdb.txt"
    assert display_name("plain.txt") == "plain.txt"


def test_a_small_file_is_read_in_little_memory(tmp_path: Path) -> None:
    """read(limit + 1) allocated the limit first: 20 MB for every file, 2 GB with a limit
    of 2,000 MB."""
    path = tmp_path / "small.txt"
    path.write_bytes(b"We call on both sides.")
    tracemalloc.start()
    try:
        assert read_regular(path, 200 * 1024 * 1024) == b"We call on both sides."
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100_000


def test_a_file_larger_than_its_size_said_is_read_to_the_limit(tmp_path: Path) -> None:
    """A file whose size fstat gets wrong (0 for those in /proc) is read on, to the limit."""
    assert read_regular(Path("/proc/self/status"), 1024 * 1024).startswith(b"Name:")
    with pytest.raises(FileTooLarge) as large:
        read_regular(Path("/proc/self/status"), 10)
    assert large.value.grew
