"""Sync: push what the outbox names, then pull what the team changed since the last pull.

Each batch is one transaction on each side, so a sync killed or cut off anywhere leaves whole
changes only, and the next one carries on:
- a push commits on the server, then removes what it pushed from the outbox. Killed between
  the two, the same rows are pushed again, and the merge rule makes that a no-op;
- a pull writes the rows, the cursor (the highest revision pulled) and the outbox in one
  local transaction; rows pulled again are merged again, to the same result.
Notes merge by id, the newer `modified` winning, a tombstone included: the rules of the notes
import (reader.core.notes.annotation_import.merge), on both sides. A note the user did not
share is never sent: the most the server hears of it is an unsharing by id (see
reader.core.team.push). Which notes are shared: reader.core.team.sharing.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from reader.core.notes.annotation_import import merge
from reader.core.notes.note import now
from reader.core.notes.store import NotesStore, save_in
from reader.core.team.connection import TeamLink, open_connection, required_link, unreachable
from reader.core.team.pull import pull_choices as _pull_choices
from reader.core.team.pull import pull_documents as _pull_documents
from reader.core.team.push import push_choices as _push_choices
from reader.core.team.push import push_documents as _push_documents
from reader.core.team.push import push_notes as _push_notes
from reader.core.team.records import NOTE_COLUMNS, note_from_row
from reader.core.team.report import SyncReport
from reader.core.team.schema import LOCK_SPACE, TeamError
from reader.core.team.sharing import share_notes, share_tag, shared_tags
from reader.core.user_db import UserDatabase

if TYPE_CHECKING:
    import psycopg

# The sync's names as its callers know them; the push functions under the names the loops
# below look up when they run (tests/team/interrupted.py replaces them to kill a sync midway).
__all__ = [
    "SyncReport", "forget_pushed", "pending", "read_setting", "save_in", "share_notes",
    "share_tag", "shared_tags", "sync",
]  # fmt: skip

BATCH = 500  # rows a transaction; documents carry their files, so fewer of them
DOCUMENT_BATCH = 20


def pending(db: UserDatabase) -> int:
    """How many changes wait to be pushed (private notes among them, until a sync drops them)."""
    return int(db.query("SELECT COUNT(*) FROM team_outbox")[0][0])


def sync(db: UserDatabase, reserved: Collection[str] = ()) -> SyncReport:
    """Push, then pull; a TeamError if there is no team or the server cannot be used.
    `reserved`: document ids that pulled documents must not take (the bundled ones)."""
    team = required_link(db)
    report = SyncReport()
    psycopg = _driver()
    with open_connection(team.dsn, passfile=team.passfile) as server:
        try:
            _push(server, db, team, report)
            _pull(server, db, team, report, set(reserved))
        except psycopg.OperationalError as error:
            raise TeamError(unreachable(team.dsn, error)) from None
    with db.transaction() as local:
        local.execute(
            "INSERT OR REPLACE INTO team_settings (name, value) VALUES ('last_sync', ?)", (now(),)
        )
    return report


def _driver() -> Any:
    import psycopg

    return psycopg


# Pushing


def _push(server: psycopg.Connection, db: UserDatabase, team: TeamLink, report: SyncReport) -> None:
    for kind, batch_size, push in (
        ("document", DOCUMENT_BATCH, _push_documents),
        ("note", BATCH, _push_notes),
        ("choice", BATCH, _push_choices),
    ):
        after = 0
        while True:
            entries = [
                (int(row["seq"]), str(row["key"]))
                for row in db.query(
                    "SELECT seq, key FROM team_outbox WHERE kind = ? AND seq > ? ORDER BY seq"
                    " LIMIT ?",
                    (kind, after, batch_size),
                )
            ]
            if not entries:
                break
            with server.transaction():
                _lock(server, team.team, shared=False)
                report.pushed[kind] += push(
                    server, db, team, [key for _seq, key in entries], report
                )
            forget_pushed(db, [seq for seq, _key in entries])
            after = entries[-1][0]


def forget_pushed(db: UserDatabase, seqs: list[int]) -> None:
    """Take what was pushed off the outbox; a key changed again since has a newer seq and
    stays."""
    with db.transaction() as local:
        local.executemany("DELETE FROM team_outbox WHERE seq = ?", [(seq,) for seq in seqs])


def _lock(server: psycopg.Connection, team: str, shared: bool) -> None:
    function = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
    server.execute(f"SELECT {function}(%s, hashtext(%s))", (LOCK_SPACE, team))


# Pulling


def _pull(
    server: psycopg.Connection,
    db: UserDatabase,
    team: TeamLink,
    report: SyncReport,
    reserved: set[str],
) -> None:
    for kind, table, columns, batch_size in (
        ("document", "documents",
         "content_hash, id, title, file_name, file_format, suffix, imported_at, statement,"
         " original", DOCUMENT_BATCH),
        ("note", "notes", f"{NOTE_COLUMNS}, creator, shared", BATCH),
        ("choice", "choices", 'doc_id, start, "end", sentence, choice, topics, changed', BATCH),
    ):  # fmt: skip
        while True:
            cursor_name = f"cursor_{kind}"
            after = int(read_setting(db, cursor_name, "0"))
            with server.transaction():
                _lock(server, team.team, shared=True)
                rows = server.execute(
                    f"SELECT {columns}, revision FROM {table} WHERE team = %s AND revision > %s"
                    " ORDER BY revision LIMIT %s",
                    (team.team, after, batch_size),
                ).fetchall()
            if not rows:
                break
            with db.transaction() as local:
                before = _last_seq(local)
                if kind == "note":
                    report.pulled[kind] += _pull_notes(db, local, team, rows)
                elif kind == "document":
                    report.pulled[kind] += _pull_documents(db, local, rows, reserved, report)
                else:
                    report.pulled[kind] += _pull_choices(local, rows)
                # What was written here came from the team: it is not to be pushed back.
                local.execute("DELETE FROM team_outbox WHERE seq > ?", (before,))
                local.execute(
                    "INSERT OR REPLACE INTO team_settings (name, value) VALUES (?, ?)",
                    (cursor_name, str(rows[-1][-1])),
                )


def read_setting(db: UserDatabase, name: str, default: str = "") -> str:
    rows = db.query("SELECT value FROM team_settings WHERE name = ?", (name,))
    return str(rows[0]["value"]) if rows else default


def _last_seq(local: sqlite3.Connection) -> int:
    row = local.execute("SELECT COALESCE(MAX(seq), 0) FROM team_outbox").fetchone()
    return int(row[0])


def _pull_notes(
    db: UserDatabase, local: sqlite3.Connection, team: TeamLink, rows: list[tuple[Any, ...]]
) -> int:
    # The store's reads run inside this transaction (the database's lock is re-entrant).
    _counts, to_write = merge(NotesStore(db), [note_from_row(row) for row in rows])
    save_in(local, to_write)
    written = {note.id for note in to_write}
    for row in rows:
        if row[0] not in written:
            continue
        creator, shared = str(row[13]), bool(row[14])
        if creator != team.role:
            local.execute(
                "INSERT OR REPLACE INTO team_creators (note_id, creator) VALUES (?, ?)",
                (row[0], creator),
            )
        else:  # one's own note from another computer: shared there, shared here
            local.execute(
                "INSERT OR REPLACE INTO team_sharing (note_id, shared) VALUES (?, ?)",
                (row[0], int(shared)),
            )
    return len(to_write)
