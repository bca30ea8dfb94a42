"""PDF layout: columns, running heads, headings by font, paragraphs by spacing and indent, and
the file's own metadata, on small PDFs written here for each case."""

import json
import textwrap
from pathlib import Path

import pytest

from reader.core.documents.document import BlockKind, Document
from reader.core.importers import import_file, to_document
from reader.resource_access import resource_path
from tests.core.importers.pdf_making import Placed, write_placed_pdf

H, P, LI = BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM
LEFT, RIGHT, TOP, BOTTOM = 72.0, 523.0, 760.0, 60.0
LEADING = 12.0  # between the lines of a paragraph in 10 pt
SENTENCES = [
    "The sides discussed strategic stability and the state of arms control treaties.",
    "They agreed that dialogue between the military staffs must resume without delay.",
    "Experts on both sides should meet twice a year to review the risks of escalation.",
    "The group calls on both governments to extend the treaty for another five years.",
    "Confidence-building measures at sea and in the air deserve particular attention.",
    "Exchanges of data on missile launches would reduce the danger of misreading them.",
    "The participants welcomed the work of the younger generation of specialists.",
    "A joint glossary of terms would help the two delegations to understand each other.",
]


def lines_of(text: str, x: float, y: float, chars: int, size: float = 10.0) -> list[Placed]:
    """`text` wrapped at `chars` characters into lines from `y` down, at `x`."""
    wrapped = textwrap.wrap(text, chars, break_on_hyphens=False)
    return [Placed(line, x, y - n * LEADING, size) for n, line in enumerate(wrapped)]


def document(path: Path) -> Document:
    return to_document(import_file(path), "pdf")


def blocks(doc: Document) -> list[tuple[BlockKind, int, str]]:
    return [(b.kind, b.level, doc.block_text(i)) for i, b in enumerate(doc.blocks)]


def test_two_columns_are_read_in_order_without_heads_or_page_numbers(tmp_path: Path) -> None:
    """Two columns drawn row by row (left line, right line at one height, as some writers
    draw them), a running head and a page number on each page: the columns come out one
    after the other, the heads and numbers not at all."""
    paragraphs = [" ".join(SENTENCES[n : n + 2]) for n in range(0, 8, 2)]
    pages = []
    for number in range(3):
        left = lines_of(paragraphs[0] + " " + paragraphs[1], LEFT, TOP, 40)
        right = lines_of(paragraphs[2] + " " + paragraphs[3], 310, TOP, 40)
        page = [Placed("Elbe Group | Naples Statement 2018", LEFT, 800, 8)]
        for pair in zip(left, right, strict=True):
            page += pair
        page.append(Placed(str(number + 1), 290, 40, 8))
        pages.append(page)
    doc = document(write_placed_pdf(tmp_path / "columns.pdf", pages))
    expected = " ".join(paragraphs)
    assert " ".join(doc.block_text(i) for i in range(len(doc.blocks))) == " ".join([expected] * 3)
    assert "Naples Statement" not in doc.text
    assert [b.kind for b in doc.blocks] == [P] * len(doc.blocks)


def test_paragraphs_that_repeat_on_purpose_are_all_kept(tmp_path: Path) -> None:
    refrain = SENTENCES[0] + " " + SENTENCES[1]
    page, y = [], TOP
    for text in (refrain, SENTENCES[2], refrain, SENTENCES[3], refrain):
        lines = lines_of(text, LEFT, y, 90)
        page += lines
        y = lines[-1].y - 2 * LEADING
    doc = document(write_placed_pdf(tmp_path / "refrain.pdf", [page]))
    assert [text for _, _, text in blocks(doc)] == [
        refrain,
        SENTENCES[2],
        refrain,
        SENTENCES[3],
        refrain,
    ]


def test_headings_come_from_font_size_and_weight_not_from_line_shape(tmp_path: Path) -> None:
    """A short first line of a paragraph, a table's row and margin line numbers are no
    headings; lines set larger, or in bold and apart, are, at levels by their size."""
    page = [
        Placed("Strategic Stability Today", LEFT, TOP, 20),
        Placed("The Present State", LEFT, TOP - 40, 14),
        Placed("Short opening line", LEFT, TOP - 62),
        *lines_of(SENTENCES[0] + " " + SENTENCES[1], LEFT, TOP - 62 - LEADING, 90),
        Placed("Treaties in Force", LEFT, TOP - 130, 10, bold=True),
        *lines_of(SENTENCES[2], LEFT, TOP - 130 - 1.6 * LEADING, 90),
        Placed("Treaty", LEFT, TOP - 190),
        Placed("Signed", 250, TOP - 190),
        Placed("In force", 400, TOP - 190),
        Placed("New START", LEFT, TOP - 190 - LEADING),
        Placed("2010", 250, TOP - 190 - LEADING),
        Placed("2011", 400, TOP - 190 - LEADING),
        Placed("Next Steps", LEFT, TOP - 240, 14),
        Placed("5", 40, TOP - 262, 8),
        *lines_of(SENTENCES[3], LEFT, TOP - 262, 90),
    ]
    doc = document(write_placed_pdf(tmp_path / "headings.pdf", [page]))
    got = blocks(doc)
    headings = [(level, text) for kind, level, text in got if kind is H]
    assert headings == [
        (1, "Strategic Stability Today"),
        (2, "The Present State"),
        (3, "Treaties in Force"),
        (2, "Next Steps"),
    ]
    assert (P, 0, "Short opening line " + SENTENCES[0] + " " + SENTENCES[1]) in got
    assert (P, 0, "Treaty Signed In force") in got
    assert (P, 0, "5 " + SENTENCES[3]) in got
    assert doc.metadata.title == "Strategic Stability Today"


def test_a_title_wrapped_over_lines_is_one_heading(tmp_path: Path) -> None:
    page = [
        Placed("Joint Statement on Strategic Stability and the", LEFT, TOP, 18),
        Placed("Future of Arms Control in Europe", LEFT, TOP - 22, 18),
        Placed("Elbe Group", LEFT, TOP - 50, 12),
        Placed("Naples, 16 March 2018", LEFT, TOP - 66, 12),
        *lines_of(SENTENCES[0], LEFT, TOP - 96, 90),
    ]
    doc = document(write_placed_pdf(tmp_path / "wrapped.pdf", [page]))
    title = "Joint Statement on Strategic Stability and the Future of Arms Control in Europe"
    assert blocks(doc)[0] == (H, 1, title)
    assert doc.metadata.title == title
    assert (P, 0, "Naples, 16 March 2018") in blocks(doc)  # a dateline is no heading
    assert doc.metadata.date_iso == "2018-03-16"


def test_the_creation_date_is_never_the_statements_date(tmp_path: Path) -> None:
    page = lines_of(SENTENCES[0] + " " + SENTENCES[1], LEFT, TOP, 90)
    info = {"Title": "Elbe Group on Strategic Stability", "CreationDate": "D:20190301120000Z"}
    doc = document(write_placed_pdf(tmp_path / "undated.pdf", [page], info))
    assert doc.metadata.date_start is None
    assert doc.metadata.title == "Elbe Group on Strategic Stability"  # the text has none


def test_a_title_naming_the_tool_is_not_used(tmp_path: Path) -> None:
    page = lines_of(SENTENCES[0], LEFT, TOP, 90)
    for junk in ("Microsoft Word - draft 3.docx", "untitled", "Document1", "C:\\temp\\x"):
        path = write_placed_pdf(tmp_path / "junk.pdf", [page], {"Title": junk})
        assert document(path).metadata.title != junk


def test_paragraphs_marked_only_by_a_first_line_indent(tmp_path: Path) -> None:
    """No space between paragraphs, as LaTeX sets them: each opens set in by an em."""
    page, y = [], TOP
    for text in (SENTENCES[0] + " " + SENTENCES[1], SENTENCES[2] + " " + SENTENCES[3]) * 2:
        lines = lines_of(text, LEFT, y, 80)
        page += [Placed(lines[0].text, LEFT + 12, lines[0].y), *lines[1:]]
        y = lines[-1].y - LEADING
    doc = document(write_placed_pdf(tmp_path / "indented.pdf", [page]))
    assert [text for _, _, text in blocks(doc)] == [
        SENTENCES[0] + " " + SENTENCES[1],
        SENTENCES[2] + " " + SENTENCES[3],
    ] * 2


def test_a_book_loses_its_odd_and_even_heads(tmp_path: Path) -> None:
    """Heads that differ on odd and even pages, page numbers in the outer corners, and a
    chapter's first page without a head: only the text is left."""
    pages = []
    for number in range(1, 7):
        page = lines_of(" ".join(SENTENCES[number - 1 : number + 2]), LEFT, TOP, 90)
        if number > 1:
            head = "Handbook of Statements" if number % 2 == 0 else "Chapter 1. Reading Them"
            x = LEFT if number % 2 == 0 else 380
            page += [Placed(head, x, 800, 9), Placed(str(number), RIGHT - 10, 800, 9)]
        pages.append(page)
    doc = document(write_placed_pdf(tmp_path / "book.pdf", pages))
    assert "Handbook" not in doc.text and "Reading Them" not in doc.text
    assert not any(text.strip().isdigit() for _, _, text in blocks(doc))
    words = " ".join(" ".join(SENTENCES[n - 1 : n + 2]) for n in range(1, 7)).split()
    assert doc.text.split() == words


def test_a_list_keeps_its_items(tmp_path: Path) -> None:
    page = [
        *lines_of("The participants agreed on three points:", LEFT, TOP, 90),
        Placed("• Strategic stability;", LEFT + 10, TOP - LEADING),
        Placed("• Cybersecurity, including the protection of", LEFT + 10, TOP - 2 * LEADING),
        Placed("critical infrastructure;", LEFT + 20, TOP - 3 * LEADING),
        Placed("• Chemical weapons.", LEFT + 10, TOP - 4 * LEADING),
    ]
    doc = document(write_placed_pdf(tmp_path / "list.pdf", [page]))
    assert blocks(doc)[1:] == [
        (LI, 1, "Strategic stability;"),
        (LI, 1, "Cybersecurity, including the protection of critical infrastructure;"),
        (LI, 1, "Chemical weapons."),
    ]


def test_a_word_broken_at_a_line_end_is_made_whole_and_a_compound_keeps_its_hyphen(
    tmp_path: Path,
) -> None:
    page = [
        Placed("The sides agreed on confidence-building measures and on the inter-", LEFT, TOP),
        Placed("national exchange of data. Such confidence-", LEFT, TOP - LEADING),
        Placed("building steps were welcomed.", LEFT, TOP - 2 * LEADING),
    ]
    doc = document(write_placed_pdf(tmp_path / "hyphens.pdf", [page]))
    assert blocks(doc) == [
        (
            P,
            0,
            "The sides agreed on confidence-building measures and on the international "
            "exchange of data. Such confidence-building steps were welcomed.",
        )
    ]


def test_a_bold_opening_that_runs_on_in_roman_is_no_heading(tmp_path: Path) -> None:
    opening = "The Elbe Group meets twice a year in a city of one of its members and"
    page = [
        Placed(opening, LEFT, TOP, bold=True),
        Placed("discusses the state of relations between the two countries.", LEFT, TOP - LEADING),
        *lines_of(SENTENCES[0], LEFT, TOP - 3 * LEADING, 90),
    ]
    doc = document(write_placed_pdf(tmp_path / "run-in.pdf", [page]))
    assert blocks(doc) == [
        (P, 0, opening + " discusses the state of relations between the two countries."),
        (P, 0, SENTENCES[0]),
    ]


HEAD_STYLES = {1: (18.0, False), 2: (14.0, True), 3: (11.0, True)}


def typeset(
    blocks: list[dict[str, str | int | None]], running_head: str, bottom: float
) -> list[list[Placed]]:
    """The blocks set as a word processor sets them: headings larger or bold, 6 pt after each
    paragraph, bullets with a hanging indent, pages broken where they fill down to `bottom`
    (mid-paragraph too), a running head and a page number on every page."""
    pages: list[list[Placed]] = [[]]
    y = TOP

    def place(text: str, x: float, size: float, bold: bool) -> None:
        nonlocal y
        if y < bottom:
            pages.append([])
            y = TOP
        pages[-1].append(Placed(text, x, y, size, bold))
        y -= size * 1.2

    for block in blocks:
        text, kind = str(block["text"]), block["kind"]
        if kind == "heading":
            size, bold = HEAD_STYLES[int(block["level"] or 1)]
            y -= 6
            for line in textwrap.wrap(text, 60):
                place(line, LEFT, size, bold)
        elif kind == "list_item":
            for n, line in enumerate(textwrap.wrap(text, 85, break_on_hyphens=False)):
                place(("• " if n == 0 else "") + line, LEFT + 10 + 8 * (n > 0), 10, False)
        else:
            for line in textwrap.wrap(text, 95, break_on_hyphens=False):
                place(line, LEFT, 10, False)
        y -= 6
    for number, page in enumerate(pages, 1):
        page += [Placed(running_head, LEFT, 810, 8), Placed(f"Page {number}", 280, 40, 8)]
    return pages


@pytest.mark.parametrize("doc_id", ["elbe-group-2018-naples", "ac-riac-2013-washington"])
def test_a_bundled_statement_set_as_a_pdf_imports_into_its_blocks(
    tmp_path: Path, doc_id: str
) -> None:
    bundled = json.loads(resource_path(f"{doc_id}.json").read_text(encoding="utf-8"))["blocks"]
    pages = typeset(bundled, "Joint Statement | " + doc_id, bottom=400)
    assert len(pages) >= 2
    doc = document(write_placed_pdf(tmp_path / f"{doc_id}.pdf", pages))
    expected = [
        (BlockKind(b["kind"]), b.get("level") or (0 if b["kind"] == "paragraph" else 1), b["text"])
        for b in bundled
    ]
    assert blocks(doc) == [(k, level, " ".join(t.split())) for k, level, t in expected]


def test_text_turned_along_the_margin_comes_out_whole(tmp_path: Path) -> None:
    page = [
        *lines_of(SENTENCES[0] + " " + SENTENCES[1], LEFT, TOP, 90),
        Placed("Printed from the archive of the Elbe Group", 40, 300, 9, turned=True),
    ]
    doc = document(write_placed_pdf(tmp_path / "stamp.pdf", [page]))
    assert blocks(doc) == [
        (P, 0, SENTENCES[0] + " " + SENTENCES[1]),
        (P, 0, "Printed from the archive of the Elbe Group"),
    ]


def test_footnotes_wait_until_the_paragraph_the_page_broke_ends(tmp_path: Path) -> None:
    lines = [
        "The sides discussed strategic stability and the state of arms control treaties. They",
        "agreed that the dialogue between the military staffs must resume without any delay and",
        "that experts should meet twice a year.",
    ]
    first = [
        Placed(lines[0], LEFT, 120),
        Placed(lines[1], LEFT, 120 - LEADING),
        Placed("1 See the Joint Statement of 2017.", LEFT, 80, 8),
        Placed("2 The group met in Moscow and in Washington.", LEFT, 70, 8),
    ]
    second = [Placed(lines[2], LEFT, TOP), *lines_of(SENTENCES[2], LEFT, TOP - 2 * LEADING, 90)]
    doc = document(write_placed_pdf(tmp_path / "notes.pdf", [first, second]))
    assert [text for _, _, text in blocks(doc)] == [
        " ".join(lines),
        "1 See the Joint Statement of 2017.",
        "2 The group met in Moscow and in Washington.",
        SENTENCES[2],
    ]
