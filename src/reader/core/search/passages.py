"""Passages: the units the search index holds (a paragraph or list item, with its section)."""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter

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
    # The layout as one array of numbers and one string of kinds, built by map and zip in C:
    # a formatted string per block was most of an opening at 50,000 passages.
    blocks = doc.blocks
    numbers = zip(map(_LEVEL, blocks), map(_START, blocks), map(_END, blocks), strict=True)
    digest.update(array("q", chain.from_iterable(numbers)).tobytes())
    digest.update(";".join(map(_KIND_VALUES.__getitem__, map(_KIND, blocks))).encode())
    return digest.hexdigest()


_KIND_VALUES = {kind: kind.value for kind in BlockKind}
_KIND, _LEVEL = attrgetter("kind"), attrgetter("level")
_START, _END = attrgetter("start"), attrgetter("end")
