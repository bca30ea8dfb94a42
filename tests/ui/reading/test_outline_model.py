"""The outline model passes Qt's model checks and finds the section at an offset."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

from reader.core.library.library import Library

from reader.ui.reading.outline_model import OutlineModel, SectionRole


def test_outline_model_nests_sections_by_level(qtmodeltester, library: Library) -> None:
    model = OutlineModel()
    model.set_document(library.get("elbe-group-2018-naples"))
    qtmodeltester.check(model)
    title = model.index(0, 0)
    assert title.data() == "Elbe Group Joint Statement"
    top = [model.index(r, 0, title).data() for r in range(model.rowCount(title))]
    assert top == [
        "Strategic Stability",
        "Current U.S.-Russia Relationship",
        "The Situation in the Middle East",
        "WMD Terrorism",
        "The Elbe Dialogue",
    ]
    stability = model.index(0, 0, title)
    assert [model.index(r, 0, stability).data() for r in range(2)] == [
        "On Strategic Stability",
        "On Ukraine",
    ]


def test_outline_index_for_offset_finds_deepest_section(library: Library) -> None:
    doc = library.get("elbe-group-2018-naples")
    model = OutlineModel()
    model.set_document(doc)
    offset = doc.text.index("Regarding cybercrime")
    index = model.index_for_offset(offset)
    assert index.data() == "On Syria"
    assert index.data(SectionRole).start <= offset
    model.set_document(None)
    assert model.rowCount(QModelIndex()) == 0


def test_every_document_starts_its_outline_at_its_title() -> None:
    from reader.core.documents.builder import BlockSpec, build_document
    from reader.core.documents.document import BlockKind, Metadata

    plain = build_document(
        "plain", "imported", Metadata(title="A Plain Statement"),
        [BlockSpec(BlockKind.PARAGRAPH, "No headings at all.")],
    )  # fmt: skip
    sectioned = build_document(
        "sectioned", "imported", Metadata(title="A Sectioned Statement"),
        [BlockSpec(BlockKind.PARAGRAPH, "Opening words."),
         BlockSpec(BlockKind.HEADING, "On Arms Control", level=2),
         BlockSpec(BlockKind.PARAGRAPH, "We recommend talks.")],
    )  # fmt: skip
    model = OutlineModel()
    for doc, children in ((plain, []), (sectioned, ["On Arms Control"])):
        model.set_document(doc)
        assert model.rowCount() == 1
        root = model.index(0, 0)
        assert root.data() == doc.metadata.title
        assert root.data(SectionRole).start == 0
        assert [model.index(r, 0, root).data() for r in range(model.rowCount(root))] == children
