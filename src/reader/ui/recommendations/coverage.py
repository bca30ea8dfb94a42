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
    QRect,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QPainter
from PySide6.QtWidgets import QDialog, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from reader.ui.recommendations.service import RecommendationService
from reader.ui.topic_names import topic_label

if TYPE_CHECKING:
    from reader.core.recommendations.collection import TopicCoverage

CountRole = Qt.ItemDataRole.UserRole + 1
TopicRole = Qt.ItemDataRole.UserRole + 2
DocumentIdRole = Qt.ItemDataRole.UserRole + 3
GAP_COLORS = ("#eeeeee", "#3a3a3a")  # an empty cell, light and dark palettes
FILLED_COLORS = ("#d5ecd4", "#2b5a37")
LABEL_CHARS = 28  # a column's label; the full title is its tooltip
CELL_WIDTH = 34  # a count of two digits with room: 100 documents scroll, each readable
HEADER_MAX_HEIGHT = 190

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
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            title = self._titles[self._columns[section]]
            if role == Qt.ItemDataRole.DisplayRole:
                return short_label(title)
            if role == Qt.ItemDataRole.ToolTipRole:
                return title
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            row = self._rows[section]
            return f"{topic_label(row.label)} ({row.total})"
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
            return self.tr("{topic} in {title}: {count} — double-click to list them").format(
                topic=topic_label(row.label), title=self._titles[doc_id], count=count
            )
        return {CountRole: count, TopicRole: row.topic, DocumentIdRole: doc_id}.get(role)


def short_label(title: str, limit: int = LABEL_CHARS) -> str:
    """`title` cut at a word to at most `limit` characters, with an ellipsis if cut."""
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:–-") + "…"


class RotatedHeader(QHeaderView):
    """Column titles written upwards, so that a column is as narrow as its counts and a
    hundred documents fit side by side with every label readable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setDefaultSectionSize(CELL_WIDTH)
        self.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        model, metrics = self.model(), self.fontMetrics()
        if model is None:
            return hint
        widest = max(
            (
                metrics.horizontalAdvance(str(model.headerData(c, Qt.Orientation.Horizontal)))
                for c in range(model.columnCount())
            ),
            default=0,
        )
        return QSize(hint.width(), min(widest + 16, HEADER_MAX_HEIGHT))

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        return QSize(CELL_WIDTH, self.sizeHint().height())

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:
        painter.save()
        super().paintSection(painter, rect, -1)  # the section's frame, with no text
        painter.restore()
        model = self.model()
        if model is None or not rect.isValid():
            return
        text = str(model.headerData(section, Qt.Orientation.Horizontal))
        painter.save()
        painter.translate(rect.left() + rect.width() // 2, rect.bottom() - 6)
        painter.rotate(-90)
        height = self.fontMetrics().height()
        bounds = QRect(0, -height // 2, rect.height() - 12, height)
        elided = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, bounds.width())
        painter.setPen(self.palette().color(self.palette().ColorRole.ButtonText))
        painter.drawText(
            bounds, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided
        )
        painter.restore()


class CoverageDialog(QDialog):
    """Not modal. Signals:
    cell_requested(str, str): topic id and document id of a double-clicked cell.
    """

    cell_requested = Signal(str, str)

    def __init__(self, service: RecommendationService, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName("coverage_dialog")
        self.setWindowTitle(self.tr("Coverage: Topics × Documents"))
        self._service = service
        titles = {d.id: d.metadata.display_title for d in service.documents.values()}
        dark = self.palette().color(self.palette().ColorRole.Base).lightness() < 128
        self.model = CoverageModel(titles, dark, self)
        self.view = QTableView()
        self.view.setObjectName("coverage_table")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.setHorizontalHeader(RotatedHeader(self.view))
        self.view.setHorizontalScrollMode(QTableView.ScrollMode.ScrollPerPixel)
        self.view.doubleClicked.connect(self._on_view_double_clicked)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("Recommendations per topic and document; “–” marks a gap."))
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        service.changed.connect(self._on_service_changed)
        self._on_service_changed()
        self.resize(self._fitting_size())

    def _fitting_size(self) -> QSize:
        """Every column if they fit on the screen, else as many as do (the rest scroll)."""
        header, topics = self.view.horizontalHeader(), self.view.verticalHeader()
        width = topics.sizeHint().width() + header.length() + 48
        height = header.sizeHint().height() + topics.length() + 90
        screen = self.screen().availableGeometry() if self.screen() else QRect(0, 0, 1280, 800)
        return QSize(
            min(max(width, 520), screen.width() * 9 // 10), min(height, screen.height() * 9 // 10)
        )

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
