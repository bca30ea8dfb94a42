"""Which notes the team may read: shared one by one or by tag; private otherwise."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reader.core.notes.note import Note
from reader.core.notes.store import NotesStore
from reader.core.user_db import UserDatabase


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
