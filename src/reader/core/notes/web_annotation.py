"""Notes as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/).

An export is an AnnotationCollection whose one embedded AnnotationPage holds the live
notes, each an Annotation with:
- a stable id ("urn:uuid:" and the note's id); the collection and the page get ids made
  from what they hold, so exporting the same notes twice gives the same file;
- a creator (a Person: the name from the settings or the system account), the generator
  (this app and its version), created and modified;
- a body for the note (a TextualBody, purpose "commenting", text/markdown; its value is
  "" for a bare highlight, so that every annotation says what its note is) and one per tag
  (purpose "tagging", text/plain), each with its language, creator, created and modified;
- the colour as the model styles a target: a CssStylesheet with a rule for the colour's
  class, named by the target's styleClass;
- a target: a SpecificResource whose source is the document ("urn:statement-reader:doc:"
  and its id, plain text, its language), with a TextQuoteSelector (exact, prefix, suffix)
  and a TextPositionSelector (start, end: offsets into the canonical text).

Everything is in W3C terms, so no context of our own is needed. Reading is in
web_annotation_parse.py.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from reader.core.documents.document import DatePrecision, Document
from reader.core.notes.agents import Creator, creator_named, generator_agent
from reader.core.notes.annotation_fields import UUID_URN
from reader.core.notes.language import document_language, note_language
from reader.core.notes.note import COLOR_HEX, Note

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
DOC_URN = "urn:statement-reader:doc:"
_ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:statement-reader:collection")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")  # a document id never has a colon


def to_web_annotation(
    notes: Iterable[Note],
    documents: Mapping[str, Document] | None = None,
    creator: Creator | None = None,
    label: str = "Statement Reader notes",
) -> str:
    """The live notes among `notes` as an AnnotationCollection, by document and place."""
    live = sorted((n for n in notes if not n.deleted), key=lambda n: (n.doc_id, n.start, n.id))
    writer = _Writer(documents or {}, creator or creator_named())
    collection_id = _content_id("collection", live)
    page_id = _content_id("page", live)
    # partOf describes the collection rather than only naming it: the suite's page
    # assertions look for the collection's label and total there.
    part_of = {"id": collection_id, "label": label, "total": len(live)}
    page = {"id": page_id, "type": "AnnotationPage", "partOf": part_of,
            "startIndex": 0, "items": [writer.item(n) for n in live]}  # fmt: skip
    collection = {"@context": CONTEXT, "id": collection_id, "type": "AnnotationCollection",
                  "label": label, "total": len(live), "first": page, "last": page_id}  # fmt: skip
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


def _content_id(kind: str, notes: list[Note]) -> str:
    """An id for the collection or page that is the same for the same notes (in the same
    versions), and different for any other: a re-export of a backup is byte-identical."""
    content = "\n".join(f"{n.id} {n.modified}" for n in notes)
    return UUID_URN + str(uuid.uuid5(_ID_NAMESPACE, f"{kind}\n{content}"))


class _Writer:
    def __init__(self, documents: Mapping[str, Document], creator: Creator) -> None:
        self._documents = documents
        self._creator = creator.as_agent()
        self._generator = generator_agent()

    def item(self, note: Note) -> dict[str, Any]:
        doc = self._documents.get(note.doc_id)
        doc_language = document_language(doc.text) if doc else "en"
        text_language = note_language(note.text, doc.text if doc else "")
        bodies = [self._body(note, "commenting", note.text, "text/markdown", text_language)]
        bodies += [
            self._body(note, "tagging", tag, "text/plain", doc_language) for tag in note.tags
        ]
        return {
            "id": UUID_URN + note.id,
            "type": "Annotation",
            "motivation": "commenting" if note.text else "highlighting",
            "creator": self._creator,
            "created": note.created,
            "modified": note.modified,
            "generator": self._generator,
            "stylesheet": {"type": "CssStylesheet", "value": _rule(note.color)},
            "body": bodies,
            "target": {
                "type": "SpecificResource",
                "source": _source(note.doc_id, doc, doc_language),
                "styleClass": note.color,
                "selector": [
                    {
                        "type": "TextQuoteSelector",
                        "exact": note.quote,
                        "prefix": note.prefix,
                        "suffix": note.suffix,
                    },
                    {"type": "TextPositionSelector", "start": note.start, "end": note.end},
                ],  # fmt: skip
            },
        }

    def _body(self, note: Note, purpose: str, value: str, media: str, lang: str) -> dict[str, Any]:
        return {"type": "TextualBody", "purpose": purpose, "value": value, "format": media,
                "language": lang, "creator": self._creator, "created": note.created,
                "modified": note.modified}  # fmt: skip


def source_iri(doc_id: str) -> str:
    """The IRI of a note's document: ours for a document id; a note imported from another
    tool onto a page not in the library keeps that page's own address as its document."""
    return doc_id if _IRI.match(doc_id) else DOC_URN + doc_id


def _rule(color: str) -> str:
    return f".{color} {{ background-color: {COLOR_HEX.get(color, '#fff176')}; }}"


def _source(doc_id: str, doc: Document | None, language: str) -> dict[str, Any]:
    """The document as the target's source: the plain text the offsets count in."""
    source: dict[str, Any] = {"id": source_iri(doc_id), "type": "Text", "format": "text/plain",
                              "language": language}  # fmt: skip
    if doc is not None:
        source["label"] = doc.metadata.display_title  # rdfs:label, a W3C term
        if doc.metadata.date_start is not None and doc.metadata.date_precision is DatePrecision.DAY:
            # When the statement was made: a dateTime, which a month or a year alone is not.
            source["created"] = f"{doc.metadata.date_start.isoformat()}T00:00:00Z"
    return source
