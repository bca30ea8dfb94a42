"""Renders the README's screenshots offscreen: python packaging/screenshots.py OUT_DIR."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from shooting import bundled_window, shoot, wait_until  # noqa: E402

from PySide6.QtWidgets import QApplication, QTextBrowser  # noqa: E402

from reader.core.library.importing import ImportResult  # noqa: E402
from reader.core.library.library import Library  # noqa: E402
from reader.core.notes.memo import GroupBy  # noqa: E402
from reader.core.notes.memo_text import memo_html  # noqa: E402

from reader.ui import language, theme  # noqa: E402
from reader.ui.actions import Act  # noqa: E402
from reader.ui.main_window import MainWindow  # noqa: E402
from reader.ui.notes.dialogs import NoteEdit, NoteEditor  # noqa: E402
from reader.ui.reading.view import RECOMMENDATION  # noqa: E402
from reader.ui.search.index_service import IndexService  # noqa: E402
from reader.ui.side_panel import Tab  # noqa: E402

SEARCH_QUERY = "nuclear"
SIZE = (1440, 860)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    app.setStyle(theme.ReaderStyle())  # as app.py does
    language.install(app, "en")  # as app.py does: English's plural forms come from its .qm
    with tempfile.TemporaryDirectory() as tmp:
        window, service, library = bundled_window(app, Path(tmp), SIZE)
        shoot(app, window, out / "main-window.png")
        window.find_bar.open_bar()
        window.find_bar.edit.setText("cyber")
        shoot(app, window, out / "find-bar.png")
        window.find_bar.close_bar()
        _search(app, window, service)
        shoot(app, window, out / "search-tab.png")
        _recommendations(app, window, out)
        _notes(app, window, library, out)
        _imports(app, window, Path(tmp), out)
        window.actions_by_id[Act.THEME_DARK].trigger()
        window.open_document("ac-riac-2013-washington")
        shoot(app, window, out / "dark-palette.png")
        window.close()
    _russian(app, out)


def _russian(app: QApplication, out: Path) -> None:
    """The window in Russian: the main view, then the Search tab with results."""
    language.install(app, "ru")
    with tempfile.TemporaryDirectory() as tmp:
        window, service, _library = bundled_window(app, Path(tmp), SIZE)
        shoot(app, window, out / "main-window-ru.png")
        _search(app, window, service)
        shoot(app, window, out / "search-tab-ru.png")
        window.close()
    language.install(app, "en")


DEV_SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "dev"


def _imports(app: QApplication, window: MainWindow, tmp: Path, out: Path) -> None:
    """A mixed import (three statements, a duplicate, a PNG named .txt, an empty file), its
    summary, and the library list with the imported documents and their counts."""
    from reader.ui.library import import_dialogs

    folder = tmp / "to-import"
    folder.mkdir()
    names = sorted(DEV_SEEDS.glob("0[145]_*.txt"))
    files = [folder / path.name.split("_", 1)[1] for path in names]
    for source, target in zip(names, files, strict=True):
        target.write_bytes(source.read_bytes())
    copy, picture = folder / "copy-of-easlg-2021.txt", folder / "scan.txt"
    empty = folder / "notes.md"
    copy.write_bytes(files[-1].read_bytes())
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    empty.write_text("")
    results: list[ImportResult] = []
    import_dialogs.show_import_summary = lambda _parent, found: results.extend(found)
    editor = window.library
    editor.start()
    _wait_until(app, lambda: editor.is_loaded)
    editor.imports.start([*files, copy, picture, empty])
    _wait_until(app, lambda: bool(results))
    summary = import_dialogs.ImportSummaryDialog(window, results)
    summary.resize(720, 430)
    shoot(app, summary, out / "import-summary.png")
    summary.close()
    service = window.recommendations.service
    imported = [r.id for r in results if r.id and r.status == "imported"]
    _wait_until(app, lambda: all(any(x.doc_id == i for x in service.recommendations())
                                 for i in imported))  # fmt: skip
    window.side_panel.setCurrentIndex(Tab.RECOMMENDATIONS)
    window.open_document(imported[0])
    shoot(app, window, out / "library-imported.png")


def _search(app: QApplication, window: MainWindow, service: IndexService) -> None:
    """Open the index, search in the Search tab, and open the second-best passage."""
    service.start()
    _wait_until(app, service.is_searchable)
    window.actions_by_id[Act.SEARCH].trigger()
    panel = window.ensure_search_panel()
    assert panel is not None
    panel.box.setText(SEARCH_QUERY)
    panel.search_now()
    _wait_until(app, lambda: panel.model.results().query == SEARCH_QUERY)
    panel.view.setCurrentIndex(panel.model.index(1, 0))
    window.show_hit(panel.model.hit(1))  # type: ignore[arg-type]


def _recommendations(app: QApplication, window: MainWindow, out: Path) -> None:
    """The Recommendations tab with one opened, the compare view, the matrix, the marks."""
    tab = window.recommendations
    sizes = window.splitter.sizes()
    window.splitter.setSizes([330, sum(sizes) - 330 - 470, 470])
    window.side_panel.setCurrentIndex(Tab.RECOMMENDATIONS)
    tab.ensure_panel()
    _wait_until(app, lambda: tab.panel is not None)
    panel = tab.panel
    assert panel is not None
    rec = next(r for r in tab.service.recommendations() if "special services" in r.sentence)
    tab.show_recommendation(rec)
    panel.view.setCurrentIndex(panel.proxy.index(0, 0, panel.proxy.index(0, 0)))
    panel.view.setCurrentIndex(panel.index_of(rec))
    shoot(app, window, out / "recommendations-panel.png")
    compare = tab.open_compare("us-russia-relations")
    assert compare is not None
    compare.resize(1100, 560)
    shoot(app, compare, out / "compare-view.png")
    compare.close()
    coverage = tab.open_coverage()
    assert coverage is not None
    coverage.resize(760, 470)
    shoot(app, coverage, out / "coverage-matrix.png")
    coverage.close()
    window.reader.set_highlights(RECOMMENDATION, [])
    window.actions_by_id[Act.MARK_RECOMMENDATIONS].setChecked(True)
    window.jump_to(rec.start - 900)
    shoot(app, window, out / "reader-marks.png")
    window.actions_by_id[Act.MARK_RECOMMENDATIONS].setChecked(False)


# (passage, colour, note, tags) on the Elbe statement, for the notes screenshots
NOTES = (
    ("any interaction between NATO and Russia has been fully scaled down", "yellow",
     "Core worry: no channels left.", ("dialogue", "nato")),
    ("both sides have nuclear weapons", "pink", "", ("nuclear",)),
    ("The situation in Ukraine continues to remain unresolved", "blue",
     "Compare with the *On Ukraine* section.", ("ukraine",)),
    ("immediate efforts to change the existing situation", "green",
     "The statement's central call.", ("strategic stability",)),
    ("observe the Minsk agreements", "purple", "", ("ukraine", "minsk")),
)  # fmt: skip


def _notes(app: QApplication, window: MainWindow, library: Library, out: Path) -> None:
    """Highlights in several colours, the Notes tab, and the note editor."""
    notes = window.notes
    notes.service.start()
    _wait_until(app, notes.service.is_loaded)
    store = notes.service.store
    assert store is not None
    window.open_document("elbe-group-2018-naples")
    doc = window.current_document()
    assert doc is not None
    first = len(doc.text)
    for words, color, text, tags in NOTES:
        start = doc.text.find(words)
        if start < 0:
            continue
        first = min(first, start)
        store.add(doc, start, start + len(words), color, text, tags)
    notes.refresh()
    window.side_panel.setCurrentIndex(Tab.NOTES)
    panel = notes.ensure_panel()
    assert panel is not None
    window.jump_to(max(0, first - 300))
    shoot(app, window, out / "notes-highlights.png")
    other = library.get("ac-riac-2013-washington")
    words = "a reframed US-Russia relationship based on mutual assured stability"
    start = other.text.find(words)
    if start >= 0:
        tags = ("strategic stability",)
        store.add(other, start, start + len(words), "green", "The 2013 frame.", tags)
    panel.all_documents.setChecked(True)
    panel.set_color("green")
    panel.view.setCurrentIndex(panel.proxy.index(0, 0))
    shoot(app, window, out / "notes-tab.png")
    words, color, text, tags = NOTES[0]
    editor = NoteEditor(words, NoteEdit(text, tags, color), store.tags(), window)
    editor.resize(520, 330)
    editor.show()
    shoot(app, editor, out / "note-editor.png")
    editor.close()
    _memo(app, window, out)


def _memo(app: QApplication, window: MainWindow, out: Path) -> None:
    """The Memo dialog grouped by topic, and the memo it saves, opened as HTML."""
    dialog = window.notes.files.open_memo()
    assert dialog is not None
    dialog.title.setText("Memo: arms control and Ukraine")
    dialog.group_by.setCurrentIndex(dialog.group_by.findData(GroupBy.TOPIC))
    dialog.resize(820, 720)
    shoot(app, dialog, out / "memo-dialog.png")
    page = QTextBrowser()
    page.setHtml(memo_html(dialog.memo))  # the saved file, as Qt's own HTML engine shows it
    page.resize(900, 760)
    page.show()
    shoot(app, page, out / "memo-html.png")
    page.close()
    dialog.close()


def _wait_until(app: QApplication, condition: Callable[[], bool], timeout: float = 30) -> None:
    wait_until(app, condition, timeout, "screenshots")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
