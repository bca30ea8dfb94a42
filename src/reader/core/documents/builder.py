"""Lays out blocks into one canonical text and records where every block and sentence sits."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.documents.document import Block, BlockKind, Document, Metadata, Sentence
from reader.core.documents.sentences import split_sentences


def normalise_space(text: str) -> str:
    """Collapse every run of white space (no-break spaces included) into one space."""
    return " ".join(text.split())  # str.split's white space is what re calls \s, and twice as fast


@dataclass(frozen=True)
class BlockSpec:
    """A block before layout: its kind, its words, and for headings and lists a level."""

    kind: BlockKind
    text: str
    level: int = 0
    marker: str = ""


def build_document(
    doc_id: str, kind: str, metadata: Metadata, specs: list[BlockSpec], text_sha256: str = ""
) -> Document:
    """Join the blocks into the canonical text.

    `text_sha256`: the canonical text's digest as stored at import, if known (Document).
    Blocks are separated by a blank line; consecutive list items by a line break, each
    preceded by its marker ("• ", "1. ") so the plain text reads as it looks. Block and
    sentence ranges cover the words only, never the markers or separators.
    """
    text, blocks = _lay_out(specs)
    sentences = [
        Sentence(block.start + s, block.start + e, number)
        for number, block in enumerate(blocks)
        for s, e in _block_sentences(block.kind, text[block.start : block.end])
    ]
    doc = Document(doc_id, kind, metadata, text, tuple(blocks), tuple(sentences))
    if text_sha256:
        object.__setattr__(doc, "text_sha256", text_sha256)
    return doc


def canonical_text(specs: list[BlockSpec]) -> str:
    """The text `build_document` lays the blocks out into, without finding its sentences."""
    return _lay_out(specs)[0]


def _lay_out(specs: list[BlockSpec]) -> tuple[str, list[Block]]:
    parts: list[str] = []
    length = 0
    blocks: list[Block] = []
    previous: BlockKind | None = None
    for spec in specs:
        words = normalise_space(spec.text)
        if not words:
            continue
        prefix = _separator(previous, spec.kind)
        marker = spec.marker
        if spec.kind is BlockKind.LIST_ITEM:
            marker = marker or "•"  # record the marker the text shows, default included
            prefix += "  " * max(spec.level - 1, 0) + marker + " "
        start = length + len(prefix)
        parts.append(prefix + words)
        length = start + len(words)
        blocks.append(Block(spec.kind, start, length, spec.level, marker))
        previous = spec.kind
    return "".join(parts), blocks


def _separator(previous: BlockKind | None, current: BlockKind) -> str:
    if previous is None:
        return ""
    if previous is BlockKind.LIST_ITEM and current is BlockKind.LIST_ITEM:
        return "\n"
    return "\n\n"


def _block_sentences(kind: BlockKind, words: str) -> list[tuple[int, int]]:
    if kind is BlockKind.HEADING:
        return [(0, len(words))]
    return split_sentences(words)
