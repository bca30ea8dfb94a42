"""What the picture scripts (screenshots.py, tour.py) share: waiting for the window to get
ready, taking a picture of a widget, and a window on the bundled statements."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication, QWidget

from reader import paths
from reader.core.library.library import Library
from reader.resource_access import resource_folder

from reader.ui import settings as S
from reader.ui import theme
from reader.ui.main_window import MainWindow
from reader.ui.search.index_service import IndexService, index_command

SETTLE_ROUNDS = 5  # event-loop rounds before a picture: layouts and repaints done


def wait_until(app: QApplication, condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Run the event loop until `condition()` holds; after `timeout` s, stop the script."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"{what}: the window did not get ready in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def shoot(app: QApplication, widget: QWidget, path: Path) -> None:
    for _ in range(SETTLE_ROUNDS):
        app.processEvents()
    widget.grab().save(str(path))
    print(path)


def bundled_window(
    app: QApplication, tmp: Path, size: tuple[int, int]
) -> tuple[MainWindow, IndexService, Library]:
    """A light window on the bundled statements in data folder `tmp`, showing the Elbe
    statement with its Recommendations panel filled (not its "gathering" placeholder)."""
    folders = paths.resolve(str(tmp))
    settings = S.Settings(paths.ensure(folders.config) / "settings.ini")
    theme.apply(app, "light")
    library = Library.open(resource_folder())
    service = IndexService(folders.index, list(library), index_command(folders))
    window = MainWindow(library, settings, service, folders.data)
    window.resize(*size)
    window.show()
    window.open_document("elbe-group-2018-naples")
    tab = window.recommendations
    tab.ensure_panel()
    wait_until(app, lambda: tab.panel is not None, 30, "screenshots")
    return window, service, library
