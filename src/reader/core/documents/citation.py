"""Quote a passage with where it comes from, ready to paste into a memo."""

from __future__ import annotations

from reader.core.documents.builder import normalise_space
from reader.core.documents.document import Document


def cite(doc: Document, start: int, end: int) -> str:
    """The passage [start, end) as a quotation, then title, place and date on the next line."""
    quote = normalise_space(doc.text[start:end].replace("\n", " "))
    return f"“{quote}”\n— {source_line(doc)}"


def source_line(doc: Document) -> str:
    meta = doc.metadata
    return ", ".join(part for part in (meta.title, meta.place, meta.date_label) if part)
