"""A document's fingerprint changes with anything the index keeps of it, and with nothing else."""

from __future__ import annotations

import dataclasses

from reader.core.documents.document import BlockKind, Document
from reader.core.library.library import Library
from reader.core.search.passages import fingerprint


def _with_block(doc: Document, index: int, **changes: object) -> Document:
    blocks = list(doc.blocks)
    blocks[index] = blocks[index]._replace(**changes)
    return dataclasses.replace(doc, blocks=tuple(blocks))


def test_the_layout_and_the_text_count(library: Library) -> None:
    doc = next(iter(library))
    first = doc.blocks[1]
    kind = BlockKind.LIST_ITEM if first.kind is not BlockKind.LIST_ITEM else BlockKind.PARAGRAPH
    before = fingerprint(doc, "rules")
    assert fingerprint(dataclasses.replace(doc), "rules") == before
    changed = [
        _with_block(doc, 1, kind=kind),
        _with_block(doc, 1, level=first.level + 1),
        _with_block(doc, 1, end=first.end - 1),
        dataclasses.replace(doc, text=doc.text + " "),
        dataclasses.replace(doc, id=doc.id + "-2"),
    ]
    prints = {fingerprint(d, "rules") for d in changed} | {fingerprint(doc, "other rules")}
    assert before not in prints and len(prints) == len(changed) + 1
