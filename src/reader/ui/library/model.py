"""The document list: a table model over the library's documents, sorted through a proxy.

The counts of recommendations and notes are filled in after the first paint (set_counts);
until then their cells are empty."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from reader.core.documents.document import Document

from reader.ui.dates import date_text
from reader.ui.noop import QT_TRANSLATE_NOOP

DocumentRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    TITLE = 0
    DATE = 1
    PLACE = 2
    ORGANIZATIONS = 3
    RECOMMENDATIONS = 4
    NOTES = 5


_HEADERS = {
    Column.TITLE: QT_TRANSLATE_NOOP("LibraryModel", "Title"),
    Column.DATE: QT_TRANSLATE_NOOP("LibraryModel", "Date"),
    Column.PLACE: QT_TRANSLATE_NOOP("LibraryModel", "Place"),
    Column.ORGANIZATIONS: QT_TRANSLATE_NOOP("LibraryModel", "Organisations"),
    Column.RECOMMENDATIONS: QT_TRANSLATE_NOOP("LibraryModel", "Recs"),
    Column.NOTES: QT_TRANSLATE_NOOP("LibraryModel", "Notes"),
}
_COUNTS = (Column.RECOMMENDATIONS, Column.NOTES)
_HEADER_TIPS = {
    Column.RECOMMENDATIONS: QT_TRANSLATE_NOOP(
        "LibraryModel", "Recommendations found in the document"
    ),
    Column.NOTES: QT_TRANSLATE_NOOP("LibraryModel", "Your notes and highlights in the document"),
}


class LibraryModel(QAbstractTableModel):
    """The library's documents, one a row, in the order they were added."""

    def __init__(self, documents: list[Document], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._documents = list(documents)
        self._counts: dict[Column, Mapping[str, int]] = {}

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._documents)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr(_HEADERS[Column(section)])
        if role == Qt.ItemDataRole.ToolTipRole:
            return _HEADER_TIPS.get(Column(section))
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._documents):
            return None
        doc = self._documents[index.row()]
        column = Column(index.column())
        if column in _COUNTS:
            return self._count_data(doc, column, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(doc, column)
        if role == SortRole:
            return _sort_key(doc, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(doc)
        if role == DocumentRole:
            return doc
        return None

    def _count_data(self, doc: Document, column: Column, role: int) -> Any:
        counts = self._counts.get(column)
        if role in (Qt.ItemDataRole.DisplayRole, SortRole):
            return None if counts is None else counts.get(doc.id, 0)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == DocumentRole:
            return doc
        return None

    def row_of(self, doc_id: str) -> int:
        for row, doc in enumerate(self._documents):
            if doc.id == doc_id:
                return row
        return -1

    def documents(self) -> list[Document]:
        return list(self._documents)

    # Changes -----------------------------------------------------------------------------
    def add_documents(self, documents: Iterable[Document]) -> None:
        """Append the documents not listed yet, as new rows."""
        known = {doc.id for doc in self._documents}
        new = [doc for doc in documents if doc.id not in known]
        if not new:
            return
        first = len(self._documents)
        self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
        self._documents.extend(new)
        self.endInsertRows()

    def remove_document(self, doc_id: str) -> None:
        row = self.row_of(doc_id)
        if row < 0:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._documents[row]
        self.endRemoveRows()

    def update_document(self, doc: Document) -> None:
        """The document with `doc`'s id changed (its metadata): its row shows `doc` now."""
        row = self.row_of(doc.id)
        if row < 0:
            return
        self._documents[row] = doc
        last = self.index(row, len(Column) - 1)
        self.dataChanged.emit(self.index(row, 0), last, _CHANGED_ROLES)

    def set_counts(self, column: Column, counts: Mapping[str, int]) -> None:
        """How many recommendations or notes each document has (by id; absent: none)."""
        self._counts[column] = dict(counts)
        if self._documents:
            # From the title on: the title's two-line item shows the counts too.
            top, bottom = self.index(0, Column.TITLE), self.index(len(self._documents) - 1, column)
            self.dataChanged.emit(top, bottom, [Qt.ItemDataRole.DisplayRole, SortRole])


_CHANGED_ROLES = [
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.ToolTipRole,
    SortRole,
    DocumentRole,
]


def _display(doc: Document, column: Column) -> str:
    meta = doc.metadata
    if column is Column.TITLE:
        return meta.display_title
    if column is Column.DATE:
        return date_text(meta)
    if column is Column.PLACE:
        return meta.place
    return ", ".join(meta.organizations)


def _sort_key(doc: Document, column: Column) -> str:
    if column is Column.DATE:
        return doc.metadata.date_iso
    return _display(doc, column).casefold()


def _tooltip(doc: Document) -> str:
    meta = doc.metadata
    lines = [meta.title, " · ".join(p for p in (date_text(meta), meta.place) if p)]
    if meta.organizations:
        lines.append(", ".join(meta.organizations))
    return "\n".join(line for line in lines if line)


def make_sorted(model: LibraryModel, parent: QObject | None = None) -> QSortFilterProxyModel:
    """A sorting proxy; it must not be the model's child, or it dies with a temporary model."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    return proxy
