"""The main window: layout and wiring of the library, outline, reader, find bar and side panel."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QItemSelection,
    QModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader import APP_NAME
from reader.core.documents.citation import cite
from reader.core.documents.document import Document
from reader.core.library.library import Library

from reader.ui import settings as S
from reader.ui import theme
from reader.ui.about import show_about
from reader.ui.actions import Act, create_actions
from reader.ui.library.controller import LibraryEditor
from reader.ui.library.model import Column, DocumentRole, LibraryModel, make_sorted
from reader.ui.menus import build_menus
from reader.ui.notes.controller import NotesTab
from reader.ui.panes import library_view, outline_view, titled
from reader.ui.reading.find_bar import FindBar
from reader.ui.reading.outline_model import OutlineModel, SectionRole
from reader.ui.reading.view import ReaderView
from reader.ui.recommendations.controller import RecommendationsTab
from reader.ui.search.index_service import IndexService
from reader.ui.side_panel import SidePanel, Tab

if TYPE_CHECKING:  # both load with the Search tab, after the first paint
    from reader.core.search.results import Hit

    from reader.ui.search.panel import SearchPanel

STATUS_TIMEOUT_MS = 4000
INDEX_STATUS_TIMEOUT_MS = 10000  # long enough to read why the index was rebuilt
SEARCH_HIGHLIGHT = "search"
POSITION_SAVE_DELAY_MS = 1500


class MainWindow(QMainWindow):
    """Signals:
    document_opened(str): a document (by id) is now shown in the reader.
    """

    document_opened = Signal(str)

    def __init__(
        self,
        library: Library,
        settings: S.Settings,
        index_service: IndexService | None = None,
        data_folder: Path | None = None,
    ) -> None:
        """Without an index service the Search tab keeps its empty state; without a data
        folder the user's choices about recommendations are not kept."""
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.setObjectName("main_window")
        self._library = library
        self._settings = settings
        self.actions_by_id = create_actions(self)
        self.library_model = LibraryModel(list(library), self)
        self.library_proxy = make_sorted(self.library_model, self)
        self.library_view = library_view(self.library_proxy)
        self.outline_model = OutlineModel(self)
        self.outline_view = outline_view(self.outline_model)
        self.reader = ReaderView()
        self.find_bar = FindBar(self.reader)
        self.side_panel = SidePanel()
        self.index_service = index_service
        self.search_panel: SearchPanel | None = None  # built when first wanted: search_tab()
        if index_service is not None:
            index_service.setParent(self)
        self.recommendations = RecommendationsTab(self, library, data_folder)
        self.notes = NotesTab(self, library)
        self.library_editor = LibraryEditor(self, library, data_folder)
        self.setAcceptDrops(True)  # files dropped on the window are imported
        self.zoom_label = QLabel()
        # Reading positions are written shortly after scrolling stops, so a crash loses little.
        self._position_timer = QTimer(self, singleShot=True, interval=POSITION_SAVE_DELAY_MS)
        self._build_layout()
        build_menus(self, self.actions_by_id)
        self._connect_signals()
        self._restore_state()

    # Layout ------------------------------------------------------------------------------
    def _build_layout(self) -> None:
        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.addWidget(titled("Library", self.library_view))
        self.left_splitter.addWidget(titled("Contents", self.outline_view))
        self.left_splitter.setSizes([170, 530])
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.reader, 1)
        column.addWidget(self.find_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        for widget in (self.left_splitter, centre, self.side_panel):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([400, 760, 300])
        self.setCentralWidget(self.splitter)
        self.statusBar().addPermanentWidget(self.zoom_label)

    def _connect_signals(self) -> None:
        a = self.actions_by_id
        a[Act.QUIT].triggered.connect(self.close)
        a[Act.COPY].triggered.connect(self.reader.copy)
        a[Act.COPY_WITH_CITATION].triggered.connect(self.copy_with_citation)
        a[Act.FIND].triggered.connect(self.find_bar.open_bar)
        a[Act.FIND_NEXT].triggered.connect(self.find_bar.find_next)
        a[Act.FIND_PREVIOUS].triggered.connect(self.find_bar.find_previous)
        a[Act.ZOOM_IN].triggered.connect(lambda: self.reader.set_zoom(self.reader.zoom() + 1))
        a[Act.ZOOM_OUT].triggered.connect(lambda: self.reader.set_zoom(self.reader.zoom() - 1))
        a[Act.ZOOM_RESET].triggered.connect(lambda: self.reader.set_zoom(0))
        a[Act.THEME_SYSTEM].triggered.connect(lambda: self.set_theme("system"))
        a[Act.THEME_LIGHT].triggered.connect(lambda: self.set_theme("light"))
        a[Act.THEME_DARK].triggered.connect(lambda: self.set_theme("dark"))
        a[Act.FOCUS_LIBRARY].triggered.connect(self.library_view.setFocus)
        a[Act.FOCUS_OUTLINE].triggered.connect(self.outline_view.setFocus)
        a[Act.ABOUT].triggered.connect(lambda: show_about(self))
        a[Act.SEARCH].triggered.connect(self._on_search_action_triggered)
        self.library_view.selectionModel().selectionChanged.connect(
            self._on_library_selection_changed
        )
        self.outline_view.clicked.connect(self._on_outline_activated)
        self.outline_view.activated.connect(self._on_outline_activated)
        self.reader.zoom_changed.connect(self._on_reader_zoom_changed)
        self.reader.top_offset_changed.connect(self._on_reader_top_offset_changed)
        self._position_timer.timeout.connect(self._on_position_timer_timeout)
        self.reader.customContextMenuRequested.connect(self._on_reader_context_menu_requested)
        self.reader.copyAvailable.connect(a[Act.COPY_WITH_CITATION].setEnabled)
        self.reader.copyAvailable.connect(a[Act.COPY].setEnabled)
        QGuiApplication.styleHints().colorSchemeChanged.connect(
            self._on_system_color_scheme_changed
        )
        a[Act.REBUILD_INDEX].setEnabled(self.index_service is not None)
        self.side_panel.currentChanged.connect(self._on_side_panel_current_changed)
        r = self.recommendations
        a[Act.EXPORT_RECOMMENDATIONS].triggered.connect(r.export_all)
        a[Act.MARK_RECOMMENDATIONS].toggled.connect(r.set_marks_shown)
        a[Act.COMPARE_TOPIC].triggered.connect(r.open_compare)
        a[Act.COVERAGE_MATRIX].triggered.connect(r.open_coverage)
        a[Act.MARK_AS_RECOMMENDATION].triggered.connect(r.mark_sentence)
        a[Act.CHANGE_TOPICS].triggered.connect(r.change_topics)
        a[Act.DISMISS_RECOMMENDATION].triggered.connect(r.dismiss_sentence)
        self.document_opened.connect(r.refresh_marks)
        self.library_editor.connect_actions(a)
        self.notes.connect_actions(a)
        self.document_opened.connect(self.notes.refresh)
        if self.index_service is not None:
            a[Act.REBUILD_INDEX].triggered.connect(self.index_service.rebuild)
            self.index_service.message_posted.connect(self._on_index_service_message_posted)

    # State -------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        s = self._settings
        if not self.restoreGeometry(s.get(S.GEOMETRY)):
            self.resize(1360, 840)
        self.restoreState(s.get(S.WINDOW_STATE))
        self.splitter.restoreState(s.get(S.SPLITTER))
        self.left_splitter.restoreState(s.get(S.LEFT_SPLITTER))
        header = self.library_view.header()
        if not header.restoreState(s.get(S.LIBRARY_HEADER)):
            self.library_view.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
        self.side_panel.setCurrentIndex(s.get(S.SIDE_TAB))
        self.actions_by_id[Act.MARK_RECOMMENDATIONS].setChecked(bool(s.get(S.MARK_RECOMMENDATIONS)))
        self.reader.set_zoom(s.get(S.ZOOM))
        self._on_reader_zoom_changed(self.reader.zoom())
        self.actions_by_id[Act.COPY_WITH_CITATION].setEnabled(False)
        self.actions_by_id[Act.COPY].setEnabled(False)
        self._check_theme_action(s.get(S.THEME))
        last = s.get(S.LAST_DOCUMENT)
        self.open_document(last if last in self._library.ids() else self._first_listed_id())

    def save_state(self) -> None:
        s = self._settings
        self._save_reading_position()
        s.set(S.GEOMETRY, bytes(self.saveGeometry().data()))
        s.set(S.WINDOW_STATE, bytes(self.saveState().data()))
        s.set(S.SPLITTER, bytes(self.splitter.saveState().data()))
        s.set(S.LEFT_SPLITTER, bytes(self.left_splitter.saveState().data()))
        s.set(S.LIBRARY_HEADER, bytes(self.library_view.header().saveState().data()))
        s.set(S.SIDE_TAB, self.side_panel.currentIndex())
        s.set(S.ZOOM, self.reader.zoom())
        s.set(S.MARK_RECOMMENDATIONS, int(self.actions_by_id[Act.MARK_RECOMMENDATIONS].isChecked()))
        if not s.sync():
            self.statusBar().showMessage(
                "Settings could not be saved: the config folder is not writable."
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        self._position_timer.stop()
        self.save_state()
        if self.index_service is not None:
            self.index_service.shutdown()
        self.recommendations.close()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.library_editor.imports.drag_entered(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.library_editor.imports.dropped(event)

    # Documents ---------------------------------------------------------------------------
    def current_document(self) -> Document | None:
        return self.reader.current_document()

    def open_document(self, doc_id: str) -> None:
        if not doc_id:
            return
        current = self.current_document()
        if current is not None and current.id == doc_id:
            return
        self._save_reading_position()
        doc = self._library.get(doc_id)
        self.reader.set_document(doc, self._settings.reading_position(doc_id))
        self.outline_model.set_document(doc)
        self.outline_view.expandAll()
        self._select_in_library(doc_id)
        self.setWindowTitle(f"{doc.metadata.display_title} — {APP_NAME}")
        self._settings.set(S.LAST_DOCUMENT, doc_id)
        if self.find_bar.isVisible():
            self.find_bar.refresh()
        self._sync_outline(self.reader.top_offset())
        words = len(doc.text.split())
        self.statusBar().showMessage(
            f"{doc.metadata.display_title}: {len(doc.sentences)} sentences, {words:,} words"
        )
        self.document_opened.emit(doc_id)

    def jump_to(self, offset: int) -> None:
        self.reader.scroll_to_offset(offset, at_top=True)

    def search_tab(self) -> SearchPanel | None:
        """The Search tab, built the first time it is wanted (None without an index service).

        Its imports and widgets (~10 ms) are not needed for the window's first paint.
        """
        if self.search_panel is None and self.index_service is not None:
            from reader.ui.search.panel import SearchPanel

            panel = SearchPanel(list(self._library), self.index_service)
            panel.passage_requested.connect(self._on_search_panel_passage_requested)
            self.search_panel = panel
            self.notes.attach_search(panel)
            self.side_panel.set_panel(Tab.SEARCH, panel)
        return self.search_panel

    def show_hit(self, hit: Hit) -> None:
        """Open a search hit's document, mark its matched words, bring the passage into view."""
        self.open_document(hit.doc_id)
        ranges = list(hit.matches) or [(hit.start, hit.end)]
        self.reader.set_highlights(SEARCH_HIGHLIGHT, ranges, current=0)
        self.reader.scroll_to_offset(hit.start)  # the passage's start, centred unless in view
        self.reader.scroll_to_offset(ranges[0][0])  # and its first match, if that was not

    @Slot()
    def copy_with_citation(self) -> None:
        doc, selected = self.current_document(), self.reader.selection_range()
        if doc is None or selected is None:
            self.statusBar().showMessage(
                "Select a passage to copy it with its citation.", STATUS_TIMEOUT_MS
            )
            return
        QApplication.clipboard().setText(cite(doc, *selected))
        self.statusBar().showMessage("Copied the passage with its citation.", STATUS_TIMEOUT_MS)

    def set_theme(self, choice: str) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        theme.apply(app, choice)
        self._settings.set(S.THEME, choice)
        self._check_theme_action(choice)

    def _check_theme_action(self, choice: str) -> None:
        act = {"light": Act.THEME_LIGHT, "dark": Act.THEME_DARK}.get(choice, Act.THEME_SYSTEM)
        self.actions_by_id[act].setChecked(True)

    def _save_reading_position(self) -> None:
        doc = self.current_document()
        if doc is not None:
            self._settings.set_reading_position(doc.id, self.reader.top_offset())

    def _first_listed_id(self) -> str:
        index = self.library_proxy.index(0, 0)
        doc = index.data(DocumentRole)
        return doc.id if isinstance(doc, Document) else ""

    def _select_in_library(self, doc_id: str) -> None:
        row = self.library_model.row_of(doc_id)
        index = self.library_proxy.mapFromSource(self.library_model.index(row, 0))
        if index.isValid() and self.library_view.currentIndex().row() != index.row():
            self.library_view.setCurrentIndex(index)

    def _sync_outline(self, offset: int) -> None:
        index = self.outline_model.index_for_offset(offset)
        if index.isValid():
            selection = self.outline_view.selectionModel()
            selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect)

    # Slots -------------------------------------------------------------------------------
    @Slot(QItemSelection, QItemSelection)
    def _on_library_selection_changed(
        self, selected: QItemSelection, _deselected: QItemSelection
    ) -> None:
        indexes = selected.indexes()
        doc = indexes[0].data(DocumentRole) if indexes else None
        if isinstance(doc, Document):
            self.open_document(doc.id)

    @Slot(QModelIndex)
    def _on_outline_activated(self, index: QModelIndex) -> None:
        section = index.data(SectionRole)
        if section is not None:
            self.jump_to(section.start)

    @Slot(int)
    def _on_reader_zoom_changed(self, _step: int) -> None:
        percent = round(self.reader.point_size() / 12.0 * 100)
        self.zoom_label.setText(f"Zoom {percent}%")

    @Slot(int)
    def _on_reader_top_offset_changed(self, offset: int) -> None:
        self._sync_outline(offset)
        self._position_timer.start()

    @Slot()
    def _on_position_timer_timeout(self) -> None:
        self._save_reading_position()
        self._settings.sync()

    @Slot(QPoint)
    def _on_reader_context_menu_requested(self, position: QPoint) -> None:
        menu = self.reader.createStandardContextMenu(position)
        menu.addSeparator()
        menu.addAction(self.actions_by_id[Act.COPY_WITH_CITATION])
        menu.addAction(self.actions_by_id[Act.FIND])
        menu.addSeparator()
        self.notes.add_context_actions(menu, position)
        menu.addSeparator()
        self.recommendations.add_context_actions(menu, position)
        menu.exec(self.reader.viewport().mapToGlobal(position))
        menu.deleteLater()

    @Slot()
    def _on_search_action_triggered(self) -> None:
        self.side_panel.setCurrentIndex(Tab.SEARCH)
        panel = self.search_tab()
        if panel is not None:
            panel.focus_box()

    @Slot(int)
    def _on_side_panel_current_changed(self, index: int) -> None:
        if index == Tab.SEARCH:
            self.search_tab()
        elif index == Tab.RECOMMENDATIONS:
            self.recommendations.ensure_panel()
        elif index == Tab.NOTES:
            self.notes.ensure_panel()

    @Slot(object)
    def _on_search_panel_passage_requested(self, hit: Hit) -> None:
        self.show_hit(hit)

    @Slot(str)
    def _on_index_service_message_posted(self, sentence: str) -> None:
        self.statusBar().showMessage(sentence, INDEX_STATUS_TIMEOUT_MS)

    @Slot(Qt.ColorScheme)
    def _on_system_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._settings.get(S.THEME) == "system":
            self.set_theme("system")
