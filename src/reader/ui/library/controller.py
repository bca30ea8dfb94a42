"""What the Library feature adds to the window: the imported documents read after the first
paint, the counts of recommendations and notes, removing a document, editing its metadata,
and keeping the list, search and recommendations in step. The window only wires it."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from reader.core.documents.document import Document
from reader.core.errors import ReaderError
from reader.core.library.library import Library

from reader.ui.actions import Act
from reader.ui.library.model import Column, DocumentRole
from reader.ui.tasks import after_first_paint, run_task

if TYPE_CHECKING:
    from reader.core.library.importing import Batch
    from reader.core.user_db import UserDatabase

    from reader.ui.library.import_controller import ImportController
    from reader.ui.main_window import MainWindow

log = logging.getLogger(__name__)

MESSAGE_TIMEOUT_MS = 10000


@dataclass(frozen=True)
class Catalogued:
    """What the worker hands back: the database, the imported documents, notes per document."""

    database: UserDatabase | None
    documents: list[Document]
    notes: dict[str, int]
    problem: str  # why nothing can be read or imported, or ""


def load_catalogue(data_folder: Path) -> Catalogued:
    """Runs on a worker: open the user's database, read its documents and count notes."""
    from reader.core.library.catalogue import Catalogue
    from reader.core.user_db import UserDatabase

    try:
        db = UserDatabase.open(data_folder)
        return Catalogued(db, Catalogue(db).documents(), count_notes(db), "")
    except ReaderError as error:
        return Catalogued(None, [], {}, str(error))


def count_notes(db: UserDatabase) -> dict[str, int]:
    from reader.core.notes.store import NotesStore

    return dict(Counter(note.doc_id for note in NotesStore(db).list()))


class LibraryEditor(QObject):
    """Signals:
    loaded(): the imported documents are listed (and the index was told of them).
    documents_added(object): a list of Documents now in the library.
    document_removed(str): a document (by id) left the library.
    """

    loaded = Signal()
    documents_added = Signal(object)
    document_removed = Signal(str)

    def __init__(self, window: MainWindow, library: Library, data_folder: Path | None) -> None:
        super().__init__(window)
        self._window, self.library, self._data_folder = window, library, data_folder
        self.database: UserDatabase | None = None
        self._problem = "" if data_folder is not None else "there is no data folder"
        self._started = self.is_loaded = False
        self._imports: ImportController | None = None  # made when first wanted (start-up)
        service = window.recommendations.service
        service.loaded.connect(self._on_recommendations_changed)
        service.changed.connect(self._on_recommendations_changed)

    # Loading -------------------------------------------------------------------------------
    def start_after_first_paint(self) -> None:
        after_first_paint(self._window.reader.viewport(), self, self.start)

    @property
    def imports(self) -> ImportController:
        """File → Import and drops; its dialogs are imported only when first wanted."""
        if self._imports is None:
            from reader.ui.library.import_controller import ImportController

            self._imports = ImportController(self._window, self)
        return self._imports

    def connect_actions(self, actions: dict[Act, QAction]) -> None:
        """Wire File → Import, Edit → Remove and Edit Details, and the list's context menu."""
        actions[Act.IMPORT].triggered.connect(self._on_import_triggered)
        actions[Act.REMOVE_DOCUMENT].triggered.connect(self.remove_requested)
        actions[Act.EDIT_METADATA].triggered.connect(self.edit_requested)
        view = self._window.library_view
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self.context_menu_requested)
        view.selectionModel().currentChanged.connect(self.update_actions)
        self._window.document_opened.connect(self.update_actions)
        self.update_actions()

    @Slot()
    def start(self) -> None:
        """Read the catalogue on a worker; then list it and let the index open. Once only."""
        if self._started:
            return
        self._started = True
        if self._data_folder is None:
            self._on_load_done(Catalogued(None, [], {}, self._problem))
            return
        folder = self._data_folder
        run_task(lambda: load_catalogue(folder), self._on_load_done, self._on_load_failed,
                 context=self)  # fmt: skip

    def _on_load_done(self, found: Catalogued) -> None:
        self.database, self.is_loaded = found.database, True
        self._problem = found.problem or (found.database.read_only if found.database else "")
        self.add_documents(found.documents)
        self._window.library_model.set_counts(Column.NOTES, found.notes)
        if found.problem:
            self._status(f"Imported documents cannot be read: {found.problem}")
        service = self._window.index_service
        if service is not None:
            service.start()  # after the catalogue: the first sync sees every document
        self.loaded.emit()

    def _on_load_failed(self, error: BaseException) -> None:
        self._on_load_done(Catalogued(None, [], {}, self.describe(error).rstrip(".")))

    # Keeping the window in step ------------------------------------------------------------
    def add_documents(self, documents: Sequence[Document]) -> None:
        """Documents now in the library: listed, searchable, and their recommendations found."""
        if not documents:
            return
        for doc in documents:
            self.library.put(doc)
        self._window.library_model.add_documents(documents)
        self._window.recommendations.service.add_documents(documents)
        if self._window.index_service is not None:
            self._window.index_service.set_documents(list(self.library))
        self.documents_added.emit(list(documents))

    def import_batch(
        self, paths: Sequence[Path], cancelled: Callable[[], bool], on_file: Callable[[str], None]
    ) -> Batch:
        """Runs on the index's thread: import a few files and index them at once."""
        from reader.core.library.importing import LibraryContext, import_batch
        from reader.resource_access import resource_folder

        assert self.database is not None
        # No index work per batch: import_finished() brings the index in line once, in the
        # separate index process when the import was large (it would stall the window here).
        context = LibraryContext(resource_folder(), self.database, Path(), index=None)
        documents = list(self.library)  # a copy: the GUI thread may add to the library meanwhile
        return import_batch(paths, context, documents, cancelled, lambda p: on_file(str(p)))

    def import_finished(self) -> None:
        """After an import: the index brought fully in line (it may have opened meanwhile)."""
        if self._window.index_service is not None:
            self._window.index_service.refresh(list(self.library))

    def cannot_import(self) -> str:
        """Why nothing can be imported now (a sentence), or ""."""
        if not self.is_loaded and self._data_folder is not None:
            return "The library is still opening; try again in a moment."
        if self.database is None or self._problem:
            return f"Nothing can be imported: {self._problem or 'the library cannot be read'}."
        return ""

    def describe(self, error: BaseException) -> str:
        if isinstance(error, ReaderError):
            return str(error)
        log.error("Unexpected error in the library", exc_info=error)
        return "An unexpected error occurred; the details are in the log file."

    # Remove and edit -----------------------------------------------------------------------
    def target(self) -> Document | None:
        """The document the library's actions apply to: the one selected in the list."""
        index = self._window.library_view.currentIndex()
        doc = index.data(DocumentRole) if index.isValid() else None
        return doc if isinstance(doc, Document) else self._window.current_document()

    @Slot()
    def update_actions(self) -> None:
        doc = self.target()
        editable = doc is not None and doc.kind == "imported" and self.database is not None
        tip = "" if editable else "Only imported documents can be changed or removed."
        for act in (Act.REMOVE_DOCUMENT, Act.EDIT_METADATA):
            action = self._window.actions_by_id[act]
            action.setEnabled(editable)
            action.setStatusTip(tip or action.toolTip())

    @Slot()
    def _on_import_triggered(self) -> None:
        self.imports.import_requested()

    @Slot()
    def remove_requested(self) -> None:
        doc = self.target()
        if doc is None or doc.kind != "imported" or self.database is None:
            return
        from reader.core.library.catalogue import Catalogue
        from reader.core.notes.store import NotesStore

        from reader.ui.library.document_dialogs import NotesChoice, RemoveNotesQuestion

        notes = NotesStore(self.database).list(doc.id)
        choice = NotesChoice.KEEP
        if notes:
            answer = RemoveNotesQuestion.ask(self._window, doc.metadata.display_title, len(notes))
            if answer is None:
                return
            choice = answer
        try:
            if choice is NotesChoice.DELETE:
                for note in notes:
                    NotesStore(self.database).delete(note.id)
            Catalogue(self.database).remove(doc.id)
        except ReaderError as error:
            self._status(str(error))
            return
        self._forget(doc)
        kept = " Its notes are kept, detached." if notes and choice is NotesChoice.KEEP else ""
        self._status(f"Removed “{doc.metadata.display_title}” from the library.{kept}")

    def _forget(self, doc: Document) -> None:
        was_open = self._window.current_document()
        self.library.discard(doc.id)
        self._window.library_model.remove_document(doc.id)
        self._window.recommendations.service.remove_document(doc.id)
        if self._window.index_service is not None:
            self._window.index_service.refresh(list(self.library))
        if was_open is not None and was_open.id == doc.id:
            self._window.reader.set_document(None)
            self._window.open_document(self._first_listed_id())
        self.refresh_note_counts()
        self.document_removed.emit(doc.id)

    @Slot()
    def edit_requested(self) -> None:
        doc = self.target()
        if doc is None or doc.kind != "imported" or self.database is None:
            return
        from reader.core.library.catalogue import Catalogue

        from reader.ui.library.document_dialogs import MetadataDialog

        metadata = MetadataDialog.ask(self._window, doc.metadata)
        if metadata is None or metadata == doc.metadata:
            return
        catalogue = Catalogue(self.database)
        try:
            catalogue.update_metadata(doc.id, metadata)
        except ReaderError as error:
            self._status(str(error))
            return
        changed = catalogue.document(doc.id)
        if changed is not None:
            self._replace(changed)

    def _replace(self, doc: Document) -> None:
        self.library.put(doc)
        self._window.library_model.update_document(doc)
        self._window.recommendations.service.add_documents([doc])
        if self._window.index_service is not None:
            self._window.index_service.refresh(list(self.library))
        current = self._window.current_document()
        if current is not None and current.id == doc.id:
            self._window.reader.set_document(doc, self._window.reader.top_offset())
        self._status(f"Saved the details of “{doc.metadata.display_title}”.")

    # Counts --------------------------------------------------------------------------------
    def refresh_note_counts(self) -> None:
        db = self.database
        if db is not None:
            run_task(lambda: count_notes(db), self._on_note_counts_done, self._on_load_failed,
                     context=self)  # fmt: skip

    def _on_note_counts_done(self, counts: dict[str, int]) -> None:
        self._window.library_model.set_counts(Column.NOTES, counts)

    @Slot()
    def _on_recommendations_changed(self) -> None:
        recs = self._window.recommendations.service.recommendations()
        counts = Counter(rec.doc_id for rec in recs)
        self._window.library_model.set_counts(Column.RECOMMENDATIONS, counts)

    # Context menu --------------------------------------------------------------------------
    @Slot(QPoint)
    def context_menu_requested(self, position: QPoint) -> None:
        view = self._window.library_view
        index = view.indexAt(position)
        if index.isValid():
            view.setCurrentIndex(index)
        self.update_actions()
        menu = QMenu(view)
        for act in (Act.IMPORT, None, Act.EDIT_METADATA, Act.REMOVE_DOCUMENT):
            if act is None:
                menu.addSeparator()
            else:
                menu.addAction(self._window.actions_by_id[act])
        menu.exec(view.viewport().mapToGlobal(position))
        menu.deleteLater()

    def _first_listed_id(self) -> str:
        doc = self._window.library_proxy.index(0, 0).data(DocumentRole)
        return doc.id if isinstance(doc, Document) else ""

    def _status(self, sentence: str) -> None:
        self._window.statusBar().showMessage(sentence, MESSAGE_TIMEOUT_MS)
