"""Recommendations across the library: gathered with the user's choices, filtered, counted."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field

from reader.core.documents.document import Document
from reader.core.recommendations.extraction import Recommendation, extract
from reader.core.recommendations.overrides import RecommendationOverrides, apply_overrides
from reader.core.recommendations.rules import RuleSet
from reader.core.recommendations.taxonomy import Taxonomy


def collect(
    documents: Iterable[Document],
    rules: RuleSet,
    taxonomy: Taxonomy,
    overrides: RecommendationOverrides | None = None,
) -> list[Recommendation]:
    """Every recommendation of `documents` as the user sees it, in document then text order."""
    by_id = {doc.id: doc for doc in documents}
    extracted = [rec for doc in by_id.values() for rec in extract(doc, rules, taxonomy)]
    if overrides is None:
        return extracted
    choices = [o for doc in by_id.values() for o in overrides.for_document(doc)]
    return apply_overrides(extracted, choices, by_id, taxonomy)


def select(
    recs: Iterable[Recommendation],
    doc_ids: Collection[str] = (),
    topics: Collection[str] = (),
    text: str = "",
) -> list[Recommendation]:
    """The recommendations in any of `doc_ids`, filed under any of `topics` (primary or
    not), whose sentence, cue or section contains `text` (any case); empty means any."""
    needle = text.casefold().strip()
    return [
        rec
        for rec in recs
        if (not doc_ids or rec.doc_id in doc_ids)
        and (not topics or not set(topics).isdisjoint(rec.topics))
        and (not needle or needle in f"{rec.sentence}\n{rec.cue}\n{rec.section}".casefold())
    ]


@dataclass(frozen=True)
class TopicCoverage:
    """How many recommendations one topic has: in all (any of their topics), as primary
    topic, and per document (any of their topics); a row of the coverage matrix."""

    topic: str
    label: str
    total: int = 0
    primary: int = 0
    by_document: Mapping[str, int] = field(default_factory=dict)


def coverage(
    recs: Iterable[Recommendation], taxonomy: Taxonomy, doc_ids: Iterable[str] = ()
) -> list[TopicCoverage]:
    """A row per topic of the taxonomy (then per unknown topic used), in taxonomy order.

    Every document of `doc_ids` appears in every row, with 0 where the topic has nothing:
    the gaps are what the matrix is for.
    """
    recs = list(recs)
    columns = list(dict.fromkeys([*doc_ids, *(rec.doc_id for rec in recs)]))
    topic_ids = list(dict.fromkeys([*taxonomy.ids(), *(t for rec in recs for t in rec.topics)]))
    rows = []
    for topic in topic_ids:
        filed = [rec for rec in recs if topic in rec.topics]
        counts = {doc_id: sum(1 for rec in filed if rec.doc_id == doc_id) for doc_id in columns}
        primary = sum(1 for rec in filed if rec.topic == topic)
        rows.append(TopicCoverage(topic, taxonomy.label(topic), len(filed), primary, counts))
    return rows
