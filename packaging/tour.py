"""The window as the issue tracker's bar for the daily feel asks to see it, at 1440×900, in
English and Russian, light and dark: python packaging/tour.py OUT_DIR.

Each variant shows fifty statements in the library, the Search tab with a half-typed word
still finding passages and the best one opened a third of the way down, a note's mark in
the reader, the coverage matrix of every statement, the Notes tab with a note's menu open,
Preferences, and the keyboard shortcuts."""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from shooting import SETTLE_ROUNDS, shoot, wait_until  # noqa: E402

from PySide6.QtCore import QPoint  # noqa: E402
from PySide6.QtGui import QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from reader import paths  # noqa: E402
from reader.core.documents.builder import build_document  # noqa: E402
from reader.core.documents.document import Document  # noqa: E402
from reader.core.documents.text_find import whole_words  # noqa: E402
from reader.core.importers import import_file  # noqa: E402
from reader.core.library.library import Library  # noqa: E402
from reader.resource_access import resource_folder  # noqa: E402

from reader.ui import language, theme  # noqa: E402
from reader.ui import settings as S  # noqa: E402
from reader.ui.actions import Act  # noqa: E402
from reader.ui.main_window import MainWindow  # noqa: E402
from reader.ui.search.index_service import IndexService, index_command  # noqa: E402
from reader.ui.side_panel import Tab  # noqa: E402

SIZE = (1440, 900)
DEV = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "dev"
HALF_TYPED = "strategic stab"
VARIANTS = [("en", "light"), ("en", "dark"), ("ru", "light"), ("ru", "dark")]


def fifty_statements() -> list[Document]:
    """The bundled two, the development statements, and numbered copies of them: fifty."""
    docs = list(Library.open(resource_folder()))
    dev = sorted(DEV.glob("*.txt"))
    imported = []
    for path in dev:
        statement = import_file(path)
        imported.append(
            build_document(path.stem[3:], "imported", statement.metadata, list(statement.blocks))
        )
    docs += imported
    copy = 2
    while len(docs) < 50:
        for doc in imported:
            if len(docs) >= 50:
                break
            title = f"{doc.metadata.display_title} ({copy})"
            meta = dataclasses.replace(doc.metadata, short_title=title)
            docs.append(dataclasses.replace(doc, id=f"{doc.id}-{copy}", metadata=meta))
        copy += 1
    return docs


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyle(theme.ReaderStyle())  # as app.py does
    docs = fifty_statements()
    for lang, shade in VARIANTS:
        with tempfile.TemporaryDirectory() as tmp:
            _variant(app, Library(docs), Path(tmp), out, f"{lang}-{shade}", lang, shade)
    language.install(app, "en")


def _variant(
    app: QApplication, library: Library, tmp: Path, out: Path, name: str, lang: str, shade: str
) -> None:
    language.install(app, lang)
    theme.apply(app, shade)
    folders = paths.resolve(str(tmp))
    settings = S.Settings(paths.ensure(folders.config) / "settings.ini")
    settings.set(S.THEME, shade)
    service = IndexService(folders.index, list(library), index_command(folders), threshold=10**6)
    window = MainWindow(library, settings, service, folders.data)
    window.resize(*SIZE)
    window.show()
    window.library.start()
    window.recommendations.start_after_first_paint()
    service.start()
    _wait_until(app, service.is_searchable, 180)
    notes = window.notes
    notes.service.start()
    _wait_until(app, notes.service.is_loaded)

    panel = window.ensure_search_panel()
    assert panel is not None
    window.side_panel.setCurrentIndex(Tab.SEARCH)
    panel.box.setText(HALF_TYPED)
    panel.search_now()
    _wait_until(
        app, lambda: panel.model.results().query == HALF_TYPED and panel.model.rowCount() > 0
    )
    # A passage deep in its statement, to show it opened a third of the way down.
    rows = range(panel.model.rowCount())
    row = next((r for r in rows if (h := panel.model.hit(r)) and h.start > 3000), 0)
    hit = panel.model.hit(row)
    assert hit is not None
    doc = library.get(hit.doc_id)
    store = notes.service.store
    assert store is not None
    # As the reader stores a selection: snapped to whole words.
    start, end = whole_words(doc.text, hit.start, min(len(doc.text), hit.end, hit.start + 60))
    store.add(
        doc,
        start,
        end,
        "green",
        "Worth **quoting** in the memo.",
        ("stability",),
    )
    notes.refresh()
    panel.view.setCurrentIndex(panel.model.index(row, 0))
    window.show_hit(hit)
    shoot(app, window, out / f"main-{name}.png")

    recs = window.recommendations
    _wait_until(app, lambda: bool(recs.service.is_loaded() and recs.service.recommendations()), 120)
    window.actions_by_id[Act.COVERAGE_MATRIX].trigger()
    coverage = recs.coverage_dialog
    assert coverage is not None
    coverage.resize(1400, 700)
    shoot(app, coverage, out / f"coverage-{name}.png")
    coverage.close()

    window.side_panel.setCurrentIndex(Tab.NOTES)
    tab = notes.ensure_panel()
    assert tab is not None
    tab.all_documents.setChecked(True)
    _wait_until(app, lambda: tab.proxy.rowCount() > 0)
    first = tab.proxy.index(0, 0)
    tab.view.setCurrentIndex(first)
    where = tab.view.visualRect(first).center()
    tab.view.customContextMenuRequested.emit(where)
    menu = notes.context_menu
    assert menu is not None
    at = tab.view.viewport().mapTo(window, where)
    _shoot_with_popup(app, window, menu, at, out / f"notes-menu-{name}.png")
    menu.close()

    dialog = window.preferences.open()
    shoot(app, dialog, out / f"preferences-{name}.png")
    dialog.close()
    window.actions_by_id[Act.SHORTCUTS].trigger()
    assert window.help.dialog is not None
    window.help.dialog.resize(640, 860)
    shoot(app, window.help.dialog, out / f"shortcuts-{name}.png")
    window.help.dialog.close()
    window.close()
    service.shutdown()


def _wait_until(app: QApplication, condition: Callable[[], bool], timeout: float = 60) -> None:
    wait_until(app, condition, timeout, "tour")


def _shoot_with_popup(
    app: QApplication, window: QWidget, popup: QWidget, at: QPoint, path: Path
) -> None:
    """The window with a popup drawn where it was asked for (an offscreen grab has no
    popups, and the offscreen screen is too small to place one beside a wide window)."""
    for _ in range(SETTLE_ROUNDS):
        app.processEvents()
    picture: QPixmap = window.grab()
    drawn = popup.grab()
    # A desktop opens a menu leftwards or upwards when it would leave the screen.
    x = min(at.x(), picture.width() - drawn.width())
    y = min(at.y(), picture.height() - drawn.height())
    painter = QPainter(picture)
    painter.drawPixmap(QPoint(max(0, x), max(0, y)), drawn)
    painter.end()
    picture.save(str(path))
    print(path)


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/tour"))
