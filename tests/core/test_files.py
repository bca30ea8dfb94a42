"""Files a user hands us: regular files only, up to a limit; a pipe or device never blocks."""

import os
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
