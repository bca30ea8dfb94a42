"""A memo built from notes: the notes chosen (by document, tag, colour, topic or words),
grouped by document, by section or by the topic of the recommendation a note sits in,
each quote with its citation (document, place, date, section, paragraph number).

    memo = build_memo(notes, documents, recommendations, MemoOptions(group_by=GroupBy.TOPIC))
    text = memo_markdown(memo)        # or memo_html(memo), memo_plain_text(memo)
    data = memo_docx(memo)            # memo_docx.py: bytes of a Word document

The memo is a plain value, so every format and the clipboard show the same memo.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

from reader.core.documents.document import Document
from reader.core.notes.citation import CitedNote, cite_notes
from reader.core.notes.note import Note
from reader.core.recommendations.extraction import Recommendation
from reader.core.translation import _


def no_topic() -> str:
    """The heading of the notes in no recommendation (a function: the language may change)."""
    return _("Not in a recommendation")


def no_section() -> str:
    return _("Before the first heading")


class GroupBy(Enum):
    """How the memo is divided; the value is the command line's --group-by word."""

    DOCUMENT = "document"
    SECTION = "section"
    TOPIC = "topic"


@dataclass(frozen=True)
class MemoOptions:
    """Which notes, and how grouped; an empty filter takes every note."""

    title: str = "Memo"
    group_by: GroupBy = GroupBy.DOCUMENT
    doc_ids: Collection[str] = ()
    tags: Collection[str] = ()  # any of them, in any case
    colors: Collection[str] = ()
    topics: Collection[str] = ()  # topic ids; a note counts under its recommendation's
    words: str = ""  # every word in the note's text, tags or quote


@dataclass(frozen=True)
class MemoEntry:
    quote: str
    note: str
    tags: tuple[str, ...]
    citation: str
    color: str


@dataclass(frozen=True)
class MemoGroup:
    """A heading (a document, or a topic) and its entries under subheadings ("" if none)."""

    heading: str
    parts: list[tuple[str, list[MemoEntry]]] = field(default_factory=list)


@dataclass(frozen=True)
class Memo:
    title: str
    groups: list[MemoGroup]

    @property
    def count(self) -> int:
        return sum(len(entries) for group in self.groups for _part, entries in group.parts)


def build_memo(
    notes: Iterable[Note],
    documents: Mapping[str, Document],
    recommendations: Sequence[Recommendation] = (),
    options: MemoOptions | None = None,
) -> Memo:
    """The memo of the notes `options` choose, in reading order within each group."""
    options = options or MemoOptions()
    recs = _RecommendationIndex(recommendations)
    chosen = [c for c in cite_notes(notes, documents) if _wanted(c, options, recs)]
    if options.group_by is GroupBy.TOPIC:
        groups = _by_topic(chosen, recs)
    else:
        groups = _by_document(chosen, with_sections=options.group_by is GroupBy.SECTION)
    return Memo(options.title, groups)


def _wanted(cited: CitedNote, options: MemoOptions, recs: _RecommendationIndex) -> bool:
    note = cited.note
    tags = {t.casefold() for t in note.tags}
    return (
        (not options.doc_ids or note.doc_id in options.doc_ids)
        and (not options.tags or any(t.casefold() in tags for t in options.tags))
        and (not options.colors or note.color in options.colors)
        and (not options.topics or bool(set(options.topics) & set(recs.topics_of(note))))
        and (not options.words.strip() or note.matches(options.words))
    )


def _entry(cited: CitedNote) -> MemoEntry:
    note = cited.note
    return MemoEntry(note.quote.strip(), note.text.strip(), note.tags, cited.citation, note.color)


def _by_document(chosen: list[CitedNote], with_sections: bool) -> list[MemoGroup]:
    groups: dict[str, MemoGroup] = {}
    for cited in chosen:
        group = groups.setdefault(cited.note.doc_id, MemoGroup(cited.doc_heading))
        part = (cited.section_heading or no_section()) if with_sections else ""
        if not group.parts or group.parts[-1][0] != part:
            group.parts.append((part, []))
        group.parts[-1][1].append(_entry(cited))
    return list(groups.values())


def _by_topic(chosen: list[CitedNote], recs: _RecommendationIndex) -> list[MemoGroup]:
    """One group per topic, in the order topics first appear; a note's document is named
    in its citation."""
    by_label: dict[str, list[MemoEntry]] = {}
    for cited in chosen:
        label = recs.label_of(cited.note)
        by_label.setdefault(label, []).append(_entry(cited))
    unfiled = no_topic()
    labels = sorted(by_label, key=lambda label: label == unfiled)  # the unfiled ones last
    return [MemoGroup(label, [("", by_label[label])]) for label in labels]


class _RecommendationIndex:
    """The recommendation a note sits in: the first whose sentence its passage overlaps."""

    def __init__(self, recommendations: Sequence[Recommendation]) -> None:
        self._by_doc: dict[str, list[Recommendation]] = {}
        for rec in recommendations:
            self._by_doc.setdefault(rec.doc_id, []).append(rec)

    def _holding(self, note: Note) -> Recommendation | None:
        for rec in self._by_doc.get(note.doc_id, []):
            if rec.start < max(note.end, note.start + 1) and note.start < rec.end:
                return rec
        return None

    def topics_of(self, note: Note) -> tuple[str, ...]:
        rec = self._holding(note)
        return rec.topics if rec else ()

    def label_of(self, note: Note) -> str:
        rec = self._holding(note)
        return rec.topic_label if rec else no_topic()
