"""Sync: push what the outbox names, then pull what the team changed since the last pull.

Each batch is one transaction on each side, so a sync killed or cut off anywhere leaves whole
changes only, and the next one carries on:
- a push commits on the server, then removes what it pushed from the outbox. Killed between
  the two, the same rows are pushed again, and the merge rule makes that a no-op;
- a pull writes the rows, the cursor (the highest revision pulled) and the outbox in one
  local transaction; rows pulled again are merged again, to the same result.
Notes merge by id, the newer `modified` winning, a tombstone included: the rules of the notes
import (reader.core.notes.annotation_import.merge), on both sides. A note the user did not
share is never sent: the most the server hears of it is an unsharing by id (see _push_notes).
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.export import write_export
from reader.core.library.catalogue import DOCUMENTS_FOLDER
from reader.core.library.statement_record import document_from_json
from reader.core.notes.annotation_import import merge, merge_outcome
from reader.core.notes.note import Note, is_newer, now, parse_time
from reader.core.notes.store import NotesStore, save_in
from reader.core.team.connection import TeamLink, open_connection, required_link, unreachable
from reader.core.team.schema import LOCK_SPACE, TeamError
from reader.core.team.search import PASSAGE_INSERT, passage_rows
from reader.core.translation import _, ngettext
from reader.core.user_db import UserDatabase

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)

BATCH = 500  # rows a transaction; documents carry their files, so fewer of them
DOCUMENT_BATCH = 20
_NOTE_COLUMNS = (
    'id, doc_id, start, "end", quote, prefix, suffix, color, text, tags, created, modified, deleted'
)
_CHOICE_KEY = 'doc_id = ? AND start = ? AND "end" = ? AND sentence = ?'


@dataclass
class SyncReport:
    pushed: dict[str, int] = field(default_factory=lambda: {"note": 0, "document": 0, "choice": 0})
    pulled: dict[str, int] = field(default_factory=lambda: {"note": 0, "document": 0, "choice": 0})
    kept_private: int = 0
    skipped_documents: list[str] = field(default_factory=list)  # ids taken here by another

    def __str__(self) -> str:
        text = _(
            "Sent {notes} notes, {documents} documents, {choices} choices; received {in_notes} "
            "notes, {in_documents} documents, {in_choices} choices."
        ).format(
            notes=self.pushed["note"],
            documents=self.pushed["document"],
            choices=self.pushed["choice"],
            in_notes=self.pulled["note"],
            in_documents=self.pulled["document"],
            in_choices=self.pulled["choice"],
        )
        if self.kept_private:
            text += " " + ngettext(
                "{n} private note stayed on this computer.",
                "{n} private notes stayed on this computer.",
                self.kept_private,
            ).format(n=self.kept_private)
        if self.skipped_documents:
            text += " " + _(
                "Documents not received, their ids being taken here by others: {ids}."
            ).format(ids=", ".join(self.skipped_documents))
        return text


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


def _push_notes(
    server: psycopg.Connection, db: UserDatabase, team: TeamLink, ids: list[str], report: SyncReport
) -> int:
    store = NotesStore(db)
    notes = [n for n in (store.get(i, include_deleted=True) for i in ids) if n is not None]
    sharing = Sharing.read(db)
    theirs = {
        row[0]: row
        for row in server.execute(
            f"SELECT {_NOTE_COLUMNS}, creator, shared FROM notes WHERE id = ANY(%s) FOR UPDATE",
            ([n.id for n in notes],),
        )
    }
    added, updated, unshared, reshared = [], [], [], []
    for note in notes:
        if not sharing.shared(note):
            # Only ever shared notes are on the server: this finds nothing for the others.
            unshared.append((note.id,))
            report.kept_private += 1
            continue
        held = theirs.get(note.id)
        outcome = merge_outcome(_note(held) if held else None, note)
        if outcome == "added":
            added.append((team.team, *_note_values(note)))
        elif outcome == "updated":
            updated.append((*_note_values(note)[1:], note.id))
        elif held is not None and not held[-1]:
            reshared.append((note.id,))
    with server.cursor() as cursor:
        cursor.executemany(
            "UPDATE notes SET shared = false WHERE id = %s AND creator = current_user AND shared",
            unshared,
        )
        cursor.executemany(
            "UPDATE notes SET shared = true WHERE id = %s AND creator = current_user", reshared
        )
        # ON CONFLICT: a note unshared by its writer since we pulled it is invisible now.
        cursor.executemany(
            f"INSERT INTO notes (team, shared, {_NOTE_COLUMNS}, modified_at)"
            " VALUES (%s, true, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
            " ON CONFLICT (id) DO NOTHING",
            added,
        )
        cursor.executemany(
            'UPDATE notes SET doc_id = %s, start = %s, "end" = %s, quote = %s, prefix = %s,'
            " suffix = %s, color = %s, text = %s, tags = %s, created = %s, modified = %s,"
            " deleted = %s, modified_at = %s, shared = true WHERE id = %s",
            updated,
        )
    return len(added) + len(updated)


def _note_values(note: Note) -> tuple[Any, ...]:
    return (
        note.id, note.doc_id, note.start, note.end, note.quote, note.prefix, note.suffix,
        note.color, note.text, json.dumps(list(note.tags), ensure_ascii=False), note.created,
        note.modified, note.deleted, parse_time(note.modified),
    )  # fmt: skip


def _note(row: tuple[Any, ...]) -> Note:
    values = list(row[:13])
    values[9] = tuple(json.loads(values[9]))
    return Note(*values)


def _push_documents(
    server: psycopg.Connection, db: UserDatabase, team: TeamLink, ids: list[str], report: SyncReport
) -> int:
    rows = []
    for doc_id in ids:
        found = db.query(
            "SELECT id, title, file_name, file_format, copy_name, content_hash, imported_at,"
            " statement FROM catalogue WHERE id = ?",
            (doc_id,),
        )
        if not found:
            continue  # removed since: the team keeps its copy, if it has one
        row = found[0]
        copy = db.path.parent / DOCUMENTS_FOLDER / row["copy_name"]
        try:
            original = copy.read_bytes()
        except OSError as error:
            log.warning("The copy %s cannot be read, the document is not sent: %s", copy, error)
            continue
        rows.append((
            team.team, row["content_hash"], row["id"], row["title"], row["file_name"],
            row["file_format"], Path(row["copy_name"]).suffix, row["imported_at"],
            row["statement"], original,
        ))  # fmt: skip
    with server.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO documents (team, content_hash, id, title, file_name, file_format, suffix,"
            " imported_at, statement, original) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
            " ON CONFLICT DO NOTHING",
            rows,
        )
        for values in rows:  # the archive's search (reader.core.team.search) reads these
            doc = document_from_json(values[8], "imported")
            cursor.executemany(PASSAGE_INSERT, list(passage_rows(team.team, values[1], doc)))
    return len(rows)


def _push_choices(
    server: psycopg.Connection,
    db: UserDatabase,
    team: TeamLink,
    keys: list[str],
    report: SyncReport,
) -> int:
    sent = 0
    for key in keys:
        doc_id, start, end, sentence = json.loads(key)
        mine = _local_choice(db, key)
        if mine is None:
            continue
        choice, topics, changed = mine
        held = server.execute(
            "SELECT changed FROM choices WHERE team = %s AND doc_id = %s AND start = %s"
            ' AND "end" = %s AND sentence = %s FOR UPDATE',
            (team.team, doc_id, start, end, sentence),
        ).fetchone()
        if held is not None and not is_newer(changed, held[0]):
            continue
        server.execute(
            'INSERT INTO choices (team, doc_id, start, "end", sentence, choice, topics, changed,'
            " changed_at) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)"
            ' ON CONFLICT (team, doc_id, start, "end", sentence) DO UPDATE SET'
            " choice = excluded.choice, topics = excluded.topics, changed = excluded.changed,"
            " changed_at = excluded.changed_at",
            (team.team, doc_id, start, end, sentence, choice, topics, changed,
             parse_time(changed)),
        )  # fmt: skip
        sent += 1
    return sent


def _local_choice(db: UserDatabase, key: str) -> tuple[str, str, str] | None:
    """(choice, topics, changed) of a choice here; a cleared one is choice ""."""
    rows = db.query(
        f"SELECT choice, topics, changed FROM recommendation_overrides WHERE {_CHOICE_KEY}",
        json.loads(key),
    )
    if rows:
        return str(rows[0]["choice"]), str(rows[0]["topics"]), str(rows[0]["changed"])
    cleared = db.query("SELECT changed FROM team_cleared WHERE key = ?", (key,))
    return ("", "", str(cleared[0]["changed"])) if cleared else None


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
        ("note", "notes", f"{_NOTE_COLUMNS}, creator, shared", BATCH),
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
    _counts, to_write = merge(NotesStore(db), [_note(row) for row in rows])
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


def _pull_documents(
    db: UserDatabase,
    local: sqlite3.Connection,
    rows: list[tuple[Any, ...]],
    reserved: set[str],
    report: SyncReport,
) -> int:
    folder = db.path.parent / DOCUMENTS_FOLDER
    written: list[Path] = []
    try:
        for content_hash, doc_id, title, file_name, file_format, suffix, imported_at, \
                statement, original, _revision in rows:  # fmt: skip
            if local.execute(
                "SELECT 1 FROM catalogue WHERE content_hash = ?", (content_hash,)
            ).fetchone():
                continue
            taken = local.execute("SELECT 1 FROM catalogue WHERE id = ?", (doc_id,)).fetchone()
            if taken or doc_id in reserved:
                report.skipped_documents.append(doc_id)
                continue
            copy = folder / f"{doc_id}{suffix}"
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            write_export(copy, bytes(original))  # synced and renamed: whole or absent
            written.append(copy)
            local.execute(
                "INSERT INTO catalogue (id, title, file_name, file_format, copy_name,"
                " content_hash, imported_at, size, statement) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc_id, title, file_name, file_format, copy.name, content_hash, imported_at,
                 len(original), statement),
            )  # fmt: skip
    except BaseException:
        for copy in written:  # the transaction rolls back: no copy without its row
            copy.unlink(missing_ok=True)
        raise
    return len(written)


def _pull_choices(local: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> int:
    written = 0
    for doc_id, start, end, sentence, choice, topics, changed, _revision in rows:
        key = json.dumps([doc_id, start, end, sentence], ensure_ascii=False, separators=(",", ":"))
        mine = local.execute(
            f"SELECT changed FROM recommendation_overrides WHERE {_CHOICE_KEY}"
            " UNION ALL SELECT changed FROM team_cleared WHERE key = ?",
            (doc_id, start, end, sentence, key),
        ).fetchone()
        if mine is not None and not is_newer(changed, mine[0]):
            continue
        if choice:
            local.execute(
                "INSERT OR REPLACE INTO recommendation_overrides"
                ' (doc_id, start, "end", sentence, choice, topics, changed)'
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (doc_id, start, end, sentence, choice, topics, changed),
            )
        else:
            local.execute(f"DELETE FROM recommendation_overrides WHERE {_CHOICE_KEY}",
                          (doc_id, start, end, sentence))  # fmt: skip
            local.execute(  # the trigger stamped it now; it was cleared when the server says
                "INSERT OR REPLACE INTO team_cleared (key, changed) VALUES (?, ?)", (key, changed)
            )
        written += 1
    return written


# Sharing


@dataclass(frozen=True)
class Sharing:
    """Which notes the team may read: those shared one by one, those with a shared tag, and
    every note pulled from another analyst (it is the team's already)."""

    by_note: dict[str, bool]
    tags: frozenset[str]
    others: frozenset[str]

    @classmethod
    def read(cls, db: UserDatabase) -> Sharing:
        return cls(
            {r["note_id"]: bool(r["shared"]) for r in db.query("SELECT * FROM team_sharing")},
            frozenset(r["tag"] for r in db.query("SELECT tag FROM team_shared_tags")),
            frozenset(r["note_id"] for r in db.query("SELECT note_id FROM team_creators")),
        )

    def shared(self, note: Note) -> bool:
        if note.id in self.others:
            return True
        if note.id in self.by_note:
            return self.by_note[note.id]
        return any(tag.casefold() in self.tags for tag in note.tags)


def share_notes(db: UserDatabase, note_ids: Iterable[str], shared: bool) -> None:
    """Share (or make private again) these notes, from the next sync on."""
    with db.transaction() as local:
        for note_id in note_ids:
            local.execute(
                "INSERT OR REPLACE INTO team_sharing (note_id, shared) VALUES (?, ?)",
                (note_id, int(shared)),
            )
            local.execute("INSERT INTO team_outbox (kind, key) VALUES ('note', ?)", (note_id,))


def share_tag(db: UserDatabase, tag: str, shared: bool) -> int:
    """Share every note with `tag` (any case), now and later, or stop; returns how many notes
    have it. A note shared or kept private one by one stays as it was set."""
    name = tag.strip().casefold()
    notes = [n.id for n in NotesStore(db).all_including_tombstones() if name in
             {t.casefold() for t in n.tags}]  # fmt: skip
    with db.transaction() as local:
        if shared:
            local.execute("INSERT OR IGNORE INTO team_shared_tags (tag) VALUES (?)", (name,))
        else:
            local.execute("DELETE FROM team_shared_tags WHERE tag = ?", (name,))
        local.executemany(
            "INSERT INTO team_outbox (kind, key) VALUES ('note', ?)", [(i,) for i in notes]
        )
    return len(notes)


def shared_tags(db: UserDatabase) -> list[str]:
    return sorted(r["tag"] for r in db.query("SELECT tag FROM team_shared_tags"))
