"""Reading W3C Web Annotation JSON into notes: whatever the model allows for text.

Read: a single Annotation, an AnnotationPage, an AnnotationCollection with its pages
embedded (`first`, then each `next`); a target that is a SpecificResource or an array of
one; a TextQuoteSelector, a TextPositionSelector or both (a position alone is read from
the document's text now, and checked); bodies that are TextualBodies (a note, tags by
purpose "tagging") or links (kept in the note as a link), several of them; the colour as
a styleClass, or as the older export's "highlighting" body.

Anything else (a whole-resource target, an image's selector, a page that is only a link,
a Choice of bodies) refuses the whole file in one sentence naming what is wrong.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reader.core.documents.document import Document
from reader.core.notes.annotation_fields import (
    EPOCH,
    AnnotationFormatError,
    checked_time,
    load_json,
    note_id,
    passage,
    refusal,
    text_of,
    whole,
)
from reader.core.notes.note import COLORS, DEFAULT_COLOR, Note, clean_tags
from reader.core.notes.web_annotation import DOC_URN
from reader.core.translation import _, ngettext

_TEXT_SELECTORS = ("TextQuoteSelector", "TextPositionSelector")
_MAX_PAGES = 100_000  # a `next` chain longer than this loops back on itself


def parse_annotations(
    json_text: str, documents: Mapping[str, Document] | None = None
) -> list[Note]:
    """The notes in a Web Annotation file; AnnotationFormatError if it cannot be read whole.

    `documents`: the library's documents by id, to place notes whose source is a document's
    web address, and to read the passage of a position-only selector.
    """
    return notes_from(load_json(json_text), documents or {})


def notes_from(value: Any, documents: Mapping[str, Document]) -> list[Note]:
    by_url = {d.metadata.source_url: d.id for d in documents.values() if d.metadata.source_url}
    reader = _Reader(documents, by_url)
    return [reader.note(item, number) for number, item in enumerate(_items(value), start=1)]


def _items(value: Any) -> list[Any]:
    kinds = types_of(value) if isinstance(value, dict) else []
    if "Annotation" in kinds:
        return [value]
    if "AnnotationPage" in kinds and isinstance(value.get("items"), list):
        return list(value["items"])
    if "AnnotationCollection" in kinds:
        return _collection_items(value)
    raise AnnotationFormatError(
        _(
            "The file is not a W3C Web Annotation collection: it has no AnnotationCollection, "
            "AnnotationPage or Annotation."
        )
    )


def _collection_items(collection: dict[str, Any]) -> list[Any]:
    page = collection.get("first")
    if page is None and isinstance(collection.get("items"), list):
        return list(collection["items"])  # items straight on the collection, as some write
    items: list[Any] = []
    for number in range(1, _MAX_PAGES):
        if page is None:
            return items
        if isinstance(page, str):
            raise AnnotationFormatError(
                _(
                    "The file cannot be imported: page {number} of its collection is only a "
                    "link ({link}), and this application reads nothing from the network."
                ).format(number=number, link=whole(page)[:80])
            )
        if not isinstance(page, dict) or not isinstance(page.get("items"), list):
            raise AnnotationFormatError(
                _(
                    "The file cannot be imported: page {number} of its collection has no list "
                    "of items."
                ).format(number=number)
            )
        items += page["items"]
        page = page.get("next")
    raise AnnotationFormatError(_("The file cannot be imported: its pages never end."))


def types_of(value: dict[str, Any]) -> list[str]:
    kinds = value.get("type", value.get("@type", []))
    if isinstance(kinds, str):
        return [kinds]
    return [k for k in kinds if isinstance(k, str)] if isinstance(kinds, list) else []


class _Reader:
    def __init__(self, documents: Mapping[str, Document], by_url: Mapping[str, str]) -> None:
        self._documents = documents
        self._by_url = by_url

    def note(self, item: Any, number: int) -> Note:
        if not isinstance(item, dict) or "Annotation" not in types_of(item):
            raise refusal(number, _("is not an Annotation"))
        target = _target(item.get("target"), number)
        doc_id = self._doc_id(target["source"], number)
        quote, position = _selectors(target, number)
        start, end, exact, prefix, suffix = passage(
            quote, position, self._documents.get(doc_id), number
        )
        text, tags, color = _bodies(item, number)
        created = checked_time(item.get("created"), EPOCH, number)
        return Note(
            id=note_id(item.get("id"), number), doc_id=doc_id, start=start, end=end,
            quote=exact, prefix=prefix, suffix=suffix,
            color=_style_color(target) or color, text=text, tags=tags, created=created,
            modified=checked_time(item.get("modified"), created, number),
        )  # fmt: skip

    def _doc_id(self, source: Any, number: int) -> str:
        """Our own documents by id; another's by its web address if a document here has it;
        else the address itself, and the note is kept detached."""
        if isinstance(source, dict):
            source = source.get("id", source.get("@id"))
        if not isinstance(source, str) or not source:
            raise refusal(number, _("has a target without a source"))
        if source.startswith(DOC_URN):
            return whole(source[len(DOC_URN) :])
        return self._by_url.get(source, whole(source))


def _target(found: Any, number: int) -> dict[str, Any]:
    targets = found if isinstance(found, list) else [found]
    if len(targets) != 1:
        count = len(targets)
        raise refusal(
            number,
            ngettext(
                "has {count} target, and a note marks one passage",
                "has {count} targets, and a note marks one passage",
                count,
            ).format(count=count),
        )
    target = targets[0]
    if isinstance(target, str) or (isinstance(target, dict) and "selector" not in target):
        raise refusal(number, _("targets a whole resource, not a passage of its text"))
    if not isinstance(target, dict):
        raise refusal(number, _("has a target that is not a resource"))
    return target


def _selectors(
    target: dict[str, Any], number: int
) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    found = target["selector"]
    selectors = found if isinstance(found, list) else [found]
    by_type: dict[str, dict[str, Any]] = {}
    for selector in selectors:
        kinds = types_of(selector) if isinstance(selector, dict) else []
        for kind in kinds:
            by_type.setdefault(kind, selector)
    quote, position = (by_type.get(kind) for kind in _TEXT_SELECTORS)
    if quote is None and position is None:
        named = ", ".join(sorted(by_type)) or _("no selector of a known kind")
        raise refusal(number, _("selects its passage by {named}, not by quote or position "
                                "in the text").format(named=named))  # fmt: skip
    return quote, position


def _bodies(item: dict[str, Any], number: int) -> tuple[str, tuple[str, ...], str]:
    found = item.get("body", [])
    bodies = found if isinstance(found, list) else [found]
    texts = [text_of(item["bodyValue"], number, _("a bodyValue"))] if "bodyValue" in item else []
    tags: list[str] = []
    color = DEFAULT_COLOR
    for body in bodies:
        purpose, value = _body(body, number)
        if purpose == "tagging":
            tags.append(value)
        elif purpose == "highlighting":  # the older export's colour
            color = value if value in COLORS else DEFAULT_COLOR
        elif value:
            texts.append(value)
    return "\n\n".join(texts), clean_tags(whole(t) for t in tags), color


def _body(body: Any, number: int) -> tuple[str, str]:
    """(purpose, text) of one body; a link as "<IRI>", which Markdown shows as a link."""
    if isinstance(body, str):
        return "linking", f"<{whole(body)}>"
    if not isinstance(body, dict):
        raise refusal(number, _("has a body that is neither text nor a link"))
    kinds = types_of(body)
    purpose = body.get("purpose", "commenting")
    purpose = purpose if isinstance(purpose, str) else "commenting"
    if "value" in body:
        return purpose, text_of(body["value"], number, _("a body whose value"))
    unsupported = [k for k in kinds if k in ("Choice", "Composite", "List", "Independents")]
    link = body.get("id", body.get("@id"))
    if unsupported or not isinstance(link, str) or not link:
        kind = unsupported[0] if unsupported else _("a body without a value or a link")
        raise refusal(number, _("has {kind} as a body, which a note cannot hold").format(kind=kind))
    return "linking", f"<{whole(link)}>"


def _style_color(target: dict[str, Any]) -> str | None:
    style = target.get("styleClass")
    classes = style if isinstance(style, list) else [style]
    return next((c for c in classes if isinstance(c, str) and c in COLORS), None)
