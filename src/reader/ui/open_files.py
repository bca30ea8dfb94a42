"""Files given to the app (on its command line, from the file manager, or by a second start):
statements are imported, or found in the library if there already, and the first is shown;
a notes export (.json) is merged into the notes."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from reader.ui.library.controller import LibraryController
from reader.ui.messages import STAY, Messages
from reader.ui.notes.controller import NotesController
from reader.ui.reading.pane import ReadingPane

if TYPE_CHECKING:
    from reader.core.library.importing import ImportResult

NOTES_SUFFIX = ".json"


class FileOpener(QObject):
    """Queues requests until the library is loaded and no import runs, then serves them in turn.

    Signals:
        opened(str): the id of the document shown for a request ("" if none could be).
    """

    opened = Signal(str)

    def __init__(
        self,
        library: LibraryController,
        notes: NotesController,
        reading: ReadingPane,
        messages: Messages,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library, self._notes, self._reading, self._messages = (
            library, notes, reading, messages,
        )  # fmt: skip
        self._waiting: list[list[Path]] = []
        self._busy = False
        library.loaded.connect(self._serve_next)
        notes.service.loaded.connect(self._serve_next)

    def open(self, paths: Sequence[Path]) -> None:
        if paths:
            self._waiting.append(list(paths))
            self._library.start()  # the catalogue is read after the first paint otherwise
            self._serve_next()

    @Slot()
    def _serve_next(self) -> None:
        if self._busy or not self._waiting or not self._library.is_loaded:
            return
        paths = self._waiting[0]
        if any(p.suffix.lower() == NOTES_SUFFIX for p in paths) and not self._notes_ready():
            return  # served again once the notes are loaded
        self._waiting.pop(0)
        for notes_file in (p for p in paths if p.suffix.lower() == NOTES_SUFFIX):
            self._messages.say(self._notes.files.merge_notes_file(notes_file), STAY)
        statements = [p for p in paths if p.suffix.lower() != NOTES_SUFFIX]
        if not statements:
            self._serve_next()
            return
        self._busy = self._library.imports.start(statements, on_finished=self._on_imported)
        if not self._busy:
            self.opened.emit("")
            self._serve_next()

    def _notes_ready(self) -> bool:
        if self._notes.service.is_loaded():
            return True
        self._notes.service.start()
        return False

    def _on_imported(self, results: Sequence[ImportResult]) -> None:
        self._busy = False
        shown = next((r.id for r in results if r.id), "")
        if shown:
            self._reading.open_document(shown)
        refused = [r for r in results if not r.id]
        if refused:
            self._messages.say(refusal_sentence(refused), STAY)
        self.opened.emit(shown)
        self._serve_next()


def refusal_sentence(refused: Sequence[ImportResult]) -> str:
    """One sentence for the files that could not be opened, each with why (the reasons
    mostly name their file already: it is named again only where one does not)."""
    reasons = []
    for result in refused:
        name, reason = Path(result.file).name, result.reason.rstrip(".") or "cancelled"
        reasons.append(reason if name in reason else f"{name}: {reason}")
    noun = "file" if len(refused) == 1 else "files"
    return f"Could not open {len(refused)} {noun}: {'; '.join(reasons)}."
