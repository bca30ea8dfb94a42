"""Undo commands for notes: each change is already saved when pushed, so the first redo()
does nothing; later undo()/redo() put versions back with the store's restore()/delete()."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from reader.core.notes.note import Note

if TYPE_CHECKING:
    from reader.core.notes.store import NotesStore

# Applies one change to the store; False (and the user told why) if it could not be saved.
Write = Callable[[Callable[["NotesStore"], object]], bool]


class _NoteCommand(QUndoCommand):
    def __init__(self, write: Write, text: str) -> None:
        super().__init__(text)
        self._write = write
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:  # push() calls redo(); the change was made before it
            self._pushed = True
            return
        self._redo()

    def _redo(self) -> None:
        raise NotImplementedError


class AddNote(_NoteCommand):
    def __init__(self, write: Write, note: Note) -> None:
        super().__init__(
            write,
            QCoreApplication.translate("Notes", "Add Note")
            if note.text or note.tags
            else QCoreApplication.translate("Notes", "Highlight"),
        )
        self._note = note

    def undo(self) -> None:
        self._write(lambda store: store.delete(self._note.id))

    def _redo(self) -> None:
        self._write(lambda store: store.restore(self._note))


class ChangeNote(_NoteCommand):
    """An edit, a colour change or a re-attachment: `before` and `after` versions."""

    def __init__(self, write: Write, before: Note, after: Note, text: str) -> None:
        super().__init__(write, text)
        self._before, self._after = before, after

    def undo(self) -> None:
        self._write(lambda store: store.restore(self._before))

    def _redo(self) -> None:
        self._write(lambda store: store.restore(self._after))


class DeleteNote(_NoteCommand):
    def __init__(self, write: Write, note: Note) -> None:
        super().__init__(write, QCoreApplication.translate("Notes", "Delete Note"))
        self._note = note

    def undo(self) -> None:
        self._write(lambda store: store.restore(self._note))

    def _redo(self) -> None:
        self._write(lambda store: store.delete(self._note.id))
