"""Notes in the Hypothesis client's export format, both ways.

The client exports `{"export_date", "export_userid", "client_version", "annotations":
[...]}`, each annotation as h's API gives it: `uri` (the page), `document.title` (a list),
`text` (Markdown), `tags`, and `target`, an array of one {source, selector}, whose
selectors for text are a TextPositionSelector and a TextQuoteSelector (and a RangeSelector
of XPaths into the page's HTML, which we have no page for, so neither write nor need).
Hypothesis has no colours: notes come in yellow, and a colour does not go out.

On import a note's document is matched by its web address (`uri` or the target's source),
then by its title; else the note is kept detached and its document named in the report.
A page note (no passage) or a reply refuses the whole file, as anything a note cannot hold.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from reader import __version__
from reader.core.documents.document import Document
from reader.core.notes.agents import Creator, creator_named
from reader.core.notes.annotation_fields import (
    EPOCH,
    AnnotationFormatError,
    checked_time,
    note_id,
    passage,
    refusal,
    text_of,
    whole,
)
from reader.core.notes.note import Note, clean_tags, now
from reader.core.notes.web_annotation import DOC_URN, source_iri
from reader.core.translation import _

_H_NAMESPACE = "hypothesis:"  # an h id (not a UUID) gives the same note id every time


def is_hypothesis_file(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("annotations"), list)


def to_hypothesis(
    notes: Iterable[Note],
    documents: Mapping[str, Document],
    creator: Creator | None = None,
    exported: str | None = None,
) -> str:
    """The live notes among `notes` as a Hypothesis client export file."""
    creator = creator or creator_named()
    user = _userid(creator)
    live = sorted((n for n in notes if not n.deleted), key=lambda n: (n.doc_id, n.start, n.id))
    value = {
        "export_date": exported or now(),
        "export_userid": user,
        "client_version": f"statement-reader {__version__}",
        "annotations": [_annotation(n, documents.get(n.doc_id), user, creator) for n in live],
    }
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def _userid(creator: Creator) -> str:
    """An h user id ("acct:NAME@AUTHORITY"); the authority says it is no hypothes.is account."""
    name = "".join(c for c in (creator.nickname or creator.name) if c.isalnum() or c in "._")
    return f"acct:{name or 'reader'}@statement-reader.local"


def _annotation(note: Note, doc: Document | None, user: str, creator: Creator) -> dict[str, Any]:
    uri = (doc.metadata.source_url if doc else "") or source_iri(note.doc_id)
    return {
        "id": note.id, "created": note.created, "updated": note.modified, "user": user,
        "uri": uri, "text": note.text, "tags": list(note.tags), "group": "__world__",
        "permissions": {"read": ["group:__world__"], "admin": [user], "update": [user],
                        "delete": [user]},
        "target": [{"source": uri, "selector": [
            {"type": "TextPositionSelector", "start": note.start, "end": note.end},
            {"type": "TextQuoteSelector", "exact": note.quote, "prefix": note.prefix,
             "suffix": note.suffix},
        ]}],
        "document": {"title": [doc.metadata.display_title if doc else note.doc_id]},
        "links": {}, "flagged": False, "hidden": False,
        "user_info": {"display_name": creator.name},
    }  # fmt: skip


def parse_hypothesis(
    value: Any, documents: Mapping[str, Document]
) -> tuple[list[Note], dict[str, str]]:
    """The notes of a Hypothesis export, and the titles of their documents not in the
    library ({the document's id as kept: its title})."""
    matcher = _DocumentMatcher(documents)
    notes, titles = [], {}
    for number, item in enumerate(value["annotations"], start=1):
        note, title = _note(item, number, matcher, documents)
        notes.append(note)
        if note.doc_id not in documents:
            titles[note.doc_id] = title
    return notes, titles


def _note(
    item: Any, number: int, matcher: _DocumentMatcher, documents: Mapping[str, Document]
) -> tuple[Note, str]:
    if not isinstance(item, dict):
        raise refusal(number, _("is not an annotation"))
    if item.get("references"):
        raise refusal(number, _("is a reply to another annotation, not a note on a passage"))
    target = _target(item, number)
    uri = item.get("uri", target.get("source"))
    title = _title(item.get("document"), number)
    doc_id = matcher.find(uri if isinstance(uri, str) else "", title, number)
    quote, position = _selectors(target, number)
    start, end, exact, prefix, suffix = passage(quote, position, documents.get(doc_id), number)
    created = checked_time(item.get("created"), EPOCH, number)
    tags = item.get("tags") or []
    if not isinstance(tags, list):
        raise refusal(number, _("has tags that are not a list"))
    text = text_of(item.get("text") or "", number, _("a note"))
    note = Note(
        id=note_id(item.get("id"), number, _H_NAMESPACE), doc_id=doc_id, start=start, end=end,
        quote=exact, prefix=prefix, suffix=suffix, text=text,
        tags=clean_tags(text_of(t, number, _("a tag")) for t in tags), created=created,
        modified=checked_time(item.get("updated"), created, number),
    )  # fmt: skip
    return note, title or doc_id


def _target(item: dict[str, Any], number: int) -> dict[str, Any]:
    targets = item.get("target")
    if not isinstance(targets, list) or len(targets) != 1 or not isinstance(targets[0], dict):
        raise refusal(number, _("has no target array of one passage"))
    target = targets[0]
    if not target.get("selector"):
        raise refusal(number, _("is a page note, with no passage to highlight"))
    return target


def _selectors(
    target: dict[str, Any], number: int
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    found = target["selector"]
    selectors = [s for s in (found if isinstance(found, list) else [found]) if isinstance(s, dict)]
    by_type = {s.get("type"): s for s in selectors}
    quote, position = by_type.get("TextQuoteSelector"), by_type.get("TextPositionSelector")
    if quote is None and position is None:
        raise refusal(number, _("selects its passage neither by quote nor by position"))
    return quote, position


def _title(document: Any, number: int) -> str:
    titles = document.get("title", []) if isinstance(document, dict) else []
    titles = [titles] if isinstance(titles, str) else titles
    if not isinstance(titles, list):
        raise refusal(number, _("has a document title that is not text"))
    return " ".join(text_of(titles[0], number, _("a document title")).split()) if titles else ""


class _DocumentMatcher:
    """A document of the library by web address (ours or the statement's source), then by
    title (any case); else the address itself, and the note is kept detached."""

    def __init__(self, documents: Mapping[str, Document]) -> None:
        self._by_url: dict[str, str] = {}
        self._by_title: dict[str, str] = {}
        for doc in documents.values():
            self._by_url[DOC_URN + doc.id] = doc.id
            if doc.metadata.source_url:
                self._by_url[_plain_url(doc.metadata.source_url)] = doc.id
            for title in (doc.metadata.title, doc.metadata.display_title):
                self._by_title.setdefault(title.casefold(), doc.id)

    def find(self, uri: str, title: str, number: int) -> str:
        found = self._by_url.get(uri) or self._by_url.get(_plain_url(uri))
        found = found or (self._by_title.get(title.casefold()) if title else None)
        if found:
            return found
        if not uri and not title:
            raise refusal(number, _("names no document, by address or title"))
        return whole(uri or title)


def _plain_url(url: str) -> str:
    """A web address as two spellings of the same page agree on it: no scheme, fragment,
    "www." or trailing slash."""
    bare = url.split("#")[0].split("://", 1)[-1].removeprefix("www.")
    return bare.rstrip("/").casefold()


__all__ = ["AnnotationFormatError", "is_hypothesis_file", "parse_hypothesis", "to_hypothesis"]
