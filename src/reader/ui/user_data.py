"""The user's database, opened once for the whole window: after the first paint, on a worker.

The library's catalogue, the notes and the user's choices about recommendations all live in
it; each feature takes it from here once `opened` has been emitted.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reader.ui.messages import Messages
from reader.ui.tasks import run_task

if TYPE_CHECKING:  # SQLite and the migrations load on the worker, after the first paint
    from reader.core.user_db import UserDatabase

NO_DATA_FOLDER = "there is no data folder"


def _open(folder: Path) -> UserDatabase:
    from reader.core.user_db import UserDatabase

    return UserDatabase.open(folder)


class UserData(QObject):
    """Signals:
    opened(): the database is open, or known to be unavailable (see problem()).
    """

    opened = Signal()

    def __init__(
        self, data_folder: Path | None, messages: Messages, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._folder = data_folder
        self._messages = messages
        self._database: UserDatabase | None = None
        self._problem = "" if data_folder is not None else NO_DATA_FOLDER
        self._started = self._open = False

    def start(self) -> None:
        """Open the database on a worker; `opened` follows. Once only."""
        if self._started:
            return
        self._started = True
        if self._folder is None:
            self._finish(None, self._problem)
            return
        folder = self._folder
        run_task(lambda: _open(folder), self._on_open_done, self._on_open_failed, context=self)

    def is_open(self) -> bool:
        """True once opening has ended, whether or not the database could be opened."""
        return self._open

    def has_folder(self) -> bool:
        return self._folder is not None

    def database(self) -> UserDatabase | None:
        return self._database

    def problem(self) -> str:
        """Why nothing can be saved (the end of a sentence: "the folder … is read-only"), or ""."""
        if self._database is not None and self._database.read_only:
            return self._database.read_only
        return self._problem

    def close(self) -> None:
        if self._database is not None:
            self._database.close()

    def _on_open_done(self, database: UserDatabase) -> None:
        self._finish(database, "")
        self._messages.say(database.notice)  # a damaged file moved aside, say

    def _on_open_failed(self, error: BaseException) -> None:
        # A ReaderError says why (damaged, read-only, locked ...); a bug is logged.
        self._finish(
            None,
            self._messages.describe(error, self.tr("the user's database", "what failed")).rstrip(
                "."
            ),
        )

    def _finish(self, database: UserDatabase | None, problem: str) -> None:
        self._database, self._problem, self._open = database, problem, True
        self.opened.emit()
