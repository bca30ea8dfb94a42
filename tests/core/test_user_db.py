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


def test_two_damaged_copies_in_one_second_are_both_kept(folder: Path) -> None:
    folder.mkdir()
    for n in range(2):
        (folder / FILE_NAME).unlink(missing_ok=True)
        (folder / FILE_NAME).write_bytes(b"damaged %d " % n * 500)
        UserDatabase.open(folder).close()
    aside = sorted(p for p in folder.iterdir() if p.name.startswith(f"{FILE_NAME}.damaged-"))
    kept = {p.read_bytes()[:10] for p in aside if not p.name.endswith(("-wal", "-shm"))}
    assert kept == {b"damaged 0 ", b"damaged 1 "}


_OPEN_AND_WRITE = """
import sys
from pathlib import Path
from reader.core.user_db import UserDatabase

folder = Path(sys.argv[1])
db = UserDatabase.open(folder)
with db.transaction() as connection:
    connection.execute("SELECT COUNT(*) FROM notes")
db.close()
"""


def test_processes_and_threads_opening_a_new_folder_at_once_all_succeed(tmp_path: Path) -> None:
    """The version is read again under the write lock, so only one of them migrates."""
    import subprocess
    import sys
    from concurrent.futures import ThreadPoolExecutor

    for trial in range(3):
        folder = tmp_path / f"new-{trial}"
        procs = [
            subprocess.Popen(
                [sys.executable, "-c", _OPEN_AND_WRITE, str(folder)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )  # fmt: skip
            for _ in range(4)
        ]
        with ThreadPoolExecutor(4) as pool:
            threads = list(pool.map(UserDatabase.open, [folder] * 4))
        for proc in procs:
            _, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err
        for opened in threads:
            assert opened.notice == "" and opened.read_only == ""
            opened.close()
        assert _version(folder / FILE_NAME) == SCHEMA_VERSION
        with sqlite3.connect(folder / FILE_NAME) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]


def test_a_full_database_is_one_sentence_and_loses_nothing_saved(db: UserDatabase) -> None:
    """SQLite rolls back by itself on a full disk; the error is still the one reported."""
    with db.transaction() as connection:
        connection.execute("CREATE TABLE kept (value TEXT)")
        connection.execute("INSERT INTO kept VALUES ('saved before')")
    pages = db.connection.execute("PRAGMA page_count").fetchone()[0]
    db.connection.execute(f"PRAGMA max_page_count = {pages + 1}")  # as good as a full disk
    with pytest.raises(
        DatabaseError, match=r"^The change cannot be saved in .*: database or disk is full\.$"
    ):
        with db.transaction() as connection:
            connection.execute("INSERT INTO kept VALUES (?)", ("x" * 200_000,))
    assert not db.connection.in_transaction
    assert [tuple(r) for r in db.query("SELECT value FROM kept")] == [("saved before",)]
    assert db.connection.execute("PRAGMA integrity_check").fetchall()[0][0] == "ok"


def test_a_disk_too_full_to_open_for_writing_is_read_never_moved_aside(
    db: UserDatabase, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.transaction() as connection:
        connection.execute("CREATE TABLE kept (x)")
        connection.execute("INSERT INTO kept VALUES (1)")
    db.close()
    real = UserDatabase._prepare

    def full_when_writing(self: UserDatabase) -> None:
        if not self.read_only:
            raise sqlite3.OperationalError("database or disk is full")
        real(self)

    monkeypatch.setattr(UserDatabase, "_prepare", full_when_writing)
    reopened = UserDatabase.open(folder)
    assert [tuple(r) for r in reopened.query("SELECT x FROM kept")] == [(1,)]
    assert "database or disk is full" in reopened.read_only
    assert "can be read but not changed now" in reopened.notice
    with pytest.raises(DatabaseError, match="cannot be saved"):
        with reopened.transaction():
            pass
    reopened.close()
    assert sorted(p.name for p in folder.iterdir() if "damaged" in p.name) == []
