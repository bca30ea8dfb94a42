"""The library: every document the user can open, bundled and imported alike."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from reader.core.bundled import load_bundled
from reader.core.document import Document
from reader.core.errors import UnknownDocumentError


class Library:
    def __init__(self, documents: list[Document]) -> None:
        self._documents = {doc.id: doc for doc in documents}

    @classmethod
    def open(cls, bundled_folder: Path) -> Library:
        return cls(load_bundled(bundled_folder))

    def __iter__(self) -> Iterator[Document]:
        return iter(self._documents.values())

    def __len__(self) -> int:
        return len(self._documents)

    def ids(self) -> list[str]:
        return list(self._documents)

    def get(self, doc_id: str) -> Document:
        try:
            return self._documents[doc_id]
        except KeyError:
            raise UnknownDocumentError(doc_id, self.ids()) from None
