"""Renders the README's screenshots offscreen: python packaging/screenshots.py OUT_DIR."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader import paths  # noqa: E402
from reader.core.library import Library  # noqa: E402
from reader.resource_access import resource_folder  # noqa: E402

from reader.ui import settings as S  # noqa: E402
from reader.ui import theme  # noqa: E402
from reader.ui.actions import Act  # noqa: E402
from reader.ui.index_process import index_command  # noqa: E402
from reader.ui.index_service import IndexService  # noqa: E402
from reader.ui.main_window import MainWindow  # noqa: E402

SEARCH_QUERY = "nuclear"


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    with tempfile.TemporaryDirectory() as tmp:
        folders = paths.resolve(tmp)
        settings = S.Settings(paths.ensure(folders.config) / "settings.ini")
        theme.apply(app, "light")
        library = Library.open(resource_folder())
        service = IndexService(folders.index, list(library), index_command(folders))
        window = MainWindow(library, settings, service)
        window.resize(1440, 860)
        window.show()
        window.open_document("elbe-group-2018-naples")
        _shoot(app, window, out / "main-window.png")
        window.find_bar.open_bar()
        window.find_bar.edit.setText("cyber")
        _shoot(app, window, out / "find-bar.png")
        window.find_bar.close_bar()
        _search(app, window, service)
        _shoot(app, window, out / "search-tab.png")
        window.actions_by_id[Act.THEME_DARK].trigger()
        window.open_document("ac-riac-2013-washington")
        _shoot(app, window, out / "dark-palette.png")
        window.close()


def _search(app: QApplication, window: MainWindow, service: IndexService) -> None:
    """Open the index, search in the Search tab, and open the second-best passage."""
    service.start()
    _wait_until(app, service.is_searchable)
    window.actions_by_id[Act.SEARCH].trigger()
    panel = window.search_tab()
    assert panel is not None
    panel.box.setText(SEARCH_QUERY)
    panel.search_now()
    _wait_until(app, lambda: panel.model.results().query == SEARCH_QUERY)
    panel.view.setCurrentIndex(panel.model.index(1, 0))
    window.show_hit(panel.model.hit(1))  # type: ignore[arg-type]


def _wait_until(app: QApplication, condition: Callable[[], bool], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("screenshots: the search index did not answer in time")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def _shoot(app: QApplication, window: MainWindow, path: Path) -> None:
    for _ in range(3):
        app.processEvents()
    window.grab().save(str(path))
    print(path)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
