"""The user's database: created on demand, versioned, never destroying what the user made."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core import user_db
from reader.core.user_db import FILE_NAME, SCHEMA_VERSION, DatabaseError, UserDatabase


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def db(folder: Path) -> Iterator[UserDatabase]:
    opened = UserDatabase.open(folder)
    yield opened
    opened.close()


def _version(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return int(connection.execute("SELECT version FROM schema_version").fetchone()[0])


def _read_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every folder and file look unwritable (chmod does not stop root, who runs CI)."""
    monkeypatch.setattr(user_db.os, "access", lambda path, mode: mode != user_db.os.W_OK)


def test_open_creates_a_wal_database_at_the_current_schema(db: UserDatabase, folder: Path) -> None:
    assert db.path == folder / FILE_NAME and db.path.is_file()
    assert db.query("PRAGMA journal_mode")[0][0] == "wal"
    assert _version(db.path) == SCHEMA_VERSION
    assert (db.read_only, db.notice) == ("", "")


def test_open_existing_never_creates_anything(folder: Path) -> None:
    assert UserDatabase.open_existing(folder) is None
    assert not folder.exists()


def test_a_transaction_is_all_or_nothing(db: UserDatabase) -> None:
    with pytest.raises(ZeroDivisionError):
        with db.transaction() as connection:
            connection.execute("CREATE TABLE scratch (n INTEGER)")
            connection.execute("INSERT INTO scratch VALUES (1)")
            raise ZeroDivisionError
    assert db.query("SELECT name FROM sqlite_master WHERE name = 'scratch'") == []


def test_changes_persist_across_opening(db: UserDatabase, folder: Path) -> None:
    with db.transaction() as connection:
        connection.execute("CREATE TABLE scratch (n INTEGER)")
        connection.execute("INSERT INTO scratch VALUES (7)")
    db.close()
    again = UserDatabase.open_existing(folder)
    assert again is not None
    assert again.query("SELECT n FROM scratch")[0][0] == 7
    again.close()


def test_a_newer_schema_is_refused_and_left_alone(db: UserDatabase, folder: Path) -> None:
    with db.transaction() as connection:
        connection.execute("UPDATE schema_version SET version = ?", (SCHEMA_VERSION + 5,))
    db.close()
    before = db.path.read_bytes()
    with pytest.raises(DatabaseError, match=r"made by a newer version .*update Statement Reader"):
        UserDatabase.open(folder)
    assert db.path.read_bytes() == before


def test_an_older_database_is_migrated(folder: Path) -> None:
    folder.mkdir()
    sqlite3.connect(folder / FILE_NAME).close()  # an empty file: schema 0
    opened = UserDatabase.open(folder)
    assert opened.query("SELECT COUNT(*) FROM recommendation_overrides")[0][0] == 0
    opened.close()
    assert _version(folder / FILE_NAME) == SCHEMA_VERSION


def test_a_failing_migration_changes_nothing(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(user_db, "MIGRATIONS", (*user_db.MIGRATIONS, "CREATE TABLE (broken"))
    monkeypatch.setattr(user_db, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(DatabaseError, match="cannot be saved"):
        UserDatabase.open(folder)
    with sqlite3.connect(folder / FILE_NAME) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert "recommendation_overrides" not in tables


def test_a_damaged_file_is_moved_aside_never_deleted(folder: Path) -> None:
    folder.mkdir()
    garbage = b"this is not a database" * 100
    (folder / FILE_NAME).write_bytes(garbage)
    opened = UserDatabase.open(folder)
    aside = [p for p in folder.iterdir() if p.name.startswith(f"{FILE_NAME}.damaged-")]
    assert len(aside) == 1 and aside[0].read_bytes() == garbage
    assert opened.notice.startswith(f"The database {FILE_NAME} was damaged; it was moved aside")
    assert str(aside[0]) in opened.notice and "\n" not in opened.notice
    with opened.transaction() as connection:  # and the new one works
        connection.execute("SELECT COUNT(*) FROM recommendation_overrides")
    opened.close()


def test_a_read_only_database_can_be_read_not_written(
    db: UserDatabase, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db.close()
    _read_only(monkeypatch)
    opened = UserDatabase.open(folder)
    assert opened.read_only == f"the file {folder / FILE_NAME} is read-only"
    assert opened.query("SELECT COUNT(*) FROM recommendation_overrides")[0][0] == 0
    with pytest.raises(
        DatabaseError, match=r"^The change cannot be saved: the file .* read-only\.$"
    ):
        with opened.transaction():
            pass
    opened.close()


def test_a_folder_that_cannot_be_made_still_reads_as_empty(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    opened = UserDatabase.open(blocker / "data")
    assert "cannot be created (Not a directory)" in opened.read_only
    assert opened.query("SELECT COUNT(*) FROM recommendation_overrides")[0][0] == 0
    with pytest.raises(DatabaseError, match="cannot be saved: the folder .* cannot be created"):
        with opened.transaction():
            pass
    opened.close()


def test_a_damaged_file_in_a_read_only_folder_is_reported_and_kept(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder.mkdir()
    (folder / FILE_NAME).write_bytes(b"garbage" * 200)
    _read_only(monkeypatch)
    opened = UserDatabase.open(folder)
    assert "is damaged" in opened.notice and "read-only" in opened.notice
    assert sorted(p.name for p in folder.iterdir()) == [FILE_NAME]
    assert opened.query("SELECT COUNT(*) FROM recommendation_overrides")[0][0] == 0
    opened.close()
