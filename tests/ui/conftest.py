"""Fixtures for widget tests: the real library, settings in a temporary folder, a shown window."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.core.library import Library
from reader.resource_access import resource_folder

from reader.ui import settings as S
from reader.ui.main_window import MainWindow


@pytest.fixture(scope="session")
def library() -> Library:
    return Library.open(resource_folder())


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "settings.ini"


@pytest.fixture
def settings(settings_path: Path) -> S.Settings:
    return S.Settings(settings_path)


@pytest.fixture
def window(qtbot: QtBot, library: Library, settings: S.Settings) -> MainWindow:
    win = MainWindow(library, settings)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win
