"""The status line's one way in: every feature posts its sentences here, and every failure
becomes a sentence here (a ReaderError's own, or "an unexpected error", logged)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from reader.core.errors import describe_failure

MESSAGE_TIMEOUT_MS = 10000  # long enough to read a sentence of two clauses
STAY = 0  # a message that stays until the next one (a problem that lasts)


class Messages(QObject):
    """Signals:
    posted(str, int): a sentence for the status bar, and how long to show it (ms; 0: stays).
    """

    posted = Signal(str, int)

    def __init__(self, log_file: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file

    @Slot(str)
    def say(self, sentence: str, timeout_ms: int = MESSAGE_TIMEOUT_MS) -> None:
        if sentence:
            self.posted.emit(sentence, timeout_ms)

    def describe(self, error: BaseException, what: str) -> str:
        """The sentence for a failure of `what` ("the library", "the search", ...)."""
        return describe_failure(error, what, self.log_file)

    def failed(self, error: BaseException, what: str) -> None:
        self.say(self.describe(error, what))
