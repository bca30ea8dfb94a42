"""Small documents built in a test, paragraph by paragraph, as an import would build them."""

from __future__ import annotations

from reader.core.documents.builder import BlockSpec, build_document
from reader.core.documents.document import BlockKind, Document, Metadata


def statement(*paragraphs: str, doc_id: str = "s", title: str = "A Statement") -> Document:
    specs = [BlockSpec(BlockKind.PARAGRAPH, text) for text in paragraphs]
    return build_document(doc_id, "imported", Metadata(title=title), specs)
