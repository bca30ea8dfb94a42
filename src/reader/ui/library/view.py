"""The library's view: one document a row in two lines (title; organisations, place, date and
counts), sorted by any of them from the header's menu; one selected at a time."""

from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication, QPoint, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeView

from reader.ui.library.delegate import LibraryDelegate
from reader.ui.library.model import Column
from reader.ui.noop import QT_TRANSLATE_NOOP

SORT_LABELS = {
    Column.TITLE: QT_TRANSLATE_NOOP("LibraryView", "Title"),
    Column.DATE: QT_TRANSLATE_NOOP("LibraryView", "Date"),
    Column.PLACE: QT_TRANSLATE_NOOP("LibraryView", "Place"),
    Column.ORGANIZATIONS: QT_TRANSLATE_NOOP("LibraryView", "Organisations"),
    Column.RECOMMENDATIONS: QT_TRANSLATE_NOOP("LibraryView", "Recommendations"),
    Column.NOTES: QT_TRANSLATE_NOOP("LibraryView", "Notes"),
}


def library_view(model: QSortFilterProxyModel) -> QTreeView:
    view = QTreeView()
    view.setObjectName("library_view")
    view.setModel(model)
    view.setRootIsDecorated(False)
    view.setSortingEnabled(True)
    view.setUniformRowHeights(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setItemDelegateForColumn(Column.TITLE, LibraryDelegate(view))
    show_two_lines(view)
    header = view.header()
    header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    header.customContextMenuRequested.connect(functools.partial(_sort_menu, view))
    header.setToolTip(
        QCoreApplication.translate(
            "LibraryView", "Click to reverse the order; right-click to sort by another detail"
        )
    )
    return view


def show_two_lines(view: QTreeView) -> None:
    """The title column alone, as wide as the view: its item shows the rest. Again after a
    header's state is restored, which may come from when every column had its own."""
    for column in Column:
        view.setColumnHidden(column, column is not Column.TITLE)
    header = view.header()
    header.setStretchLastSection(True)
    header.setSectionResizeMode(Column.TITLE, QHeaderView.ResizeMode.Stretch)


def sort_menu(view: QTreeView) -> QMenu:
    """Sort by: each detail a row shows; the current one checked."""
    menu = QMenu(QCoreApplication.translate("LibraryView", "Sort By"), view)
    current = view.header().sortIndicatorSection()
    order = view.header().sortIndicatorOrder()
    for column, label in SORT_LABELS.items():
        action = menu.addAction(QCoreApplication.translate("LibraryView", label))
        action.setCheckable(True)
        action.setChecked(column == current)
        action.triggered.connect(functools.partial(view.sortByColumn, column, order))
    return menu


def _sort_menu(view: QTreeView, position: QPoint) -> None:
    menu = sort_menu(view)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    menu.popup(view.header().mapToGlobal(position))
