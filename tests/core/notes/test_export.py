"""Exports of notes: Markdown and HTML by document and section with citations, CSV, and
hostile note texts made harmless in each."""

from __future__ import annotations

import csv
import io
import re

import pytest
from markdown_it import MarkdownIt

from reader.core.documents.document import BlockKind, Document
from reader.core.export import ExportFormat
from reader.core.library.library import Library
from reader.core.notes.agents import Creator
from reader.core.notes.citation import cite_notes, paragraph_number
from reader.core.notes.export import (
    NOTE_FORMATS,
    escape_markdown,
    export_notes,
    to_csv,
    to_markdown,
)
from reader.core.notes.export_html import to_html
from reader.core.notes.hypothesis import to_hypothesis
from reader.core.notes.note import Note, quote_at
from reader.core.notes.web_annotation import to_web_annotation

WRITER = Creator("Ann Reader")

HOSTILE = (
    "# Not a heading\n<script>alert('x')</script>\n[click](javascript:alert(1))\n"
    "![img](http://evil.example/x.png)\n---\n=1+1\n> not a quote\n1. not a list"
)


def note_on(doc: Document, quote: str, text: str = "", **fields: object) -> Note:
    start = doc.text.index(quote)
    q, prefix, suffix = quote_at(doc.text, start, start + len(quote))
    values: dict = {"id": quote[:8], "doc_id": doc.id, "start": start, "end": start + len(quote)}
    values |= {"quote": q, "prefix": prefix, "suffix": suffix, "text": text}
    return Note(**(values | fields))


def test_paragraph_numbers_count_paragraphs_and_items_from_one(elbe: Document) -> None:
    numbered = [i for i, b in enumerate(elbe.blocks) if b.kind is not BlockKind.HEADING]
    first, fourth = elbe.blocks[numbered[0]], elbe.blocks[numbered[3]]
    assert paragraph_number(elbe, first.start) == 1
    assert paragraph_number(elbe, fourth.end - 1) == 4
    heading = next(b for b in elbe.blocks if b.kind is BlockKind.HEADING)
    assert paragraph_number(elbe, heading.start) is None


def test_the_citation_names_document_place_date_section_and_paragraph(elbe: Document) -> None:
    quote = "final defeat of ISIS"
    [cited] = cite_notes([note_on(elbe, quote)], {elbe.id: elbe})
    para = paragraph_number(elbe, elbe.text.index(quote))
    assert cited.citation == (
        f"Elbe Group Joint Statement, Naples, Italy, 15-16 March 2018, On Syria, para. {para}"
    )


def test_markdown_groups_by_document_then_section_in_reading_order(library: Library) -> None:
    elbe, ac = library.get("elbe-group-2018-naples"), library.get("ac-riac-2013-washington")
    later = note_on(elbe, "final defeat of ISIS", "Who defeats them?", tags=("syria",))
    earlier = note_on(elbe, elbe.block_text(1)[:30])
    other = note_on(ac, ac.block_text(2)[:25], color="blue")
    text = to_markdown([other, later, earlier], library.by_id())
    assert text.index("## Elbe Group") < text.index(earlier.quote) < text.index("### On Syria")
    assert text.index("### On Syria") < text.index("> final defeat of ISIS")
    assert text.index("> final defeat") < text.index("Who defeats them?") < text.index("## AC")
    assert "*Tags:* syria · *Colour:* yellow" in text and "*Colour:* blue" in text


def test_detached_notes_and_unknown_documents_are_exported_not_dropped(elbe: Document) -> None:
    moved = note_on(elbe, "final defeat of ISIS", "kept")
    detached = Note(**{**moved.__dict__, "id": "gone", "quote": "no longer in the text"})
    orphan = Note(**{**moved.__dict__, "id": "orphan", "doc_id": "imported-elsewhere"})
    text = to_markdown([moved, detached, orphan], {elbe.id: elbe})
    assert "### Detached notes" in text and "> no longer in the text" in text
    assert "## imported-elsewhere (not in the library)" in text


def test_markdown_makes_hostile_notes_harmless(elbe: Document) -> None:
    text = to_markdown([note_on(elbe, "final defeat of ISIS", HOSTILE)], {elbe.id: elbe})
    lines = text.splitlines()
    assert "\\# Not a heading" in lines and not any(line.startswith("# Not a") for line in lines)
    assert "<script>" not in text and "\\<script\\>" in text
    assert "](javascript:" not in text.replace("\\](javascript:", "")
    assert "![img]" not in text and "\\---" in lines and "\\> not a quote" in lines
    assert "1\\. not a list" in lines
    rendered = MarkdownIt("commonmark").render(text)  # as a Markdown viewer would show it
    assert "Not a heading</h" not in rendered and "<script" not in rendered
    assert not any(tag in rendered for tag in ("<a ", "<img", "<hr", "<ol"))
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in rendered


def test_markdown_escaping_keeps_inline_emphasis() -> None:
    assert escape_markdown("*really* `so`") == "*really* `so`"
    assert escape_markdown("a & b | c") == "a \\& b \\| c"
    assert escape_markdown("* item\n***\n```js") == "\\* item\n\\***\n\\```js"


def test_html_is_self_contained_and_escapes_everything(elbe: Document) -> None:
    page = to_html(
        [note_on(elbe, "final defeat of ISIS", HOSTILE, tags=("<b>tag</b>",))], {elbe.id: elbe}
    )
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "<b>tag" not in page and "&lt;b&gt;tag" in page
    assert "href=" not in page and "src=" not in page and "<link" not in page
    assert "default-src 'none'" in page
    assert "On Syria, para." in page


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_defuses_formulas_and_opens_as_utf8(elbe: Document, start: str) -> None:
    note = note_on(elbe, "final defeat of ISIS", start + 'HYPERLINK("http://x")', tags=("=1+1",))
    text = to_csv([note], {elbe.id: elbe})
    assert text.startswith("\ufeffid,doc_id,")
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0]["note"] == "'" + start + 'HYPERLINK("http://x")'
    assert rows[0]["tags"] == "'=1+1"
    assert rows[0]["quote"] == "final defeat of ISIS" and rows[0]["section"] == "On Syria"


def test_export_notes_writes_every_format_of_the_notes(library: Library) -> None:
    elbe = library.get("elbe-group-2018-naples")
    notes = [note_on(elbe, "final defeat of ISIS", "=1+1", tags=("syria",))]
    documents = library.by_id()
    expected = {
        ExportFormat.MARKDOWN: to_markdown(notes, documents),
        ExportFormat.HTML: to_html(notes, documents),
        ExportFormat.CSV: to_csv(notes, documents),
        ExportFormat.JSON: to_web_annotation(notes, documents, WRITER),
        ExportFormat.HYPOTHESIS: to_hypothesis(notes, documents, WRITER, "x"),
    }
    assert NOTE_FORMATS == tuple(f for f in ExportFormat if f is not ExportFormat.DOCX)
    written = {fmt: export_notes(notes, documents, fmt, WRITER) for fmt in NOTE_FORMATS}
    written[ExportFormat.HYPOTHESIS] = re.sub(
        r'"export_date": "[^"]*"', '"export_date": "x"', written[ExportFormat.HYPOTHESIS]
    )
    assert written == expected
