"""The team's rows as the laptop's: a note's columns and values, a choice's key."""

from __future__ import annotations

import json
from typing import Any

from reader.core.notes.note import Note, parse_time

NOTE_COLUMNS = (
    'id, doc_id, start, "end", quote, prefix, suffix, color, text, tags, created, modified, deleted'
)
CHOICE_KEY = 'doc_id = ? AND start = ? AND "end" = ? AND sentence = ?'


def note_values(note: Note) -> tuple[Any, ...]:
    return (
        note.id, note.doc_id, note.start, note.end, note.quote, note.prefix, note.suffix,
        note.color, note.text, json.dumps(list(note.tags), ensure_ascii=False), note.created,
        note.modified, note.deleted, parse_time(note.modified),
    )  # fmt: skip


def note_from_row(row: tuple[Any, ...]) -> Note:
    values = list(row[:13])
    values[9] = tuple(json.loads(values[9]))
    return Note(*values)
