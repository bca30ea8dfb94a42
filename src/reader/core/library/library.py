"""The library: every document the user can open, bundled and imported alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.documents.document import Document
from reader.core.errors import UnknownDocumentError
from reader.core.library.bundled import load_bundled

if TYPE_CHECKING:  # the catalogue (SQLite, JSON) is loaded only for a library that has one
    from reader.core.user_db import UserDatabase


class Library:
    """Documents by id: the bundled statements first, then the imported ones in import order."""

    def __init__(self, documents: list[Document]) -> None:
        self._documents = {doc.id: doc for doc in documents}

    @classmethod
    def open(cls, bundled_folder: Path, db: UserDatabase | None = None) -> Library:
        """The bundled statements, and with `db` the documents of its catalogue."""
        documents = load_bundled(bundled_folder)
        if db is not None:
            from reader.core.library.catalogue import Catalogue

            documents += Catalogue(db).documents()
        return cls(documents)

    def __iter__(self) -> Iterator[Document]:
        return iter(self._documents.values())

    def __len__(self) -> int:
        return len(self._documents)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._documents

    def ids(self) -> list[str]:
        return list(self._documents)

    def by_id(self) -> dict[str, Document]:
        """The documents by id, in the library's order: a copy, which an export or a
        worker can hold while the library changes."""
        return dict(self._documents)

    def get(self, doc_id: str) -> Document:
        try:
            return self._documents[doc_id]
        except KeyError:
            raise UnknownDocumentError(doc_id, self.ids()) from None

    def put(self, doc: Document) -> None:
        """Add `doc`, or replace the document with its id (kept in its place)."""
        self._documents[doc.id] = doc

    def discard(self, doc_id: str) -> None:
        self._documents.pop(doc_id, None)

    def bundled(self) -> list[Document]:
        return [doc for doc in self if doc.kind == "bundled"]

    def imported(self) -> list[Document]:
        return [doc for doc in self if doc.kind == "imported"]
