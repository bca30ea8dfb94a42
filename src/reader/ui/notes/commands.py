"""Undo commands for notes: each change is already saved when pushed, so the first redo()
does nothing; later undo()/redo() put versions back with the store's restore()/delete()."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QUndoCommand

from reader.core.notes.note import Note

if TYPE_CHECKING:
    from reader.ui.notes.service import NotesService


class _NoteCommand(QUndoCommand):
    def __init__(self, service: NotesService, text: str) -> None:
        super().__init__(text)
        self._service = service
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:  # push() calls redo(); the change was made before it
            self._pushed = True
            return
        self._redo()

    def _redo(self) -> None:
        raise NotImplementedError


class AddNote(_NoteCommand):
    def __init__(self, service: NotesService, note: Note) -> None:
        super().__init__(service, "Add Note" if note.text or note.tags else "Highlight")
        self._note = note

    def undo(self) -> None:
        self._service.write(lambda store: store.delete(self._note.id))

    def _redo(self) -> None:
        self._service.write(lambda store: store.restore(self._note))


class ChangeNote(_NoteCommand):
    """An edit, a colour change or a re-attachment: `before` and `after` versions."""

    def __init__(self, service: NotesService, before: Note, after: Note, text: str) -> None:
        super().__init__(service, text)
        self._before, self._after = before, after

    def undo(self) -> None:
        self._service.write(lambda store: store.restore(self._before))

    def _redo(self) -> None:
        self._service.write(lambda store: store.restore(self._after))


class DeleteNote(_NoteCommand):
    def __init__(self, service: NotesService, note: Note) -> None:
        super().__init__(service, "Delete Note")
        self._note = note

    def undo(self) -> None:
        self._service.write(lambda store: store.restore(self._note))

    def _redo(self) -> None:
        self._service.write(lambda store: store.delete(self._note.id))
