"""What the Library feature adds to the window: the list of documents, the imported ones read
once the user's database is open, the counts of recommendations and notes, removing a
document and editing its details. It tells the other features by its signals."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt, Signal, Slot
from PySide6.QtWidgets import QMenu

from reader.core.documents.document import Document
from reader.core.errors import ReaderError
from reader.resource_access import resource_folder

from reader.ui.actions import Act
from reader.ui.feature_context import FeatureContext
from reader.ui.library.model import Column, DocumentRole, LibraryModel, make_sorted
from reader.ui.library.view import library_view
from reader.ui.tasks import after_first_paint, run_task

if TYPE_CHECKING:
    from reader.core.library.importing import Batch
    from reader.core.recommendations.extraction import Recommendation
    from reader.core.user_db import UserDatabase

    from reader.ui.library.import_controller import ImportController
    from reader.ui.search.index_service import IndexService


def read_catalogue(db: UserDatabase) -> tuple[list[Document], dict[str, int]]:
    """Runs on a worker: the imported documents, and the notes per document."""
    from reader.core.library.catalogue import Catalogue

    return Catalogue(db).documents(), count_notes(db)


def count_notes(db: UserDatabase) -> dict[str, int]:
    from reader.core.notes.store import NotesStore

    return dict(Counter(note.doc_id for note in NotesStore(db).list()))


class LibraryController(QObject):
    """Signals:
    loaded(): the imported documents are listed (or known to be unreadable).
    documents_added(object): a list of Documents now in the library (more may follow).
    document_changed(object): a Document whose details were edited.
    document_removed(str, bool): a document (by id) left the library; True: its notes too.
    library_changed(): an import, removal or edit is complete: the index may catch up.
    """

    loaded = Signal()
    documents_added = Signal(object)
    document_changed = Signal(object)
    document_removed = Signal(str, bool)
    library_changed = Signal()

    def __init__(self, context: FeatureContext, index_service: IndexService | None = None) -> None:
        super().__init__(context.dialog_parent)
        self._context = context
        self.library = context.library
        self._index_service = index_service  # import batches run on its thread
        self._bundled_folder = resource_folder()  # what an import must not duplicate
        self.model = LibraryModel(list(self.library), self)
        self.proxy = make_sorted(self.model, self)
        self.view = library_view(self.proxy)
        self._problem = ""
        self._started = self.is_loaded = False
        self._imports: ImportController | None = None  # made when first wanted (start-up)
        context.user_data.opened.connect(self._on_user_data_opened)

    def cancel_import(self) -> None:
        """Cancel an import that is running (the window is closing); nothing if none is."""
        if self._imports is not None and self._imports.is_running():
            self._imports.cancel()

    # Loading -------------------------------------------------------------------------------
    @property
    def imports(self) -> ImportController:
        """File → Import and drops; its dialogs are imported only when first wanted."""
        if self._imports is None:
            from reader.ui.library.import_controller import ImportController

            self._imports = ImportController(self, self._context, self._index_service)
            self._imports.batch_imported.connect(self.add_documents)
            self._imports.import_finished.connect(self._on_imports_import_finished)
        return self._imports

    def connect_actions(self) -> None:
        """Wire File → Import, Edit → Remove and Edit Details, and the list's context menu."""
        actions = self._context.actions
        actions[Act.IMPORT].triggered.connect(self._on_import_triggered)
        actions[Act.REMOVE_DOCUMENT].triggered.connect(self.remove_requested)
        actions[Act.EDIT_METADATA].triggered.connect(self.edit_requested)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self.context_menu_requested)
        self.view.selectionModel().currentChanged.connect(self.update_actions)
        self._context.reading.document_opened.connect(self.update_actions)
        self.update_actions()

    def start_after_first_paint(self) -> None:
        after_first_paint(self._context.reading.view.viewport(), self, self.start)

    @Slot()
    def start(self) -> None:
        """Open the user's database if not yet, then list its documents. Once only."""
        if self._started:
            return
        self._started = True
        if self._context.user_data.is_open():
            self._on_user_data_opened()
        else:
            self._context.user_data.start()

    @Slot()
    def _on_user_data_opened(self) -> None:
        if not self._started or self.is_loaded:
            return
        db = self._context.user_data.database()
        if db is None:
            self._loaded([], {}, self._context.user_data.problem())
            return
        run_task(lambda: read_catalogue(db), self._on_read_done, self._on_read_failed,
                 context=self)  # fmt: skip

    def _on_read_done(self, found: tuple[list[Document], dict[str, int]]) -> None:
        self._loaded(*found, problem="")

    def _on_read_failed(self, error: BaseException) -> None:
        self._loaded(
            [],
            {},
            self._context.messages.describe(error, self.tr("the library", "what failed")).rstrip(
                "."
            ),
        )

    def _loaded(self, documents: list[Document], notes: dict[str, int], problem: str) -> None:
        self.is_loaded, self._problem = True, problem
        self.add_documents(documents)
        self.model.set_counts(Column.NOTES, notes)
        if problem:
            self._context.messages.say(
                self.tr("Imported documents cannot be read: {problem}").format(problem=problem)
            )
        self.update_actions()
        self.loaded.emit()

    # Keeping the list in step --------------------------------------------------------------
    @Slot(object)
    def add_documents(self, documents: Sequence[Document]) -> None:
        """Documents now in the library: listed, and the others told (documents_added)."""
        if not documents:
            return
        for doc in documents:
            self.library.put(doc)
        self.model.add_documents(documents)
        self.documents_added.emit(list(documents))

    def import_batch(
        self, paths: Sequence[Path], cancelled: Callable[[], bool], on_file: Callable[[str], None]
    ) -> Batch:
        """Runs on the index's thread: import a few files (the index catches up once, after)."""
        from reader.core.library.importing import LibraryContext, import_batch

        db = self._context.user_data.database()
        assert db is not None
        context = LibraryContext(self._bundled_folder, db, Path(), index=None)
        documents = list(self.library)  # a copy: the GUI thread may add to the library meanwhile
        return import_batch(paths, context, documents, cancelled, lambda p: on_file(str(p)))

    def cannot_import(self) -> str:
        """Why nothing can be imported now (a sentence), or ""."""
        user_data = self._context.user_data
        if not self.is_loaded and user_data.has_folder():
            return self.tr("The library is still opening; try again in a moment.")
        problem = self._problem or user_data.problem()
        if user_data.database() is None or problem:
            return self.tr("Nothing can be imported: {problem}.").format(
                problem=problem or self.tr("the library cannot be read")
            )
        return ""

    def describe(self, error: BaseException) -> str:
        return self._context.messages.describe(error, self.tr("the import", "what failed"))

    @Slot(object)
    def _on_imports_import_finished(self, _results: object) -> None:
        self.library_changed.emit()

    # Remove and edit -----------------------------------------------------------------------
    def target(self) -> Document | None:
        """The document the library's actions apply to: the one selected in the list."""
        index = self.view.currentIndex()
        doc = index.data(DocumentRole) if index.isValid() else None
        return doc if isinstance(doc, Document) else self._context.reading.current_document()

    def _editable(self) -> Document | None:
        doc = self.target()
        if doc is None or doc.kind != "imported" or self._context.user_data.database() is None:
            return None
        return doc

    @Slot()
    def update_actions(self) -> None:
        editable = self._editable() is not None
        tip = "" if editable else self.tr("Only imported documents can be changed or removed.")
        for act in (Act.REMOVE_DOCUMENT, Act.EDIT_METADATA):
            action = self._context.actions[act]
            action.setEnabled(editable)
            action.setStatusTip(tip or action.toolTip())

    @Slot()
    def _on_import_triggered(self) -> None:
        self.imports.import_requested()

    @Slot()
    def remove_requested(self) -> None:
        doc, db = self._editable(), self._context.user_data.database()
        if doc is None or db is None:
            return
        from reader.core.library.catalogue import Catalogue
        from reader.core.notes.store import NotesStore

        from reader.ui.library.document_dialogs import NotesChoice, RemoveNotesQuestion

        notes = len(NotesStore(db).list(doc.id))
        choice = NotesChoice.KEEP
        if notes:
            parent = self._context.dialog_parent
            answer = RemoveNotesQuestion.ask(parent, doc.metadata.display_title, notes)
            if answer is None:
                return
            choice = answer
        try:
            Catalogue(db).remove(doc.id)
        except ReaderError as error:
            self._context.messages.say(str(error))
            return
        self._forget(doc, notes_too=choice is NotesChoice.DELETE)
        kept = " Its notes are kept, detached." if notes and choice is NotesChoice.KEEP else ""
        self._context.messages.say(
            self.tr("Removed “{title}” from the library.").format(title=doc.metadata.display_title)
            + kept
        )

    def _forget(self, doc: Document, notes_too: bool) -> None:
        reading = self._context.reading
        current = reading.current_document()
        self.library.discard(doc.id)
        self.model.remove_document(doc.id)
        if current is not None and current.id == doc.id:
            reading.close_document()
            reading.open_document(self.first_listed_id())
        self.document_removed.emit(doc.id, notes_too)
        self.library_changed.emit()
        self.refresh_note_counts()

    @Slot()
    def edit_requested(self) -> None:
        doc, db = self._editable(), self._context.user_data.database()
        if doc is None or db is None:
            return
        from reader.core.library.catalogue import Catalogue

        from reader.ui.library.document_dialogs import MetadataDialog

        metadata = MetadataDialog.ask(self._context.dialog_parent, doc.metadata)
        if metadata is None or metadata == doc.metadata:
            return
        catalogue = Catalogue(db)
        try:
            catalogue.update_metadata(doc.id, metadata)
        except ReaderError as error:
            self._context.messages.say(str(error))
            return
        changed = catalogue.document(doc.id)
        if changed is None:
            return
        self.library.put(changed)
        self.model.update_document(changed)
        self._context.reading.show_document(changed)
        self.document_changed.emit(changed)
        self.library_changed.emit()
        self._context.messages.say(
            self.tr("Saved the details of “{title}”.").format(title=changed.metadata.display_title)
        )

    # Counts --------------------------------------------------------------------------------
    @Slot()
    def refresh_note_counts(self) -> None:
        db = self._context.user_data.database()
        if db is not None and self.is_loaded:
            run_task(lambda: count_notes(db), self._on_note_counts_done, self._on_counts_failed,
                     context=self)  # fmt: skip

    def _on_note_counts_done(self, counts: dict[str, int]) -> None:
        self.model.set_counts(Column.NOTES, counts)

    def _on_counts_failed(self, error: BaseException) -> None:
        self._context.messages.failed(error, self.tr("counting notes", "what failed"))

    def set_recommendation_counts(self, recs: Iterable[Recommendation]) -> None:
        self.model.set_counts(Column.RECOMMENDATIONS, Counter(rec.doc_id for rec in recs))

    # The list ------------------------------------------------------------------------------
    def first_listed_id(self) -> str:
        doc = self.proxy.index(0, 0).data(DocumentRole)
        return doc.id if isinstance(doc, Document) else ""

    def select(self, doc_id: str) -> None:
        """Make the document's row current (the reader opened it from elsewhere)."""
        row = self.model.row_of(doc_id)
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid() and self.view.currentIndex().row() != index.row():
            self.view.setCurrentIndex(index)

    @Slot(QPoint)
    def context_menu_requested(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        if index.isValid():
            self.view.setCurrentIndex(index)
        self.update_actions()
        menu = QMenu(self.view)
        for act in (Act.IMPORT, None, Act.EDIT_METADATA, Act.REMOVE_DOCUMENT):
            if act is None:
                menu.addSeparator()
            else:
                menu.addAction(self._context.actions[act])
        menu.exec(self.view.viewport().mapToGlobal(position))
        menu.deleteLater()
