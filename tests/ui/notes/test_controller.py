"""Notes as a reader makes them: highlight a selection, write a note, undo and redo, change
colour, delete, filter the Notes tab, jump to a note, find it from the Search tab."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu, QMessageBox

from reader.core.documents.citation import cite
from reader.core.export import ExportFormat
from reader.core.library.library import Library
from reader.core.notes.note import Note
from reader.core.notes.store import NotesStore

from reader.ui import settings as S
from reader.ui.actions import Act
from reader.ui.main_window import MainWindow
from reader.ui.notes import dialogs as note_dialogs
from reader.ui.notes.dialogs import NoteEdit, NoteEditor, Save
from reader.ui.notes.panel import NotesPanel
from reader.ui.reading.view import note_kind
from reader.ui.search.index_service import IndexService
from reader.ui.side_panel import Tab

ELBE, ACRIAC = "elbe-group-2018-naples", "ac-riac-2013-washington"
LOAD_TIMEOUT_MS = 10000


def open_window(
    qtbot: QtBot,
    library: Library,
    settings: S.Settings,
    data: Path,
    index_service: IndexService | None = None,
) -> MainWindow:
    win = MainWindow(library, settings, index_service, data)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(win.notes.service.loaded, timeout=LOAD_TIMEOUT_MS):
        win.notes.service.start()
    win.open_document(ELBE)
    return win


@pytest.fixture
def win(qtbot: QtBot, library: Library, settings: S.Settings, tmp_path: Path) -> MainWindow:
    return open_window(qtbot, library, settings, tmp_path / "data")


def store(window: MainWindow) -> NotesStore:
    assert window.notes.service.store is not None
    return window.notes.service.store


def phrase(window: MainWindow, words: str) -> tuple[int, int]:
    doc = window.current_document()
    assert doc is not None
    start = doc.text.index(words)
    return start, start + len(words)


def select(window: MainWindow, words: str) -> tuple[int, int]:
    start, end = phrase(window, words)
    window.reader.select_range(start, end)
    return start, end


def caret_at(window: MainWindow, offset: int) -> None:
    cursor = QTextCursor(window.reader.document())
    cursor.setPosition(window.reader.to_qt(offset))
    window.reader.setTextCursor(cursor)


def panel(window: MainWindow) -> NotesPanel:
    window.side_panel.setCurrentIndex(Tab.NOTES)
    built = window.notes.ensure_panel()
    assert built is not None
    return built


def patch_editor(monkeypatch: pytest.MonkeyPatch, edit: NoteEdit | None) -> list[str]:
    quotes: list[str] = []

    def ask(
        parent: object,
        quote: str,
        before: NoteEdit | None = None,
        known_tags: object = (),
        save: Save | None = None,
    ) -> NoteEdit | None:
        quotes.append(quote)
        if edit is None:
            return None
        assert save is not None and save(edit) == ""  # as Save does, before the dialog closes
        return edit

    monkeypatch.setattr(NoteEditor, "ask", ask)
    return quotes


def test_ctrl_h_highlights_the_selection_in_yellow(win: MainWindow, qtbot: QtBot) -> None:
    start, end = select(win, "Elbe Group")
    qtbot.keyClick(win.reader, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    [note] = store(win).list()
    assert (note.start, note.end, note.color) == (start, end, "yellow")
    assert win.reader.highlight_ranges(note_kind("yellow")) == [(start, end)]
    assert win.reader.selection_range() is None


def test_a_colour_from_the_menu(win: MainWindow) -> None:
    start, end = select(win, "Elbe Group")
    win.actions_by_id[Act.HIGHLIGHT_PINK].trigger()
    assert [n.color for n in store(win).list()] == ["pink"]
    assert win.reader.highlight_ranges(note_kind("pink")) == [(start, end)]


def test_note_undo_redo(win: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    quotes = patch_editor(monkeypatch, NoteEdit("Worth quoting", ("arms control",), "green"))
    tab = panel(win)
    select(win, "Elbe Group")
    qtbot.keyClick(
        win.reader,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert quotes == ["Elbe Group"]
    [note] = store(win).list()
    assert (note.text, note.tags, note.color) == ("Worth quoting", ("arms control",), "green")
    assert tab.shown() == [note]
    qtbot.keyClick(win.reader, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store(win).list() == []
    assert tab.shown() == []
    assert win.reader.highlight_ranges(note_kind("green")) == []
    win.actions_by_id[Act.REDO].trigger()
    assert [n.id for n in store(win).list()] == [note.id]
    assert [n.id for n in tab.shown()] == [note.id]


def test_edit_change_colour_and_delete_are_undone(
    win: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    start, _ = select(win, "Elbe Group")
    win.actions_by_id[Act.HIGHLIGHT].trigger()
    caret_at(win, start + 2)
    win.actions_by_id[Act.HIGHLIGHT_BLUE].trigger()
    assert [n.color for n in store(win).list()] == ["blue"]
    assert win.reader.highlight_ranges(note_kind("yellow")) == []
    patch_editor(monkeypatch, NoteEdit("edited", ("a", "b"), "blue"))
    win.actions_by_id[Act.EDIT_NOTE].trigger()
    assert [(n.text, n.tags) for n in store(win).list()] == [("edited", ("a", "b"))]
    win.actions_by_id[Act.DELETE_NOTE].trigger()
    assert store(win).list() == []
    undo = win.actions_by_id[Act.UNDO]
    assert undo.text() == "&Undo Delete Note"
    undo.trigger()
    assert [n.text for n in store(win).list()] == ["edited"]
    undo.trigger()
    assert [(n.text, n.color) for n in store(win).list()] == [("", "blue")]
    undo.trigger()
    assert [n.color for n in store(win).list()] == ["yellow"]


def test_context_menu_offers_edit_colour_and_delete_in_a_highlight(win: MainWindow) -> None:
    start, _ = select(win, "Elbe Group")
    win.actions_by_id[Act.HIGHLIGHT].trigger()
    caret_at(win, start + 1)
    menu = QMenu()
    rect = win.reader.cursorRect()
    win.notes.add_context_actions(menu, QPoint(rect.center().x(), rect.center().y()))
    texts = [a.text() for a in menu.actions()]
    assert texts == ["&Edit Note…", "Change Colour", "&Delete Highlight"]
    menu.deleteLater()


def _three_notes(win: MainWindow) -> list[Note]:
    notes = []
    for words, color, tags, text in (
        ("Elbe Group", "yellow", ("people",), "who"),
        ("Naples", "green", ("place",), "where it met"),
        ("cyber", "green", ("cyber", "people"), ""),
    ):
        doc = win.current_document()
        assert doc is not None
        notes.append(store(win).add(doc, *phrase(win, words), color, text, tags))
    win.notes.refresh()
    return notes


def test_filters_by_colour_tag_and_text(win: MainWindow) -> None:
    elbe, naples, cyber = _three_notes(win)
    tab = panel(win)
    assert len(tab.shown()) == 3
    tab.set_color("green")
    assert tab.shown() == [naples, cyber]
    tab.set_tag("people")
    assert tab.shown() == [cyber]
    tab.set_color(None)
    assert tab.shown() == [elbe, cyber]
    tab.text_filter.setText("WHO")
    assert tab.shown() == [elbe]
    assert tab.status.text() == "1 of 3 notes on this document."


def test_double_click_opens_the_document_and_selects_the_passage(
    win: MainWindow, qtbot: QtBot
) -> None:
    naples = _three_notes(win)[1]
    win.open_document(ACRIAC)
    tab = panel(win)
    assert tab.shown() == []
    tab.all_documents.setChecked(True)
    index = tab.proxy.index(1, 0)
    qtbot.waitUntil(lambda: tab.view.visualRect(index).top() > 0)  # laid out (delayed)
    rect = tab.view.visualRect(index)
    # A double-click counts on the row that was pressed first, as with a real mouse.
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.current_document().id == ACRIAC  # type: ignore[union-attr]
    qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.current_document().id == ELBE  # type: ignore[union-attr]
    assert win.reader.selection_range() == (naples.start, naples.end)


def test_notes_are_found_from_the_search_tab(
    qtbot: QtBot,
    library: Library,
    settings: S.Settings,
    tmp_path: Path,
    index_service: IndexService,
) -> None:
    win = open_window(qtbot, library, settings, tmp_path / "data", index_service)
    _, naples, _ = _three_notes(win)
    win.actions_by_id[Act.SEARCH].trigger()
    search = win.ensure_search_panel()
    assert search is not None and win.notes.search_matches is not None
    matches = win.notes.search_matches
    search.box.setText("where met")  # the notes follow the query after the typing pause
    qtbot.waitUntil(matches.isVisible)
    assert matches.model.rowCount() == 1
    win.open_document(ACRIAC)
    matches.view.clicked.emit(matches.model.index(0, 0))
    assert win.reader.selection_range() == (naples.start, naples.end)
    search.box.setText("")
    qtbot.waitUntil(lambda: not matches.isVisible())


def test_a_read_only_data_folder_says_why_nothing_is_saved(
    qtbot: QtBot, library: Library, settings: S.Settings, tmp_path: Path
) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    win = open_window(qtbot, library, settings, blocker / "data")
    select(win, "Elbe Group")
    win.actions_by_id[Act.HIGHLIGHT].trigger()
    message = win.statusBar().currentMessage()
    assert message.startswith("Notes cannot be saved: the folder")
    assert win.reader.highlight_ranges(note_kind("yellow")) == []
    assert win.current_document() is not None  # reading goes on


def _exported(qtbot: QtBot, win: MainWindow, path: Path) -> str:
    """The export runs off the GUI thread: its file, once the status line says it is done."""
    qtbot.waitUntil(lambda: win.statusBar().currentMessage().startswith("Exported"))
    assert f"to {path}" in win.statusBar().currentMessage()
    win.statusBar().clearMessage()
    return path.read_text(encoding="utf-8-sig")


def test_export_all_and_shown(
    qtbot: QtBot, win: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _three_notes(win)
    answers = iter(
        [(tmp_path / "all.md", note_dialogs.MARKDOWN), (tmp_path / "green.csv", note_dialogs.CSV)]
    )
    monkeypatch.setattr(note_dialogs, "ask_notes_export", lambda parent: next(answers))
    win.actions_by_id[Act.EXPORT_NOTES].trigger()
    qtbot.waitUntil(lambda: win.statusBar().currentMessage().startswith("Exported 3 notes to"))
    markdown = _exported(qtbot, win, tmp_path / "all.md")
    assert "> Elbe Group" in markdown and "where it met" in markdown
    tab = panel(win)
    tab.set_color("green")
    tab.export_button.click()
    rows = _exported(qtbot, win, tmp_path / "green.csv").splitlines()
    assert len(rows) == 3 and "Naples" in rows[1]


@pytest.mark.parametrize("kind", [note_dialogs.HTML, note_dialogs.JSON])
def test_export_formats(
    qtbot: QtBot,
    win: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    kind: ExportFormat,
) -> None:
    _three_notes(win)
    path = tmp_path / f"notes{kind.suffix}"
    monkeypatch.setattr(note_dialogs, "ask_notes_export", lambda parent: (path, kind))
    win.actions_by_id[Act.EXPORT_NOTES].trigger()
    assert "where it met" in _exported(qtbot, win, path)


def test_import_shows_its_report(
    qtbot: QtBot, win: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _three_notes(win)
    path = tmp_path / "notes.json"
    monkeypatch.setattr(note_dialogs, "ask_notes_export", lambda parent: (path, note_dialogs.JSON))
    win.actions_by_id[Act.EXPORT_NOTES].trigger()
    _exported(qtbot, win, path)
    for note in store(win).list()[:2]:
        store(win).delete(note.id)
    monkeypatch.setattr(note_dialogs, "ask_notes_import", lambda parent: path)
    win.actions_by_id[Act.IMPORT_NOTES].trigger()
    assert win.statusBar().currentMessage() == (
        "Notes imported: 0 added, 0 updated, 1 unchanged, 2 left deleted."
    )
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2")
    monkeypatch.setattr(note_dialogs, "ask_notes_import", lambda parent: bad)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))
    win.actions_by_id[Act.IMPORT_NOTES].trigger()
    assert win.statusBar().currentMessage().startswith("bad.json was not imported:")
    assert warned == [win.statusBar().currentMessage()]  # a refusal is said in a dialog too


def test_a_selection_is_stored_as_whole_words(win: MainWindow, qtbot: QtBot) -> None:
    start, end = phrase(win, "Elbe Group")
    win.reader.select_range(start + 1, end - 2)  # "lbe Gro"
    qtbot.keyClick(win.reader, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    [note] = store(win).list()
    assert (note.start, note.end, note.quote) == (start, end, "Elbe Group")


# The tooltip asks the offscreen platform to raise it, which it cannot do.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_highlight_with_a_note_is_marked_and_tells_its_note(
    win: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    patch_editor(monkeypatch, NoteEdit("Worth **quoting**", (), "green"))
    plain = select(win, "Naples")
    win.actions_by_id[Act.HIGHLIGHT_YELLOW].trigger()  # a highlight without a note: no mark
    start, end = select(win, "Elbe Group")
    win.actions_by_id[Act.ADD_NOTE].trigger()
    [remark] = win.reader.note_marks.remarks()
    assert (remark.start, remark.end, remark.text) == (start, end, "Worth **quoting**")
    assert plain[0] not in {r.start for r in win.reader.note_marks.remarks()}

    mark = win.reader.note_marks.mark_rect(remark)
    picture = win.reader.viewport().grab().toImage()
    assert picture.pixelColor(mark.topLeft() + QPoint(1, 1)) != win.reader.palette().base().color()

    cursor = QTextCursor(win.reader.document())
    cursor.setPosition(win.reader.to_qt(start + 2))
    inside = win.reader.cursorRect(cursor).center()
    event = QHelpEvent(QEvent.Type.ToolTip, inside, win.reader.viewport().mapToGlobal(inside))
    QApplication.sendEvent(win.reader.viewport(), event)
    assert QToolTip.text() == "Worth **quoting**"


def _note_row_centre(tab: NotesPanel, note: Note) -> QPoint:
    row = [shown.id for shown in tab.shown()].index(note.id)
    return tab.view.visualRect(tab.proxy.index(row, 0)).center()


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_the_notes_tab_menu_edits_recolours_copies_and_deletes(
    win: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    tab = panel(win)
    select(win, "Elbe Group")
    win.actions_by_id[Act.HIGHLIGHT_YELLOW].trigger()
    [note] = store(win).list()
    qtbot.waitUntil(lambda: tab.shown() == [note])
    centre = _note_row_centre(tab, note)
    tab.view.customContextMenuRequested.emit(centre)  # as a right-click on the row
    menu = win.notes.context_menu
    assert menu is not None
    items = {a.text().replace("&", ""): a for a in menu.actions() if a.text()}
    assert list(items) == ["Edit Note…", "Change Colour", "Copy with Citation", "Delete"]

    blue = next(a for a in items["Change Colour"].menu().actions() if a.text() == "Blue")
    blue.trigger()
    assert [n.color for n in store(win).list()] == ["blue"]

    items["Copy with Citation"].trigger()
    doc = win.current_document()
    assert doc is not None
    assert QApplication.clipboard().text() == cite(doc, note.start, note.end)

    patch_editor(monkeypatch, NoteEdit("from the menu", ("t",), "blue"))
    items["Edit Note…"].trigger()
    assert [n.text for n in store(win).list()] == ["from the menu"]
    menu.close()

    tab.view.setFocus()
    tab.view.setCurrentIndex(tab.proxy.index(0, 0))
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert store(win).list() == []
