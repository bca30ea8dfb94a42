"""The user's notes as the window sees them: the store, an undo stack over it, and messages.

The store uses the user's database, opened once for the whole window after the first paint
(user_data.py), so nothing here runs before it. Every change is written at once; the undo
stack's commands put versions back with the store's restore() and delete() (commands.py).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QUndoStack

from reader.core.documents.document import Document
from reader.core.errors import ReaderError

from reader.ui.notes.commands import AddNote, ChangeNote, DeleteNote
from reader.ui.user_data import UserData

if TYPE_CHECKING:  # imported once the database is open, after the window's first paint
    from reader.core.notes.anchoring import Placement
    from reader.core.notes.note import Note
    from reader.core.notes.store import NotesStore

log = logging.getLogger(__name__)
T = TypeVar("T")


class NotesService(QObject):
    """Signals:
    loaded(): the store is ready (or known to be unavailable: see problem()).
    changed(): a note was added, changed or deleted (or put back by undo/redo).
    message_posted(str): a sentence for the status bar.
    """

    loaded = Signal()
    changed = Signal()
    message_posted = Signal(str)

    def __init__(self, user_data: UserData, parent: QObject | None = None):
        super().__init__(parent)
        self._user_data = user_data
        self.store: NotesStore | None = None
        self._problem = ""
        self.last_failure = ""  # the sentence of the newest change that could not be saved
        self._loaded = False
        self.undo_stack = QUndoStack(self)
        user_data.opened.connect(self._on_user_data_opened)

    def is_loaded(self) -> bool:
        return self._loaded

    def start(self) -> None:
        """Open the user's database (on a worker) if not yet; `loaded` follows."""
        self._user_data.start()

    def problem(self) -> str:
        """A sentence saying why notes cannot be saved, or ""."""
        if not self._loaded:
            return self.tr("The notes are being opened; try again in a moment.")
        if self._problem:
            return self.tr("Notes cannot be saved: {problem}.").format(problem=self._problem)
        return ""

    # Reading -----------------------------------------------------------------------------
    def placements(
        self, documents: Iterable[Document], doc_id: str | None = None
    ) -> list[Placement]:
        """The live notes of one document (or of all), placed in the text as it stands now.

        Notes on documents not in `documents` are shown detached, with no candidate.
        """
        if self.store is None:  # before the database opens (start-up): nothing to place yet
            return []
        from reader.core.notes.anchoring import Anchoring, Placement

        docs = {doc.id: doc for doc in documents}
        wanted = [docs[doc_id]] if doc_id in docs else ([] if doc_id else list(docs.values()))
        none: list[Placement] = []
        found = self._guarded(lambda s: [p for d in wanted for p in s.for_document(d)], none)
        if doc_id is None:
            nothing: list[Note] = []
            orphans = self._guarded(
                lambda s: [n for n in s.list() if n.doc_id not in docs], nothing
            )
            found += [Placement(note, Anchoring.DETACHED) for note in orphans]
        return found

    def search(self, words: str) -> set[str]:
        """The ids of the live notes with every word in their text, tags or quote."""
        return self._guarded(lambda s: {n.id for n in s.search(words)}, set())

    def tags(self) -> list[str]:
        return self._guarded(lambda s: s.tags(), [])

    # Changes (each undoable) -------------------------------------------------------------
    def add(
        self,
        doc: Document,
        start: int,
        end: int,
        color: str,
        text: str = "",
        tags: Iterable[str] = (),
    ) -> Note | None:
        note = self._change(lambda s: s.add(doc, start, end, color, text, tags))
        if note is not None:
            self.undo_stack.push(AddNote(self.write, note))
        return note

    def update(
        self,
        note_id: str,
        *,
        color: str | None = None,
        text: str | None = None,
        tags: Iterable[str] | None = None,
    ) -> Note | None:
        """Change a note; returns the new version (None, and a message, if not saved)."""
        before = self._change(lambda s: s.update(note_id, color=color, text=text, tags=tags))
        what = self.tr("Change Colour") if text is None and tags is None else self.tr("Edit Note")
        return self._push_change(before, what)

    def reattach(self, note_id: str, doc: Document, start: int, end: int) -> Note | None:
        before = self._change(lambda s: s.reattach(note_id, doc, start, end))
        return self._push_change(before, self.tr("Re-attach Note"))

    def delete(self, note_id: str) -> Note | None:
        before = self._change(lambda s: s.delete(note_id))
        if before is not None:
            self.undo_stack.push(DeleteNote(self.write, before))
        return before

    def discard_document(self, doc_id: str) -> None:
        """Delete every note of a document leaving the library (not undoable: the document
        cannot come back by undo either), so the undo stack starts afresh."""
        if self._change(lambda s: [s.delete(n.id) for n in s.list(doc_id)]) is not None:
            self.undo_stack.clear()

    def write(self, change: Callable[[NotesStore], object]) -> bool:
        """Apply an undo or redo step to the store; False (and a message) if it failed."""
        return self._change(lambda store: (change(store), True)[1]) is not None

    def _push_change(self, before: Note | None, what: str) -> Note | None:
        if before is None or self.store is None:
            return None
        after = self.store.get(before.id)
        if after is not None:
            self.undo_stack.push(ChangeNote(self.write, before, after, what))
        return after

    def _change(self, change: Callable[[NotesStore], T]) -> T | None:
        if self.store is None or self._problem:
            self.last_failure = self.problem()
            self.message_posted.emit(self.last_failure)
            return None
        try:
            result = change(self.store)
        except ReaderError as error:
            self.last_failure = str(error)
            self.message_posted.emit(self.last_failure)
            return None
        self.changed.emit()
        return result

    def _guarded(self, read: Callable[[NotesStore], T], default: T) -> T:
        if self.store is None:
            return default
        try:
            return read(self.store)
        except ReaderError as error:
            self.message_posted.emit(str(error))
            return default

    # Slots -------------------------------------------------------------------------------
    @Slot()
    def _on_user_data_opened(self) -> None:
        from reader.core.notes.store import NotesStore

        database = self._user_data.database()
        self._problem = self._user_data.problem()
        self.store = NotesStore(database) if database is not None else None
        if self.store is not None and not self._problem:
            self._problem = self.store.read_only
        self._loaded = True
        self.loaded.emit()
