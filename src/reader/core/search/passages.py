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
    digest = hashlib.sha256()
    for part in (doc.id, doc.metadata.display_title, doc.text, derived):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    # One update of the blocks joined is the same digest as one per block; the kinds' values
    # come from a dict, not the enum's descriptor (the two were half of opening at 50,000).
    kinds = _KIND_VALUES
    layout = [f"{kinds[b.kind]}:{b.level}:{b.start}:{b.end};" for b in doc.blocks]
    digest.update("".join(layout).encode())
    return digest.hexdigest()


_KIND_VALUES = {kind: kind.value for kind in BlockKind}
