"""Phrases with slop ("arms control"~3), and phrases of one word, over the text field.

The text field keeps no word positions (schema.py): Whoosh decoded them with every posting
of every query, half of a common word's time, and only such phrases read them. Whoosh
answers a phrase with slop as the AND of its words (their matchers intersected pairwise, a
binary tree: the order its scores are added in) where the words stand in order, each within
`slop` words of the one before. So does NearPhrase: the same tree of ANDs, and the words
found in the candidates' stored text as the index numbers them (stop words left out).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Any

from whoosh import query

from reader.core.search.phrases import STOPPED, CheckedPhrase, PhraseWords


def near_phrase(node: Any, words: PhraseWords) -> Any:
    """`node`, a phrase of the text field that its word pairs do not answer, as Whoosh
    answers it."""
    terms = [query.Term(node.fieldname, word) for word in node.words]
    if not terms:
        return query.NullQuery
    child = _tree(terms)
    if len(terms) == 1:
        return child if node.boost == 1.0 else query.Term(node.fieldname, node.words[0], node.boost)
    if node.boost != 1.0:
        child = query.And(child.subqueries, boost=node.boost)
    return NearPhrase(child, node.fieldname, tuple(node.words), node.slop, words)


def _tree(terms: list[Any]) -> Any:
    """Whoosh's make_binary_tree of IntersectionMatchers, as ANDs of two."""
    if len(terms) == 1:
        return terms[0]
    half = len(terms) // 2
    return query.And([_tree(terms[:half]), _tree(terms[half:])])


class NearPhrase(CheckedPhrase):
    """The passages `child` (the AND of the words) finds whose stored text holds `sequence`,
    each word within `slop` words after the one before; scored as the child scores them."""

    def __init__(
        self, child: Any, fieldname: str, sequence: tuple[str, ...], slop: int, words: PhraseWords
    ) -> None:
        super().__init__(child, fieldname, sequence, words)
        self.slop = slop

    def __eq__(self, other: object) -> bool:
        return super().__eq__(other) and getattr(other, "slop", None) == self.slop

    def __hash__(self) -> int:
        return hash((super().__hash__(), self.slop))

    def apply(self, fn: Any) -> Any:
        return NearPhrase(fn(self.child), self.fieldname, self.sequence, self.slop, self._words)

    def verdict_key(self) -> tuple[Any, ...]:
        return (*super().verdict_key(), self.slop)

    def holds_in_text(self, text: str) -> bool:
        terms = [w for w in self._words(text) if not w.startswith(STOPPED)]
        return holds_near(terms, self.sequence, self.slop)


def holds_near(terms: Sequence[str], sequence: Sequence[str], slop: int) -> bool:
    """Whether `terms` holds `sequence` in order, each within 1 to `slop` places after the
    one before (Whoosh's SpanNear2, ordered, mindist 1)."""
    at: dict[str, list[int]] = {}
    for position, term in enumerate(terms):
        at.setdefault(term, []).append(position)
    ends = at.get(sequence[0], [])
    for term in sequence[1:]:
        places = at.get(term, [])
        ends = sorted(
            {p for end in ends for p in places[bisect_left(places, end + 1) :] if p <= end + slop}
        )
        if not ends:
            return False
    return bool(ends)


def with_near_phrases(q: Any, fieldname: str, words: PhraseWords) -> Any:
    """`q` with each phrase of `fieldname` still standing (after with_pair_terms) a NearPhrase."""

    def rewrite(node: Any) -> Any:
        if isinstance(node, query.Phrase) and node.fieldname == fieldname:
            return near_phrase(node, words)
        return node

    return q.accept(rewrite)
