"""A note: a highlighted passage of a document, with the user's words, colour and tags.

A note points into the document's canonical text ([start, end)) and also keeps the quoted
text with some context before and after it, as the W3C Web Annotation model's
TextQuoteSelector does, so that it can find its place again if the text changes
(note_anchoring). Times are ISO 8601 in UTC, with milliseconds, so that "newer wins" can
tell two edits of the same second apart.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from reader.core.errors import ReaderError
from reader.core.translation import _, ngettext

# The highlight colours, in the order a menu shows them; the first is the default.
COLORS: tuple[str, ...] = ("yellow", "green", "blue", "pink", "purple")
DEFAULT_COLOR = COLORS[0]
# For exports and the window; light enough for black text on top in print.
COLOR_HEX: dict[str, str] = {
    "yellow": "#fff176",
    "green": "#a5d6a7",
    "blue": "#90caf9",
    "pink": "#f48fb1",
    "purple": "#ce93d8",
}
CONTEXT_LENGTH = 32  # characters of prefix and suffix kept with the quote


class NoteError(ReaderError):
    """A note cannot be made or changed as asked; the sentence says why."""


@dataclass(frozen=True)
class Note:
    """One note. `deleted` marks a tombstone: kept so an older backup cannot resurrect it."""

    id: str
    doc_id: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    color: str = DEFAULT_COLOR
    text: str = ""
    tags: tuple[str, ...] = ()
    created: str = ""
    modified: str = ""
    deleted: bool = False

    def matches(self, words: str) -> bool:
        """Whether every word of `words` is in the note's text, tags or quote (any case)."""
        haystack = "\n".join((self.text, " ".join(self.tags), self.quote)).casefold()
        return all(word in haystack for word in words.casefold().split())


def quote_at(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The quote [start, end) of `text`, with up to CONTEXT_LENGTH characters either side."""
    if not 0 <= start < end <= len(text):
        raise NoteError(
            ngettext(
                "The range {start}-{end} is not a passage of the document "
                "(its text has {length} character).",
                "The range {start}-{end} is not a passage of the document "
                "(its text has {length} characters).",
                len(text),
            ).format(start=start, end=end, length=len(text))
        )
    prefix = text[max(0, start - CONTEXT_LENGTH) : start]
    return text[start:end], prefix, text[end : end + CONTEXT_LENGTH]


def checked_color(color: str) -> str:
    name = color.strip().lower()
    if name not in COLORS:
        raise NoteError(
            _("There is no colour '{color}'; choose one of {colors}.").format(
                color=color, colors=", ".join(COLORS)
            )
        )
    return name


def clean_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Tags stripped, empty ones dropped, each once (the first spelling of any case kept)."""
    seen: dict[str, str] = {}
    for tag in tags:
        name = " ".join(tag.split())
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return tuple(seen.values())


def now() -> str:
    stamp = dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")
    return stamp.replace("+00:00", "Z")


def parse_time(stamp: str) -> dt.datetime:
    """An ISO 8601 time as an aware UTC datetime (a time without a zone is taken as UTC)."""
    value = dt.datetime.fromisoformat(stamp.strip().replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc)


def is_newer(candidate: str, than: str) -> bool:
    return parse_time(candidate) > parse_time(than)
