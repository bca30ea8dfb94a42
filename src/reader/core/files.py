"""One rule for the files a user hands us: regular files only, read up to a limit.

Opening never blocks: a FIFO would wait forever for a writer, and a device such as
/dev/zero never ends, so both are refused before a byte is read.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class NotARegularFile(OSError):
    """A pipe, a device or a socket where a file was expected."""


class FileTooLarge(OSError):
    """Over the limit: `size` is the file's size in bytes, or, if it grew while being read
    (`grew`), what was read of it."""

    def __init__(self, size: int, grew: bool = False) -> None:
        super().__init__(errno.EFBIG, "too large")
        self.size, self.grew = size, grew


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file at `path`, if there are at most `max_bytes` of them.

    Raises IsADirectoryError, NotARegularFile, FileTooLarge, or the OSError of the system.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    with open(os.open(path, flags), "rb") as handle:  # the descriptor is closed whatever happens
        info = os.fstat(handle.fileno())  # of what was opened, not what the name points to now
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFile(errno.EINVAL, "not a regular file", str(path))
        if info.st_size > max_bytes:
            raise FileTooLarge(info.st_size)
        # What fstat said and one byte more, which tells a file that grew: read(n) allocates n
        # bytes first, and read(max_bytes + 1) took 20 MB (the limit) for every file.
        data = handle.read(info.st_size + 1)
        if len(data) > info.st_size:  # it grew, or its size is not known (/proc): to the limit
            data += handle.read(max_bytes + 1 - len(data))
    if len(data) > max_bytes:
        raise FileTooLarge(len(data), grew=True)
    return data


def display_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (kept by Python as lone surrogates,
    which no database or terminal can take) become U+FFFD."""
    if not _has_surrogate(name):
        return name
    try:
        return os.fsencode(name).decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate no byte stands for ("\ud800"): not from a file system
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in name)


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in text)
