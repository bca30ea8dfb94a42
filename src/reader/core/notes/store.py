"""The user's notes, in the user's database: every change one transaction, saved at once.

Undo and redo: every change returns what it replaced, and restore() puts a version back.
- add(...) returns the new note; undo with delete(note.id), redo with restore(note);
- update, delete and reattach return the note as it was; undo with restore(previous),
  redo with restore(the version after), as get() gave it.
restore() marks what it writes as modified now: an undo is a change too, and must win over
older copies when a backup is imported.

A delete leaves a tombstone (the note, marked deleted), so that importing an older backup
does not bring it back; list() and search() show live notes only.
"""

from __future__ import annotations

import builtins
import json
import sqlite3
import uuid
from collections.abc import Iterable
from dataclasses import astuple, replace

from reader.core.documents.document import Document
from reader.core.notes.anchoring import Placement, place
from reader.core.notes.note import (
    DEFAULT_COLOR,
    Note,
    NoteError,
    checked_color,
    clean_tags,
    now,
    quote_at,
)
from reader.core.translation import _
from reader.core.user_db import UserDatabase

_COLUMNS = (
    'id, doc_id, start, "end", quote, prefix, suffix, color, text, tags, created, modified, deleted'
)


class NotesStore:
    # Methods after list() name the built-in as builtins.list: `list` is the method there.

    def __init__(self, db: UserDatabase) -> None:
        self._db = db

    @property
    def read_only(self) -> str:
        """ "" if notes can be saved, else why not (the end of a sentence)."""
        return self._db.read_only

    def add(
        self,
        doc: Document,
        start: int,
        end: int,
        color: str = DEFAULT_COLOR,
        text: str = "",
        tags: Iterable[str] = (),
    ) -> Note:
        """A new note on [start, end) of `doc`'s text, saved before this returns."""
        quote, prefix, suffix = quote_at(doc.text, start, end)
        stamp = now()
        note = Note(
            str(uuid.uuid4()), doc.id, start, end, quote, prefix, suffix,
            checked_color(color), text, clean_tags(tags), stamp, stamp,
        )  # fmt: skip
        self._write(note)
        return note

    def update(
        self,
        note_id: str,
        *,
        color: str | None = None,
        text: str | None = None,
        tags: Iterable[str] | None = None,
    ) -> Note:
        """Change what is given of a live note; returns the note as it was."""
        previous = self._live(note_id)
        changed = replace(
            previous,
            color=previous.color if color is None else checked_color(color),
            text=previous.text if text is None else text,
            tags=previous.tags if tags is None else clean_tags(tags),
            modified=now(),
        )
        self._write(changed)
        return previous

    def delete(self, note_id: str) -> Note:
        """Leave a tombstone in the note's place; returns the note as it was."""
        previous = self._live(note_id)
        self._write(replace(previous, deleted=True, modified=now()))
        return previous

    def reattach(self, note_id: str, doc: Document, start: int, end: int) -> Note:
        """Put a (detached) note on [start, end) of `doc`'s text now; returns it as it was."""
        previous = self._live(note_id)
        quote, prefix, suffix = quote_at(doc.text, start, end)
        moved = replace(previous, start=start, end=end, quote=quote, prefix=prefix, suffix=suffix)
        self._write(replace(moved, doc_id=doc.id, modified=now()))
        return previous

    def restore(self, note: Note) -> Note | None:
        """Put back a version of a note (undo, redo), modified now; returns what it replaced."""
        previous = self.get(note.id, include_deleted=True)
        self._write(replace(note, modified=now()))
        return previous

    def get(self, note_id: str, include_deleted: bool = False) -> Note | None:
        rows = self._db.query(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (note_id,))
        note = _note(rows[0]) if rows else None
        return note if note and (include_deleted or not note.deleted) else None

    def list(
        self,
        doc_id: str | None = None,
        color: str | None = None,
        tag: str | None = None,
        text: str | None = None,
    ) -> list[Note]:
        """Live notes, by document id and then in reading order, narrowed by what is given.

        `tag` matches whole tags, in any case; `text` wants every word of it in the note's
        text, tags or quote, in any case.
        """
        sql, parameters = f"SELECT {_COLUMNS} FROM notes WHERE NOT deleted", []
        if doc_id is not None:
            sql, parameters = sql + " AND doc_id = ?", [doc_id]
        notes = [_note(row) for row in self._db.query(sql + _ORDER, parameters)]
        return [n for n in notes if _wanted(n, color, tag, text)]

    def search(self, words: str) -> builtins.list[Note]:
        """Live notes with every word in their text, tags or quote, in any case.

        Filtered in Python rather than with SQLite's LIKE, which folds the case of ASCII
        letters only ("ÉTAT" would not find "état").
        """
        return self.list(text=words) if words.split() else []

    def tags(self) -> builtins.list[str]:
        """Every tag of a live note, once each, in alphabetical order (for a filter menu)."""
        found = clean_tags(tag for note in self.list() for tag in note.tags)
        return sorted(found, key=str.casefold)

    def all_including_tombstones(self) -> builtins.list[Note]:
        return [_note(row) for row in self._db.query(f"SELECT {_COLUMNS} FROM notes" + _ORDER)]

    def for_document(self, doc: Document) -> builtins.list[Placement]:
        """The live notes of `doc`, placed in its text as it stands now, in reading order.

        Notes found at a new place are saved there (when the database can be written),
        without touching `modified`: the user did not change them. Detached ones are kept
        where they were, with the best candidate place offered.
        """
        saved = self.list(doc_id=doc.id)
        placements = [place(note, doc.text) for note in saved]
        moved = [p.note for p, old in zip(placements, saved, strict=True) if p.note != old]
        if moved and not self.read_only:
            # One transaction for all of them: one each took 5-30 s for the first listing
            # after a 20,000-note import.
            self.write_imported(moved)
        return sorted(placements, key=lambda p: (p.note.start, p.note.end, p.note.created))

    def write_imported(self, notes: Iterable[Note]) -> None:
        """Save notes exactly as given (an import), all of them in one transaction."""
        with self._db.transaction() as connection:
            for note in notes:
                _save(connection, note)

    def _live(self, note_id: str) -> Note:
        note = self.get(note_id)
        if note is None:
            raise NoteError(_("There is no note with the id '{note_id}'.").format(note_id=note_id))
        return note

    def _write(self, note: Note) -> None:
        with self._db.transaction() as connection:
            _save(connection, note)


_ORDER = ' ORDER BY doc_id, start, "end", created'


def _wanted(note: Note, color: str | None, tag: str | None, text: str | None) -> bool:
    if color is not None and note.color != color.strip().lower():
        return False
    if tag is not None and tag.strip().casefold() not in {t.casefold() for t in note.tags}:
        return False
    return text is None or note.matches(text)


def save_in(connection: sqlite3.Connection, notes: Iterable[Note]) -> None:
    """Save notes exactly as given, in a transaction the caller holds (the team sync's, which
    writes the cursor and the outbox in the same one)."""
    for note in notes:
        _save(connection, note)


def _save(connection: sqlite3.Connection, note: Note) -> None:
    values = list(astuple(note))
    values[9] = json.dumps(list(note.tags), ensure_ascii=False)
    values[12] = int(note.deleted)
    connection.execute(f"INSERT OR REPLACE INTO notes ({_COLUMNS}) VALUES ({_PLACES})", values)


_PLACES = ", ".join("?" * 13)


def _note(row: sqlite3.Row) -> Note:
    values = dict(row)
    values["tags"] = tuple(json.loads(values["tags"]))
    values["deleted"] = bool(values["deleted"])
    return Note(**values)
