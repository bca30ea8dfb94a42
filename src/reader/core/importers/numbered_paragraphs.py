"""Paragraphs numbered by hand, as web pages and PDFs number them, read as list items."""

from __future__ import annotations

from dataclasses import replace

from reader.core.documents.builder import BlockSpec
from reader.core.documents.document import BlockKind
from reader.core.importers.headings import looks_like_heading
from reader.core.importers.list_markers import BULLET, match_marker


def numbered_paragraphs_as_items(specs: list[BlockSpec]) -> list[BlockSpec]:
    """A paragraph that opens with a number or a letter ("1.1. The parties ...", "(a) a
    freeze;") becomes a list item with that marker. Not a bullet (a paragraph may open with a
    dash that is punctuation), nor "1. Introduction", which numbers a heading."""
    made = []
    for spec in specs:
        found = match_marker(spec.text) if spec.kind is BlockKind.PARAGRAPH else None
        if found is None or found.marker == BULLET or looks_like_heading(found.text):
            made.append(spec)
            continue
        item = replace(spec, kind=BlockKind.LIST_ITEM, text=found.text, level=1)
        made.append(replace(item, marker=found.marker))
    return made
