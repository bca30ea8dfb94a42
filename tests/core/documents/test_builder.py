"""Laying blocks out into one canonical text: every range points at the right words."""

import re

import pytest

from reader.core.documents.builder import (
    BlockSpec,
    build_document,
    canonical_text,
    normalise_space,
)
from reader.core.documents.document import BlockKind, Document, Metadata

H, P, LI = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM

SPECS = [
    BlockSpec(H, "A  Title\u00a0Without Stop", level=1),
    BlockSpec(P, "  First\u00a0paragraph. It has\n two sentences.  "),
    BlockSpec(LI, "One;", level=1, marker="•"),
    BlockSpec(LI, "Two, nested.", level=2, marker="1."),
    BlockSpec(LI, "Three.", level=1),
    BlockSpec(H, "Section. With a dot inside", level=2),
    BlockSpec(P, " \u00a0\n "),  # nothing but space: dropped
    BlockSpec(P, "Last words from the U.S. and Russia. The end."),
]


@pytest.fixture
def doc() -> Document:
    return build_document("demo", "bundled", Metadata(title="Demo"), SPECS)


def test_block_ranges_hold_the_normalised_words(doc: Document) -> None:
    kept = [spec for spec in SPECS if spec.text.strip()]
    assert [doc.block_text(i) for i in range(len(doc.blocks))] == [
        normalise_space(spec.text) for spec in kept
    ]
    assert [(b.kind, b.level) for b in doc.blocks] == [(s.kind, s.level) for s in kept]


def test_blocks_are_ordered_and_separated(doc: Document) -> None:
    for before, after in zip(doc.blocks, doc.blocks[1:], strict=False):
        assert before.end < after.start
        assert "\n" in doc.text[before.end : after.start]


def test_white_space_is_collapsed(doc: Document) -> None:
    assert "\u00a0" not in doc.text
    assert "  First" not in doc.text
    assert "A Title Without Stop" in doc.text
    assert "First paragraph. It has two sentences." in doc.text


def test_sentences_lie_inside_their_block(doc: Document) -> None:
    for sentence in doc.sentences:
        block = doc.blocks[sentence.block]
        assert block.start <= sentence.start < sentence.end <= block.end
    assert [s.block for s in doc.sentences] == sorted(s.block for s in doc.sentences)


def test_headings_are_one_sentence(doc: Document) -> None:
    headings = [i for i, b in enumerate(doc.blocks) if b.kind is H]
    for index in headings:
        held = [doc.sentence_text(s) for s in doc.sentences if s.block == index]
        assert held == [doc.block_text(index)]
    assert "Section. With a dot inside" in [doc.sentence_text(s) for s in doc.sentences]


def test_paragraph_sentences(doc: Document) -> None:
    assert [doc.sentence_text(s) for s in doc.sentences if s.block == len(doc.blocks) - 1] == [
        "Last words from the U.S. and Russia.",
        "The end.",
    ]


def test_list_items_are_preceded_by_their_marker(doc: Document) -> None:
    items = [b for b in doc.blocks if b.kind is LI]
    assert [b.marker for b in items] == ["•", "1.", "•"]  # the default marker is recorded too
    for item in items:
        line_start = doc.text.rfind("\n", 0, item.start) + 1
        indent = "  " * (item.level - 1)
        assert doc.text[line_start : item.start] == f"{indent}{item.marker} "
    assert "One;\n  1. Two, nested.\n• Three." in doc.text


def test_empty_document() -> None:
    doc = build_document("empty", "imported", Metadata(title="Empty"), [])
    assert (doc.text, doc.blocks, doc.sentences) == ("", (), ())


def test_first_block_starts_the_text(doc: Document) -> None:
    assert doc.blocks[0].start == 0
    assert doc.text.endswith("The end.")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("  a \u00a0 b\n\tc  ", "a b c"), ("\u00a0", ""), ("one", "one"), ("a\u2009b", "a b")],
)
def test_normalise_space(raw: str, expected: str) -> None:
    assert normalise_space(raw) == expected


def test_normalise_space_folds_every_white_space_re_knows() -> None:
    spaces = "".join(c for c in map(chr, range(0x110000)) if re.fullmatch(r"\s", c))
    text = f"{spaces}a{spaces}b c\u200bd{spaces}"  # a zero-width space is no white space
    assert normalise_space(text) == re.sub(r"\s+", " ", text).strip() == "a b c\u200bd"


def test_canonical_text_is_the_documents() -> None:
    assert canonical_text(SPECS) == build_document("d", "imported", Metadata(""), SPECS).text
