"""Where log lines go, for the window and the command line alike: the log file, escaped.

A traceback never reaches the terminal: without this, Python's last-resort handler
printed one on stderr for every damaged catalogue row, on every command. If the log file
cannot be opened (a read-only or full cache), a log line is one short line on stderr, and
a write that fails later (the disk filled up) is dropped rather than shown as a traceback.
"""

from __future__ import annotations

import logging

from reader import paths
from reader.core.errors import ReaderError
from reader.core.printable import PrintableFormatter, printable

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _Brief(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return printable(f"{record.levelname.lower()}: {record.getMessage()}")


def log_to_file(folders: paths.Folders, level: int = logging.INFO) -> None:
    handler: logging.Handler
    try:
        path = paths.ensure(folders.cache) / folders.log_file.name
        handler = logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(PrintableFormatter(FORMAT))
    except (ReaderError, OSError):
        handler = logging.StreamHandler()
        handler.setFormatter(_Brief())
    logging.raiseExceptions = False  # a failed write of a log line is not the user's error
    logging.basicConfig(level=level, handlers=[handler], force=True)
