"""The library's table view: one row a document, sortable, one selected at a time."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import QAbstractItemView, QTreeView

from reader.ui.library.model import Column


def library_view(model: QSortFilterProxyModel) -> QTreeView:
    view = QTreeView()
    view.setObjectName("library_view")
    view.setModel(model)
    view.setRootIsDecorated(False)
    view.setAlternatingRowColors(True)
    view.setSortingEnabled(True)
    view.setUniformRowHeights(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    widths = {Column.TITLE: 210, Column.DATE: 125, Column.PLACE: 120, Column.ORGANIZATIONS: 220,
              Column.RECOMMENDATIONS: 50, Column.NOTES: 50}  # fmt: skip
    for column, width in widths.items():
        view.setColumnWidth(column, width)
    return view
