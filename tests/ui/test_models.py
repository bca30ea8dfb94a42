"""The library and outline models pass Qt's model checks and expose the core objects."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt

from reader.core.library.library import Library

from reader.ui.library.model import Column, DocumentRole, LibraryModel, make_sorted
from reader.ui.reading.outline_model import OutlineModel, SectionRole


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


def test_outline_model_nests_sections_by_level(qtmodeltester, library: Library) -> None:
    model = OutlineModel()
    model.set_document(library.get("elbe-group-2018-naples"))
    qtmodeltester.check(model)
    title = model.index(0, 0)
    assert title.data() == "Elbe Group Joint Statement"
    top = [model.index(r, 0, title).data() for r in range(model.rowCount(title))]
    assert top == [
        "Strategic Stability",
        "Current U.S.-Russia Relationship",
        "The Situation in the Middle East",
        "WMD Terrorism",
        "The Elbe Dialogue",
    ]
    stability = model.index(0, 0, title)
    assert [model.index(r, 0, stability).data() for r in range(2)] == [
        "On Strategic Stability",
        "On Ukraine",
    ]


def test_outline_index_for_offset_finds_deepest_section(library: Library) -> None:
    doc = library.get("elbe-group-2018-naples")
    model = OutlineModel()
    model.set_document(doc)
    offset = doc.text.index("Regarding cybercrime")
    index = model.index_for_offset(offset)
    assert index.data() == "On Syria"
    assert index.data(SectionRole).start <= offset
    model.set_document(None)
    assert model.rowCount(QModelIndex()) == 0
