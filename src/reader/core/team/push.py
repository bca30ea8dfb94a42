"""Pushing: what the outbox names, written to the server in the batch's transaction (the
loop and its transactions are reader.core.team.sync's). A note the user did not share is
never sent: the most the server hears of it is an unsharing by id (see push_notes)."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.library.catalogue import DOCUMENTS_FOLDER
from reader.core.library.statement_record import document_from_json
from reader.core.notes.annotation_import import merge_outcome
from reader.core.notes.note import is_newer, parse_time
from reader.core.notes.store import NotesStore
from reader.core.team.connection import TeamLink
from reader.core.team.records import CHOICE_KEY, NOTE_COLUMNS, note_from_row, note_values
from reader.core.team.report import SyncReport
from reader.core.team.search import PASSAGE_INSERT, passage_rows
from reader.core.team.sharing import Sharing
from reader.core.user_db import UserDatabase

if TYPE_CHECKING:
    import psycopg


log = logging.getLogger(__name__)
PENDING_KB = str(64 * 1024)  # gin_pending_list_limit while a batch of documents goes in


def push_notes(
    server: psycopg.Connection, db: UserDatabase, team: TeamLink, ids: list[str], report: SyncReport
) -> int:
    store = NotesStore(db)
    notes = [n for n in (store.get(i, include_deleted=True) for i in ids) if n is not None]
    sharing = Sharing.read(db)
    theirs = {
        row[0]: row
        for row in server.execute(
            f"SELECT {NOTE_COLUMNS}, creator, shared FROM notes WHERE id = ANY(%s) FOR UPDATE",
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
        outcome = merge_outcome(note_from_row(held) if held else None, note)
        if outcome == "added":
            added.append((team.team, *note_values(note)))
        elif outcome == "updated":
            updated.append((*note_values(note)[1:], note.id))
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
            f"INSERT INTO notes (team, shared, {NOTE_COLUMNS}, modified_at)"
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


def push_documents(
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
        # The passages' GIN indexes take their new entries into a pending list, merged into
        # the index when it fills: a larger list for this transaction merges a batch's
        # passages in fewer, larger steps (bench/team.py, inserts with the indexes in place:
        # 4,100-5,300 passages/s at 4 MB, the default; 8,100-8,500 at 64 MB).
        cursor.execute("SELECT set_config('gin_pending_list_limit', %s, true)", (PENDING_KB,))
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


def push_choices(
    server: psycopg.Connection,
    db: UserDatabase,
    team: TeamLink,
    keys: list[str],
    report: SyncReport,
) -> int:
    sent = 0
    for key in keys:
        doc_id, start, end, sentence = json.loads(key)
        mine = local_choice(db, key)
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


def local_choice(db: UserDatabase, key: str) -> tuple[str, str, str] | None:
    """(choice, topics, changed) of a choice here; a cleared one is choice ""."""
    rows = db.query(
        f"SELECT choice, topics, changed FROM recommendation_overrides WHERE {CHOICE_KEY}",
        json.loads(key),
    )
    if rows:
        return str(rows[0]["choice"]), str(rows[0]["topics"]), str(rows[0]["changed"])
    cleared = db.query("SELECT changed FROM team_cleared WHERE key = ?", (key,))
    return ("", "", str(cleared[0]["changed"])) if cleared else None
