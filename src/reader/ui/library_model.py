"""The document list: a table model over the library's documents, sorted through a proxy."""

from __future__ import annotations

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

from reader.core.document import Document

DocumentRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

AnyIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    TITLE = 0
    DATE = 1
    PLACE = 2
    ORGANIZATIONS = 3


_HEADERS = {
    Column.TITLE: "Title",
    Column.DATE: "Date",
    Column.PLACE: "Place",
    Column.ORGANIZATIONS: "Organisations",
}


class LibraryModel(QAbstractTableModel):
    def __init__(self, documents: list[Document], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._documents = list(documents)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._documents)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _HEADERS.get(Column(section)) if 0 <= section < len(Column) else None
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._documents):
            return None
        doc = self._documents[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(doc, column)
        if role == SortRole:
            return _sort_key(doc, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tooltip(doc)
        if role == DocumentRole:
            return doc
        return None

    def row_of(self, doc_id: str) -> int:
        for row, doc in enumerate(self._documents):
            if doc.id == doc_id:
                return row
        return -1


def _display(doc: Document, column: Column) -> str:
    meta = doc.metadata
    if column is Column.TITLE:
        return meta.display_title
    if column is Column.DATE:
        return meta.date_label
    if column is Column.PLACE:
        return meta.place
    return ", ".join(meta.organizations)


def _sort_key(doc: Document, column: Column) -> str:
    if column is Column.DATE:
        return doc.metadata.date_iso
    return _display(doc, column).casefold()


def _tooltip(doc: Document) -> str:
    meta = doc.metadata
    lines = [meta.title, " · ".join(p for p in (meta.date_label, meta.place) if p)]
    if meta.organizations:
        lines.append(", ".join(meta.organizations))
    return "\n".join(line for line in lines if line)


def make_sorted(model: LibraryModel, parent: QObject | None = None) -> QSortFilterProxyModel:
    """A sorting proxy; it must not be the model's child, or it dies with a temporary model."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SortRole)
    return proxy
