"""Sync against a real server: two laptops merging offline edits, private notes, sharing by
tag, recommendation choices and documents, and row-level security tried with direct SQL."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from reader.core.documents.document import Document
from reader.core.importers import import_file
from reader.core.library.catalogue import Catalogue
from reader.core.library.library import Library
from reader.core.notes.note import Note
from reader.core.notes.store import NotesStore
from reader.core.recommendations.overrides import RecommendationOverrides, SentenceKey
from reader.core.team import connection, sync
from reader.core.team.schema import TeamError
from reader.core.user_db import UserDatabase
from tests.team.conftest import TeamServer, open_laptop, psycopg


def laptop(folder: Path, server: TeamServer, role: str, team: str = "north") -> UserDatabase:
    db = open_laptop(folder)
    connection.connect_library(db, server.dsn(role), team)
    return db


@pytest.fixture
def doc(bundled: Library) -> Document:
    return bundled.bundled()[0]


@pytest.fixture
def alice_and_bob(tmp_path: Path, team_server: TeamServer) -> tuple[UserDatabase, UserDatabase]:
    """Two laptops of the team north: alice's and bob's."""
    return laptop(tmp_path / "a", team_server, "alice"), laptop(tmp_path / "b", team_server, "bob")


def everything(db: UserDatabase) -> dict[str, Note]:
    notes = NotesStore(db).all_including_tombstones()
    assert len({n.id for n in notes}) == len(notes)
    return {n.id: n for n in notes}


def later() -> None:
    time.sleep(0.003)  # `modified` has milliseconds: each edit after the last


@pytest.mark.parametrize("first", ["a", "b"])
def test_offline_edits_on_two_laptops_merge_in_either_order(
    alice_and_bob: tuple[UserDatabase, UserDatabase],
    team_server: TeamServer,
    doc: Document,
    first: str,
) -> None:
    a, b = alice_and_bob
    notes_a, notes_b = NotesStore(a), NotesStore(b)
    kept = notes_a.add(doc, 0, 20, text="kept as it is")
    edited_twice = notes_a.add(doc, 30, 60, text="first words")
    deleted = notes_a.add(doc, 70, 90, text="to be deleted")
    edited_by_b = notes_a.add(doc, 100, 120, text="b will change this")
    sync.share_notes(a, [kept.id, edited_twice.id, deleted.id, edited_by_b.id], True)
    sync.sync(a)
    assert sync.sync(b).pulled["note"] == 4

    # Offline, both of them.
    notes_a.update(edited_twice.id, text="alice's second words")
    later()
    notes_b.update(edited_twice.id, text="bob's words, the newest")
    notes_a.delete(deleted.id)
    later()
    notes_b.update(edited_by_b.id, text="changed by bob", tags=["checked"])
    new_a = notes_a.add(doc, 130, 150, text="alice offline")
    new_b = notes_b.add(doc, 160, 180, text="bob offline")
    sync.share_notes(a, [new_a.id], True)
    sync.share_notes(b, [new_b.id], True)

    order = [a, b, a] if first == "a" else [b, a, b]
    for db in order:
        sync.sync(db)

    on_a, on_b = everything(a), everything(b)
    assert on_a == on_b
    assert set(on_a) == {
        kept.id, edited_twice.id, deleted.id, edited_by_b.id, new_a.id, new_b.id
    }  # fmt: skip
    assert on_a[edited_twice.id].text == "bob's words, the newest"
    assert on_a[deleted.id].deleted
    assert on_a[edited_by_b.id].tags == ("checked",)
    assert not on_a[kept.id].deleted and on_a[kept.id].text == "kept as it is"
    with team_server.admin() as admin:
        rows = admin.execute("SELECT id, count(*) FROM notes GROUP BY id").fetchall()
    assert {row[0] for row in rows} == set(on_a) and all(row[1] == 1 for row in rows)
    assert sync.pending(a) == sync.pending(b) == 0


def test_a_tombstone_is_not_resurrected_by_an_older_copy(
    tmp_path: Path, team_server: TeamServer, doc: Document
) -> None:
    a = laptop(tmp_path / "a", team_server, "alice")
    b = laptop(tmp_path / "b", team_server, "alice")  # her second computer
    note = NotesStore(a).add(doc, 0, 10, text="soon gone")
    sync.share_notes(a, [note.id], True)
    sync.sync(a)
    sync.sync(b)
    NotesStore(b).update(note.id, text="an older edit")
    later()
    NotesStore(a).delete(note.id)
    sync.sync(a)
    sync.sync(b)  # b's edit is older than a's deletion
    sync.sync(a)
    for db in (a, b):
        held = NotesStore(db).get(note.id, include_deleted=True)
        assert held is not None and held.deleted


def test_a_private_note_never_leaves_the_laptop(
    alice_and_bob: tuple[UserDatabase, UserDatabase], team_server: TeamServer, doc: Document
) -> None:
    a, b = alice_and_bob
    private = NotesStore(a).add(doc, 0, 15, text="my own secret thought", tags=["mine"])
    report = sync.sync(a)
    assert report.pushed["note"] == 0 and report.kept_private == 1
    assert "1 private note stayed on this computer." in str(report)
    with team_server.admin() as admin:
        assert admin.execute("SELECT count(*) FROM notes").fetchone() == (0,)
        dumped = admin.execute("SELECT string_agg(n::text, '') FROM notes n").fetchone()
    assert dumped == (None,)
    sync.sync(b)
    assert NotesStore(b).all_including_tombstones() == []
    assert sync.pending(a) == 0
    assert NotesStore(a).get(private.id) == private


def test_sharing_by_tag_and_unsharing(
    alice_and_bob: tuple[UserDatabase, UserDatabase], team_server: TeamServer, doc: Document
) -> None:
    a, b = alice_and_bob
    tagged = NotesStore(a).add(doc, 0, 15, text="for the team", tags=["Briefing"])
    untagged = NotesStore(a).add(doc, 20, 30, text="not for the team")
    assert sync.share_tag(a, "briefing", True) == 1
    later_tagged = NotesStore(a).add(doc, 40, 50, text="tagged later", tags=["briefing"])
    sync.sync(a)
    sync.sync(b)
    assert set(everything(b)) == {tagged.id, later_tagged.id}
    assert untagged.id not in everything(b)

    sync.share_notes(a, [tagged.id], False)
    sync.sync(a)
    with psycopg.connect(team_server.dsn("bob")) as bob:
        seen = {row[0] for row in bob.execute("SELECT id FROM notes")}
    assert seen == {later_tagged.id}  # alice's unshared note is hers alone again
    with psycopg.connect(team_server.dsn("alice")) as alice:
        assert alice.execute("SELECT count(*) FROM notes").fetchone() == (2,)


def test_a_role_cannot_see_or_write_another_teams_rows(
    tmp_path: Path, team_server: TeamServer, doc: Document, ac_riac_file: Path
) -> None:
    a = laptop(tmp_path / "a", team_server, "alice")
    NotesStore(a).add(doc, 0, 15, text="north's note")
    sync.share_tag(a, "x", True)
    sync.share_notes(a, [n.id for n in NotesStore(a).list()], True)
    RecommendationOverrides(a).dismiss(SentenceKey.of(doc, 0, 40))
    _import(a, ac_riac_file)
    sync.sync(a)
    with team_server.admin() as admin:
        counts = [admin.execute(f"SELECT count(*) FROM {t}").fetchone() for t in _TABLES]
    assert counts == [(1,), (1,), (1,)]

    with psycopg.connect(team_server.dsn("carol"), autocommit=True) as carol:
        for table in _TABLES:
            assert carol.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table
        assert carol.execute("SELECT name FROM teams").fetchall() == [("south",)]
        assert carol.execute("UPDATE notes SET text = 'defaced'").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            carol.execute(
                'INSERT INTO notes (id, team, shared, doc_id, start, "end", quote, prefix,'
                " suffix, color, text, tags, created, modified, modified_at, deleted) VALUES"
                " ('x', 'north', true, 'd', 0, 1, 'q', '', '', 'yellow', 't', '[]', 'c', 'm',"
                " now(), false)"
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            carol.execute("DELETE FROM notes")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            carol.execute("ALTER TABLE notes DISABLE ROW LEVEL SECURITY")
    with psycopg.connect(team_server.dsn("bob")) as bob:
        assert bob.execute("SELECT count(*) FROM notes").fetchone() == (1,)


_TABLES = ("notes", "documents", "choices")


def _import(db: UserDatabase, path: Path) -> str:
    entry = Catalogue(db).add(import_file(path), path)
    return entry.id


@pytest.fixture
def ac_riac_file(tmp_path: Path) -> Path:
    from tests.conftest import SEEDS_DIR

    source = SEEDS_DIR / "ac-riac-2013-washington.txt"
    if not source.exists():
        pytest.skip("the shared seeds are absent")
    copy = tmp_path / "statement.txt"
    copy.write_bytes(source.read_bytes())
    return copy


def test_documents_and_choices_reach_the_other_laptop(
    alice_and_bob: tuple[UserDatabase, UserDatabase], doc: Document, ac_riac_file: Path
) -> None:
    a, b = alice_and_bob
    doc_id = _import(a, ac_riac_file)
    key = SentenceKey.of(doc, 0, 40)
    RecommendationOverrides(a).mark(key, ["energy"])
    sync.sync(a)
    report = sync.sync(b, reserved=[doc.id])
    assert report.pulled["document"] == 1 and report.pulled["choice"] == 1
    entry = Catalogue(b).entry(doc_id)
    assert entry is not None and entry.copy.read_bytes() == ac_riac_file.read_bytes()
    assert Catalogue(b).document(doc_id) == Catalogue(a).document(doc_id)
    held = RecommendationOverrides(b).get(key)
    assert held is not None and held.topics == ("energy",)

    time.sleep(1.1)  # a choice's time has seconds
    RecommendationOverrides(b).clear(key)
    sync.sync(b)
    sync.sync(a)
    assert RecommendationOverrides(a).get(key) is None
    assert sync.pending(a) == sync.pending(b) == 0


def test_sync_without_a_team_or_a_server_says_so(tmp_path: Path, team_server: TeamServer) -> None:
    db = open_laptop(tmp_path / "a")
    with pytest.raises(TeamError, match="not connected to a team"):
        sync.sync(db)
    with pytest.raises(TeamError, match="not a member of the team 'south'"):
        connection.connect_library(db, team_server.dsn("alice"), "south")
    with pytest.raises(TeamError, match="cannot be used now: .*password"):
        connection.connect_library(db, team_server.dsn("alice", password="wrong"), "north")
    assert connection.link(db) is None
