"""What every notes file's reader shares: its one error, checked values, and the passage a
note marks, found from a quote, a position or both.

A file from elsewhere is hostile until checked: every value is checked before a Note is
made of it, and any problem refuses the whole file in one sentence (nothing half-imported).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from typing import Any

from reader.core.documents.document import Document
from reader.core.errors import ReaderError
from reader.core.notes.note import parse_time, quote_at
from reader.core.translation import _

MAX_OFFSET = 2**62  # a character offset the database can store, far past any document
EPOCH = "1970-01-01T00:00:00.000Z"  # for an annotation that says nothing of its times
UUID_URN = "urn:uuid:"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # a pair was already joined by json.loads


class AnnotationFormatError(ReaderError):
    """A file offered for import is not annotation JSON this application can read."""


def load_json(json_text: str) -> Any:
    try:
        return json.loads(json_text)
    except json.JSONDecodeError as error:
        raise AnnotationFormatError(
            # Where, not json's own words ("Expecting value"): they are English in any window.
            _(
                "The file is not Web Annotation JSON: it is not JSON at all "
                "(the error is at line {line}, column {column})."
            ).format(line=error.lineno, column=error.colno)
        ) from error
    except RecursionError:  # arrays in arrays 100,000 deep: no export of anyone's is that
        raise AnnotationFormatError(
            _("The file is not Web Annotation JSON: it is nested too deeply to be one.")
        ) from None


def refusal(number: int, what: str) -> AnnotationFormatError:
    """`what` is the end of the sentence, already translated: "has no id"."""
    return AnnotationFormatError(
        _("The file cannot be imported: annotation {number} {what}.").format(
            number=number, what=what
        )
    )


def whole(text: str) -> str:
    """`text` with any lone surrogate ("\\ud800" in the JSON) made U+FFFD: it is no character,
    and the database cannot store it."""
    return _LONE_SURROGATE.sub("\ufffd", text)


def text_of(value: Any, number: int, what: str = "") -> str:
    """`value` if it is text; `what` names it in the refusal (translated; a quote's context)."""
    if not isinstance(value, str):
        what = what or _("a quote's context")
        raise refusal(number, _("has {what} that is not text").format(what=what))
    return whole(value)


def checked_time(value: Any, default: str, number: int) -> str:
    if value is None:
        return default
    try:
        parse_time(str(value))
    except (ValueError, OverflowError):  # "9999-12-31T23:59:59-23:59" overflows in UTC
        raise refusal(
            number, _("has a time that is not ISO 8601 ({value})").format(value=value)
        ) from None
    return str(value)


def checked_offset(value: Any, number: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < MAX_OFFSET:
        raise refusal(
            number,
            _("has a position that is not a character offset ({value})").format(value=repr(value)),
        )
    return value


def note_id(value: Any, number: int, namespace: str = "") -> str:
    """The note's UUID: a UUID as it is (with or without "urn:uuid:"), else one derived from
    the id, the same each time, so that importing a file twice changes nothing."""
    if not isinstance(value, str) or not value:
        raise refusal(number, _("has no id"))
    bare = value[len(UUID_URN) :] if value.startswith(UUID_URN) else value
    try:
        return str(uuid.UUID(bare))
    except ValueError:
        if value.startswith(UUID_URN):
            raise refusal(number, _("has a malformed id ({value})").format(value=value)) from None
    return str(uuid.uuid5(uuid.NAMESPACE_URL, namespace + whole(value)))


def passage(
    quote: Mapping[str, Any] | None,
    position: Mapping[str, Any] | None,
    doc: Document | None,
    number: int,
) -> tuple[int, int, str, str, str]:
    """(start, end, quote, prefix, suffix) of the passage the selectors name.

    With a quote, the quote is kept and the note finds its place again by it, as every
    note does. With a position alone, the passage is read from the document's text now:
    refused if the document is not in the library or the range is not in its text.
    """
    if quote is not None:
        exact = quote.get("exact")
        if not isinstance(exact, str) or not exact:
            raise refusal(number, _("has a TextQuoteSelector without the quoted text"))
        place = position or {}
        start = checked_offset(place.get("start", 0), number)
        end = checked_offset(place.get("end", start + len(exact)), number)
        prefix, suffix = quote.get("prefix", ""), quote.get("suffix", "")
        return (start, max(start, end), whole(exact),
                text_of(prefix, number), text_of(suffix, number))  # fmt: skip
    assert position is not None
    start = checked_offset(position.get("start"), number)
    end = checked_offset(position.get("end"), number)
    if doc is None:
        raise refusal(number, _("has only a TextPositionSelector, and its document is not in "
                                "the library to read the passage from"))  # fmt: skip
    if not start < end <= len(doc.text):
        where = _("has a TextPositionSelector ({start}-{end}) that is not a passage of {doc_id}")
        raise refusal(number, where.format(start=start, end=end, doc_id=doc.id))
    exact, prefix, suffix = quote_at(doc.text, start, end)
    return start, end, exact, prefix, suffix
