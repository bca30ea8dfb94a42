"""Passages: the units the search index holds (a paragraph or list item, with its section)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from reader.core.document import BlockKind, Document


@dataclass(frozen=True)
class Passage:
    doc_id: str
    doc_title: str
    section: str
    block: int
    start: int
    end: int
    text: str


def passages(doc: Document) -> Iterator[Passage]:
    title = doc.metadata.display_title
    for index, block in enumerate(doc.blocks):
        if block.kind is BlockKind.HEADING:
            continue
        section = doc.section_at(block.start)
        heading = section.title if section is not None and section.level > 1 else ""
        yield Passage(doc.id, title, heading, index, block.start, block.end, doc.block_text(index))


def fingerprint(doc: Document) -> str:
    """Changes whenever anything the index keeps of the document changes."""
    digest = hashlib.sha256()
    for part in (doc.id, doc.metadata.display_title, doc.text):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    for block in doc.blocks:
        digest.update(f"{block.kind.value}:{block.level}:{block.start}:{block.end};".encode())
    return digest.hexdigest()
