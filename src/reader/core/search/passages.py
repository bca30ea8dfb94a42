"""Passages: the units the search index holds (a paragraph or list item, with its section)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from reader.core.documents.document import BlockKind, Document


@dataclass(frozen=True)
class Passage:
    doc_id: str
    doc_title: str
    section: str
    block: int
    start: int
    end: int
    text: str
    topics: tuple[str, ...] = ()  # of the recommendations in it (see passage_topics)


def passages(
    doc: Document, topics: Mapping[int, tuple[str, ...]] | None = None
) -> Iterator[Passage]:
    """The document's paragraphs and list items; `topics` gives a block's topic ids."""
    title = doc.metadata.display_title
    for index, block in enumerate(doc.blocks):
        if block.kind is BlockKind.HEADING:
            continue
        section = doc.section_at(block.start)
        heading = section.title if section is not None and section.level > 1 else ""
        text = doc.block_text(index)
        found = topics.get(index, ()) if topics else ()
        yield Passage(doc.id, title, heading, index, block.start, block.end, text, found)


def fingerprint(doc: Document, derived: str = "") -> str:
    """Changes whenever anything the index keeps of the document changes.

    `derived` names how the rest was derived from the text (the recommendation rules'
    signature), so that a new rule set changes every fingerprint.
    """
    # The text and the layout by the digests the document came with (the text's stored at
    # import): hashing 24 MB of text and 50,000 blocks was most of opening the index.
    parts = (doc.id, doc.metadata.display_title, doc.text_digest(), doc.layout_digest, derived)
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()
