"""Where a note's passage is, as a reader cites it: document, section and paragraph number.

The paragraph number is the position of the note's block among the document's paragraphs
and list items, counted from 1 (headings are not counted). It stays the same as long as
the document's text does, so "para. 4" can be cited in a memo and found again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from reader.core.documents.document import BlockKind, Document, section_title
from reader.core.notes.note import Note
from reader.core.translation import _


@dataclass(frozen=True)
class CitedNote:
    """A note with its place for an export. `doc` is None if it is not in the library."""

    note: Note
    doc: Document | None
    section: str
    paragraph: int | None
    citation: str

    @property
    def attached(self) -> bool:
        """Whether the note's range still holds its quote in the document's current text."""
        return self.doc is not None and _holds_quote(self.doc, self.note)

    @property
    def doc_title(self) -> str:
        return self.doc.metadata.display_title if self.doc else self.note.doc_id

    @property
    def doc_heading(self) -> str:
        """The document as an export's heading names it: title (date, place)."""
        if self.doc is None:
            return _("{doc_id} (not in the library)").format(doc_id=self.note.doc_id)
        meta = self.doc.metadata
        details = ", ".join(p for p in (meta.date_label, meta.place) if p)
        return f"{meta.display_title} ({details})" if details else meta.display_title

    @property
    def section_heading(self) -> str:
        return self.section if self.attached else _("Detached notes")


def paragraph_number(doc: Document, offset: int) -> int | None:
    """The number (from 1) of the paragraph or list item holding `offset`; None in a heading."""
    index = doc.block_at(offset)
    if index is None or doc.blocks[index].kind is BlockKind.HEADING:
        return None
    return sum(1 for block in doc.blocks[: index + 1] if block.kind is not BlockKind.HEADING)


def cite_notes(notes: Iterable[Note], documents: Mapping[str, Document]) -> list[CitedNote]:
    """The notes cited, in reading order: by document (in `documents`' order, then those not
    in the library by id), then by place; each document's detached notes come last."""
    order = {doc_id: n for n, doc_id in enumerate(documents)}
    cited = [_cited(note, documents.get(note.doc_id)) for note in notes]
    return sorted(
        cited,
        key=lambda c: (
            order.get(c.note.doc_id, len(order)),
            c.note.doc_id,
            not c.attached,
            c.note.start,
            c.note.end,
        ),
    )


def with_headings(cited: Iterable[CitedNote]) -> Iterator[tuple[str, str, CitedNote]]:
    """Each note with the document and section headings that start before it ("" if none:
    the same document, or the same section, or a document without headings)."""
    doc_id, section = None, None
    for item in cited:
        doc_heading = ""
        if item.note.doc_id != doc_id:
            doc_id, section, doc_heading = item.note.doc_id, None, item.doc_heading
        section_heading = item.section_heading if item.section_heading != section else ""
        section = item.section_heading
        yield doc_heading, section_heading, item


def _cited(note: Note, doc: Document | None) -> CitedNote:
    if doc is None:
        missing = _("{doc_id} (not in the library)").format(doc_id=note.doc_id)
        return CitedNote(note, None, "", None, missing)
    if not _holds_quote(doc, note):
        title = doc.metadata.display_title
        detached = _("{title} (detached: the passage is not found)").format(title=title)
        return CitedNote(note, doc, "", None, detached)
    section = section_title(doc, note.start)
    paragraph = paragraph_number(doc, note.start)
    meta = doc.metadata
    parts = [meta.display_title, meta.place, meta.date_label, section]
    if paragraph is not None:
        parts.append(_("para. {number}").format(number=paragraph))
    return CitedNote(note, doc, section, paragraph, ", ".join(p for p in parts if p))


def _holds_quote(doc: Document, note: Note) -> bool:
    return doc.text[note.start : note.end] == note.quote
