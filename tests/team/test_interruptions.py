"""A sync cut short, by SIGKILL at its worst moments or by the server going away, leaves
whole changes on both sides, and the next sync finishes the work: nothing lost, nothing
doubled."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from reader.core.documents.document import Document
from reader.core.library.library import Library
from reader.core.notes.store import NotesStore
from reader.core.team import connection, sync
from reader.core.team.schema import TeamError
from reader.core.user_db import UserDatabase
from tests.cli.running import fresh_python
from tests.team import cluster as clusters
from tests.team.conftest import TeamServer, open_laptop, prepare, psycopg

ROOT = Path(__file__).resolve().parents[2]
NOTES = 450  # five batches of 100


def laptop_with_notes(folder: Path, dsn: str, doc: Document) -> UserDatabase:
    db = open_laptop(folder)
    connection.connect_library(db, dsn, "north")
    sync.share_tag(db, "team", True)
    store = NotesStore(db)
    for i in range(NOTES):
        store.add(doc, i % 200, i % 200 + 5, text=f"note {i}", tags=["team"])
    return db


def server_notes(server: TeamServer) -> list[tuple[str, int]]:
    with server.admin() as admin:
        return admin.execute("SELECT id, count(*) FROM notes GROUP BY id").fetchall()


def killed(folder: Path, point: str) -> None:
    result = fresh_python("-m", "tests.team.interrupted", str(folder), point, cwd=ROOT)
    assert result.returncode == -signal.SIGKILL, result.stderr


@pytest.mark.parametrize(("point", "on_server"), [("pushed", 200), ("pushing", 100)])
def test_a_push_killed_midway_is_finished_by_the_next_sync(
    tmp_path: Path, team_server: TeamServer, bundled: Library, point: str, on_server: int
) -> None:
    a = laptop_with_notes(tmp_path / "a", team_server.dsn("alice"), bundled.bundled()[0])
    killed(tmp_path / "a", point)
    assert len(server_notes(team_server)) == on_server  # whole batches only
    assert sync.pending(a) == NOTES - 100  # the first batch was taken off the outbox

    sync.sync(a)
    rows = server_notes(team_server)
    assert len(rows) == NOTES and all(count == 1 for _id, count in rows)
    assert sync.pending(a) == 0


def test_a_pull_killed_midway_is_finished_by_the_next_sync(
    tmp_path: Path, team_server: TeamServer, bundled: Library
) -> None:
    a = laptop_with_notes(tmp_path / "a", team_server.dsn("alice"), bundled.bundled()[0])
    sync.sync(a)
    b = open_laptop(tmp_path / "b")
    connection.connect_library(b, team_server.dsn("bob"), "north")
    killed(tmp_path / "b", "pulling")
    assert len(NotesStore(b).all_including_tombstones()) == 100

    sync.sync(b)
    on_b = NotesStore(b).all_including_tombstones()
    assert len(on_b) == len({n.id for n in on_b}) == NOTES
    assert {n.id: n for n in on_b} == {n.id: n for n in NotesStore(a).all_including_tombstones()}
    assert sync.pending(b) == 0


def test_the_server_stopped_during_a_sync(
    tmp_path: Path, bundled: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = clusters.create()
    try:
        prepare(server)
        team = TeamServer(server, clusters.DATABASE)
        a = laptop_with_notes(tmp_path / "a", team.dsn("alice"), bundled.bundled()[0])
        monkeypatch.setattr(sync, "BATCH", 100)
        push_notes, calls = sync._push_notes, []

        def stopping(*args: object) -> int:
            calls.append(1)
            if len(calls) == 3:
                server._pg_ctl("stop", "-m", "immediate")
            return push_notes(*args)

        monkeypatch.setattr(sync, "_push_notes", stopping)
        with pytest.raises(TeamError, match=r"The team server \(alice@.*\) cannot be used now"):
            sync.sync(a)
        assert sync.pending(a) == NOTES - 200
        with pytest.raises(TeamError, match="cannot be used now"):
            sync.sync(a)  # still down: refused at once, nothing changed
        assert sync.pending(a) == NOTES - 200

        server.start()
        monkeypatch.setattr(sync, "_push_notes", push_notes)
        sync.sync(a)
        assert sync.pending(a) == 0
        with psycopg.connect(team.dsn("alice")) as alice:
            assert alice.execute("SELECT count(DISTINCT id), count(*) FROM notes").fetchone() == (
                NOTES,
                NOTES,
            )
    finally:
        server.remove()
