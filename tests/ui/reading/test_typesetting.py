"""The typeset QTextDocument holds every block's words at the positions the layout maps to."""

from __future__ import annotations

import pytest

from PySide6.QtGui import QPalette, QTextCursor, QTextDocument

from reader.core.library.library import Library

from reader.ui.reading.typesetting import typeset


@pytest.mark.parametrize("doc_id", ["elbe-group-2018-naples", "ac-riac-2013-washington"])
def test_every_block_sits_where_the_layout_says(qapp, library: Library, doc_id: str) -> None:
    doc = library.get(doc_id)
    target = QTextDocument()
    layout = typeset(doc, target, QPalette(), 12.0)
    for index, block in enumerate(doc.blocks):
        cursor = QTextCursor(target)
        cursor.setPosition(layout.to_qt(block.start))
        cursor.setPosition(layout.to_qt(block.end), QTextCursor.MoveMode.KeepAnchor)
        assert cursor.selectedText() == doc.block_text(index)


def test_offsets_round_trip_inside_blocks(qapp, library: Library) -> None:
    doc = library.get("elbe-group-2018-naples")
    layout = typeset(doc, QTextDocument(), QPalette(), 12.0)
    for block in doc.blocks:
        for offset in (block.start, (block.start + block.end) // 2, block.end):
            assert layout.to_canonical(layout.to_qt(offset)) == offset


def test_list_items_are_typeset_as_a_list(qapp, library: Library) -> None:
    doc = library.get("elbe-group-2018-naples")
    target = QTextDocument()
    layout = typeset(doc, target, QPalette(), 12.0)
    item = next(b for b in doc.blocks if b.kind.value == "list_item")
    qt_block = target.findBlock(layout.to_qt(item.start))
    assert qt_block.textList() is not None
    assert qt_block.textList().count() == 5
