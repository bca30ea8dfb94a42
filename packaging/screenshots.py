"""Renders the README's screenshots offscreen: python packaging/screenshots.py OUT_DIR."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from reader import paths  # noqa: E402
from reader.core.library import Library  # noqa: E402
from reader.resource_access import resource_folder  # noqa: E402

from reader.ui import settings as S  # noqa: E402
from reader.ui import theme  # noqa: E402
from reader.ui.actions import Act  # noqa: E402
from reader.ui.main_window import MainWindow  # noqa: E402


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    with tempfile.TemporaryDirectory() as tmp:
        folders = paths.resolve(tmp)
        settings = S.Settings(paths.ensure(folders.config) / "settings.ini")
        theme.apply(app, "light")
        window = MainWindow(Library.open(resource_folder()), settings)
        window.resize(1440, 860)
        window.show()
        window.open_document("elbe-group-2018-naples")
        _shoot(app, window, out / "main-window.png")
        window.find_bar.open_bar()
        window.find_bar.edit.setText("cyber")
        _shoot(app, window, out / "find-bar.png")
        window.find_bar.close_bar()
        window.actions_by_id[Act.THEME_DARK].trigger()
        window.open_document("ac-riac-2013-washington")
        _shoot(app, window, out / "dark-palette.png")
        window.close()


def _shoot(app: QApplication, window: MainWindow, path: Path) -> None:
    for _ in range(3):
        app.processEvents()
    window.grab().save(str(path))
    print(path)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
