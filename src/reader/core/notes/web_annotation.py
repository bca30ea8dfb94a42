"""Notes as W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/), and back.

An export is an AnnotationCollection whose first (and only) AnnotationPage holds the live
notes. Each Annotation has the note's id as "urn:uuid:...", its text as a TextualBody
(purpose "commenting", Markdown), each tag as a TextualBody with purpose "tagging", its
colour as a TextualBody with purpose "highlighting", and a target whose source names the
document ("urn:statement-reader:doc:<id>") with a TextQuoteSelector (exact, prefix,
suffix) and a TextPositionSelector (start, end: offsets into the canonical text).

Parsing is strict about what it needs and refuses a file it cannot use whole, with one
sentence; it reads an AnnotationCollection (pages under "first", or "items" directly) or a
single AnnotationPage. Merging is in note_import.py.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterable
from typing import Any

from reader.core.errors import ReaderError
from reader.core.notes.note import COLORS, DEFAULT_COLOR, Note, clean_tags, parse_time

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
DOC_URN = "urn:statement-reader:doc:"
UUID_URN = "urn:uuid:"
_EPOCH = "1970-01-01T00:00:00.000Z"  # for an annotation that says nothing of its times


MAX_OFFSET = 2**62  # a character offset the database can store, far past any document
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # a pair was already joined by json.loads


class AnnotationFormatError(ReaderError):
    """A file offered for import is not Web Annotation JSON this application can read."""


def to_web_annotation(notes: Iterable[Note], label: str = "Statement Reader notes") -> str:
    """The live notes among `notes` as an AnnotationCollection, by document and place."""
    live = sorted((n for n in notes if not n.deleted), key=lambda n: (n.doc_id, n.start, n.id))
    collection = {
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": label,
        "total": len(live),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": [_item(n) for n in live]},
    }
    return json.dumps(collection, ensure_ascii=False, indent=2) + "\n"


def _item(note: Note) -> dict[str, Any]:
    bodies: list[dict[str, str]] = []
    if note.text:
        bodies.append(_body("commenting", note.text) | {"format": "text/markdown"})
    bodies += [_body("tagging", tag) for tag in note.tags]
    bodies.append(_body("highlighting", note.color))
    return {
        "id": UUID_URN + note.id,
        "type": "Annotation",
        "motivation": "commenting" if note.text else "highlighting",
        "created": note.created,
        "modified": note.modified,
        "body": bodies,
        "target": {
            "source": DOC_URN + note.doc_id,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": note.quote,
                    "prefix": note.prefix,
                    "suffix": note.suffix,
                },
                {"type": "TextPositionSelector", "start": note.start, "end": note.end},
            ],
        },
    }


def _body(purpose: str, value: str) -> dict[str, str]:
    return {"type": "TextualBody", "purpose": purpose, "value": value}


def parse_annotations(json_text: str) -> list[Note]:
    """The notes in an exported collection; AnnotationFormatError if it is not one."""
    try:
        value = json.loads(json_text)
    except json.JSONDecodeError as error:
        raise AnnotationFormatError(
            f"The file is not Web Annotation JSON: it is not JSON at all ({error.msg}, "
            f"line {error.lineno})."
        ) from error
    except RecursionError:  # arrays in arrays 100,000 deep: no export of anyone's is that
        raise AnnotationFormatError(
            "The file is not Web Annotation JSON: it is nested too deeply to be one."
        ) from None
    items = _items(value)
    return [_note(item, number) for number, item in enumerate(items, start=1)]


def _items(value: Any) -> list[Any]:
    pages: list[Any] = []
    if isinstance(value, dict) and "AnnotationCollection" in _types(value):
        pages = [value.get("first"), value]  # an embedded first page, or items directly
    elif isinstance(value, dict) and "AnnotationPage" in _types(value):
        pages = [value]
    for page in pages:
        if isinstance(page, dict) and isinstance(page.get("items"), list):
            return list(page["items"])
    raise AnnotationFormatError(
        "The file is not a W3C Web Annotation collection: it has no AnnotationCollection "
        "or AnnotationPage with a list of items."
    )


def _types(value: dict[str, Any]) -> list[str]:
    kinds = value.get("type", [])
    if isinstance(kinds, str):
        return [kinds]
    return [k for k in kinds if isinstance(k, str)] if isinstance(kinds, list) else []


def _note(item: Any, number: int) -> Note:
    if not isinstance(item, dict) or "Annotation" not in _types(item):
        raise _bad(number, "is not an Annotation")
    target = _target(item, number)
    quote, position = _selectors(target, number)
    text, tags, color = _bodies(item.get("body", []), item.get("bodyValue"))
    created = _time(item.get("created"), _EPOCH, number)
    start = _offset(position.get("start", 0), number)
    end = _offset(position.get("end", start + len(quote["exact"])), number)
    return Note(
        id=_note_id(item.get("id"), number),
        doc_id=_whole(target["source"][len(DOC_URN) :]),
        start=start,
        end=max(start, end),
        quote=_whole(quote["exact"]),
        prefix=_whole(_text(quote.get("prefix", ""), number)),
        suffix=_whole(_text(quote.get("suffix", ""), number)),
        color=color,
        text=_whole(text),
        tags=tuple(_whole(tag) for tag in tags),
        created=created,
        modified=_time(item.get("modified"), created, number),
    )


def _target(item: dict[str, Any], number: int) -> dict[str, Any]:
    target = item.get("target")
    if isinstance(target, list):
        target = next((t for t in target if isinstance(t, dict)), None)
    source = target.get("source") if isinstance(target, dict) else None
    if not isinstance(source, str) or not source.startswith(DOC_URN):
        raise _bad(number, f"does not point into a Statement Reader document ({DOC_URN}...)")
    assert isinstance(target, dict)
    return target


def _selectors(target: dict[str, Any], number: int) -> tuple[dict[str, Any], dict[str, Any]]:
    found = target.get("selector", [])
    selectors = [s for s in (found if isinstance(found, list) else [found]) if isinstance(s, dict)]
    by_type = {kind: s for s in selectors for kind in _types(s)}
    quote = by_type.get("TextQuoteSelector")
    if quote is None or not isinstance(quote.get("exact"), str) or not quote["exact"]:
        raise _bad(number, "has no TextQuoteSelector with the quoted text")
    return quote, by_type.get("TextPositionSelector", {})


def _bodies(found: Any, body_value: Any) -> tuple[str, tuple[str, ...], str]:
    bodies = [b for b in (found if isinstance(found, list) else [found]) if isinstance(b, dict)]
    texts = [body_value] if isinstance(body_value, str) else []
    tags, color = [], DEFAULT_COLOR
    for body in bodies:
        value, purpose = body.get("value"), body.get("purpose", "commenting")
        if not isinstance(value, str):
            continue
        if purpose == "tagging":
            tags.append(value)
        elif purpose == "highlighting":
            color = value if value in COLORS else DEFAULT_COLOR
        else:
            texts.append(value)
    return "\n\n".join(texts), clean_tags(tags), color


def _note_id(value: Any, number: int) -> str:
    """The note's UUID: from a urn:uuid id, else derived from the id (the same each time)."""
    if not isinstance(value, str) or not value:
        raise _bad(number, "has no id")
    if value.startswith(UUID_URN):
        try:
            return str(uuid.UUID(value[len(UUID_URN) :]))
        except ValueError:
            raise _bad(number, f"has a malformed id ({value})") from None
    return str(uuid.uuid5(uuid.NAMESPACE_URL, _whole(value)))


def _time(value: Any, default: str, number: int) -> str:
    if value is None:
        return default
    try:
        parse_time(str(value))
    except (ValueError, OverflowError):  # "9999-12-31T23:59:59-23:59" overflows in UTC
        raise _bad(number, f"has a time that is not ISO 8601 ({value})") from None
    return str(value)


def _offset(value: Any, number: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < MAX_OFFSET:
        raise _bad(number, f"has a position that is not a character offset ({value!r})")
    return value


def _whole(text: str) -> str:
    """`text` with any lone surrogate ("\\ud800" in the JSON) made U+FFFD: it is no character,
    and the database cannot store it."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def _text(value: Any, number: int) -> str:
    if not isinstance(value, str):
        raise _bad(number, "has a quote's context that is not text")
    return value


def _bad(number: int, what: str) -> AnnotationFormatError:
    return AnnotationFormatError(f"The file cannot be imported: annotation {number} {what}.")
