"""The capture reader of the quality tests: which lines of a raw page become list items."""

from pathlib import Path

from reader.core.documents.document import BlockKind
from tests.core.recommendations.statement_captures import capture_document

CAPTURE = """\
Key steps
We recommend the following:
 Restore dialogue between the militaries.
 Extend the treaty.
Plain prose follows here.
We call for:
a moratorium on deployments;
regular talks between staffs;
• urgent talks;
➢ a hotline;
(a) fresh attempts to engage;
Plain prose again.
  Indented prose after a paragraph.
1.5 million people were displaced.
"""


def test_odd_and_lost_markers_make_list_items(tmp_path: Path) -> None:
    path = tmp_path / "capture.txt"
    path.write_text(CAPTURE, encoding="utf-8")
    doc = capture_document(path)
    kinds = [(b.kind, doc.block_text(i)) for i, b in enumerate(doc.blocks)]
    items = [text for kind, text in kinds if kind is BlockKind.LIST_ITEM]
    assert items == [
        "Restore dialogue between the militaries.",
        "Extend the treaty.",
        "a moratorium on deployments;",
        "regular talks between staffs;",
        "urgent talks;",
        "a hotline;",
        "fresh attempts to engage;",
    ]
    assert (BlockKind.PARAGRAPH, "Indented prose after a paragraph.") in kinds
    assert (BlockKind.PARAGRAPH, "1.5 million people were displaced.") in kinds
