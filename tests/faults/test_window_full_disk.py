"""The window on a full disk: it opens, shows the notes already saved, says why a new note
cannot be saved, and keeps the note's dialog open with its text."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from reader.core.library.library import Library
from tests.faults.conftest import SEEDED_NOTES, Disk

from reader.ui import settings as S
from reader.ui.actions import Act
from reader.ui.main_window import MainWindow
from reader.ui.notes.dialogs import NoteEditor

ELBE = "elbe-group-2018-naples"
LOAD_TIMEOUT_MS = 10000


def test_a_note_on_a_full_disk(
    qtbot: QtBot, disk: Disk, data: Path, library: Library, tmp_path: Path
) -> None:
    disk.fill(0)
    posted: list[str] = []
    win = MainWindow(library, S.Settings(tmp_path / "settings.ini"), None, data)
    qtbot.addWidget(win)
    win.messages.posted.connect(lambda sentence, _ms: posted.append(sentence))
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(win.notes.service.loaded, timeout=LOAD_TIMEOUT_MS):
        win.notes.service.start()
    store = win.notes.service.store
    assert store is not None
    assert sorted(note.text for note in store.list()) == sorted(SEEDED_NOTES)
    win.open_document(ELBE)
    doc = win.current_document()
    assert doc is not None
    start = doc.text.index("Naples")
    win.reader.select_range(start, start + len("Naples"))

    seen: dict[str, object] = {}

    def save_then_look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NoteEditor):
            QTimer.singleShot(20, save_then_look)
            return
        dialog.text.setPlainText("typed on a full disk")
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons is not None
        buttons.button(QDialogButtonBox.StandardButton.Save).click()
        seen.update(open=dialog.isVisible(), problem=dialog.problem.text())
        seen.update(text=dialog.text.toPlainText())
        dialog.reject()

    QTimer.singleShot(20, save_then_look)
    win.actions_by_id[Act.ADD_NOTE].trigger()
    assert seen["open"] is True and seen["text"] == "typed on a full disk"
    problem = str(seen["problem"])
    assert problem.startswith("Not saved: ") and "full" in problem, problem
    assert any("full" in sentence for sentence in posted), posted
    assert sorted(note.text for note in store.list()) == sorted(SEEDED_NOTES)
