"""Preferences: each change is saved and applied at once, and read again at the next start."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog

from reader.core.export import ExportFormat
from reader.core.library.library import Library

from reader.ui import export_dialog
from reader.ui import settings as S
from reader.ui.actions import Act
from reader.ui.main_window import MainWindow
from reader.ui.preferences.dialog import PreferencesDialog

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


@pytest.fixture
def dialog(qtbot: QtBot, window: MainWindow) -> PreferencesDialog:
    opened = window.preferences.open()
    qtbot.addWidget(opened)
    return opened


def test_ctrl_comma_opens_preferences(window: MainWindow) -> None:
    keys = window.actions_by_id[Act.PREFERENCES].shortcuts()
    assert QKeySequence("Ctrl+,") in keys


def test_reading_font_size_and_line_length_apply_at_once(
    qtbot: QtBot, window: MainWindow, dialog: PreferencesDialog, settings: S.Settings
) -> None:
    window.resize(1800, 800)
    view = window.reader
    qtbot.waitUntil(lambda: view.document().rootFrame().frameFormat().leftMargin() > 24)
    margin = view.document().rootFrame().frameFormat().leftMargin()
    dialog.size_box.setValue(16)
    assert view.typography().size == 16 and view.document().defaultFont().pointSizeF() == 16
    dialog.font_box.setCurrentFont(QFont("DejaVu Sans"))
    assert view.document().defaultFont().families()[0] == "DejaVu Sans"
    dialog.width_box.setValue(50)
    assert view.document().rootFrame().frameFormat().leftMargin() > margin  # a narrower column
    assert (settings.get(S.READING_SIZE), settings.get(S.READING_FONT)) == (16, "DejaVu Sans")
    assert settings.get(S.LINE_CHARS) == 50
    qtbot.mouseClick(dialog.default_font, Qt.MouseButton.LeftButton)
    assert settings.get(S.READING_FONT) == "" and view.typography().family == ""


def test_theme_applies_at_once(
    window: MainWindow, dialog: PreferencesDialog, settings: S.Settings
) -> None:
    dialog.theme_box.setCurrentIndex(dialog.theme_box.findData("dark"))
    assert settings.get(S.THEME) == "dark"
    assert window.actions_by_id[Act.THEME_DARK].isChecked()
    palette = QApplication.palette()
    assert palette.color(palette.ColorRole.Base).lightness() < 60
    window.set_theme("light")


def test_ctrl_h_uses_the_chosen_colour(
    qtbot: QtBot, library: Library, settings: S.Settings, tmp_path: Path
) -> None:
    window = MainWindow(library, settings, data_folder=tmp_path / "data")
    qtbot.addWidget(window)
    window.show()
    dialog = window.preferences.open()
    qtbot.addWidget(dialog)
    dialog.color_box.setCurrentIndex(dialog.color_box.findData("blue"))
    assert settings.get(S.HIGHLIGHT_COLOR) == "blue"
    window.open_document("elbe-group-2018-naples")
    with qtbot.waitSignal(window.notes.service.loaded, timeout=10000):
        window.notes.service.start()
    doc = window.current_document()
    assert doc is not None
    start = doc.text.index("Elbe Group")
    window.reader.select_range(start, start + len("Elbe Group"))
    dialog.close()
    window.actions_by_id[Act.HIGHLIGHT].trigger()  # Ctrl+H
    store = window.notes.service.store
    assert store is not None
    assert [n.color for n in store.list()] == ["blue"]


def test_export_defaults_reach_the_save_dialog(
    window: MainWindow,
    dialog: PreferencesDialog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(export_dialog, "DEFAULTS", export_dialog.ExportDefaults())
    dialog.format_box.setCurrentIndex(dialog.format_box.findData("html"))
    dialog.folder_edit.setText(str(tmp_path))
    dialog.folder_edit.editingFinished.emit()
    asked: list[tuple[str, str]] = []

    def save_dialog(_parent: object, _title: str, start: str, _filters: str, chosen: str):  # type: ignore[no-untyped-def]
        asked.append((start, chosen))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    export_dialog.ask_export_path(
        window, "Export", "notes", [ExportFormat.MARKDOWN, ExportFormat.HTML]
    )
    assert asked == [(str(tmp_path / "notes.html"), export_dialog.FILTERS[ExportFormat.HTML])]
    export_dialog.ask_export_path(
        window, "Export", "recs", [ExportFormat.MARKDOWN, ExportFormat.CSV]
    )
    assert asked[-1] == (str(tmp_path / "recs.md"), export_dialog.FILTERS[ExportFormat.MARKDOWN])


def test_preferences_are_read_at_the_next_start(
    qtbot: QtBot, library: Library, settings: S.Settings, tmp_path: Path
) -> None:
    settings.set(S.READING_SIZE, 18)
    settings.set(S.LINE_CHARS, 60)
    win = MainWindow(library, settings, data_folder=tmp_path / "data")
    qtbot.addWidget(win)
    assert win.reader.typography().size == 18 and win.reader.typography().line_chars == 60
