"""Test helper: documents from raw page captures (../shared/seeds/dev), and gold labels.

Not an importer (that is a later issue): just enough structure for the extractor to see
what a real importer would give it. Every non-blank line is a block: a list item when it
opens with a bullet (any of the splitter's, "", "○", "➢" too) or a number (its indentation
gives the nesting), or when it is indented or a fragment (lower case first, or ending with
";") without a marker (one the capture lost) right after a lead-in ending with ":" or
another such item; a heading when it is short, has no
final punctuation and is not the last line (titles, "Skip to content"), else a paragraph.
The captures keep one paragraph per line, with or without blank lines between.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from reader.core.documents.builder import BlockSpec, build_document, normalise_space
from reader.core.documents.document import BlockKind, Document, Metadata
from reader.core.documents.sentences import BULLETS

# Bullets: the splitter's, "*", dashes, and the private-use glyphs of symbol fonts ("").
# A bullet may touch its words ("•Restore"); a dash, "*", Word's "o", a number ("1.", "2.1",
# "(a)", "iv)") must not ("1.5 m").
_ITEM = re.compile(
    rf"^(\s*)([{BULLETS}\uf000-\uf0ff]"
    r"|(?:[*\-–—o]|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{2,4})[.)])(?=\s))\s*(\S.*)$"
)
_LOST_MARKER = re.compile(r"^(\s+)(\S.*)$")
_FINAL_PUNCTUATION = '.!?:;…"”’)'
HEADING_MAX = 200


@dataclass(frozen=True)
class GoldRow:
    doc_id: str
    topics: tuple[str, ...]
    tier: str  # "core" or "borderline"
    sentence: str  # white space collapsed


def capture_document(path: Path, title: str = "") -> Document:
    lines = [line.rstrip() for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line.strip()]
    specs: list[BlockSpec] = []
    for n, line in enumerate(lines):
        specs.append(_spec(line, n == len(lines) - 1, specs[-1] if specs else None))
    return build_document(path.stem, "imported", Metadata(title=title or path.stem), specs)


def _spec(line: str, last: bool, previous: BlockSpec | None) -> BlockSpec:
    item = _ITEM.match(line)
    if item:
        indent, marker, words = item.groups()
        return BlockSpec(BlockKind.LIST_ITEM, words, max(1, len(indent) // 2), marker)
    lost = _LOST_MARKER.match(line)
    if lost and previous is not None and _takes_items(previous):
        indent, words = lost.groups()
        return BlockSpec(BlockKind.LIST_ITEM, words, max(1, len(indent) // 2), "")
    words = line.strip()
    if previous is not None and _takes_items(previous) and _fragment(words):
        return BlockSpec(BlockKind.LIST_ITEM, words, 1, "")
    if not last and len(words) <= HEADING_MAX and not words.endswith(tuple(_FINAL_PUNCTUATION)):
        return BlockSpec(BlockKind.HEADING, words, 2)
    return BlockSpec(BlockKind.PARAGRAPH, words)


def dev_titles(dev_dir: Path) -> dict[str, str]:
    """The statements' titles from the table in SOURCES.md, by file stem."""
    titles = {}
    for line in (dev_dir / "SOURCES.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.split("|")]
        if len(cells) > 3 and cells[1].endswith(".txt"):
            titles[cells[1].removesuffix(".txt")] = cells[2]
    return titles


def dev_documents(dev_dir: Path) -> list[Document]:
    titles = dev_titles(dev_dir)
    return [capture_document(p, titles.get(p.stem, "")) for p in sorted(dev_dir.glob("*.txt"))]


def load_gold(path: Path) -> list[GoldRow]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("document\t"):
            continue
        doc_id, topics, tier, sentence = line.split("\t")
        rows.append(GoldRow(doc_id, tuple(topics.split("|")), tier, normalise_space(sentence)))
    return rows


def _fragment(words: str) -> bool:
    """A list item's words, not a sentence: lower case first, or ending with ";" or ","."""
    return words[:1].islower() or words.endswith((";", ",", "; and", "; or"))


def _takes_items(previous: BlockSpec) -> bool:
    """A lead-in (a paragraph ending with ":") or an item whose marker was lost."""
    if previous.kind is BlockKind.LIST_ITEM:
        return previous.marker == ""
    return previous.kind is BlockKind.PARAGRAPH and previous.text.rstrip().endswith(":")
