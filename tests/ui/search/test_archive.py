"""The archive choice without a server: what "Sync now" says when the sync cannot bring a
document, and a slow server answering only the newest query typed while it thought."""

from __future__ import annotations

import functools
import threading
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import QObject, Signal

from reader.core.library.library import Library
from reader.core.search.results import Hit
from reader.core.search.snippets import Snippet
from reader.core.team.connection import TeamLink
from reader.core.team.report import SyncReport
from reader.core.user_db import UserDatabase

from reader.ui.search.archive import SYNC_LINK, ArchiveChoice, NewestOnly

HIT = Hit("their-doc", "Their Statement", "", 0, 10, 1.0, Snippet("x", ()), ("x",), ())


class FakeTeam(QObject):
    changed = Signal()
    synced = Signal(object)
    sync_failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.syncs = 0

    def link(self) -> TeamLink:
        return TeamLink("host=/nowhere user=bob dbname=team", "north", "bob", Path("/nowhere"))

    def database(self) -> UserDatabase | None:
        return None  # the archive cannot be asked: every hit is "not here"

    def sync_now(self) -> None:
        self.syncs += 1


def test_a_document_the_sync_skips_is_said_not_offered_again(
    qtbot: QtBot, library: Library
) -> None:
    team = FakeTeam()
    parent = QObject()
    choice = ArchiveChoice(team, library, None, parent)
    said: list[str] = []
    choice.said.connect(said.append)
    choice.open(HIT)
    assert "is in the team's archive but not yet on this laptop" in said[-1]
    assert f'href="{SYNC_LINK}"' in said[-1]
    choice.link_activated(SYNC_LINK)
    assert team.syncs == 1 and said[-1] == "Syncing with the team…"
    team.synced.emit(SyncReport(skipped_documents=["their-doc"]))
    assert said[-1] == (
        "“Their Statement” was not brought to this laptop: another document here has its id "
        "(their-doc)."
    )
    team.synced.emit(SyncReport())  # a later sync: the hit is no longer waiting
    assert len(said) == 3


def test_a_slow_server_answers_the_newest_query_next(qtbot: QtBot) -> None:
    parent = QObject()
    runner = NewestOnly(parent)
    release = threading.Event()
    answered: list[object] = []
    runner.run(lambda: release.wait(5) and "first", answered.append, answered.append)
    for query in ("second", "third", "fourth"):  # typed while the first one ran
        runner.run(functools.partial(str, query), answered.append, answered.append)
    release.set()
    qtbot.waitUntil(lambda: len(answered) == 2, timeout=5000)
    qtbot.wait(50)
    runner.wait()
    assert answered == ["first", "fourth"]
