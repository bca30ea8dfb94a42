"""The Notes tab: the notes of this document or of all, filtered by colour, tag and text;
a double-click (or Enter) reads one in context; detached ones can be re-attached."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPoint,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.notes.anchoring import Placement
from reader.core.notes.note import Note

from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.notes.delegate import NoteDelegate
from reader.ui.notes.dialogs import color_combo
from reader.ui.notes.model import NoteRole, NotesFilter, NotesModel, PlacementRole
from reader.ui.two_line_item import item_list_view

ALL_COLORS = QT_TRANSLATE_NOOP("NotesPanel", "All colours")
ALL_TAGS = QT_TRANSLATE_NOOP("NotesPanel", "All tags")


class NotesPanel(QWidget):
    """Signals:
    note_requested(object): the user chose a Note to read in context.
    reattach_requested(object): the user wants a detached Placement put on its candidate.
    scope_changed(bool): the user asked for the notes of all documents (True) or this one.
    export_requested(): the user wants the notes shown exported.
    menu_requested(object, QPoint): the user right-clicked a Note; where (global).
    delete_requested(object): the user pressed Delete on a Note.
    memo_requested(): the user wants a memo made from notes.
    """

    note_requested = Signal(object)
    reattach_requested = Signal(object)
    scope_changed = Signal(bool)
    export_requested = Signal()
    menu_requested = Signal(object, QPoint)
    delete_requested = Signal(object)
    memo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notes_panel")
        self.model = NotesModel(self)
        self.proxy = NotesFilter(self)
        self.proxy.setSourceModel(self.model)
        self.all_documents = QCheckBox(self.tr("All documents"))
        self.all_documents.setObjectName("notes_all_documents")
        self.all_documents.setToolTip(
            self.tr("Show the notes of every document, not only this one")
        )
        self.color_filter = color_combo(first=self.tr(ALL_COLORS))
        self.color_filter.setCurrentIndex(0)
        self.color_filter.setObjectName("notes_color_filter")
        self.color_filter.setAccessibleName(self.tr("Colour"))
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("notes_tag_filter")
        self.tag_filter.setAccessibleName(self.tr("Tag"))
        self.tag_filter.addItem(self.tr(ALL_TAGS), None)
        self.text_filter = QLineEdit(
            placeholderText=self.tr("Filter by words…"), clearButtonEnabled=True
        )
        self.text_filter.setObjectName("notes_text_filter")
        self.text_filter.setAccessibleName(self.tr("Filter notes by words"))
        self.status = QLabel(wordWrap=True)
        self.status.setObjectName("notes_status")
        self.view = notes_list_view(self.proxy)
        self.delegate = NoteDelegate(self.view, self)
        self.view.setItemDelegate(self.delegate)
        self.reattach_button = QPushButton(self.tr("Re-attach Here"))
        self.reattach_button.setToolTip(
            self.tr("Put the detached note on the best matching passage")
        )
        self.export_button = QPushButton(self.tr("Export Shown…"))
        self.export_button.setToolTip(self.tr("Export the notes listed here"))
        self.memo_button = QPushButton(self.tr("Memo…"))
        self.memo_button.setObjectName("notes_memo_button")
        self.memo_button.setToolTip(self.tr("Build a memo of quotes with citations from the notes"))
        self._build_layout()
        self._connect_signals()
        self._update_status()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 6)
        layout.setSpacing(6)
        combos = QHBoxLayout()
        combos.addWidget(self.color_filter, 1)
        combos.addWidget(self.tag_filter, 1)
        layout.addWidget(self.all_documents)
        layout.addLayout(combos)
        layout.addWidget(self.text_filter)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reattach_button)
        buttons.addStretch(1)
        buttons.addWidget(self.memo_button)
        buttons.addWidget(self.export_button)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self.all_documents.toggled.connect(self.scope_changed)
        self.color_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.tag_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.text_filter.textChanged.connect(self._on_filter_changed)
        self.view.doubleClicked.connect(self._on_view_activated)
        self.view.activated.connect(self._on_view_activated)
        self.view.selectionModel().currentChanged.connect(self._on_view_current_changed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_view_custom_context_menu_requested)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self._on_delete_activated)
        self.reattach_button.clicked.connect(self._on_reattach_button_clicked)
        self.export_button.clicked.connect(self.export_requested)
        self.memo_button.clicked.connect(self.memo_requested)

    @Slot(QPoint)
    def _on_view_custom_context_menu_requested(self, position: QPoint) -> None:
        index = self.view.indexAt(position)
        note = index.data(NoteRole) if index.isValid() else None
        if note is not None:
            self.view.setCurrentIndex(index)
            self.menu_requested.emit(note, self.view.viewport().mapToGlobal(position))

    @Slot()
    def _on_delete_activated(self) -> None:
        note = self.current_note()
        if note is not None:
            self.delete_requested.emit(note)

    # Public ------------------------------------------------------------------------------
    def set_placements(
        self, placements: Sequence[Placement], titles: Mapping[str, str], tags: Sequence[str]
    ) -> None:
        """Show these notes; the tag filter offers `tags` (keeping the chosen one if it can)."""
        current = self.current_note()
        self.delegate.forget()
        self.model.set_placements(placements, titles)
        self._set_tags(tags)
        if current is not None:
            row = self.model.row_of(current.id)
            if row >= 0:
                self.view.setCurrentIndex(self.proxy.mapFromSource(self.model.index(row, 0)))
        self._update_status()

    def shown(self) -> list[Note]:
        """The notes the filters let through, in the order listed."""
        rows = range(self.proxy.rowCount())
        return [self.proxy.index(row, 0).data(NoteRole) for row in rows]

    def current_note(self) -> Note | None:
        return self.view.currentIndex().data(NoteRole)

    def set_color(self, color: str | None) -> None:
        self.color_filter.setCurrentIndex(max(0, self.color_filter.findData(color)))

    def set_tag(self, tag: str | None) -> None:
        self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(tag)))

    def _set_tags(self, tags: Sequence[str]) -> None:
        chosen = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        try:
            while self.tag_filter.count() > 1:
                self.tag_filter.removeItem(1)
            for tag in tags:
                self.tag_filter.addItem(f"#{tag}", tag)
            self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(chosen)))
        finally:
            self.tag_filter.blockSignals(False)
        self._on_filter_changed()

    def _update_status(self) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        every = self.all_documents.isChecked()
        if not total:
            text = (
                self.tr(
                    "No notes on all documents yet. "
                    "Select a passage and press Ctrl+H to highlight it."
                )
                if every
                else self.tr(
                    "No notes on this document yet. "
                    "Select a passage and press Ctrl+H to highlight it."
                )
            )
        elif shown == total:
            text = (
                self.tr("%n note(s) on all documents.", "", total)
                if every
                else self.tr("%n note(s) on this document.", "", total)
            )
        else:
            text = (
                self.tr("{shown} of %n note(s) on all documents.", "", total)
                if every
                else self.tr("{shown} of %n note(s) on this document.", "", total)
            ).format(shown=shown)
        self.status.setText(text)
        placement = self.view.currentIndex().data(PlacementRole)
        self.reattach_button.setVisible(bool(placement and placement.candidate))
        self.export_button.setEnabled(shown > 0)

    # Slots -------------------------------------------------------------------------------
    @Slot()
    def _on_filter_changed(self) -> None:
        text = self.text_filter.text()
        self.proxy.set_filters(self.color_filter.currentData(), self.tag_filter.currentData(), text)
        self._update_status()

    @Slot(QModelIndex)
    def _on_view_activated(self, index: QModelIndex) -> None:
        note = index.data(NoteRole)
        if note is not None:
            self.note_requested.emit(note)

    @Slot(QModelIndex, QModelIndex)
    def _on_view_current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_status()

    @Slot()
    def _on_reattach_button_clicked(self) -> None:
        placement = self.view.currentIndex().data(PlacementRole)
        if placement is not None and placement.candidate is not None:
            self.reattach_requested.emit(placement)


def notes_list_view(model: QAbstractItemModel) -> QListView:
    view = item_list_view(model, "notes_list")
    view.setAccessibleName(QCoreApplication.translate("NotesPanel", "Notes"))
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return view
