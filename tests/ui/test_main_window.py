"""The main window as a reader uses it: choose, jump, find, zoom, copy with citation, come back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from reader import __version__
from reader.core.library.library import Library

from reader.ui import settings as S
from reader.ui.actions import Act
from reader.ui.library.model import DocumentRole
from reader.ui.main_window import MainWindow

ELBE, ACRIAC = "elbe-group-2018-naples", "ac-riac-2013-washington"


def _activate(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def _proxy_row(window: MainWindow, doc_id: str) -> int:
    proxy = window.library_proxy
    return next(
        r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(DocumentRole).id == doc_id
    )


def _outline_index(window: MainWindow, title: str):
    model = window.outline_model
    found = model.match(
        model.index(0, 0), Qt.ItemDataRole.DisplayRole, title, 1, Qt.MatchFlag.MatchRecursive
    )
    assert found, title
    return found[0]


def test_opens_the_newest_statement_first(window: MainWindow) -> None:
    assert window.current_document().id == ELBE
    assert "Elbe Group Joint Statement" in window.windowTitle()


def test_choosing_a_document_in_the_list_opens_it(qtbot: QtBot, window: MainWindow) -> None:
    index = window.library_proxy.index(_proxy_row(window, ACRIAC), 0)
    with qtbot.waitSignal(window.reading.document_opened, timeout=2000) as opened:
        window.library_view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
    assert opened.args == [ACRIAC]
    assert window.reader.toPlainText().startswith("Joint Statement by Ellen Tauscher")
    assert window.outline_model.rowCount() == 1


def test_clicking_a_document_with_the_mouse_opens_it(qtbot: QtBot, window: MainWindow) -> None:
    view = window.library_view
    index = window.library_proxy.index(_proxy_row(window, ACRIAC), 0)
    with qtbot.waitSignal(window.reading.document_opened, timeout=2000):
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
        )
    assert window.current_document().id == ACRIAC


def test_outline_click_jumps_to_the_section(qtbot: QtBot, window: MainWindow) -> None:
    doc = window.current_document()
    index = _outline_index(window, "Current U.S.-Russia Relationship")
    start = doc.text.index("Current U.S.-Russia Relationship")
    before = window.reader.verticalScrollBar().value()
    qtbot.mouseClick(
        window.outline_view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=window.outline_view.visualRect(index).center(),
    )
    assert window.reader.verticalScrollBar().value() > before
    top = window.reader.top_offset()
    assert doc.section_at(top).title == "Current U.S.-Russia Relationship"
    assert abs(top - start) < 40


def test_find_highlights_every_match_and_steps_with_f3(qtbot: QtBot, window: MainWindow) -> None:
    _activate(qtbot, window)
    qtbot.keyClick(window.reader, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and bar.edit.hasFocus()
    qtbot.keyClicks(bar.edit, "russia")
    expected = window.current_document().text.lower().count("russia")
    assert len(bar.matches()) == expected > 5
    assert window.reader.highlight_ranges("find") == bar.matches()
    assert len(window.reader.extraSelections()) == expected
    assert bar.count_label.text() == f"1 of {expected}"
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3)
    assert bar.current() == 1
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(bar.edit, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert bar.current() == expected - 1  # wraps around
    assert bar.count_label.text() == f"{expected} of {expected}"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()
    assert window.reader.extraSelections() == []


def test_find_reports_no_matches_and_follows_document_changes(window: MainWindow) -> None:
    bar = window.find_bar
    window.actions_by_id[Act.FIND].trigger()
    bar.edit.setText("Minsk agreements")
    assert len(bar.matches()) == 1
    window.open_document(ACRIAC)
    assert bar.matches() == [] and bar.count_label.text() == "No matches"
    bar.edit.setText("missile   defense")  # any run of space matches
    assert len(bar.matches()) == 2


def test_zoom_with_keyboard_and_reset(qtbot: QtBot, window: MainWindow) -> None:
    _activate(qtbot, window)
    reader = window.reader
    size = reader.point_size()
    qtbot.keyClick(reader, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert reader.zoom() == 1 and reader.point_size() > size
    assert reader.document().defaultFont().pointSizeF() == pytest.approx(reader.point_size())
    qtbot.keyClick(reader, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(reader, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert reader.zoom() == -1
    qtbot.keyClick(reader, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert reader.zoom() == 0 and reader.point_size() == size
    assert window.zoom_label.text() == "Zoom 100%"


def test_zoom_keeps_the_reading_place_and_highlights(window: MainWindow) -> None:
    doc = window.current_document()
    window.jump_to(doc.text.index("WMD Terrorism\n"))
    window.find_bar.open_bar()
    window.find_bar.edit.setText("ISIS")
    top = window.reader.top_offset()
    window.actions_by_id[Act.ZOOM_IN].trigger()
    window.actions_by_id[Act.ZOOM_IN].trigger()
    assert abs(window.reader.top_offset() - top) < 80
    assert window.reader.highlight_ranges("find") == window.find_bar.matches()


def test_copy_with_citation(qtbot: QtBot, window: MainWindow) -> None:
    doc = window.current_document()
    sentence = "We call for continuing cooperation to prevent the use of chemical weapons in Syria."
    start = doc.text.index(sentence)
    window.reader.select_range(start, start + len(sentence))
    assert window.actions_by_id[Act.COPY_WITH_CITATION].isEnabled()
    _activate(qtbot, window)
    qtbot.keyClick(
        window.reader,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert QApplication.clipboard().text() == (
        f"“{sentence}”\n— Elbe Group Joint Statement, Naples, Italy, 15-16 March 2018"
    )


def test_copy_with_citation_without_selection_says_what_to_do(window: MainWindow) -> None:
    window.reader.select_range(0, 0)
    window.copy_with_citation()
    assert "Select a passage" in window.statusBar().currentMessage()


def test_reading_position_is_kept_per_document(window: MainWindow) -> None:
    doc = window.current_document()
    window.jump_to(doc.text.index("On Ukraine"))
    kept = window.reader.top_offset()
    assert kept > 0
    window.open_document(ACRIAC)
    assert window.reader.top_offset() == 0
    window.open_document(ELBE)
    assert window.reader.top_offset() == kept


def test_state_is_restored_in_a_new_window(
    qtbot: QtBot, window: MainWindow, library: Library, settings_path: Path
) -> None:
    window.open_document(ACRIAC)
    window.jump_to(window.current_document().text.index("We see the US"))
    window.reader.set_zoom(2)
    window.resize(700, 500)
    window.splitter.setSizes([300, 600, 200])
    kept = window.reader.top_offset()
    sizes = window.splitter.sizes()
    window.close()
    again = MainWindow(library, S.Settings(settings_path))
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.current_document().id == ACRIAC
    assert again.reader.zoom() == 2
    assert (again.width(), again.height()) == (700, 500)
    assert again.splitter.sizes() == sizes
    assert again.current_document().section_at(again.reader.top_offset()) == (
        again.current_document().section_at(kept)
    )
    assert abs(again.reader.top_offset() - kept) < 80


def test_bad_settings_fall_back_to_defaults(
    qtbot: QtBot, library: Library, settings_path: Path
) -> None:
    settings_path.parent.mkdir(parents=True)
    settings_path.write_text(
        "[window]\ngeometry=garbage\n[reader]\nzoom=huge\n[library]\nlast_document=gone\n"
    )
    win = MainWindow(library, S.Settings(settings_path))
    qtbot.addWidget(win)
    assert win.reader.zoom() == 0
    assert win.current_document().id == ELBE


@pytest.fixture
def restore_light_theme(window: MainWindow) -> Iterator[None]:
    yield
    window.set_theme("light")


@pytest.mark.usefixtures("restore_light_theme")
def test_dark_palette_applies_to_the_window_and_reader(qtbot: QtBot, window: MainWindow) -> None:
    window.actions_by_id[Act.THEME_DARK].trigger()
    base = QApplication.palette().color(QApplication.palette().ColorRole.Base)
    assert base.lightness() < 60
    qtbot.waitUntil(
        lambda: window.reader.palette().color(window.reader.palette().ColorRole.Base) == base
    )
    block = window.reader.document().begin()
    text_color = block.charFormat().foreground().color()
    assert text_color.lightness() > 180  # text is re-typeset light on dark
    window.actions_by_id[Act.THEME_LIGHT].trigger()
    assert QApplication.palette().color(QApplication.palette().ColorRole.Base).lightness() > 200


def test_about_box_names_the_version(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda _parent, _title, text: shown.append(text))
    window.actions_by_id[Act.ABOUT].trigger()
    assert shown and __version__ in shown[0]
