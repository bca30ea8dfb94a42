"""The user's last word on recommendations: sentences marked, dismissed or re-filed, kept in
the user's database, and applied over whatever the extractor finds.

A choice is keyed by the sentence's document, range and text, so it survives re-extraction
and a change of rules; if the document's text moves, the sentence is found again by its
text (the nearest occurrence to where it was). A choice whose sentence is gone is
"detached": kept, never applied, so that nothing the user decided is silently lost.

What the user sees (apply_overrides):
- dismissed: the recommendation is left out;
- marked: the sentence is a recommendation with the user's topics, whatever the extractor
  says; cue and rule stay the extractor's if it found one;
- topics changed: the extractor's recommendation with the user's topics. Should the
  extractor stop finding the sentence, it stays, as the user filed it: choosing its
  topics said that it is a recommendation.
In each case that is shown carries source USER and confidence 1.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import Enum

from reader.core.documents.builder import normalise_space
from reader.core.documents.document import Document, section_title
from reader.core.errors import ReaderError
from reader.core.recommendations.extraction import USER, Recommendation
from reader.core.recommendations.taxonomy import Taxonomy
from reader.core.translation import _
from reader.core.user_db import UserDatabase

MARKED_RULE = "marked by the user"


class Choice(str, Enum):
    MARKED = "marked"
    DISMISSED = "dismissed"
    TOPICS = "topics"


@dataclass(frozen=True)
class SentenceKey:
    """A sentence as the user chose it: document, [start, end) and its text at the time."""

    doc_id: str
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, doc: Document, start: int, end: int) -> SentenceKey:
        return cls(doc.id, start, end, doc.text[start:end])

    @classmethod
    def of_recommendation(cls, rec: Recommendation) -> SentenceKey:
        return cls(rec.doc_id, rec.start, rec.end, rec.sentence)


@dataclass(frozen=True)
class Override:
    """One choice of the user. `detached`: its sentence is no longer in the document."""

    key: SentenceKey
    choice: Choice
    topics: tuple[str, ...] = ()
    changed: str = ""  # ISO 8601, UTC
    detached: bool = False


class RecommendationOverrides:
    """The user's choices about recommendations, in the user's database.

    Every change is one transaction, saved at once; each returns what it replaced (None if
    nothing), which is what an undo puts back with restore().
    """

    def __init__(self, db: UserDatabase) -> None:
        self._db = db

    def mark(self, key: SentenceKey, topics: Iterable[str]) -> Override | None:
        """Make the sentence a recommendation filed under `topics` (at least one, primary first)."""
        return self._put(key, Choice.MARKED, _topics(topics))

    def set_topics(self, key: SentenceKey, topics: Iterable[str]) -> Override | None:
        """File the sentence under `topics` (primary first); a marked sentence stays marked."""
        previous = self.get(key)
        choice = Choice.MARKED if previous and previous.choice is Choice.MARKED else Choice.TOPICS
        return self._put(key, choice, _topics(topics))

    def dismiss(self, key: SentenceKey) -> Override | None:
        """The sentence is not a recommendation, whatever the extractor says."""
        return self._put(key, Choice.DISMISSED, ())

    def clear(self, key: SentenceKey) -> Override | None:
        """Forget the user's choice: the extractor has the say again."""
        previous = self.get(key)
        with self._db.transaction() as connection:
            connection.execute(
                'DELETE FROM recommendation_overrides WHERE doc_id = ? AND start = ? AND "end" = ?'
                " AND sentence = ?",
                (key.doc_id, key.start, key.end, key.text),
            )
        return previous

    def restore(self, key: SentenceKey, previous: Override | None) -> None:
        """Put back the choice a change replaced (undo): `previous` as it was, or none."""
        if previous is None:
            self.clear(key)
        else:
            self._put(key, previous.choice, previous.topics, previous.changed)

    def get(self, key: SentenceKey) -> Override | None:
        rows = self._db.query(
            'SELECT * FROM recommendation_overrides WHERE doc_id = ? AND start = ? AND "end" = ?'
            " AND sentence = ?",
            (key.doc_id, key.start, key.end, key.text),
        )
        return _override(rows[0]) if rows else None

    def all(self) -> list[Override]:
        """Every choice as it was saved (not located again), in document and text order."""
        rows = self._db.query("SELECT * FROM recommendation_overrides ORDER BY doc_id, start")
        return [_override(row) for row in rows]

    def for_document(self, doc: Document) -> list[Override]:
        """The choices about `doc`, with their ranges as the document's text stands now.

        A sentence found at a new place is saved there (when the database can be written),
        so later changes made with the current range find it.
        """
        rows = self._db.query(
            "SELECT * FROM recommendation_overrides WHERE doc_id = ? ORDER BY start", (doc.id,)
        )
        located = [locate(_override(row), doc) for row in rows]
        moved = [(o, n) for o, n in zip(map(_override, rows), located, strict=True) if o != n]
        if moved and not self._db.read_only:
            self._move(moved)
        return located

    def _put(
        self, key: SentenceKey, choice: Choice, topics: tuple[str, ...], changed: str = ""
    ) -> Override | None:
        previous = self.get(key)
        with self._db.transaction() as connection:
            connection.execute(
                "INSERT OR REPLACE INTO recommendation_overrides"
                ' (doc_id, start, "end", sentence, choice, topics, changed)'
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (*_key_values(key), choice.value, ",".join(topics), changed or _now()),
            )
        return previous

    def _move(self, moved: list[tuple[Override, Override]]) -> None:
        with self._db.transaction() as connection:
            for old, new in moved:
                if new.detached:
                    continue
                connection.execute(
                    'UPDATE recommendation_overrides SET start = ?, "end" = ?'
                    ' WHERE doc_id = ? AND start = ? AND "end" = ? AND sentence = ?',
                    (new.key.start, new.key.end, *_key_values(old.key)),
                )


def locate(override: Override, doc: Document) -> Override:
    """The override with its sentence's range in `doc` now, or marked detached."""
    key = override.key
    if doc.text[key.start : key.end] == key.text:
        return override
    wanted = normalise_space(key.text)
    places = [
        (s.start, s.end) for s in doc.sentences if normalise_space(doc.sentence_text(s)) == wanted
    ]
    if not places:
        return replace(override, detached=True)
    start, end = min(places, key=lambda p: abs(p[0] - key.start))
    return replace(override, key=replace(key, start=start, end=end, text=doc.text[start:end]))


def apply_overrides(
    extracted: Iterable[Recommendation],
    overrides: Iterable[Override],
    documents: Mapping[str, Document],
    taxonomy: Taxonomy,
) -> list[Recommendation]:
    """What the user sees: the extracted recommendations with the user's choices applied.

    `overrides` should be located already (RecommendationOverrides.for_document); detached
    ones and those of documents not in `documents` are left out. The result is in the order
    of `documents`, then of the text.
    """
    choices = {
        (o.key.doc_id, o.key.start, o.key.end): o
        for o in overrides
        if not o.detached and o.key.doc_id in documents
    }
    shown = []
    for rec in extracted:
        choice = choices.pop((rec.doc_id, rec.start, rec.end), None)
        result = rec if choice is None else _chosen(rec, choice, taxonomy)
        if result is not None:
            shown.append(result)
    for choice in choices.values():
        if choice.choice is not Choice.DISMISSED:
            shown.append(_marked(documents[choice.key.doc_id], choice, taxonomy))
    order = {doc_id: n for n, doc_id in enumerate(documents)}
    return sorted(shown, key=lambda r: (order.get(r.doc_id, len(order)), r.start))


def _chosen(rec: Recommendation, choice: Override, taxonomy: Taxonomy) -> Recommendation | None:
    if choice.choice is Choice.DISMISSED:
        return None
    topics = choice.topics or rec.topics
    primary = topics[0] if topics else ""
    return replace(
        rec,
        topic=primary,
        topics=topics,
        topic_label=taxonomy.label(primary),
        confidence=1.0,
        source=USER,
    )


def _marked(doc: Document, choice: Override, taxonomy: Taxonomy) -> Recommendation:
    """A sentence the extractor does not find, as the user filed it."""
    key = choice.key
    topics = choice.topics or ((taxonomy.fallback,) if taxonomy.fallback else ())
    primary = topics[0] if topics else ""
    return Recommendation(
        doc_id=doc.id,
        start=key.start,
        end=key.end,
        sentence=doc.text[key.start : key.end],
        topic=primary,
        topics=topics,
        topic_label=taxonomy.label(primary),
        section=section_title(doc, key.start),
        cue="",
        cue_start=key.start,
        cue_end=key.start,
        confidence=1.0,
        source=USER,
        rule=MARKED_RULE,
    )


def _topics(topics: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(t.strip() for t in topics if t.strip()))
    if not chosen:
        raise ReaderError(_("Choose at least one topic for the recommendation."))
    return chosen


def _override(row: sqlite3.Row) -> Override:
    key = SentenceKey(row["doc_id"], row["start"], row["end"], row["sentence"])
    topics = tuple(t for t in row["topics"].split(",") if t)
    return Override(key, Choice(row["choice"]), topics, row["changed"])


def _key_values(key: SentenceKey) -> tuple[str, int, int, str]:
    return (key.doc_id, key.start, key.end, key.text)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
