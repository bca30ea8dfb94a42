"""Which document of this laptop holds a document of the team's archive.

A search of the archive names a document by the id its first pusher gave it; this library
may hold the same file under another id, or another file under that id (the sync's rules:
a document is known by its content hash, an id taken here is never overwritten). The server
says which contents go by the id; the catalogue says which of them are here.
"""

from __future__ import annotations

from reader.core.team.connection import TeamLink, open_connection, refusals
from reader.core.user_db import UserDatabase


def local_copy(db: UserDatabase, link: TeamLink, doc_id: str) -> str | None:
    """The id here of the archive's document `doc_id`, or None if the sync has not brought it
    yet; a TeamError if the server cannot say."""
    with open_connection(link.dsn, passfile=link.passfile) as server, refusals(link.dsn):
        hashes = [
            str(row[0])
            for row in server.execute(
                "SELECT content_hash FROM documents WHERE team = %s AND id = %s",
                (link.team, doc_id),
            )
        ]
    return held_here(db, doc_id, hashes)


def held_here(db: UserDatabase, doc_id: str, hashes: list[str]) -> str | None:
    """The id of the document here with one of these contents, the one named `doc_id` first."""
    if not hashes:
        return None
    marks = ", ".join("?" * len(hashes))
    ids = [
        str(row["id"])
        for row in db.query(f"SELECT id FROM catalogue WHERE content_hash IN ({marks})", hashes)
    ]
    return doc_id if doc_id in ids else (ids[0] if ids else None)
