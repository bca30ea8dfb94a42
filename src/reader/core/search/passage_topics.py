"""The topics of each passage the search index holds: those of the recommendations in it,
so that `topic:cybersecurity` finds the passages that recommend something about it."""

from __future__ import annotations

import functools

from reader.core.documents.document import Document
from reader.core.recommendations.extraction import extract
from reader.core.recommendations.rules import RuleSet, bundled_rules
from reader.core.recommendations.taxonomy import Taxonomy, bundled_taxonomy


class PassageTopics:
    """Topic ids per block of a document, from the extracted recommendations.

    The user's own choices are left out: they live in the user's database, and the index,
    a cache that can always be rebuilt, only holds what follows from the documents and
    the rules. `signature` changes with the rules or the taxonomy, so a changed rule set
    changes every document's fingerprint and the index re-indexes them.
    """

    def __init__(self, rules: RuleSet, taxonomy: Taxonomy) -> None:
        self._rules, self._taxonomy = rules, taxonomy
        self.signature = f"rules {rules.signature}; topics {taxonomy.signature}"

    def topic_ids(self) -> list[str]:
        """The ids a passage can be filed under (what topic: in a query may name)."""
        return self._taxonomy.ids()

    def of(self, doc: Document) -> dict[int, tuple[str, ...]]:
        """Block index -> topic ids of its recommendations, primary topics first."""
        by_block: dict[int, dict[str, None]] = {}
        recs = extract(doc, self._rules, self._taxonomy)
        for rank in range(max((len(r.topics) for r in recs), default=0)):
            for rec in recs:
                if rank < len(rec.topics):
                    block = doc.block_at(rec.start)
                    if block is not None:
                        by_block.setdefault(block, {})[rec.topics[rank]] = None
        return {block: tuple(topics) for block, topics in by_block.items()}


@functools.cache
def bundled_passage_topics() -> PassageTopics:
    """From the rules and taxonomy shipped in resources/."""
    return PassageTopics(bundled_rules(), bundled_taxonomy())
