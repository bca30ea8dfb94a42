"""The library model passes Qt's model checks and expose the core objects."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from reader.core.documents.builder import build_document
from reader.core.documents.document import DatePrecision, Metadata
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


def test_a_row_says_everything_in_two_lines(qtbot, library: Library) -> None:  # type: ignore[no-untyped-def]
    from reader.ui.library.delegate import details_line
    from reader.ui.library.view import library_view, sort_menu

    model = LibraryModel(list(library))
    model.set_counts(Column.RECOMMENDATIONS, {"elbe-group-2018-naples": 20})
    model.set_counts(Column.NOTES, {"elbe-group-2018-naples": 1})
    proxy = make_sorted(model)
    view = library_view(proxy)
    qtbot.addWidget(view)
    view.resize(320, 400)
    view.show()
    assert [c for c in Column if not view.isColumnHidden(c)] == [Column.TITLE]
    elbe = proxy.mapFromSource(model.index(model.row_of("elbe-group-2018-naples"), 0))
    assert details_line(elbe) == "Elbe Group · Naples, Italy · 15-16 March 2018 · 20 recs · 1 note"
    assert view.horizontalScrollBar().maximum() == 0  # nothing off to the side
    assert view.sizeHintForRow(0) >= 2 * view.fontMetrics().height()

    menu = sort_menu(view)
    by_date = next(a for a in menu.actions() if a.text() == "Date")
    by_date.trigger()
    assert view.header().sortIndicatorSection() == Column.DATE
    assert {a.text() for a in sort_menu(view).actions() if a.isChecked()} == {"Date"}


def test_new_counts_repaint_the_title_that_shows_them(qtbot, library: Library) -> None:  # type: ignore[no-untyped-def]
    model = LibraryModel(list(library))
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.set_counts(Column.NOTES, {"elbe-group-2018-naples": 2})
    top, bottom = changed.args[0], changed.args[1]
    assert top.column() == Column.TITLE and bottom.column() == Column.NOTES


def test_dates_of_mixed_precision_show_as_such_and_sort_in_time() -> None:
    dates = {
        "day": (dt.date(2017, 3, 15), DatePrecision.DAY),
        "year": (dt.date(2017, 1, 1), DatePrecision.YEAR),
        "month": (dt.date(2017, 3, 1), DatePrecision.MONTH),
        "earlier": (dt.date(2016, 12, 1), DatePrecision.MONTH),
    }
    docs = [
        build_document(name, "imported", Metadata(name, date_start=d, date_precision=p), [])
        for name, (d, p) in dates.items()
    ]
    model = LibraryModel(docs)
    assert model.index(model.row_of("month"), Column.DATE).data() == "March 2017"
    assert model.index(model.row_of("year"), Column.DATE).data() == "2017"
    proxy = make_sorted(model)
    proxy.sort(Column.DATE, Qt.SortOrder.AscendingOrder)
    order = [proxy.index(row, 0).data(DocumentRole).id for row in range(proxy.rowCount())]
    assert order == ["earlier", "year", "month", "day"]
