"""What every export shares: its formats, a CSV cell a spreadsheet cannot run, and the one
way an export reaches the disk.

    text = export_notes(notes, documents, ExportFormat.CSV)   # core/notes/export.py
    write_export(path, text)   # a ReaderError with one sentence if it cannot be written

The features' exporters (core/notes/export.py, core/recommendations/export.py) say which
formats they write; the command line and the window both go through them and this module.
"""

from __future__ import annotations

import errno
import os
import stat
from enum import Enum
from pathlib import Path

from reader.core.errors import ReaderError
from reader.core.translation import _

# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportFormat(Enum):
    """A format an export is written in; the value is the command line's --format word."""

    MARKDOWN = "md"
    HTML = "html"
    CSV = "csv"
    JSON = "json"
    HYPOTHESIS = "hypothesis"  # the Hypothesis client's export file, JSON too
    DOCX = "docx"

    @property
    def suffix(self) -> str:
        """The file name's suffix for this format: ".md", ".html", ".csv", ".json", ".docx"."""
        return ".json" if self is ExportFormat.HYPOTHESIS else "." + self.value


def csv_safe(cell: object) -> object:
    """A cell a spreadsheet shows as text: a leading ' stops = + - @ starting a formula."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell


def write_export(path: Path, text: str | bytes) -> None:
    """Write `text` to `path` as UTF-8 (or bytes as they are: a DOCX), its own line ends kept
    (CSV's \\r\\n), all or nothing.

    The text goes to a temporary file beside the target, synced, then renamed over it: a
    full disk or a crash never leaves a cut-off export, nor destroys an older file there.
    A symbolic link is followed (the file it names is replaced), and a file that could not
    be opened for writing is not replaced either. An OSError becomes a ReaderError whose
    sentence can be shown as it is.
    """
    try:
        _write_atomically(path, text)
    except OSError as error:
        reason = error.strerror or str(error)
        raise ReaderError(
            _("The file {path} cannot be written: {reason}.").format(path=path, reason=reason)
        ) from error


def _write_atomically(path: Path, text: str | bytes) -> None:
    target = Path(os.path.realpath(path))
    mode = _kept_mode(target)
    temp, fd = _create_beside(target)
    try:
        with open(fd, "wb") as file:
            file.write(text if isinstance(text, bytes) else text.encode("utf-8"))
            file.flush()
            os.fsync(file.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def _kept_mode(target: Path) -> int | None:
    """The permissions of the file being replaced (None if there is none); a file that is
    not writable raises, as opening it for writing would."""
    try:
        info = target.stat()
    except FileNotFoundError:
        return None
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    if not os.access(target, os.W_OK):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(target))
    return stat.S_IMODE(info.st_mode)


def _create_beside(target: Path) -> tuple[Path, int]:
    """A new, empty hidden file in the target's folder, and its descriptor. Made with mode
    0o666 so the user's umask applies, as for any file the application creates."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
        try:
            return temp, os.open(temp, flags, 0o666)
        except FileExistsError:
            continue
