"""Pulling documents and choices into the batch's local transaction (the loop, the cursor
and the notes' merge are reader.core.team.sync's)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from reader.core.export import write_export
from reader.core.library.catalogue import DOCUMENTS_FOLDER
from reader.core.notes.note import is_newer
from reader.core.team.records import CHOICE_KEY
from reader.core.team.report import SyncReport
from reader.core.user_db import UserDatabase


def pull_documents(
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


def pull_choices(local: sqlite3.Connection, rows: list[tuple[Any, ...]]) -> int:
    written = 0
    for doc_id, start, end, sentence, choice, topics, changed, _revision in rows:
        key = json.dumps([doc_id, start, end, sentence], ensure_ascii=False, separators=(",", ":"))
        mine = local.execute(
            f"SELECT changed FROM recommendation_overrides WHERE {CHOICE_KEY}"
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
            local.execute(f"DELETE FROM recommendation_overrides WHERE {CHOICE_KEY}",
                          (doc_id, start, end, sentence))  # fmt: skip
            local.execute(  # the trigger stamped it now; it was cleared when the server says
                "INSERT OR REPLACE INTO team_cleared (key, changed) VALUES (?, ?)", (key, changed)
            )
        written += 1
    return written
