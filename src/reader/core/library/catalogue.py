"""The library catalogue: the user's imported documents, in the user's database and folder.

Each imported file is copied to `<data>/documents/<id><ext>` (the original is never
touched) and recorded in the database with its blocks and metadata, so the library opens
without parsing anything again. An import is all or nothing: the copy is written under a
temporary name, renamed inside the database transaction, and deleted if that transaction
does not commit, so a failure leaves neither a row nor a file behind.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.documents.document import Document, Metadata
from reader.core.errors import ReaderError, UnknownDocumentError
from reader.core.library.document_ids import new_id
from reader.core.library.statement_record import document_from_json, statement_json, with_metadata
from reader.core.translation import _
from reader.core.user_db import UserDatabase

if TYPE_CHECKING:  # the importers (HTML and PDF libraries) load only when importing
    from reader.core.importers import ImportedStatement

log = logging.getLogger(__name__)

DOCUMENTS_FOLDER = "documents"
_COLUMNS = "id, title, file_name, file_format, copy_name, content_hash, imported_at, size"


class CatalogueError(ReaderError):
    """A document cannot be added, changed or removed; the sentence says why."""


class AlreadyInLibrary(CatalogueError):
    """The same content is in the library already, as `doc_id`."""

    def __init__(self, file_name: str, doc_id: str) -> None:
        super().__init__(
            _("{file_name} is already in the library as {doc_id}.").format(
                file_name=file_name, doc_id=doc_id
            )
        )
        self.doc_id = doc_id


@dataclass(frozen=True)
class CatalogueEntry:
    """One imported document as the catalogue records it; `copy` is the file kept in the library."""

    id: str
    title: str
    file_name: str
    file_format: str
    content_hash: str
    imported_at: str  # ISO 8601, UTC
    size: int
    copy: Path


class Catalogue:
    """The imported documents recorded in `db`; their copies beside it, in documents/."""

    def __init__(self, db: UserDatabase) -> None:
        self._db = db
        self.folder = db.path.parent / DOCUMENTS_FOLDER
        self._swept = False  # the first add clears away strays (see _sweep)

    @property
    def read_only(self) -> str:
        """ "" if documents can be added, else why not (the end of a sentence)."""
        return self._db.read_only

    def entries(self) -> list[CatalogueEntry]:
        rows = self._db.query(f"SELECT {_COLUMNS} FROM catalogue ORDER BY imported_at, rowid")
        return [self._entry(row) for row in rows]

    def entry(self, doc_id: str) -> CatalogueEntry | None:
        rows = self._db.query(f"SELECT {_COLUMNS} FROM catalogue WHERE id = ?", (doc_id,))
        return self._entry(rows[0]) if rows else None

    def documents(self) -> list[Document]:
        """Every imported document, in the order they were imported; damaged rows are skipped."""
        rows = self._db.query(
            "SELECT id, statement, content_hash FROM catalogue ORDER BY imported_at, rowid"
        )
        documents = []
        for row in rows:
            try:
                documents.append(_document(row))
            except (ValueError, KeyError, TypeError):
                log.exception("The catalogue entry %s is damaged; it is left out", row["id"])
        return documents

    def document(self, doc_id: str) -> Document | None:
        """One imported document, or None if there is none by that id (or it is damaged)."""
        rows = self._db.query(
            "SELECT statement, content_hash FROM catalogue WHERE id = ?", (doc_id,)
        )
        if not rows:
            return None
        try:
            return _document(rows[0])
        except (ValueError, KeyError, TypeError):
            log.exception("The catalogue entry %s is damaged", doc_id)
            return None

    def find(self, content_hash: str) -> str | None:
        """The id of the document with this content hash, if one was imported."""
        rows = self._db.query("SELECT id FROM catalogue WHERE content_hash = ?", (content_hash,))
        return str(rows[0]["id"]) if rows else None

    def add(
        self, imported: ImportedStatement, source: Path, reserved: Collection[str] = ()
    ) -> CatalogueEntry:
        """Record `imported` (read from `source`) and copy the file in; ids in `reserved`
        (the bundled ones) are never given. AlreadyInLibrary if its content is known."""
        copy: Path | None = None
        try:
            with self._db.transaction() as connection:
                self._refuse_duplicate(connection, imported)
                if not self._swept:
                    self._sweep(connection)
                doc_id = new_id(imported.metadata, source.stem, {*reserved, *self._ids(connection)})
                copy = self.folder / f"{doc_id}{source.suffix.lower()}"
                size = copy_atomically(source, copy)
                entry = CatalogueEntry(
                    doc_id, imported.metadata.title, imported.file_name,
                    imported.file_format, imported.content_hash, _now(), size, copy,
                )  # fmt: skip
                _insert(
                    connection, entry, statement_json(doc_id, imported.metadata, imported.blocks)
                )
        except BaseException:
            if copy is not None:
                copy.unlink(missing_ok=True)
            raise
        return entry

    def _sweep(self, connection: sqlite3.Connection) -> None:
        """Delete the copies no entry names: left by a process killed between its copy and
        its commit (or a removal whose delete failed). Run under the write lock, which every
        add holds from its copy to its commit, so no other import's copy can be among them."""
        self._swept = True
        named = {row["copy_name"] for row in connection.execute("SELECT copy_name FROM catalogue")}
        try:
            strays = [p for p in self.folder.iterdir() if p.is_file() and p.name not in named]
        except OSError:  # no folder yet, or unreadable: nothing to sweep here
            return
        for stray in strays:
            try:
                stray.unlink()
            except OSError as error:  # costs only disk space; the next import tries again
                log.warning("A stray copy %s could not be deleted: %s", stray, error)

    def update_metadata(self, doc_id: str, metadata: Metadata) -> None:
        """Change an imported document's title, date, place, ...; its text stays as it is."""
        if not metadata.title.strip():
            raise CatalogueError(_("A document needs a title."))
        with self._db.transaction() as connection:
            row = connection.execute(
                "SELECT statement FROM catalogue WHERE id = ?", (doc_id,)
            ).fetchone()
            if row is None:
                raise UnknownDocumentError(doc_id, self._ids(connection))
            connection.execute(
                "UPDATE catalogue SET title = ?, statement = ? WHERE id = ?",
                (metadata.title, with_metadata(row["statement"], metadata), doc_id),
            )

    def remove(self, doc_id: str) -> CatalogueEntry:
        """Forget an imported document and delete its copy. What refers to it by id (notes,
        recommendation choices) is left alone: see attached_rows."""
        with self._db.transaction() as connection:
            entry = self.entry(doc_id)
            if entry is None:
                raise UnknownDocumentError(doc_id, self._ids(connection))
            connection.execute("DELETE FROM catalogue WHERE id = ?", (doc_id,))
        try:
            entry.copy.unlink(missing_ok=True)
        except OSError:  # the row is gone; a stray copy costs only disk space
            log.exception("The copy %s of a removed document could not be deleted", entry.copy)
        return entry

    def attached_rows(self, doc_id: str) -> dict[str, int]:
        """How many rows of each other table refer to `doc_id` (notes, recommendation choices):
        for asking the user what to do with them before a removal."""
        counts = {}
        for table in self._tables_with_doc_id():
            sql = f'SELECT COUNT(*) FROM "{table}" WHERE doc_id = ?'
            count = int(self._db.query(sql, (doc_id,))[0][0])
            if count:
                counts[table] = count
        return counts

    def _tables_with_doc_id(self) -> list[str]:
        tables = self._db.query("SELECT name FROM sqlite_master WHERE type = 'table'")
        names = [str(row["name"]) for row in tables if row["name"] != "catalogue"]
        return [
            name
            for name in names
            if any(c["name"] == "doc_id" for c in self._db.query(f'PRAGMA table_info("{name}")'))
        ]

    def _refuse_duplicate(
        self, connection: sqlite3.Connection, imported: ImportedStatement
    ) -> None:
        row = connection.execute(
            "SELECT id FROM catalogue WHERE content_hash = ?", (imported.content_hash,)
        ).fetchone()
        if row is not None:
            raise AlreadyInLibrary(imported.file_name, row["id"])

    def _ids(self, connection: sqlite3.Connection) -> list[str]:
        return [row["id"] for row in connection.execute("SELECT id FROM catalogue")]

    def _entry(self, row: sqlite3.Row) -> CatalogueEntry:
        return CatalogueEntry(
            row["id"], row["title"], row["file_name"], row["file_format"], row["content_hash"],
            row["imported_at"], row["size"], self.folder / row["copy_name"],
        )  # fmt: skip


def _document(row: sqlite3.Row) -> Document:
    """The row's statement, with the content hash its import stored (the sha256 of the same
    canonical text): the index then tells an unchanged text without hashing it again."""
    return document_from_json(row["statement"], "imported", row["content_hash"])


def copy_atomically(source: Path, target: Path) -> int:
    """Copy `source` to `target` by way of a temporary name, so `target` is whole or absent.

    Returns the size copied; a CatalogueError says why the copy could not be made.
    """
    temporary = target.with_name(f".{target.name}.partial")
    try:
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
        return target.stat().st_size
    except OSError as error:
        temporary.unlink(missing_ok=True)
        reason = (error.strerror or str(error)).lower()
        raise CatalogueError(
            _("{name} cannot be copied into the library folder {folder}: {reason}.").format(
                name=source.name, folder=target.parent, reason=reason
            )
        ) from error


def _insert(connection: sqlite3.Connection, entry: CatalogueEntry, statement: str) -> None:
    connection.execute(
        f"INSERT INTO catalogue ({_COLUMNS}, statement) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            entry.id, entry.title, entry.file_name, entry.file_format, entry.copy.name,
            entry.content_hash, entry.imported_at, entry.size, statement,
        ),
    )  # fmt: skip


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds")
