"""The reading pane: the open document, its contents tree, the find bar and the zoom label,
with reading positions kept. Features reach the reader through it, never through the window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QModelIndex, QObject, QPoint, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QTreeView, QVBoxLayout, QWidget

from reader.core.documents.citation import cite
from reader.core.documents.document import Document
from reader.core.library.library import Library

from reader.ui import settings
from reader.ui.messages import Messages
from reader.ui.plurals import plurals
from reader.ui.reading.outline_model import OutlineModel, SectionRole
from reader.ui.reading.view import RECOMMENDATION, ReaderView

if TYPE_CHECKING:  # loads with the Search tab, after the first paint
    from reader.core.search.results import Hit

    from reader.ui.reading.find_bar import FindBar  # made on first use

STATUS_TIMEOUT_MS = 4000
SEARCH_HIGHLIGHT = "search"
OPENED_KINDS = (SEARCH_HIGHLIGHT, RECOMMENDATION)  # what is marked for having been opened
POSITION_SAVE_DELAY_MS = 1500


class ReadingPane(QObject):
    """Signals:
    document_opened(str): a document (by id) is now shown in the reader.
    context_menu_requested(object, QPoint): the reader's menu is being built; add to it.
    """

    document_opened = Signal(str)
    context_menu_requested = Signal(object, QPoint)

    def __init__(
        self,
        library: Library,
        user_settings: settings.Settings,
        messages: Messages,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library, self._settings, self._messages = library, user_settings, messages
        self.view = ReaderView()
        self._find_bar: FindBar | None = None
        self.outline_model = OutlineModel(self)
        self.outline_view = outline_view(self.outline_model)
        self.zoom_label = QLabel()
        # Reading positions are written shortly after scrolling stops, so a crash loses little.
        self._position_timer = QTimer(self, singleShot=True, interval=POSITION_SAVE_DELAY_MS)
        self.centre = QWidget()
        column = QVBoxLayout(self.centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.view, 1)
        self._column = column
        self._connect_signals()

    @property
    def find_bar(self) -> FindBar:
        """Built on first use (Ctrl+F): hidden at start, it need not delay the first paint."""
        if self._find_bar is None:
            from reader.ui.reading.find_bar import FindBar

            self._find_bar = FindBar(self.view)
            self._column.addWidget(self._find_bar)
        return self._find_bar

    def _connect_signals(self) -> None:
        self.outline_view.clicked.connect(self._on_outline_activated)
        self.outline_view.activated.connect(self._on_outline_activated)
        self.view.zoom_changed.connect(self._on_view_zoom_changed)
        self.view.top_offset_changed.connect(self._on_view_top_offset_changed)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
        self._position_timer.timeout.connect(self._on_position_timer_timeout)

    # Documents ---------------------------------------------------------------------------
    def current_document(self) -> Document | None:
        return self.view.current_document()

    def open_document(self, doc_id: str) -> None:
        if not doc_id:
            return
        current = self.current_document()
        if current is not None and current.id == doc_id:
            return
        self.save_position()
        doc = self._library.get(doc_id)
        self.view.set_document(doc, self._settings.reading_position(doc_id))
        self.outline_model.set_document(doc)
        self.outline_view.expandAll()
        self._settings.set(settings.LAST_DOCUMENT, doc_id)
        if self._find_bar is not None and self._find_bar.isVisible():
            self._find_bar.refresh()
        self._sync_outline(self.view.top_offset())
        words = len(doc.text.split())
        self._messages.say(
            f"{doc.metadata.display_title}: {plurals().sentences(len(doc.sentences))}, "
            f"{plurals().words(words)}",
            0,
        )
        self.document_opened.emit(doc_id)

    def show_document(self, doc: Document) -> None:
        """Show `doc` again after it changed (its details edited), at the same place."""
        current = self.current_document()
        if current is not None and current.id == doc.id:
            self.view.set_document(doc, self.view.top_offset())

    def close_document(self) -> None:
        self.view.set_document(None)

    def jump_to(self, offset: int) -> None:
        self.view.scroll_to_offset(offset, at_top=True)

    def show_range(self, kind: str, start: int, end: int) -> None:
        """Mark [start, end) as `kind` and bring it into view, its end and then its start."""
        self._replace_opened(kind)
        self.view.set_highlights(kind, [(start, end)], current=0)
        self.view.reveal(start, end)

    def show_hit(self, hit: Hit) -> None:
        """Open a search hit's document, mark its matched words, bring the passage into view."""
        self.open_document(hit.doc_id)
        ranges = list(hit.matches) or [(hit.start, hit.end)]
        self._replace_opened(SEARCH_HIGHLIGHT)
        self.view.set_highlights(SEARCH_HIGHLIGHT, ranges, current=0)
        self.view.reveal(hit.start, hit.end)

    @Slot(str)
    def forget_search(self, _query: str = "") -> None:
        """A new search: the marks of the hit opened from the last one go."""
        self.view.set_highlights(SEARCH_HIGHLIGHT, [])

    def _replace_opened(self, kind: str) -> None:
        """One passage opened at a time: a hit's marks or a recommendation's, not both."""
        for other in OPENED_KINDS:
            if other != kind:
                self.view.set_highlights(other, [])

    def offset_at_cursor(self) -> int:
        """The canonical offset of the selection's start, or of the caret."""
        selected = self.view.selection_range()
        return (
            selected[0] if selected else self.view.to_canonical(self.view.textCursor().position())
        )

    @Slot()
    def copy_with_citation(self) -> None:
        doc, selected = self.current_document(), self.view.selection_range()
        if doc is None or selected is None:
            self._messages.say(
                self.tr("Select a passage to copy it with its citation."), STATUS_TIMEOUT_MS
            )
            return
        QApplication.clipboard().setText(cite(doc, *selected))
        self._messages.say(self.tr("Copied the passage with its citation."), STATUS_TIMEOUT_MS)

    def zoom_by(self, steps: int) -> None:
        self.view.set_zoom(self.view.zoom() + steps if steps else 0)

    # State -------------------------------------------------------------------------------
    def restore(self) -> None:
        self.view.set_zoom(self._settings.get(settings.ZOOM))
        self._on_view_zoom_changed(self.view.zoom())

    def save(self) -> None:
        self._position_timer.stop()
        self.save_position()
        self._settings.set(settings.ZOOM, self.view.zoom())

    def save_position(self) -> None:
        doc = self.current_document()
        if doc is not None:
            self._settings.set_reading_position(doc.id, self.view.top_offset())

    def _sync_outline(self, offset: int) -> None:
        index = self.outline_model.index_for_offset(offset)
        if index.isValid():
            selection = self.outline_view.selectionModel()
            selection.setCurrentIndex(index, selection.SelectionFlag.ClearAndSelect)

    # Slots -------------------------------------------------------------------------------
    @Slot(QModelIndex)
    def _on_outline_activated(self, index: QModelIndex) -> None:
        section = index.data(SectionRole)
        if section is not None:
            self.jump_to(section.start)

    @Slot(int)
    def _on_view_zoom_changed(self, _step: int) -> None:
        percent = round(self.view.point_size() / self.view.typography().size * 100)
        self.zoom_label.setText(
            self.tr("Zoom {percent}%").format(percent=QLocale().toString(percent))
        )

    @Slot(int)
    def _on_view_top_offset_changed(self, offset: int) -> None:
        self._sync_outline(offset)
        self._position_timer.start()

    @Slot()
    def _on_position_timer_timeout(self) -> None:
        self.save_position()
        self._settings.sync()

    @Slot(QPoint)
    def _on_view_context_menu_requested(self, position: QPoint) -> None:
        menu = self.view.createStandardContextMenu(position)
        self.context_menu_requested.emit(menu, position)
        menu.exec(self.view.viewport().mapToGlobal(position))
        menu.deleteLater()


def outline_view(model: OutlineModel) -> QTreeView:
    view = QTreeView()
    view.setObjectName("outline_view")
    view.setModel(model)
    view.setHeaderHidden(True)
    view.setUniformRowHeights(True)
    view.setExpandsOnDoubleClick(False)
    return view


def add_section(menu: QMenu) -> None:
    """A separator before a feature's part of the reader's menu (none at the very top)."""
    if menu.actions() and not menu.actions()[-1].isSeparator():
        menu.addSeparator()
