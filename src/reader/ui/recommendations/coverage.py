"""The coverage matrix: topics against documents, the number of recommendations in each cell,
the gaps shaded so they show at a glance; a double-click opens that cell's recommendations."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from reader.ui.recommendations.service import RecommendationService

if TYPE_CHECKING:
    from reader.core.recommendations.collection import TopicCoverage

CountRole = Qt.ItemDataRole.UserRole + 1
TopicRole = Qt.ItemDataRole.UserRole + 2
DocumentIdRole = Qt.ItemDataRole.UserRole + 3
GAP_COLORS = ("#eeeeee", "#3a3a3a")  # an empty cell, light and dark palettes
FILLED_COLORS = ("#d5ecd4", "#2b5a37")

AnyIndex = QModelIndex | QPersistentModelIndex


class CoverageModel(QAbstractTableModel):
    """Wraps the core's TopicCoverage rows; a column per document."""

    def __init__(
        self, titles: Mapping[str, str], dark: bool = False, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._titles = dict(titles)  # document id → short title, in column order
        self._columns = list(self._titles)
        self._rows: list[TopicCoverage] = []
        self._dark = dark

    def set_rows(self, rows: Sequence[TopicCoverage]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._titles[self._columns[section]]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            row = self._rows[section]
            return f"{row.label} ({row.total})"
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, doc_id = self._rows[index.row()], self._columns[index.column()]
        count = row.by_document.get(doc_id, 0)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(count) if count else "–"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.BackgroundRole:
            colors = FILLED_COLORS if count else GAP_COLORS
            return QBrush(QColor(colors[self._dark]))
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.label} in {self._titles[doc_id]}: {count} — double-click to list them"
        return {CountRole: count, TopicRole: row.topic, DocumentIdRole: doc_id}.get(role)


class CoverageDialog(QDialog):
    """Not modal. Signals:
    cell_requested(str, str): topic id and document id of a double-clicked cell.
    """

    cell_requested = Signal(str, str)

    def __init__(self, service: RecommendationService, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("coverage_dialog")
        self.setWindowTitle("Coverage: Topics × Documents")
        self._service = service
        titles = {d.id: d.metadata.display_title for d in service.documents.values()}
        dark = self.palette().color(self.palette().ColorRole.Base).lightness() < 128
        self.model = CoverageModel(titles, dark, self)
        self.view = QTableView()
        self.view.setObjectName("coverage_table")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        layout = QVBoxLayout(self)
        note = QLabel("Recommendations per topic and document; “–” marks a gap.")
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        service.changed.connect(self._on_service_changed)
        self._on_service_changed()
        self.resize(640, 560)

    @classmethod
    def open_for(cls, parent: QWidget, service: RecommendationService) -> CoverageDialog:
        """Show the matrix (without exec(): it is not modal)."""
        dialog = cls(service, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    @Slot()
    def _on_service_changed(self) -> None:
        from reader.core.recommendations.collection import coverage

        recs = self._service.recommendations()
        self.model.set_rows(coverage(recs, self._service.taxonomy, self._service.documents))

    @Slot(QModelIndex)
    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        self.cell_requested.emit(index.data(TopicRole), index.data(DocumentIdRole))
