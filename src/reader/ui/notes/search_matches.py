"""The notes that match the Search tab's query: a small list under the passages found."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal, Slot
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from reader.core.documents.document import Document
from reader.core.notes.anchoring import Anchoring, Placement
from reader.core.notes.note import Note

from reader.ui.notes.delegate import NoteDelegate
from reader.ui.notes.model import NoteRole, NotesModel
from reader.ui.notes.panel import notes_list_view
from reader.ui.plurals import plurals

if TYPE_CHECKING:
    from reader.core.notes.store import NotesStore

MAX_HEIGHT = 260


def find_matches(store: NotesStore, words: str, documents: Sequence[Document]) -> list[Placement]:
    """Runs on a worker: the live notes with every word in their text, tags or quote, placed
    in the documents as they stand (a note whose document is gone is shown detached)."""
    found: dict[str, list[Note]] = {}
    for note in store.search(words):
        found.setdefault(note.doc_id, []).append(note)
    placements = []
    for doc in documents:
        wanted = {note.id for note in found.pop(doc.id, ())}
        if wanted:
            placements += [p for p in store.for_document(doc) if p.note.id in wanted]
    for notes in found.values():
        placements += [Placement(note, Anchoring.DETACHED) for note in notes]
    return placements


class NoteMatches(QWidget):
    """Signals:
    note_requested(object): the user chose a Note to read in context.
    """

    note_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search_note_matches")
        self.model = NotesModel(self)
        self.heading = QLabel()
        self.heading.setObjectName("search_notes_heading")
        self.view = notes_list_view(self.model)
        self.view.setObjectName("search_notes")
        self.view.setMaximumHeight(MAX_HEIGHT)
        self.delegate = NoteDelegate(self.view, self)
        self.view.setItemDelegate(self.delegate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.view)
        self.view.clicked.connect(self._on_view_activated)
        self.view.activated.connect(self._on_view_activated)
        self.setVisible(False)

    def set_placements(self, placements: Sequence[Placement], titles: Mapping[str, str]) -> None:
        self.delegate.forget()
        self.model.set_placements(placements, titles)
        count = len(placements)
        self.heading.setText(f"<b>{self.tr('Notes')}</b> · {plurals().matches(count)}")
        self.setVisible(count > 0)

    @Slot(QModelIndex)
    def _on_view_activated(self, index: QModelIndex) -> None:
        note = index.data(NoteRole)
        if note is not None:
            self.note_requested.emit(note)
