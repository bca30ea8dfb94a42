"""The last steps every importer's blocks go through, whatever the file's format."""

from __future__ import annotations

from dataclasses import replace

from reader.core.documents.builder import BlockSpec, normalise_space
from reader.core.importers.furniture import Furniture, default_furniture
from reader.core.importers.headings import settle_levels
from reader.core.importers.numbered_paragraphs import numbered_paragraphs_as_items
from reader.core.importers.repeats import drop_repeats


def clean_blocks(
    specs: list[BlockSpec], furniture: Furniture | None = None, repeats: bool = True
) -> list[BlockSpec]:
    """Furniture blocks and teasers out (unless `repeats` are kept), white space collapsed,
    heading levels settled."""
    furniture = furniture or default_furniture()
    kept = []
    for spec in specs:
        text = normalise_space(furniture.strip_trailing(spec.text))
        if text and not furniture.is_furniture(text):
            kept.append(replace(spec, text=text))
    kept = numbered_paragraphs_as_items(kept)
    return settle_levels(drop_repeats(kept) if repeats else kept)
