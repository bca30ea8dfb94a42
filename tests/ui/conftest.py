"""Fixtures for widget tests: the real library, settings in a temporary folder, a shown window."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

import shiboken6
from PySide6.QtWidgets import QApplication

from reader import paths
from reader.core.library.library import Library
from reader.resource_access import resource_folder

from reader.ui import language
from reader.ui import settings as S
from reader.ui.main_window import MainWindow
from reader.ui.search.index_service import PROCESS_THRESHOLD, IndexService, index_command

OPEN_TIMEOUT_MS = 20000  # the first opening imports Whoosh; a loaded machine may be slow


@pytest.fixture(scope="session", autouse=True)
def english(qapp: QApplication) -> None:
    """English as the app starts it: its plural forms ("1 note", "2 notes") come from
    statement_reader_en.qm, which `make translations` builds."""
    assert (resource_folder() / "statement_reader_en.qm").is_file(), "run `make translations`"
    language.install(qapp, "en")


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


@pytest.fixture
def folders(tmp_path: Path) -> paths.Folders:
    return paths.resolve(str(tmp_path / "data"))


MakeService = Callable[..., IndexService]


@pytest.fixture
def make_index_service(library: Library, folders: paths.Folders) -> Iterator[MakeService]:
    """Makes services on the test's index folder, shut down at the end of the test."""
    made: list[IndexService] = []

    def make(threshold: int = PROCESS_THRESHOLD, command: list[str] | None = None) -> IndexService:
        service = IndexService(
            folders.index,
            list(library),
            command or index_command(folders),
            folders.log_file,
            threshold,
        )
        made.append(service)
        return service

    yield make
    for service in made:
        if shiboken6.isValid(service):
            service.shutdown()


@pytest.fixture
def index_service(make_index_service: MakeService) -> IndexService:
    """A service on an index folder of its own, not started."""
    return make_index_service()


@pytest.fixture
def search_window(
    qtbot: QtBot, library: Library, settings: S.Settings, index_service: IndexService
) -> MainWindow:
    """A shown window whose search index is open."""
    win = MainWindow(library, settings, index_service)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(index_service.opened, timeout=OPEN_TIMEOUT_MS):
        index_service.start()
    return win
