"""Run by test_kill.py in a process of its own: the app as `statement-reader` starts it,
driven to save a note through its dialog; "accepted" on stdout the moment the dialog is
accepted, then it waits to be killed."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from reader import paths

from reader.ui.actions import Act
from reader.ui.app import run_gui
from reader.ui.main_window import MainWindow
from reader.ui.notes.dialogs import NoteEditor

POLL_MS = 20
NOTE_TEXT = "Kept through a kill"
QUOTE = "Elbe Group"


def _window() -> MainWindow | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    return found[0] if found else None


def _when(ready: object, then: object) -> None:
    def poll() -> None:
        if ready():  # type: ignore[operator]
            then()  # type: ignore[operator]
        else:
            QTimer.singleShot(POLL_MS, poll)

    QTimer.singleShot(POLL_MS, poll)


def _write_note() -> None:
    window = _window()
    assert window is not None
    window.open_document("elbe-group-2018-naples")
    doc = window.current_document()
    assert doc is not None
    start = doc.text.index(QUOTE)
    window.reader.select_range(start, start + len(QUOTE))
    _when(lambda: isinstance(QApplication.activeModalWidget(), NoteEditor), _fill_and_save)
    window.actions_by_id[Act.ADD_NOTE].trigger()  # the dialog's own event loop runs inside


def _fill_and_save() -> None:
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, NoteEditor)
    dialog.text.setPlainText(NOTE_TEXT)
    dialog.accepted.connect(lambda: print("accepted", flush=True))
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Save).click()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window_ready = lambda: (  # noqa: E731
        (w := _window()) is not None and w.is_complete() and w.notes.service.is_loaded()
    )
    _when(window_ready, _write_note)
    code = run_gui(paths.resolve(sys.argv[1]))
    del app
    return code


if __name__ == "__main__":
    sys.exit(main())
