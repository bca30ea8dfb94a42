"""The Memo dialog: choices rebuild the memo, Copy as Memo puts rich and plain text on the
clipboard, Save As writes the chosen format; the window opens it and names the author."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from reader.core.export import ExportFormat
from reader.core.library.library import Library
from reader.core.notes.memo import GroupBy
from reader.core.notes.note import Note
from reader.core.recommendations.collection import collect
from reader.core.recommendations.rules import bundled_rules
from reader.core.recommendations.taxonomy import bundled_taxonomy
from tests.ui.notes.test_controller import _three_notes, open_window, store

from reader.ui import settings as S
from reader.ui.actions import Act
from reader.ui.notes import dialogs as note_dialogs
from reader.ui.notes import memo_dialog
from reader.ui.notes.memo_dialog import MemoDialog, MemoSource

ELBE = "elbe-group-2018-naples"


def notes_on(library: Library) -> list[Note]:
    elbe = library.get(ELBE)
    start = elbe.text.index("final defeat of ISIS")
    return [
        Note("1", ELBE, start, start + 20, "final defeat of ISIS", "", "", "pink", "Why?",
             ("syria",), "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z"),
        Note("2", ELBE, 0, 10, elbe.text[:10], "", "", "green", "", ("title",),
             "2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z"),
    ]  # fmt: skip


@pytest.fixture
def dialog(qtbot: QtBot, library: Library) -> MemoDialog:
    recs = collect(library, bundled_rules(), bundled_taxonomy())
    source = MemoSource.of(notes_on(library), library.by_id(), recs, ["syria", "title"])
    widget = MemoDialog(source)
    qtbot.addWidget(widget)
    return widget


def test_the_choices_rebuild_the_memo(dialog: MemoDialog) -> None:
    assert dialog.memo.count == 2 and dialog.status.text() == "2 notes in the memo"
    dialog.tag.setCurrentIndex(dialog.tag.findData("syria"))
    assert dialog.memo.count == 1 and "final defeat of ISIS" in dialog.preview.toPlainText()
    dialog.group_by.setCurrentIndex(dialog.group_by.findData(GroupBy.TOPIC))
    assert dialog.memo.groups[0].heading == "Middle East & Syria"
    dialog.words.setText("nothing-like-this")
    assert dialog.memo.count == 0 and not dialog.copy_button.isEnabled()


def test_copy_as_memo_puts_html_and_plain_text_on_the_clipboard(
    qtbot: QtBot, dialog: MemoDialog
) -> None:
    dialog.title.setText("For the minister")
    with qtbot.waitSignal(dialog.message_posted):
        qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasHtml() and data.hasText()
    assert "<h1>For the minister</h1>" in data.html()
    assert "<blockquote>“final defeat of ISIS”</blockquote>" in data.html()
    assert "On Syria, para. 27" in data.text() and "<" not in data.text()


def test_save_as_writes_a_word_document(
    qtbot: QtBot, dialog: MemoDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "memo.docx"
    monkeypatch.setattr(memo_dialog, "ask_export_path",
                        lambda *args: (target, ExportFormat.DOCX))  # fmt: skip
    with qtbot.waitSignal(dialog.message_posted) as said:
        dialog.save_button.click()
    assert said.args == [f"The memo is saved as {target}."]
    texts = [p.text for p in docx.Document(io.BytesIO(target.read_bytes())).paragraphs]
    assert "“final defeat of ISIS”" in texts and any("para. 27" in t for t in texts)


def test_the_window_opens_the_memo_from_the_notes_tab(
    qtbot: QtBot, library: Library, settings: S.Settings, tmp_path: Path
) -> None:
    win = open_window(qtbot, library, settings, tmp_path / "data")
    _three_notes(win)
    win.actions_by_id[Act.NOTES_MEMO].trigger()
    opened = win.notes.files.memo_dialog
    assert opened is not None and opened.isVisible()
    qtbot.addWidget(opened)
    assert opened.memo.count == 3
    opened.copy_memo()
    qtbot.waitUntil(lambda: "clipboard" in win.statusBar().currentMessage())


def test_exports_name_the_author_set_in_the_settings(
    qtbot: QtBot,
    library: Library,
    settings: S.Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    win = open_window(qtbot, library, settings, tmp_path / "data")
    monkeypatch.setattr(note_dialogs, "ask_notes_author", lambda parent, now, system: "Ann  Reader")
    win.actions_by_id[Act.NOTES_AUTHOR].trigger()
    assert win.statusBar().currentMessage() == "Exported notes name Ann Reader as their author."
    _three_notes(win)
    path = tmp_path / "notes.json"
    monkeypatch.setattr(note_dialogs, "ask_notes_export", lambda parent: (path, ExportFormat.JSON))
    win.actions_by_id[Act.EXPORT_NOTES].trigger()
    qtbot.waitUntil(lambda: win.statusBar().currentMessage().startswith("Exported 3 notes"))
    item = json.loads(path.read_text(encoding="utf-8"))["first"]["items"][0]
    assert item["creator"]["name"] == "Ann Reader"
    assert len(store(win).list()) == 3
