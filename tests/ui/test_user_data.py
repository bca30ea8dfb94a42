"""The user's database is opened once, after the first paint, and shared by every feature."""

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.core.library.library import Library
from reader.core.user_db import UserDatabase

from reader.ui import settings as S
from reader.ui.main_window import MainWindow

TIMEOUT_MS = 20000


def test_one_database_for_the_library_the_notes_and_the_recommendations(
    qtbot: QtBot,
    library: Library,
    settings: S.Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    opened: list[UserDatabase] = []
    real_open = UserDatabase.open.__func__  # type: ignore[attr-defined]

    def counted(cls: type[UserDatabase], folder: Path) -> UserDatabase:
        opened.append(real_open(cls, folder))
        return opened[-1]

    monkeypatch.setattr(UserDatabase, "open", classmethod(counted))
    win = MainWindow(Library(list(library)), settings, None, tmp_path / "data")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert opened == []  # nothing before the first paint
    with qtbot.waitSignal(win.library.loaded, timeout=TIMEOUT_MS):
        win.start_after_first_paint()
    qtbot.waitUntil(win.recommendations.service.is_loaded, timeout=TIMEOUT_MS)
    win.notes.ensure_panel()
    qtbot.waitUntil(win.notes.service.is_loaded, timeout=TIMEOUT_MS)
    assert len(opened) == 1
    assert win.user_data.database() is opened[0]
    assert win.notes.service.store is not None and not win.notes.service.problem()
    win.close()


def test_without_a_data_folder_every_feature_says_why_nothing_is_kept(
    qtbot: QtBot, library: Library, settings: S.Settings
) -> None:
    win = MainWindow(library, settings)
    qtbot.addWidget(win)
    win.start_after_first_paint()
    win.show()
    qtbot.waitUntil(win.recommendations.service.is_loaded, timeout=TIMEOUT_MS)
    assert win.user_data.database() is None
    assert win.library.cannot_import() == "Nothing can be imported: there is no data folder."
    assert win.recommendations.service.problem().endswith("there is no data folder.")
    win.notes.service.start()
    qtbot.waitUntil(win.notes.service.is_loaded)
    assert win.notes.service.problem() == "Notes cannot be saved: there is no data folder."
