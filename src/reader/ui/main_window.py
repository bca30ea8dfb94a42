"""The main window: the layout of the library, the reading pane and the side panel, and the
one place where the features are wired to the actions and to each other."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QSplitter

from reader import APP_NAME
from reader.core.documents.document import Document
from reader.core.library.library import Library

from reader.ui import settings, theme
from reader.ui.actions import Act, create_actions, refresh_icons
from reader.ui.feature_context import FeatureContext
from reader.ui.library.controller import LibraryController
from reader.ui.library.model import Column, DocumentRole
from reader.ui.library.view import show_two_lines
from reader.ui.menus import build_menus
from reader.ui.messages import STAY, Messages
from reader.ui.panes import titled
from reader.ui.preferences.controller import PreferencesController
from reader.ui.reading.pane import ReadingPane, add_section
from reader.ui.search.index_service import IndexService
from reader.ui.side_panel import LazyPanel, SidePanel, Tab
from reader.ui.tasks import after_first_paint
from reader.ui.user_data import UserData

if TYPE_CHECKING:  # the features the first paint does not show load after it
    from reader.core.search.results import Hit

    from reader.ui.help.controller import HelpController
    from reader.ui.notes.controller import NotesController
    from reader.ui.reading.find_bar import FindBar
    from reader.ui.recommendations.controller import RecommendationsController
    from reader.ui.search.panel import SearchPanel
    from reader.ui.team.controller import TeamController


class MainWindow(QMainWindow):
    """Signals:
    completed(): every feature is built and wired (at once, or after the first paint when
        the window was made `staged`).
    """

    completed = Signal()

    def __init__(
        self,
        library: Library,
        user_settings: settings.Settings,
        index_service: IndexService | None = None,
        data_folder: Path | None = None,
        log_file: Path | None = None,
        *,
        staged: bool = False,
    ) -> None:
        """Without an index service the Search tab keeps its empty state; without a data
        folder nothing the user makes (imports, notes, choices) is kept. A `staged` window
        builds what its first paint shows (the library, the document, the menus) and the
        rest (recommendations, notes, help, team, search) just after that paint."""
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.setObjectName("main_window")
        self._library = library
        self._settings = user_settings
        self.actions_by_id = create_actions(self)
        self.messages = Messages(log_file, self)
        self.user_data = UserData(data_folder, self.messages, self)
        self.reading = ReadingPane(library, user_settings, self.messages, self)
        self.side_panel = SidePanel()
        self.index_service = index_service
        if index_service is not None:
            index_service.setParent(self)
        self._context = FeatureContext(
            library, self.reading, self.side_panel, self.actions_by_id, self.messages,
            self.user_data, dialog_parent=self, settings=user_settings,
        )  # fmt: skip
        self.library = LibraryController(self._context, index_service)
        self.preferences = PreferencesController(
            self, user_settings, self.actions_by_id, self.reading.view, self.set_theme
        )
        self._search_wanted = False
        self._is_complete = self._start_when_complete = False
        self._when_complete: list[Callable[[], object]] = []
        # Handles for tests and tools: each points into a feature, never the other way.
        self.reader = self.reading.view
        self.outline_model, self.outline_view = (
            self.reading.outline_model,
            self.reading.outline_view,
        )
        self.library_model, self.library_proxy = self.library.model, self.library.proxy
        self.library_view = self.library.view
        self.zoom_label = self.reading.zoom_label
        self.setAcceptDrops(True)  # files dropped on the window are imported
        self._build_layout()
        build_menus(self, self.actions_by_id)
        self._connect_window_actions()
        self._connect_views()
        self._restore_state()
        if staged:
            after_first_paint(self.reader.viewport(), self, self._build_features)
        else:
            self._build_features()

    def _build_features(self) -> None:
        """What the first paint does not show: each feature's controller, and the wiring."""
        from reader.ui.help.controller import HelpController
        from reader.ui.notes.controller import NotesController
        from reader.ui.recommendations.controller import RecommendationsController
        from reader.ui.team.controller import TeamController

        context = self._context
        self.recommendations: RecommendationsController
        self.notes: NotesController
        self.help: HelpController
        self.team: TeamController
        self.recommendations = RecommendationsController(context)
        self.notes = NotesController(context)
        self.help = HelpController(self, self.actions_by_id, self.search_for)
        self.team = TeamController(context)
        self.preferences.add_section(self.team.make_preferences_section)
        self._search = LazyPanel(self.side_panel, Tab.SEARCH, self._build_search_panel,
                                 lambda: self.index_service is not None,
                                 self._on_search_wanted)  # fmt: skip
        self.statusBar().insertPermanentWidget(0, self.team.status_label)
        # The tab restored before the panels listened: each builds when its tab shows.
        current = self.side_panel.currentIndex()
        if current != Tab.RECOMMENDATIONS:  # the first tab was current from the start
            self.side_panel.currentChanged.emit(current)
        self._connect_feature_actions()
        self._connect_features()
        marks = bool(self._settings.get(settings.MARK_RECOMMENDATIONS))
        self.actions_by_id[Act.MARK_RECOMMENDATIONS].setChecked(marks)  # now heard
        # The document the first paint showed was opened before these features listened.
        self.recommendations.refresh_marks()
        self.notes.refresh()
        self._is_complete = True
        if self._start_when_complete:
            self.library.start()
            self.recommendations.service.start()
        for call in self._when_complete:
            call()
        self._when_complete.clear()
        self.completed.emit()

    @Slot()
    def _keep_reading_width(self) -> None:
        """A panel may want the side panel wider than it is (the Recommendations tab's
        buttons, built a second after the first paint): the pixels come from the library,
        not the reading pane, whose text would reflow."""
        library, reading, side = self.splitter.sizes()  # as laid out before the panel came
        wider = self.side_panel.minimumSizeHint().width() - side
        if side and wider > 0 and library - wider >= self.left_splitter.minimumSizeHint().width():
            self.splitter.setSizes([library - wider, reading, side + wider])

    def is_complete(self) -> bool:
        return self._is_complete

    def when_complete(self, call: Callable[[], object]) -> None:
        """Call `call` once every feature is built: now, or when the window completes."""
        if self._is_complete:
            call()
        else:
            self._when_complete.append(call)

    # Layout and wiring -------------------------------------------------------------------
    def _build_layout(self) -> None:
        self.left_splitter = QSplitter(Qt.Orientation.Vertical)
        self.left_splitter.addWidget(titled(self.tr("Library"), self.library_view))
        self.left_splitter.addWidget(titled(self.tr("Contents"), self.outline_view))
        self.left_splitter.setSizes([560, 200])  # the library first; Contents folds away
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        for widget in (self.left_splitter, self.reading.centre, self.side_panel):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([400, 760, 300])
        self.side_panel.panel_set.connect(self._keep_reading_width)
        self.setCentralWidget(self.splitter)
        self.statusBar().addPermanentWidget(self.zoom_label)

    def _connect_window_actions(self) -> None:
        a, reading = self.actions_by_id, self.reading
        for act, slot in (
            (Act.QUIT, self.close),
            (Act.COPY, self.reader.copy),
            (Act.COPY_WITH_CITATION, reading.copy_with_citation),
            (Act.FIND, lambda: reading.find_bar.open_bar()),  # the bar is made on first use
            (Act.FIND_NEXT, lambda: reading.find_bar.find_next()),
            (Act.FIND_PREVIOUS, lambda: reading.find_bar.find_previous()),
            (Act.ZOOM_IN, lambda: reading.zoom_by(+1)),
            (Act.ZOOM_OUT, lambda: reading.zoom_by(-1)),
            (Act.ZOOM_RESET, lambda: reading.zoom_by(0)),
            (Act.THEME_SYSTEM, lambda: self.set_theme("system")),
            (Act.THEME_LIGHT, lambda: self.set_theme("light")),
            (Act.THEME_DARK, lambda: self.set_theme("dark")),
            (Act.FOCUS_LIBRARY, self.library_view.setFocus),
            (Act.FOCUS_OUTLINE, self.outline_view.setFocus),
            (Act.ABOUT, self._on_about_triggered),
        ):
            a[act].triggered.connect(slot)
        a[Act.REBUILD_INDEX].setEnabled(self.index_service is not None)
        if self.index_service is not None:
            a[Act.REBUILD_INDEX].triggered.connect(self.index_service.rebuild)
        self.library.connect_actions()
        self.preferences.connect_actions()

    def _connect_feature_actions(self) -> None:
        self.actions_by_id[Act.SEARCH].triggered.connect(self._on_search_action_triggered)
        self.recommendations.connect_actions()
        self.notes.connect_actions()
        self.help.connect_actions()

    def _connect_views(self) -> None:
        a = self.actions_by_id
        self.library_view.selectionModel().selectionChanged.connect(
            self._on_library_selection_changed
        )
        self.reader.copyAvailable.connect(a[Act.COPY_WITH_CITATION].setEnabled)
        self.reader.copyAvailable.connect(a[Act.COPY].setEnabled)
        self.reading.document_opened.connect(self._on_reading_document_opened)
        self.reading.context_menu_requested.connect(self._on_reading_context_menu_requested)
        self.messages.posted.connect(self._on_messages_posted)
        QGuiApplication.styleHints().colorSchemeChanged.connect(
            self._on_system_color_scheme_changed
        )

    def _connect_features(self) -> None:
        library, recs, notes, index = (
            self.library,
            self.recommendations,
            self.notes,
            self.index_service,
        )
        # The reader: what is drawn over the open document.
        self.reading.document_opened.connect(recs.refresh_marks)
        self.reading.document_opened.connect(notes.refresh)
        self.reading.context_menu_requested.connect(notes.add_context_actions)
        self.reading.context_menu_requested.connect(recs.add_context_actions)
        # The library changing: the recommendations, the notes and the index follow.
        library.documents_added.connect(recs.service.add_documents)
        library.document_changed.connect(lambda doc: recs.service.add_documents([doc]))
        library.document_removed.connect(lambda doc_id, _: recs.service.remove_document(doc_id))
        library.document_removed.connect(notes.forget_document)
        # The counts in the library's list.
        recs.service.loaded.connect(self._on_recommendations_changed)
        recs.service.changed.connect(self._on_recommendations_changed)
        notes.service.changed.connect(library.refresh_note_counts)
        notes.files.recommendations_source = recs.service.recommendations  # a memo's topics
        # What a team sync brings: listed and indexed as an import is, notes drawn again.
        self.team.documents_received.connect(library.add_documents)
        self.team.notes_received.connect(notes.refresh)
        self.team.notes_received.connect(library.refresh_note_counts)
        if index is not None:
            index.message_posted.connect(self.messages.say)
            library.loaded.connect(self._on_library_loaded)
            library.documents_added.connect(lambda _: index.set_documents(list(self._library)))
            library.library_changed.connect(lambda: index.refresh(list(self._library)))

    def _build_search_panel(self) -> SearchPanel:
        from reader.ui.search.archive import ArchiveChoice
        from reader.ui.search.panel import SearchPanel

        assert self.index_service is not None
        where = ArchiveChoice(self.team, self._library, self._settings, self)
        panel = SearchPanel(list(self._library), self.index_service, where)
        panel.passage_requested.connect(self.reading.show_hit)
        panel.query_changed.connect(self.notes.search)
        panel.query_changed.connect(self.reading.forget_search)
        panel.add_section(self.notes.make_search_matches())
        return panel

    def _on_search_wanted(self) -> None:
        """The index opens with the first search (the Search tab shown, a search asked
        for), not at start: Whoosh and the index take about 30 MB that most sessions of
        reading never need. It waits for the catalogue, so that its first sync sees every
        imported document."""
        self._search_wanted = True
        if self.index_service is not None and self.library.is_loaded:
            self.index_service.start()

    @Slot()
    def _on_library_loaded(self) -> None:
        if self._search_wanted and self.index_service is not None:
            self.index_service.start()

    # State -------------------------------------------------------------------------------
    def start_after_first_paint(self) -> None:
        """The user's database, the catalogue and the recommendations: all once the window
        has painted (the index follows with the first search); a staged window, which is
        completed just after its first paint, starts them then."""
        if not self._is_complete:
            self._start_when_complete = True
            return
        self.library.start_after_first_paint()
        self.recommendations.start_after_first_paint()

    def _restore_state(self) -> None:
        s = self._settings
        if not self.restoreGeometry(s.get(settings.GEOMETRY)):
            self.resize(1360, 840)
        self.restoreState(s.get(settings.WINDOW_STATE))
        self.splitter.restoreState(s.get(settings.SPLITTER))
        self.left_splitter.restoreState(s.get(settings.LEFT_SPLITTER))
        header = self.library_view.header()
        if not header.restoreState(s.get(settings.LIBRARY_HEADER)):
            self.library_view.sortByColumn(Column.DATE, Qt.SortOrder.DescendingOrder)
        show_two_lines(self.library_view)
        self.side_panel.setCurrentIndex(s.get(settings.SIDE_TAB))
        self.preferences.apply_at_start()
        self.reading.restore()
        self.actions_by_id[Act.COPY_WITH_CITATION].setEnabled(False)
        self.actions_by_id[Act.COPY].setEnabled(False)
        self._check_theme_action(s.get(settings.THEME))
        last = s.get(settings.LAST_DOCUMENT)
        self.open_document(last if last in self._library.ids() else self.library.first_listed_id())

    def save_state(self) -> None:
        s = self._settings
        self.reading.save()
        s.set(settings.GEOMETRY, bytes(self.saveGeometry().data()))
        s.set(settings.WINDOW_STATE, bytes(self.saveState().data()))
        s.set(settings.SPLITTER, bytes(self.splitter.saveState().data()))
        s.set(settings.LEFT_SPLITTER, bytes(self.left_splitter.saveState().data()))
        s.set(settings.LIBRARY_HEADER, bytes(self.library_view.header().saveState().data()))
        s.set(settings.SIDE_TAB, self.side_panel.currentIndex())
        marks = int(self.actions_by_id[Act.MARK_RECOMMENDATIONS].isChecked())
        s.set(settings.MARK_RECOMMENDATIONS, marks)
        if not s.sync():
            self.messages.say(
                self.tr("Settings could not be saved: the config folder is not writable."), STAY
            )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        self.library.cancel_import()  # what it stored stays; the index waits for no more
        if self.index_service is not None:
            self.index_service.shutdown()
        self.user_data.close()
        super().closeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        self.library.imports.drag_entered(event)

    def dropEvent(self, event: QDropEvent) -> None:
        self.library.imports.dropped(event)

    # What tests and tools reach through the window -----------------------------------------
    def current_document(self) -> Document | None:
        return self.reading.current_document()

    def open_document(self, doc_id: str) -> None:
        self.reading.open_document(doc_id)

    def jump_to(self, offset: int) -> None:
        self.reading.jump_to(offset)

    def show_hit(self, hit: Hit) -> None:
        self.reading.show_hit(hit)

    def copy_with_citation(self) -> None:
        self.reading.copy_with_citation()

    @property
    def find_bar(self) -> FindBar:
        return self.reading.find_bar

    @property
    def search_panel(self) -> SearchPanel | None:
        return self._search.panel

    def ensure_search_panel(self) -> SearchPanel | None:
        """The Search tab, built the first time it is wanted (None without an index service).

        Its imports and widgets (~10 ms) are not needed for the window's first paint.
        """
        return self._search.ensure()

    def set_theme(self, choice: str) -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        theme.apply(app, choice)
        refresh_icons(self.actions_by_id)
        self._settings.set(settings.THEME, choice)
        self._check_theme_action(choice)

    def _check_theme_action(self, choice: str) -> None:
        act = {"light": Act.THEME_LIGHT, "dark": Act.THEME_DARK}.get(choice, Act.THEME_SYSTEM)
        self.actions_by_id[act].setChecked(True)

    # Slots -------------------------------------------------------------------------------
    @Slot(QItemSelection, QItemSelection)
    def _on_library_selection_changed(
        self, selected: QItemSelection, _deselected: QItemSelection
    ) -> None:
        indexes = selected.indexes()
        doc = indexes[0].data(DocumentRole) if indexes else None
        if isinstance(doc, Document):
            self.open_document(doc.id)

    @Slot(str)
    def _on_reading_document_opened(self, doc_id: str) -> None:
        self.library.select(doc_id)
        doc = self._library.get(doc_id)
        self.setWindowTitle(f"{doc.metadata.display_title} — {APP_NAME}")

    @Slot(object, QPoint)
    def _on_reading_context_menu_requested(self, menu: QMenu, _position: QPoint) -> None:
        add_section(menu)
        menu.addAction(self.actions_by_id[Act.COPY_WITH_CITATION])
        menu.addAction(self.actions_by_id[Act.FIND])

    @Slot(str, int)
    def _on_messages_posted(self, sentence: str, timeout_ms: int) -> None:
        self.statusBar().showMessage(sentence, timeout_ms)

    @Slot()
    def _on_recommendations_changed(self) -> None:
        self.library.set_recommendation_counts(self.recommendations.service.recommendations())

    @Slot()
    def _on_about_triggered(self) -> None:
        from reader.ui.about import show_about  # QMessageBox is not needed to start

        show_about(self)

    @Slot()
    def _on_search_action_triggered(self) -> None:
        self.side_panel.setCurrentIndex(Tab.SEARCH)
        panel = self.ensure_search_panel()
        if panel is not None:
            panel.focus_box()

    @Slot(str)
    def search_for(self, query: str) -> None:
        """Search every document for `query` in the Search tab (an example from Help)."""
        self.side_panel.setCurrentIndex(Tab.SEARCH)
        panel = self.ensure_search_panel()
        if panel is not None:
            panel.box.setText(query)
            panel.search_now()

    @Slot(Qt.ColorScheme)
    def _on_system_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._settings.get(settings.THEME) == "system":
            self.set_theme("system")
