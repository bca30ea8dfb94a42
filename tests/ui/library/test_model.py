"""The library model passes Qt's model checks and expose the core objects."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.core.library.library import Library

from reader.ui.library.model import Column, DocumentRole, LibraryModel, make_sorted


def test_library_model_passes_model_tester(qtmodeltester, library: Library) -> None:
    model = LibraryModel(list(library))
    qtmodeltester.check(model)
    proxy = make_sorted(model)
    qtmodeltester.check(proxy)
    proxy.sort(0)
    qtmodeltester.check(proxy)


def test_library_model_shows_metadata_columns(library: Library) -> None:
    model = LibraryModel(list(library))
    row = model.row_of("elbe-group-2018-naples")
    assert model.index(row, Column.TITLE).data() == "Elbe Group Joint Statement"
    assert model.index(row, Column.DATE).data() == "15-16 March 2018"
    assert model.index(row, Column.PLACE).data() == "Naples, Italy"
    assert model.index(row, Column.ORGANIZATIONS).data() == "Elbe Group"
    assert model.index(row, 0).data(DocumentRole).id == "elbe-group-2018-naples"


def test_library_sorts_by_date_not_by_label(library: Library) -> None:
    model = LibraryModel(list(library))
    proxy = make_sorted(model)
    proxy.sort(Column.DATE, Qt.SortOrder.AscendingOrder)
    first = proxy.index(0, 0).data(DocumentRole)
    assert first.id == "ac-riac-2013-washington"
    proxy.sort(Column.DATE, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 0).data(DocumentRole).id == "elbe-group-2018-naples"
