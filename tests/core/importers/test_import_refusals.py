"""Hostile and broken input: each file is refused with one sentence naming it, never a traceback."""

import os
import time
from pathlib import Path

import pytest

from reader.core.importers import ImportRefused, import_file

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def refusal(path: Path, **kwargs: int) -> str:
    with pytest.raises(ImportRefused) as caught:
        import_file(path, **kwargs)
    message = str(caught.value)
    assert message.startswith(path.name) and message.endswith(".")
    assert "\n" not in message and "Errno" not in message and str(path.parent) not in message
    assert caught.value.file_name == path.name
    return message


def write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_an_empty_file(tmp_path: Path) -> None:
    assert refusal(write(tmp_path, "empty.txt", b"")) == "empty.txt is empty."
    assert refusal(write(tmp_path, "blank.md", b" \n\t\r\n ")) == "blank.md is empty."


def test_a_png_renamed_txt(tmp_path: Path) -> None:
    message = refusal(write(tmp_path, "photo.txt", PNG))
    assert message == "photo.txt is a PNG image, not a text file."


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"PK\x03\x04rest-of-a-docx", "a ZIP archive"),
        (b"%PDF-1.7\n...", "a PDF document"),
        (b"{\\rtf1\\ansi Hello}", "an RTF document"),
        (b"some words\x00\x01\x02 then binary", "a binary file"),
    ],
)
def test_binary_files_with_a_text_extension(tmp_path: Path, data: bytes, kind: str) -> None:
    assert kind in refusal(write(tmp_path, "statement.html", data))


def test_control_characters_are_not_text(tmp_path: Path) -> None:
    data = bytes(range(1, 32)) * 40 + b"words"
    assert "does not hold readable text" in refusal(write(tmp_path, "noise.txt", data))


def test_an_unsupported_kind_of_file(tmp_path: Path) -> None:
    path = write(tmp_path, "report.docx", b"whatever")
    assert refusal(path) == (
        "report.docx is not a kind of file Statement Reader can import (.txt, .md, .html, .pdf)."
    )


def test_a_50_mb_file_is_refused_by_its_size_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: no 50 MB written, none to be read
    started = time.perf_counter()
    message = refusal(path)
    assert time.perf_counter() - started < 0.5
    assert message == "huge.txt is 50 MB, over the 20 MB limit for an import."


def test_the_size_limit_can_be_set(tmp_path: Path) -> None:
    path = write(tmp_path, "small.txt", b"Words enough. " * 200)
    message = refusal(path, max_bytes=1000)
    assert message == "small.txt is 2.7 KB, over the 1000 bytes limit for an import."
    assert import_file(path, max_bytes=5000).blocks


def test_a_folder_named_like_a_statement(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    assert refusal(tmp_path / "folder.txt") == "folder.txt is a folder, not a file."


def test_a_missing_file_and_a_dangling_link(tmp_path: Path) -> None:
    assert refusal(tmp_path / "gone.txt") == "gone.txt cannot be read: no such file or directory."
    link = tmp_path / "link.md"
    link.symlink_to(tmp_path / "nowhere.md")
    assert refusal(link) == "link.md cannot be read: no such file or directory."


def test_a_pipe_is_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert refusal(fifo) == "pipe.txt is not a regular file."


def test_a_page_with_nothing_but_scripts(tmp_path: Path) -> None:
    page = b"<html><head><script>var a = 1;</script></head><body><nav>Home</nav></body></html>"
    assert refusal(write(tmp_path, "empty.html", page)).startswith(
        "empty.html holds no text to import, only scripts"
    )


def test_a_text_of_nothing_but_furniture(tmp_path: Path) -> None:
    data = b"Print\nShare this article\n(0 votes)\n"
    message = refusal(write(tmp_path, "furniture.txt", data))
    assert message == "furniture.txt holds no text to import."
