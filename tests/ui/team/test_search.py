"""The Search tab with a team: "This laptop" or "Team archive", the archive's passages from a
real PostgreSQL server (tests/team/cluster.py), opening what it found whether or not the
sync has brought it, and a server gone mid-session said in a sentence."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader import paths
from reader.core.importers import import_file
from reader.core.library.catalogue import Catalogue
from reader.core.library.library import Library
from reader.core.team import connection, sync
from reader.core.user_db import UserDatabase
from tests.conftest import SEEDS_DIR
from tests.team import cluster as clusters
from tests.team.conftest import TeamServer, open_laptop, prepare

from reader.ui import settings as S
from reader.ui.main_window import MainWindow
from reader.ui.reading.pane import SEARCH_HIGHLIGHT
from reader.ui.search.archive import LAPTOP, LAPTOP_LINK, SYNC_LINK, TEAM
from reader.ui.search.index_service import IndexService
from reader.ui.search.panel import SearchPanel
from reader.ui.side_panel import Tab

TIMEOUT_MS = 20000
FAIL_SAFE = "03_easlg-2023-nuclear-fail-safe.txt"  # "blunder" is in it alone
RESET = "06_former-ambassadors-2010-reflections-on-reset.txt"  # "lingering" is in it alone
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


def _seed(name: str) -> Path:
    source = SEEDS_DIR / "dev" / name
    if not source.exists():
        pytest.skip("the shared seeds are absent")
    return source


def _push(laptop: UserDatabase, name: str) -> str:
    """Import a seed on another analyst's laptop and send it to the team; its id."""
    source = _seed(name)
    doc_id = Catalogue(laptop).add(import_file(source), source).id
    sync.sync(laptop)
    return doc_id


@pytest.fixture
def alice(tmp_path: Path, team_server: TeamServer) -> UserDatabase:
    laptop = open_laptop(tmp_path / "alice")
    connection.connect_library(laptop, team_server.dsn("alice"), "north")
    return laptop


def _window(
    qtbot: QtBot,
    library: Library,
    settings: S.Settings,
    service: IndexService,
    folders: paths.Folders,
    dsn: str = "",
) -> MainWindow:
    """A window on a library of its own; linked to the team on `dsn` if one is given, once
    its first sync has ended."""
    if dsn:
        db = open_laptop(folders.data)
        connection.connect_library(db, dsn, "north")
        db.close()
    win = MainWindow(Library(list(library)), settings, service, folders.data)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(win.team.synced if dsn else win.user_data.opened, timeout=TIMEOUT_MS):
        win.start_after_first_paint()
    return win


@pytest.fixture
def bob(
    qtbot: QtBot,
    library: Library,
    settings: S.Settings,
    index_service: IndexService,
    folders: paths.Folders,
    team_server: TeamServer,
    alice: UserDatabase,
) -> Iterator[MainWindow]:
    _push(alice, FAIL_SAFE)
    win = _window(qtbot, library, settings, index_service, folders, team_server.dsn("bob"))
    yield win
    _panel(win).where.shutdown()  # type: ignore[union-attr]


def _panel(window: MainWindow) -> SearchPanel:
    window.side_panel.setCurrentIndex(Tab.SEARCH)
    panel = window.ensure_search_panel()
    assert panel is not None
    return panel


def _choose(panel: SearchPanel, where: str) -> None:
    assert panel.where is not None
    panel.where.combo.setCurrentIndex(panel.where.combo.findData(where))


def _search(qtbot: QtBot, panel: SearchPanel, text: str) -> None:
    with qtbot.waitSignal(panel.results_shown, timeout=TIMEOUT_MS):
        panel.box.setText(text)
        panel.search_now()


def test_the_choice_appears_only_once_the_library_has_a_team(
    qtbot: QtBot,
    library: Library,
    settings: S.Settings,
    index_service: IndexService,
    folders: paths.Folders,
    team_server: TeamServer,
) -> None:
    win = _window(qtbot, library, settings, index_service, folders)
    panel = _panel(win)
    assert panel.where is not None and not panel.where.combo.isVisible()
    with qtbot.waitSignal(win.team.changed, timeout=TIMEOUT_MS):
        win.team.connect_team(team_server.dsn("bob"), "north")
    assert panel.where.combo.isVisible()
    assert [panel.where.combo.itemText(i) for i in range(2)] == ["This laptop", "Team archive"]
    _choose(panel, TEAM)
    assert settings.get(S.SEARCH_WHERE) == TEAM
    win.team.disconnect_team()
    assert not panel.where.combo.isVisible() and not panel.where.team_chosen()
    assert panel.topic_filter.isEnabled()


def test_the_archive_shows_the_servers_passages_and_says_it_searched_there(
    qtbot: QtBot, bob: MainWindow
) -> None:
    panel = _panel(bob)
    _search(qtbot, panel, "blunder")
    assert "searched the local index" in panel.status.text()
    _choose(panel, TEAM)
    qtbot.waitUntil(lambda: "the team's archive" in panel.status.text(), timeout=TIMEOUT_MS)
    hits = panel.model.results().hits
    assert hits and all("blunder" in h.snippet.text.lower() for h in hits)
    assert "searched the team's archive (north on bob@" in panel.status.text()
    assert " in " not in panel.status.text().split("·")[0]  # no count of documents it never made
    assert not panel.topic_filter.isEnabled()
    assert "cannot be searched by topic" in panel.topic_filter.toolTip()


def test_a_hit_of_a_document_here_opens_at_its_passage(qtbot: QtBot, bob: MainWindow) -> None:
    panel = _panel(bob)
    _choose(panel, TEAM)
    _search(qtbot, panel, "blunder")
    hit = panel.model.results().hits[0]
    with qtbot.waitSignal(bob.reading.document_opened, timeout=TIMEOUT_MS):
        panel.view.activated.emit(panel.model.index(0, 0))
    doc = bob.current_document()
    assert doc is not None and doc.id == hit.doc_id
    marked = bob.reader.highlight_ranges(SEARCH_HIGHLIGHT)
    assert marked and {doc.text[start:end].lower() for start, end in marked} == {"blunder"}
    assert all(hit.start <= start < end <= hit.end for start, end in marked)


def test_a_hit_not_here_yet_says_so_and_sync_now_brings_and_opens_it(
    qtbot: QtBot, bob: MainWindow, alice: UserDatabase
) -> None:
    reset = _push(alice, RESET)  # after bob's sync: on the server, not on bob's laptop
    panel = _panel(bob)
    _choose(panel, TEAM)
    _search(qtbot, panel, "lingering")
    assert reset not in bob.library.library
    panel.view.activated.emit(panel.model.index(0, 0))
    qtbot.waitUntil(lambda: "not yet on this laptop" in panel.status.text(), timeout=TIMEOUT_MS)
    assert f'href="{SYNC_LINK}"' in panel.status.text()
    with qtbot.waitSignal(bob.reading.document_opened, timeout=TIMEOUT_MS):
        panel.status.linkActivated.emit(SYNC_LINK)
    doc = bob.current_document()
    assert doc is not None and doc.id == reset
    marked = bob.reader.highlight_ranges(SEARCH_HIGHLIGHT)
    assert {doc.text[start:end].lower() for start, end in marked} == {"lingering"}


def test_the_server_stopped_is_said_and_this_laptop_still_searches(
    qtbot: QtBot,
    tmp_path: Path,
    library: Library,
    settings: S.Settings,
    index_service: IndexService,
    folders: paths.Folders,
) -> None:
    server = clusters.create()  # a cluster of its own, since this test stops it
    try:
        prepare(server)
        team = TeamServer(server, clusters.DATABASE)
        win = _window(qtbot, library, settings, index_service, folders, team.dsn("bob"))
        panel = _panel(win)
        _choose(panel, TEAM)
        _search(qtbot, panel, "Minsk")
        server.stop()
        panel.box.setText("missile")
        panel.search_now()
        qtbot.waitUntil(lambda: "cannot be used now" in panel.status.text(), timeout=TIMEOUT_MS)
        assert f'<a href="{LAPTOP_LINK}">search this laptop</a>' in panel.status.text()
        assert "Traceback" not in panel.status.text()
        assert panel.model.rowCount() == 0
        panel.status.linkActivated.emit(LAPTOP_LINK)
        assert panel.where is not None and not panel.where.team_chosen()
        assert panel.topic_filter.isEnabled()
        qtbot.waitUntil(lambda: "the local index" in panel.status.text(), timeout=TIMEOUT_MS)
        assert {h.doc_id for h in panel.model.results().hits} >= {"elbe-group-2018-naples"}
        panel.where.shutdown()
    finally:
        server.remove()


def test_the_document_filter_narrows_the_archive_and_the_topic_filter_waits(
    qtbot: QtBot, bob: MainWindow
) -> None:
    panel = _panel(bob)
    cyber = panel.topic_filter.findData("cybersecurity")
    panel.topic_filter.setCurrentIndex(cyber)
    _choose(panel, TEAM)
    assert panel.topic_filter.currentIndex() == 0 and not panel.topic_filter.isEnabled()
    _search(qtbot, panel, "nuclear")
    [pulled] = {h.doc_id for h in panel.model.results().hits}  # the one document alice sent
    assert panel.doc_filter.itemText(0) == "All documents"  # no counts the server never made
    with qtbot.waitSignal(panel.results_shown, timeout=TIMEOUT_MS):
        panel.doc_filter.setCurrentIndex(panel.doc_filter.findData("elbe-group-2018-naples"))
    assert not panel.model.results().hits  # a bundled statement: not in the team's archive
    with qtbot.waitSignal(panel.results_shown, timeout=TIMEOUT_MS):
        panel.doc_filter.setCurrentIndex(panel.doc_filter.findData(pulled))
    assert {h.doc_id for h in panel.model.results().hits} == {pulled}
    _choose(panel, LAPTOP)
    assert panel.topic_filter.currentIndex() == cyber and panel.topic_filter.isEnabled()
