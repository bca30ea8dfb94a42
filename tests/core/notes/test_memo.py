"""A memo from notes: chosen, grouped, cited, and written as Markdown, HTML and DOCX."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

from reader.core.documents.document import Document
from reader.core.export import ExportFormat
from reader.core.library.library import Library
from reader.core.notes.memo import GroupBy, MemoOptions, build_memo
from reader.core.notes.memo_text import memo_html, memo_markdown, memo_plain_text, render_memo
from reader.core.notes.note import Note
from reader.core.notes.store import NotesStore
from reader.core.recommendations.collection import collect
from reader.core.recommendations.extraction import Recommendation
from reader.core.recommendations.rules import RuleSet
from reader.core.recommendations.taxonomy import Taxonomy
from reader.core.user_db import UserDatabase


@pytest.fixture
def recs(library: Library, rules: RuleSet, taxonomy: Taxonomy) -> list[Recommendation]:
    return collect(library, rules, taxonomy)


@pytest.fixture
def notes(tmp_path: Path, library: Library, recs: list[Recommendation]) -> list[Note]:
    store = NotesStore(UserDatabase.open(tmp_path))
    elbe, ac = library.get("elbe-group-2018-naples"), library.get("ac-riac-2013-washington")
    in_rec = next(r for r in recs if r.doc_id == elbe.id)
    store.add(elbe, in_rec.start, in_rec.start + 25, "pink", "In a recommendation", ["key"])
    start = elbe.text.index("final defeat of ISIS")
    store.add(elbe, start, start + 20, "green", "<b>not bold</b>", ["syria"])
    store.add(ac, 0, 30, "yellow")
    return store.list()


def test_grouped_by_document_with_citations(notes: list[Note], library: Library) -> None:
    memo = build_memo(notes, library.by_id())
    headings = [g.heading for g in memo.groups]
    assert headings[0].startswith("Elbe Group Joint Statement") and len(headings) == 2
    text = memo_markdown(memo)
    assert "> final defeat of ISIS" in text and "On Syria, para. 27" in text
    assert "\\<b\\>not bold\\</b\\>" in text  # a note's HTML stays text


def test_grouped_by_section_and_by_topic(
    notes: list[Note], library: Library, recs: list[Recommendation], elbe: Document
) -> None:
    by_section = build_memo(notes, library.by_id(), recs, MemoOptions(group_by=GroupBy.SECTION))
    assert "On Syria" in [part for part, _ in by_section.groups[0].parts]
    by_topic = build_memo(notes, library.by_id(), recs, MemoOptions(group_by=GroupBy.TOPIC))
    labels = [g.heading for g in by_topic.groups]
    in_rec = next(r for r in recs if r.doc_id == elbe.id)
    assert in_rec.topic_label in labels and labels[-1] == "Not in a recommendation"


def test_filters_by_document_tag_colour_topic_and_words(
    notes: list[Note], library: Library, recs: list[Recommendation], elbe: Document
) -> None:
    def count(**options: object) -> int:
        return build_memo(notes, library.by_id(), recs, MemoOptions(**options)).count  # type: ignore[arg-type]

    in_rec = next(r for r in recs if r.doc_id == elbe.id)
    assert count() == 3 and count(doc_ids=[elbe.id]) == 2
    assert count(tags=["SYRIA"]) == 1 and count(colors=["pink", "yellow"]) == 2
    assert count(topics=[in_rec.topic]) >= 1 and count(words="recommendation") == 1


def test_the_docx_memo_has_the_headings_quotes_and_citations(
    notes: list[Note], library: Library
) -> None:
    memo = build_memo(notes, library.by_id(), options=MemoOptions(title="For the minister"))
    data = render_memo(memo, ExportFormat.DOCX)
    assert isinstance(data, bytes)
    document = docx.Document(io.BytesIO(data))
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert by_style["Title"] == ["For the minister"]
    assert [h[:26] for h in by_style["Heading 1"]] == [
        "Elbe Group Joint Statement",
        "AC–RIAC Co-Chairs' Joint S",
    ]
    assert "“final defeat of ISIS”" in by_style["Quote"]
    citations = [t for t in by_style["Normal"] if t.startswith("— ")]
    assert any("On Syria, para. 27" in c for c in citations) and len(citations) == 3


def test_html_and_plain_text_hold_the_same_memo(notes: list[Note], library: Library) -> None:
    memo = build_memo(notes, library.by_id())
    page, plain = memo_html(memo), memo_plain_text(memo)
    assert page.startswith("<!DOCTYPE html>") and "&lt;b&gt;not bold&lt;/b&gt;" in page
    assert "<blockquote>“final defeat of ISIS”</blockquote>" in memo_html(memo, standalone=False)
    assert "“final defeat of ISIS”" in plain and "On Syria, para. 27" in plain


def test_an_empty_memo_says_so(library: Library) -> None:
    memo = build_memo([], library.by_id())
    assert "No notes." in memo_markdown(memo) and "No notes." in memo_plain_text(memo)


def test_a_notes_inline_markdown_is_styled_and_nothing_else_is(library: Library) -> None:
    elbe = library.get("elbe-group-2018-naples")
    text = "See *this* and **that**, `code`;\n<i>raw</i> [x](javascript:alert(1))"
    note = Note("1", elbe.id, 0, 10, elbe.text[:10], "", "", "yellow", text)
    memo = build_memo([note], library.by_id())
    page = memo_html(memo)
    assert "See <em>this</em> and <strong>that</strong>, <code>code</code>;<br>" in page
    assert "&lt;i&gt;raw&lt;/i&gt; [x](javascript:alert(1))" in page and "<a" not in page
    document = docx.Document(io.BytesIO(render_memo(memo, ExportFormat.DOCX)))  # type: ignore[arg-type]
    runs = {r.text: r for p in document.paragraphs for r in p.runs}
    assert runs["this"].italic and runs["that"].bold and runs["code"].font.name == "Courier New"
