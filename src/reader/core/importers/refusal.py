"""The one error an import raises: a file that cannot become a document, and why, in a sentence."""

from __future__ import annotations

from reader.core.errors import ReaderError


class ImportRefused(ReaderError):
    """`str(error)` names the file and says why it was not imported; `file_name` is the name."""

    def __init__(self, file_name: str, message: str) -> None:
        super().__init__(message)
        self.file_name = file_name
