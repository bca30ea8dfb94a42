"""Notes (all, or a filtered list) as Markdown for a memo, or CSV for a spreadsheet, and
`export_notes`, the one way to any of the notes' formats (NOTE_FORMATS).

HTML is in export_html.py, W3C Web Annotation JSON in web_annotation.py and the Hypothesis
client's file in hypothesis.py. Every exporter takes the notes and the library's documents
({id: Document}, in the order to show them); the two JSON formats also name the creator.

    write_export(path, export_notes(notes, documents, ExportFormat.HTML))

Markdown: a note's text may use inline Markdown (*emphasis*, `code`), but nothing that
makes structure, HTML, links or images: a note or quote starting with "#" does not become
a heading, "<script>" stays text, "[x](javascript:...)" is not a link.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping

from reader.core.documents.document import Document
from reader.core.export import ExportFormat, csv_safe
from reader.core.notes.agents import Creator
from reader.core.notes.citation import CitedNote, cite_notes, with_headings
from reader.core.notes.note import Note
from reader.core.translation import _

CSV_COLUMNS = (
    "id",
    "doc_id",
    "document",
    "section",
    "paragraph",
    "start",
    "end",
    "quote",
    "note",
    "tags",
    "color",
    "created",
    "modified",
    "citation",
    "detached",
)
# Escaped everywhere: what could make HTML, a link, an image, an entity, a table or a heading.
_MARKDOWN_SPECIAL = re.compile(r"([\\\[\]<>#|&!])")
# Escaped at a line's start: a list or quote marker, a line of - = _ * (a setext heading's
# underline or a thematic break), a code fence; *emphasis* at a line's start is left be.
_LINE_START = re.compile(r"^(\s*)([-+*](?=\s|$)|[-=_*](?=[-=_*\s]*$)|`(?=``)|~(?=~~)|>)")
_ORDERED_ITEM = re.compile(r"^(\s*\d+)([.)])")  # "1." starts a list: escape the full stop
NOTE_FORMATS: tuple[ExportFormat, ...] = (
    ExportFormat.MARKDOWN,
    ExportFormat.HTML,
    ExportFormat.CSV,
    ExportFormat.JSON,
    ExportFormat.HYPOTHESIS,
)


def export_notes(
    notes: Iterable[Note],
    documents: Mapping[str, Document],
    fmt: ExportFormat,
    creator: Creator | None = None,
) -> str:
    """`notes` in the format `fmt` (one of NOTE_FORMATS), as the text of a file; `creator`
    (for the JSON formats) is the system user if not given."""
    if fmt is ExportFormat.MARKDOWN:
        return to_markdown(notes, documents)
    if fmt is ExportFormat.CSV:
        return to_csv(notes, documents)
    if fmt is ExportFormat.HTML:  # imported here: only an export needs them
        from reader.core.notes.export_html import to_html

        return to_html(notes, documents)
    if fmt is ExportFormat.JSON:
        from reader.core.notes.web_annotation import to_web_annotation

        return to_web_annotation(notes, documents, creator)
    if fmt is ExportFormat.HYPOTHESIS:
        from reader.core.notes.hypothesis import to_hypothesis

        return to_hypothesis(notes, documents, creator)
    raise ValueError(f"notes are not exported as {fmt}")


def to_markdown(notes: Iterable[Note], documents: Mapping[str, Document], title: str = "") -> str:
    """Grouped by document, then section, in reading order; each note is its quote as a
    blockquote, the note, its tags and colour, and a citation with a paragraph number."""
    lines = ["# " + escape_markdown(title or _("Notes")), ""]
    for doc_heading, section_heading, cited in with_headings(cite_notes(notes, documents)):
        if doc_heading:
            lines += [f"## {escape_markdown(doc_heading)}", ""]
        if section_heading:
            lines += [f"### {escape_markdown(section_heading)}", ""]
        lines += _markdown_note(cited)
    if len(lines) == 2:
        lines += [_("No notes."), ""]
    return "\n".join(lines)


def _markdown_note(cited: CitedNote) -> list[str]:
    note = cited.note
    lines = [">" + (" " + escape_markdown(line) if line.strip() else "") for line in _lines(note)]
    lines.append("")
    if note.text.strip():
        lines += [escape_markdown(note.text.strip()), ""]
    details = ["*{label}:* {color}".format(label=_("Colour"), color=note.color)]
    if note.tags:
        tags = escape_markdown(", ".join(note.tags))
        details.insert(0, "*{label}:* {tags}".format(label=_("Tags"), tags=tags))
    lines += [" · ".join(details), "", f"— {escape_markdown(cited.citation)}", ""]
    return lines


def _lines(note: Note) -> list[str]:
    return note.quote.strip().splitlines() or [""]


def escape_markdown(text: str) -> str:
    """`text` as Markdown that shows it as it is, save for inline *emphasis* and `code`."""
    return "\n".join(_escaped_line(line) for line in text.splitlines())


def _escaped_line(line: str) -> str:
    line = _MARKDOWN_SPECIAL.sub(r"\\\1", line)
    line = _LINE_START.sub(r"\1\\\2", line)
    return _ORDERED_ITEM.sub(r"\1\\\2", line)


def to_csv(notes: Iterable[Note], documents: Mapping[str, Document]) -> str:
    """UTF-8 with a byte-order mark (so spreadsheets guess the encoding right), a header and
    one row per note, in the Markdown export's order; formula-like cells are defused."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for cited in cite_notes(notes, documents):
        writer.writerow([csv_safe(cell) for cell in _row(cited)])
    return out.getvalue()


def _row(cited: CitedNote) -> list[object]:
    note = cited.note
    return [
        note.id,
        note.doc_id,
        cited.doc_title,
        cited.section,
        cited.paragraph or "",
        note.start,
        note.end,
        note.quote,
        note.text,
        ", ".join(note.tags),
        note.color,
        note.created,
        note.modified,
        cited.citation,
        "" if cited.attached else "yes",
    ]
