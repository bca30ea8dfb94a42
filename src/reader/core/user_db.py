"""The user's database: one SQLite file in the data folder for everything the user decides.

It holds the user's choices about recommendations, the library catalogue and the notes;
each feature keeps a small store on top of a UserDatabase (for example
RecommendationOverrides or NotesStore). The schema is versioned: MIGRATIONS is an
append-only list, and a database made by a newer version of the application is refused
rather than damaged.

Nothing the user made is ever deleted: a damaged file is moved aside (and `notice` says
where), and a database that cannot be written (a read-only folder or file) can still be
read; every write then raises a DatabaseError that says why.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from reader.core.errors import ReaderError
from reader.core.translation import _

FILE_NAME = "library.sqlite"
BUSY_TIMEOUT_MS = 5000  # the window and a command line may write at the same moment
FULL_BELOW_BYTES = 64 * 1024  # less free than a WAL database needs to open for writing

# Append only: the database's version is the number of migrations applied to it.
MIGRATIONS: tuple[str, ...] = (
    # 1: the user's choices about recommendations, keyed by the sentence's range and text
    # so that they survive re-extraction and can be found again if the text moves.
    """
    CREATE TABLE recommendation_overrides (
        doc_id TEXT NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        sentence TEXT NOT NULL,
        choice TEXT NOT NULL CHECK (choice IN ('marked', 'dismissed', 'topics')),
        topics TEXT NOT NULL DEFAULT '',
        changed TEXT NOT NULL,
        PRIMARY KEY (doc_id, start, "end", sentence)
    );
    """,
    # 2: the library catalogue. Each imported document keeps its blocks and metadata as a
    # statement in the bundled JSON shape, so the library opens without re-parsing a file
    # and an improved importer never moves the offsets that notes point into.
    """
    CREATE TABLE catalogue (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        file_name TEXT NOT NULL,
        file_format TEXT NOT NULL,
        copy_name TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        imported_at TEXT NOT NULL,
        size INTEGER NOT NULL,
        statement TEXT NOT NULL
    );
    """,
    # 3: the user's notes (notes_store.py). A deleted note stays as a tombstone (deleted =
    # 1) so that an older backup cannot bring it back; tags are a JSON array; colours are
    # checked by the application, so a new colour needs no migration.
    """
    CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL,
        start INTEGER NOT NULL CHECK (start >= 0),
        "end" INTEGER NOT NULL CHECK ("end" >= start),
        quote TEXT NOT NULL,
        prefix TEXT NOT NULL DEFAULT '',
        suffix TEXT NOT NULL DEFAULT '',
        color TEXT NOT NULL,
        text TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',
        created TEXT NOT NULL,
        modified TEXT NOT NULL,
        deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
    );
    CREATE INDEX notes_by_document ON notes (doc_id, start);
    """,
    # 4: the team library (reader.core.team). The outbox names each note, imported document
    # and recommendation choice changed since it was last pushed; triggers fill it in the
    # very transaction of the change, whoever makes it (the window, a command, an import), so
    # no change can be saved and missed. A key changed again gets a new seq: a push removes
    # only the seq it pushed. A choice cleared leaves its time in team_cleared, to compare
    # with the server's. Sharing: per note (team_sharing) or per tag (team_shared_tags);
    # team_creators names the writers of notes pulled from others.
    """
    CREATE TABLE team_outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('note', 'document', 'choice')),
        key TEXT NOT NULL,
        UNIQUE (kind, key) ON CONFLICT REPLACE
    );
    CREATE TABLE team_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE team_sharing (note_id TEXT PRIMARY KEY, shared INTEGER NOT NULL);
    CREATE TABLE team_shared_tags (tag TEXT PRIMARY KEY);
    CREATE TABLE team_creators (note_id TEXT PRIMARY KEY, creator TEXT NOT NULL);
    CREATE TABLE team_cleared (key TEXT PRIMARY KEY, changed TEXT NOT NULL);
    CREATE TRIGGER team_note_added AFTER INSERT ON notes
        BEGIN INSERT INTO team_outbox (kind, key) VALUES ('note', NEW.id); END;
    CREATE TRIGGER team_note_changed AFTER UPDATE ON notes
        BEGIN INSERT INTO team_outbox (kind, key) VALUES ('note', NEW.id); END;
    CREATE TRIGGER team_document_added AFTER INSERT ON catalogue
        BEGIN INSERT INTO team_outbox (kind, key) VALUES ('document', NEW.id); END;
    CREATE TRIGGER team_choice_added AFTER INSERT ON recommendation_overrides
        BEGIN INSERT INTO team_outbox (kind, key)
            VALUES ('choice', json_array(NEW.doc_id, NEW.start, NEW."end", NEW.sentence)); END;
    CREATE TRIGGER team_choice_changed AFTER UPDATE ON recommendation_overrides
        BEGIN INSERT INTO team_outbox (kind, key)
            VALUES ('choice', json_array(NEW.doc_id, NEW.start, NEW."end", NEW.sentence)); END;
    CREATE TRIGGER team_choice_cleared AFTER DELETE ON recommendation_overrides
        BEGIN
            INSERT OR REPLACE INTO team_cleared (key, changed) VALUES (
                json_array(OLD.doc_id, OLD.start, OLD."end", OLD.sentence),
                strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
            INSERT INTO team_outbox (kind, key)
                VALUES ('choice', json_array(OLD.doc_id, OLD.start, OLD."end", OLD.sentence));
        END;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


class DatabaseError(ReaderError):
    """The user's database cannot be opened, read or written; the sentence says why."""


class UserDatabase:
    """An open user database. Thread-safe: every use goes through one lock.

    `read_only` is "" when changes can be saved, else the reason they cannot; `notice` is a
    sentence for the user about something done on opening (a damaged file moved aside).
    """

    def __init__(self, connection: sqlite3.Connection, path: Path, read_only: str = "") -> None:
        self.connection = connection
        self.path = path
        self.read_only = read_only
        self.notice = ""
        self._lock = threading.RLock()

    @classmethod
    def open(cls, folder: Path) -> UserDatabase:
        """Open (creating it if need be) the database in `folder`.

        If the folder cannot be written the database is opened read-only; if it does not
        exist either, an empty one is kept in memory, so reading still works.
        """
        path = folder / FILE_NAME
        reason = _why_read_only(folder, path)
        if reason and not path.exists():
            return cls._in_memory(path, reason)
        return cls._checked(path, reason)

    @classmethod
    def open_existing(cls, folder: Path) -> UserDatabase | None:
        """Open the database in `folder` if there is one; never creates it (for reading)."""
        path = folder / FILE_NAME
        if not path.exists():
            return None
        return cls._checked(path, _why_read_only(folder, path))

    @classmethod
    def _checked(cls, path: Path, read_only: str) -> UserDatabase:
        try:
            return cls._connect(path, read_only)
        except sqlite3.OperationalError as error:
            # Not damage: a full disk, an I/O error, a lock. The file stays where it is.
            if read_only or "unable to open" in str(error):
                raise _open_error(path, error) from error
            return cls._read_only_instead(path, error)
        except sqlite3.DatabaseError:
            if read_only:  # it cannot be moved aside; reading goes on without it
                notice = _("The database {path} is damaged, and {reason}; it was not read.").format(
                    path=path, reason=read_only
                )
                return cls._in_memory(path, read_only, notice)
            aside = _move_aside(path)
            try:
                database = cls._connect(path, read_only)
            except sqlite3.DatabaseError as again:
                raise _open_error(path, again) from again
            database.notice = _(
                "The database {name} was damaged; it was moved aside to {aside} "
                "and a new one was started."
            ).format(name=path.name, aside=aside)
            return database

    @classmethod
    def _read_only_instead(cls, path: Path, error: sqlite3.OperationalError) -> UserDatabase:
        """A sound database that cannot be written to now (a full disk, say) is still read."""
        cause = (
            _("the disk is full ({error})").format(error=error)
            if _disk_full(path.parent)
            else str(error)
        )
        try:
            database = cls._connect(
                path, _("the database cannot be written to: {cause}").format(cause=cause)
            )
        except sqlite3.DatabaseError:
            raise _open_error(path, error) from error
        database.notice = _("The database {path} can be read but not changed now: {cause}.").format(
            path=path, cause=cause
        )
        return database

    @classmethod
    def _connect(cls, path: Path, read_only: str) -> UserDatabase:
        connection = _sqlite_connect(path, read_only)
        try:
            database = cls(connection, path, read_only)
            database._prepare()
        except BaseException:
            connection.close()
            raise
        return database

    @classmethod
    def _in_memory(cls, path: Path, read_only: str, notice: str = "") -> UserDatabase:
        database = cls(_sqlite_connect(None, ""), path, read_only)
        database._migrate()
        database.notice = notice
        return database

    def _prepare(self) -> None:
        """Check the file is sound, refuse a newer schema, bring an older one up to date."""
        check = self.connection.execute("PRAGMA quick_check").fetchall()
        if [tuple(row) for row in check] != [("ok",)]:
            raise sqlite3.DatabaseError(f"the integrity check failed: {tuple(check[0])}")
        if not self.read_only:
            self.connection.execute("PRAGMA journal_mode=WAL")
        version = self._version()
        if version > SCHEMA_VERSION:
            raise DatabaseError(
                _(
                    "The database {path} was made by a newer version of Statement Reader "
                    "(schema {version}; this version knows up to {known}); "
                    "update Statement Reader to open it."
                ).format(path=self.path, version=version, known=SCHEMA_VERSION)
            )
        if version < SCHEMA_VERSION:
            if self.read_only:
                raise DatabaseError(
                    _("The database {path} needs updating, which cannot be done: {reason}.").format(
                        path=self.path, reason=self.read_only
                    )
                )
            self._migrate()

    def _version(self) -> int:
        tables = self.connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
        ).fetchall()
        if not tables:
            return 0
        row = self.connection.execute("SELECT MAX(version) FROM schema_version").fetchone()
        return int(row[0] or 0)

    def _migrate(self) -> None:
        """Apply the missing migrations in one transaction: all of them or none.

        The version is read again under the write lock: another process (a window and a
        command, or three commands, starting on a new folder) may have migrated since it
        was first read, and running the same migrations twice fails ("table … already exists").
        """
        with self._write() as connection:
            version = self._version()
            if version >= SCHEMA_VERSION:
                return
            connection.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER)")
            for script in MIGRATIONS[version:]:
                for statement in _statements(script):
                    connection.execute(statement)
            connection.execute("DELETE FROM schema_version")
            connection.execute("INSERT INTO schema_version VALUES (?)", (SCHEMA_VERSION,))

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One change, all of it or none: committed on leaving, rolled back on an error."""
        if self.read_only:
            raise DatabaseError(
                _("The change cannot be saved: {reason}.").format(reason=self.read_only)
            )
        with self._write() as connection:
            yield connection

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self.connection.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise _write_error(self.path, error) from error
            try:
                yield self.connection
                self.connection.execute("COMMIT")
            except BaseException as error:
                # SQLite has already rolled back after some failures (a full disk, an I/O
                # error); a second ROLLBACK would raise and hide the first error.
                # The first error is the one to report; nothing was committed either way.
                if self.connection.in_transaction:
                    with suppress(sqlite3.Error):
                        self.connection.execute("ROLLBACK")
                if isinstance(error, sqlite3.OperationalError):
                    raise _write_error(self.path, error) from error
                raise

    def query(self, sql: str, parameters: Sequence[Any] = ()) -> list[sqlite3.Row]:
        with self._lock:
            try:
                return list(self.connection.execute(sql, parameters))
            except sqlite3.DatabaseError as error:
                raise DatabaseError(
                    _("The database {path} cannot be read: {error}.").format(
                        path=self.path, error=error
                    )
                ) from error

    def close(self) -> None:
        with self._lock:
            self.connection.close()


def _sqlite_connect(path: Path | None, read_only: str) -> sqlite3.Connection:
    if path is None:
        return _connection(":memory:")
    if not read_only:
        return _connection(str(path))
    connection = _connection(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        connection.execute("SELECT 1 FROM sqlite_master").fetchall()
        return connection
    except sqlite3.DatabaseError as error:
        connection.close()
        if not isinstance(error, sqlite3.OperationalError):
            raise  # damaged: the caller deals with it
    # WORKAROUND: SQLite cannot read a WAL database read-only when its -shm file is missing
    # and the folder is read-only; nobody can write there, so it may be read as immutable.
    return _connection(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)


def _connection(target: str, uri: bool = False) -> sqlite3.Connection:
    # Autocommit mode: transactions are begun and ended explicitly, in UserDatabase._write.
    connection = sqlite3.connect(target, uri=uri, isolation_level=None, check_same_thread=False)
    connection.row_factory = sqlite3.Row
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return connection


def _why_read_only(folder: Path, path: Path) -> str:
    """ "" if the database can be written, else why not (a sentence's end, no full stop)."""
    if path.exists():
        if not os.access(path, os.W_OK):
            return _("the file {path} is read-only").format(path=path)
        if not os.access(folder, os.W_OK):  # SQLite needs it for its journal
            return _("the folder {folder} is read-only").format(folder=folder)
        return ""
    if folder.exists():
        if os.access(folder, os.W_OK):
            return ""
        return _("the folder {folder} is read-only").format(folder=folder)
    try:
        # exist_ok: another window or process may make it between the look and the making
        # (a file of that name still fails).
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        return _("the folder {folder} cannot be created ({reason})").format(
            folder=folder, reason=error.strerror or error
        )
    return ""


def _move_aside(path: Path) -> Path:
    """Rename a damaged database (and its journal files) out of the way; never delete it."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while any(aside.with_name(aside.name + s).exists() for s in ("", "-wal", "-shm")):
        number += 1  # damaged twice in one second: the earlier copy is kept too
        aside = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
    try:
        for suffix in ("", "-wal", "-shm"):
            source = path.with_name(path.name + suffix)
            if source.exists():
                source.rename(aside.with_name(aside.name + suffix))
    except OSError as error:
        reason = error.strerror or str(error)
        raise DatabaseError(
            _(
                "The database {path} is damaged and cannot be moved aside ({reason}); "
                "move it away yourself to start a new one."
            ).format(path=path, reason=reason)
        ) from error
    return aside


def _disk_full(folder: Path) -> bool:
    """SQLite says "disk I/O error" when it has no room for its shared-memory file."""
    try:
        return shutil.disk_usage(folder).free < FULL_BELOW_BYTES
    except OSError:
        return False


def _open_error(path: Path, error: sqlite3.DatabaseError) -> DatabaseError:
    return DatabaseError(
        _("The database {path} cannot be opened: {error}.").format(path=path, error=error)
    )


def _write_error(path: Path, error: sqlite3.OperationalError) -> DatabaseError:
    return DatabaseError(
        _("The change cannot be saved in {path}: {error}.").format(path=path, error=error)
    )


def _statements(script: str) -> list[str]:
    """The statements of `script`; a trigger's body holds semicolons of its own."""
    statements, pending = [], ""
    for piece in script.split(";"):
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip())
            pending = ""
    return statements
