"""Passages: the units the search index holds (a paragraph or list item, with its section)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import chain

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
    return hashlib.sha256("\0".join((*_parts(doc), derived)).encode("utf-8")).hexdigest()


def library_fingerprint(documents: Iterable[Document], derived: str = "") -> str:
    """Changes whenever any document's fingerprint would, or the documents or their order do:
    one digest of all, so that opening an index of an unchanged library works out no
    document's own (2,500 of them took half of opening the index at 50,000 passages)."""
    parts = chain.from_iterable(map(_parts, documents))
    return hashlib.sha256("\0".join((*parts, derived)).encode("utf-8")).hexdigest()


def _parts(doc: Document) -> tuple[str, str, str, str]:
    return doc.id, doc.metadata.display_title, doc.text_digest(), doc.layout_digest
