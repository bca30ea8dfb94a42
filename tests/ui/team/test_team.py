"""Preferences → Team and the status bar: connecting from the window, the sync's state, and
a server that does not answer said in the status bar, not as a dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.core.library.library import Library
from reader.core.team import sync
from reader.core.team.schema import TeamError
from tests.team.conftest import PASSWORDS, TeamServer

from reader.ui import settings as S
from reader.ui.main_window import MainWindow
from reader.ui.team.section import TeamSection

TIMEOUT_MS = 20000
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


@pytest.fixture
def window(qtbot: QtBot, library: Library, settings: S.Settings, tmp_path: Path) -> MainWindow:
    win = MainWindow(Library(list(library)), settings, None, tmp_path / "data")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(win.user_data.opened, timeout=TIMEOUT_MS):
        win.start_after_first_paint()
    return win


def _section(qtbot: QtBot, window: MainWindow) -> TeamSection:
    dialog = window.preferences.open()
    qtbot.addWidget(dialog)
    section = dialog.findChild(TeamSection)
    assert section is not None
    return section


def test_connect_from_preferences_and_see_the_sync_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, team_server: TeamServer
) -> None:
    section = _section(qtbot, window)
    assert not section.disconnect_button.isEnabled()
    section.server_edit.setText(team_server.dsn("alice", password=""))
    section.password_edit.setText(PASSWORDS["alice"])
    section.team_edit.setText("north")
    section.connect_button.click()
    label = window.team.status_label
    qtbot.waitUntil(lambda: label.text().startswith("Team: synced at"), timeout=TIMEOUT_MS)
    assert label.isVisible() and label.toolTip().startswith("Sent 0 notes")
    assert section.state.text().startswith("Team: synced at")
    assert not section.connect_button.isEnabled() and section.disconnect_button.isEnabled()
    assert section.password_edit.text() == ""
    assert PASSWORDS["alice"] not in section.server_edit.text()

    section.disconnect_button.click()
    assert not label.isVisible()
    assert section.state.text() == "Not connected: the library stays on this computer."
    assert section.connect_button.isEnabled()


def test_a_wrong_password_is_said_in_the_section(
    qtbot: QtBot, window: MainWindow, team_server: TeamServer
) -> None:
    section = _section(qtbot, window)
    section.server_edit.setText(team_server.dsn("alice", password=""))
    section.password_edit.setText("wrong")
    section.team_edit.setText("north")
    section.connect_button.click()
    qtbot.waitUntil(lambda: "cannot be used now" in section.state.text(), timeout=TIMEOUT_MS)
    assert "password authentication failed" in section.state.text()
    assert section.connect_button.isEnabled()


def test_a_server_that_does_not_answer_leaves_the_window_offline(
    qtbot: QtBot, window: MainWindow, team_server: TeamServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = _section(qtbot, window)
    section.server_edit.setText(team_server.dsn("alice"))
    section.team_edit.setText("north")
    section.connect_button.click()
    label = window.team.status_label
    qtbot.waitUntil(lambda: label.text().startswith("Team: synced at"), timeout=TIMEOUT_MS)

    def unreachable(*_args: object) -> sync.SyncReport:
        raise TeamError("The team server (alice@host/team) cannot be used now: timeout")

    monkeypatch.setattr(sync, "sync", unreachable)
    window.team.sync_now()
    qtbot.waitUntil(lambda: label.text() == "Team: offline", timeout=TIMEOUT_MS)
    assert label.toolTip() == "The team server (alice@host/team) cannot be used now: timeout"


def test_what_a_sync_brings_is_listed_and_drawn(
    qtbot: QtBot, window: MainWindow, team_server: TeamServer, tmp_path: Path
) -> None:
    from reader.core.importers import import_file
    from reader.core.library.catalogue import Catalogue
    from reader.core.notes.store import NotesStore
    from reader.core.team import connection
    from reader.core.user_db import UserDatabase
    from tests.conftest import SEEDS_DIR

    source = SEEDS_DIR / "dev" / "03_easlg-2023-nuclear-fail-safe.txt"
    if not source.exists():
        pytest.skip("the shared seeds are absent")
    alice = UserDatabase.open(tmp_path / "alice")
    connection.connect_library(alice, team_server.dsn("alice"), "north")
    doc_id = Catalogue(alice).add(import_file(source), source).id
    doc = Catalogue(alice).document(doc_id)
    assert doc is not None
    note = NotesStore(alice).add(doc, 0, 12, text="from alice")
    sync.share_notes(alice, [note.id], True)
    sync.sync(alice)

    section = _section(qtbot, window)
    section.server_edit.setText(team_server.dsn("bob"))
    section.team_edit.setText("north")
    with qtbot.waitSignal(window.team.documents_received, timeout=TIMEOUT_MS) as received:
        section.connect_button.click()
    assert [d.id for d in received.args[0]] == [doc_id]
    assert doc_id in window.library.library
    placed = window.notes.service.placements(list(window.library.library), doc_id)
    assert [p.note.text for p in placed] == ["from alice"]
