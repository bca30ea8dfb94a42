"""Finding a note's place again when its document's text has changed.

In this order (as the W3C TextQuoteSelector is meant to be used, and as Hypothesis anchors):
1. the quote where it was;
2. the exact quote with its context (prefix and suffix) matching, nearest the old place;
3. the exact quote nearest the old place;
4. an approximate match, scored by the quote's similarity, the context's similarity and
   the distance from the old place. Below the thresholds the note is *detached*: kept,
   never dropped, with the best candidate offered for one-click re-attachment.

Approximate matching uses the standard library's difflib: candidate places are voted for by
the quote's and the context's words, and only the few best are aligned with
SequenceMatcher, which keeps it to milliseconds on a long statement. (A faster fuzzy
library such as rapidfuzz would add a compiled dependency for no gain at this size.)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from enum import Enum

from reader.core.notes.note import Note, quote_at

QUOTE_THRESHOLD = 0.75  # the quote's similarity an approximate place needs at least
SCORE_THRESHOLD = 0.7  # and its overall score
WEIGHTS = (0.6, 0.25, 0.15)  # quote, context, nearness
MAX_CANDIDATES = 8
MAX_OCCURRENCES = 40  # a word found more often than this says nothing about where
BUCKET = 8  # candidate starts this close together are voted for as one


class Anchoring(str, Enum):
    IN_PLACE = "in place"
    MOVED = "moved"  # the exact quote, found elsewhere
    APPROXIMATE = "approximate"  # a similar passage, the note now quotes it
    DETACHED = "detached"  # not found: shown apart, with `candidate` offered


@dataclass(frozen=True)
class Candidate:
    """A place a detached note might belong: [start, end) and its score (0 to 1)."""

    start: int
    end: int
    score: float


@dataclass(frozen=True)
class Placement:
    """A note as the document stands now: moved notes carry their new range and quote."""

    note: Note
    anchoring: Anchoring
    candidate: Candidate | None = None

    @property
    def detached(self) -> bool:
        return self.anchoring is Anchoring.DETACHED


def place(note: Note, text: str) -> Placement:
    """Where `note` belongs in `text` (the document's current canonical text)."""
    exact = _exact_place(note, text)
    if exact is not None:
        how = Anchoring.IN_PLACE if exact == note.start else Anchoring.MOVED
        return Placement(_requoted(note, text, exact, exact + len(note.quote)), how)
    best = best_candidate(note, text)
    if best is None:
        return Placement(note, Anchoring.DETACHED)
    if best.score >= SCORE_THRESHOLD and _similarity(text[best.start : best.end], note.quote) >= (
        QUOTE_THRESHOLD
    ):
        return Placement(_requoted(note, text, best.start, best.end), Anchoring.APPROXIMATE)
    return Placement(note, Anchoring.DETACHED, best)


def _exact_place(note: Note, text: str) -> int | None:
    """The quote's start with its context matching, else the nearest; None if not there.

    Where it was counts as nearest, so a note whose quote is still in its place stays.
    """
    starts = _occurrences(text, note.quote)
    if not starts:
        return None
    in_context = [s for s in starts if _context_matches(note, text, s)]
    return min(in_context or starts, key=lambda s: abs(s - note.start))


def _occurrences(text: str, needle: str) -> list[int]:
    found, at = [], text.find(needle) if needle else -1
    while at >= 0:
        found.append(at)
        at = text.find(needle, at + 1)
    return found


def _context_matches(note: Note, text: str, start: int) -> bool:
    end = start + len(note.quote)
    return text[:start].endswith(note.prefix) and text[end:].startswith(note.suffix)


def best_candidate(note: Note, text: str) -> Candidate | None:
    """The best-scoring approximate place for the note in `text`, if any word points there."""
    scored = [_scored(note, text, start) for start in _voted_starts(note, text)]
    return max(scored, key=lambda c: c.score, default=None)


def _voted_starts(note: Note, text: str) -> list[int]:
    """Where the note might start now, as voted for by its quote's and context's words."""
    votes: Counter[int] = Counter()
    sources = (
        (note.quote, 0, 2),  # a word of the quote at q: the quote starts q before it
        (note.prefix, -len(note.prefix), 1),  # the context votes too, with less weight,
        (note.suffix, len(note.quote), 1),  # so that a deleted quote still has a candidate
    )
    for words, offset, weight in sources:
        for match in re.finditer(r"\w{3,}", words):
            places = _occurrences(text, match.group())
            if len(places) <= MAX_OCCURRENCES:
                for place_ in places:
                    votes[(place_ - match.start() - offset) // BUCKET] += weight
    return [bucket * BUCKET for bucket, _ in votes.most_common(MAX_CANDIDATES)]


def _scored(note: Note, text: str, around: int) -> Candidate:
    start, end = _aligned(note.quote, text, around)
    prefix = text[max(0, start - len(note.prefix)) : start]
    suffix = text[end : end + len(note.suffix)]
    context = (_similarity(prefix, note.prefix) + _similarity(suffix, note.suffix)) / 2
    nearness = max(0.0, 1 - abs(start - note.start) / max(len(text), 1))
    parts = (_similarity(text[start:end], note.quote), context, nearness)
    score = sum(weight * part for weight, part in zip(WEIGHTS, parts, strict=True))
    return Candidate(start, end, round(score, 4))


def _aligned(quote: str, text: str, around: int) -> tuple[int, int]:
    """The stretch of text near `around` that best lines up with the quote (never empty)."""
    slack = max(16, len(quote) // 4)
    low = max(0, min(around, len(text)) - slack)
    window = text[low : around + len(quote) + slack]
    matcher = SequenceMatcher(None, window, quote, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size >= 3]
    if not blocks:
        start = max(0, min(around, len(text) - 1))
        return start, min(len(text), start + max(1, len(quote)))
    start, end = low + blocks[0].a, low + blocks[-1].a + blocks[-1].size
    return _to_word_edges(text, start, end)


def _to_word_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a range that cuts a word so it holds the whole word, then trim outer space."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    while start < end - 1 and text[start].isspace():
        start += 1
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return start, end


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _requoted(note: Note, text: str, start: int, end: int) -> Note:
    """The note at [start, end) of `text`, with its quote and context taken from there."""
    quote, prefix, suffix = quote_at(text, start, end)
    return replace(note, start=start, end=end, quote=quote, prefix=prefix, suffix=suffix)
