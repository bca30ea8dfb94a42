"""What every export shares: the formats, the CSV cell guard, and a write that is all or nothing."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from reader.core import export
from reader.core.errors import ReaderError
from reader.core.export import ExportFormat, csv_safe, write_export


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An empty folder of the test's own (tmp_path also holds the test's home)."""
    (tmp_path / "out").mkdir()
    return tmp_path / "out"


def test_the_formats_are_the_command_lines_words_with_their_suffixes() -> None:
    assert [(f.value, f.suffix) for f in ExportFormat] == [
        ("md", ".md"),
        ("html", ".html"),
        ("csv", ".csv"),
        ("json", ".json"),
        ("hypothesis", ".json"),  # the Hypothesis client's file is JSON too
        ("docx", ".docx"),
    ]


def test_bytes_are_written_as_they_are(folder: Path) -> None:
    write_export(folder / "memo.docx", b"PK\x03\x04\r\n")
    assert (folder / "memo.docx").read_bytes() == b"PK\x03\x04\r\n"
    assert ExportFormat("csv") is ExportFormat.CSV


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_cell_that_would_run_as_a_formula_is_shown_as_text(start: str) -> None:
    assert csv_safe(start + "1+1") == "'" + start + "1+1"


@pytest.mark.parametrize("cell", ["plain", "", "a=b", 12, -3, 0.5, None])
def test_other_cells_are_left_as_they_are(cell: object) -> None:
    assert csv_safe(cell) == cell


def test_the_text_is_written_as_utf8_with_its_own_line_ends(folder: Path) -> None:
    target = folder / "notes.csv"
    write_export(target, "\ufeffa,b\r\nç,“d”\r\n")
    assert target.read_bytes() == "\ufeffa,b\r\nç,“d”\r\n".encode()
    assert os.listdir(folder) == ["notes.csv"]


def test_an_older_file_is_replaced_whole_and_keeps_its_permissions(folder: Path) -> None:
    target = folder / "notes.md"
    target.write_text("an older and much longer export\n" * 100, encoding="utf-8")
    target.chmod(0o640)
    write_export(target, "# Notes\n")
    assert target.read_text(encoding="utf-8") == "# Notes\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert os.listdir(folder) == ["notes.md"]


@pytest.mark.skipif(sys.platform == "win32", reason="the umask is POSIX")
def test_a_new_file_gets_the_permissions_the_umask_allows(folder: Path) -> None:
    old = os.umask(0o027)
    try:
        write_export(folder / "notes.md", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((folder / "notes.md").stat().st_mode) == 0o640


def test_a_failed_write_leaves_the_older_file_and_no_temporary_one(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = folder / "notes.md"
    target.write_text("the older export", encoding="utf-8")

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(export.os, "fsync", disk_full)
    with pytest.raises(ReaderError) as caught:
        write_export(target, "the new export")
    assert str(caught.value) == f"The file {target} cannot be written: No space left on device."
    assert isinstance(caught.value.__cause__, OSError)
    assert target.read_text(encoding="utf-8") == "the older export"
    assert os.listdir(folder) == ["notes.md"]


def test_a_text_that_cannot_be_encoded_leaves_nothing_behind(folder: Path) -> None:
    target = folder / "notes.md"
    with pytest.raises(UnicodeEncodeError):
        write_export(target, "a lone surrogate \udc80")
    assert os.listdir(folder) == []


def test_a_missing_folder_is_one_sentence(folder: Path) -> None:
    target = folder / "missing" / "notes.md"
    with pytest.raises(ReaderError, match="^The file .* cannot be written: No such file") as caught:
        write_export(target, "x")
    assert str(caught.value) == f"The file {target} cannot be written: No such file or directory."


def test_a_folder_in_the_way_is_one_sentence(folder: Path) -> None:
    (folder / "notes.md").mkdir()
    with pytest.raises(ReaderError, match="cannot be written: Is a directory.$"):
        write_export(folder / "notes.md", "x")
    assert os.listdir(folder) == ["notes.md"]


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_a_read_only_file_is_not_replaced(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = folder / "notes.md"
    target.write_text("kept", encoding="utf-8")
    target.chmod(0o444)
    if os.geteuid() == 0:  # root may write any file: have it asked as anyone else would be
        monkeypatch.setattr(export.os, "access", lambda path, mode: False)
    with pytest.raises(ReaderError, match="cannot be written: Permission denied.$"):
        write_export(target, "x")
    assert target.read_text(encoding="utf-8") == "kept"
    assert os.listdir(folder) == ["notes.md"]


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need rights on Windows")
def test_a_symbolic_link_is_followed_not_replaced(folder: Path) -> None:
    real = folder / "real" / "notes.md"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = folder / "notes.md"
    link.symlink_to(real)
    write_export(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
    assert os.listdir(real.parent) == ["notes.md"]
