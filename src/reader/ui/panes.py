"""The left column's views: the library table and the contents tree, each under a title."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTreeView, QVBoxLayout, QWidget

from reader.ui.library.model import Column
from reader.ui.reading.outline_model import OutlineModel


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


def outline_view(model: OutlineModel) -> QTreeView:
    view = QTreeView()
    view.setObjectName("outline_view")
    view.setModel(model)
    view.setHeaderHidden(True)
    view.setUniformRowHeights(True)
    view.setExpandsOnDoubleClick(False)
    return view


def titled(title: str, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 6, 0, 0)
    layout.setSpacing(2)
    label = QLabel(f"<b>{title}</b>")
    label.setContentsMargins(8, 0, 0, 0)
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box
