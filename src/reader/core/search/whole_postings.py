"""Terms, and ANDs and ORs of them, answered from whole decoded posting lists.

WORKAROUND: Whoosh walks postings one at a time through Python matchers: a common word
(15,000 passages of 50,000) cost about a million calls to `id`, `next`, `is_active`,
`score` and `collect` a query, and an AND of two terms over a million calls of its
leaf-by-leaf intersection for 36 queries; the per-document counts then walked it all
again. Here each term's posting list is decoded block by block into two lists (passage
numbers and weights), scored in one comprehension with the figures of Whoosh's own BM25F
scorer (the same expression, so the same scores), an AND intersected from its shortest
list, an OR summed; the caller takes the top passages with heapq and counts from the same
numbers, unscored. Any other shape (NOT, prefixes, phrases with slop, other scorers) is
left to Whoosh: `scores` says None.
"""

from __future__ import annotations

from typing import Any

from whoosh import query
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import FilterMatcher
from whoosh.scoring import BM25FScorer

from reader.core.search.phrases import CheckedPhrase

Scores = dict[int, float]  # passage number -> score


class _Unsupported(Exception):
    """A query or index this module does not answer; Whoosh does."""


def scores(searcher: Any, q: Any) -> Scores | None:
    """Every passage `q` matches with Whoosh's score for it; None if Whoosh must answer."""
    subsearchers = searcher.subsearchers or [(searcher, 0)]
    found: Scores = {}
    try:
        for subsearcher, offset in subsearchers:
            part = _scores(subsearcher, q)
            found.update(part if not offset else {n + offset: s for n, s in part.items()})
    except _Unsupported:
        return None
    return found


def _scores(searcher: Any, q: Any) -> Scores:
    kind = type(q)
    if kind is query.Term:
        found = _term(searcher, q)
    elif kind in (query.And, query.Or) and not q.subqueries:
        found = {}
    elif kind is query.And:
        parts = sorted((_scores(searcher, child) for child in q.subqueries), key=len)
        found = parts[0]
        for part in parts[1:]:
            found = {n: s + part[n] for n, s in found.items() if n in part}
    elif kind is query.Or and q.scale is None and not q.minmatch:
        found = {}
        for part in (_scores(searcher, child) for child in q.subqueries):
            for n, s in part.items():
                found[n] = found[n] + s if n in found else s
    elif kind is CheckedPhrase:
        child = _scores(searcher, q.child)
        found = {n: s for n, s in child.items() if q.holds_in(searcher, n)}
    else:
        raise _Unsupported
    boost = getattr(q, "boost", 1.0)
    return found if boost == 1.0 else {n: s * boost for n, s in found.items()}


def _term(searcher: Any, q: Any) -> Scores:
    schema = searcher.schema
    if q.fieldname not in schema:
        return {}
    field = schema[q.fieldname]
    try:
        text = field.to_bytes(q.text)
    except ValueError:
        return {}
    reader = searcher.reader()
    if (q.fieldname, text) not in reader:
        return {}
    scorer = searcher.weighting.scorer(searcher, q.fieldname, text)
    if type(scorer) is not BM25FScorer:
        raise _Unsupported
    numbers, weights = _decoded(reader.postings(q.fieldname, text))
    dfl, idf, avgfl, b, k1 = scorer.dfl, scorer.idf, scorer.avgfl, scorer.B, scorer.K1
    k1_1, b_1 = k1 + 1, 1 - b
    # whoosh.scoring.bm25 written out, term for term, so that the floats come out the same
    return {
        n: idf * ((w * k1_1) / (w + k1 * (b_1 + b * dfl(n) / avgfl)))
        for n, w in zip(numbers, weights, strict=True)
    }


def passage_numbers(reader: Any, fieldname: str, text: bytes) -> list[int]:
    """Every passage holding the term, decoded block by block (Whoosh's `all_ids` gives
    them one generator step at a time)."""
    leaves = [(reader, 0)] if reader.is_atomic() else reader.leaf_readers()
    found: list[int] = []
    for leaf, offset in leaves:
        if (fieldname, text) not in leaf:
            continue
        try:
            numbers, _ = _decoded(leaf.postings(fieldname, text))
        except _Unsupported:
            numbers = list(leaf.postings(fieldname, text).all_ids())
        found += [n + offset for n in numbers] if offset else numbers
    return found


def _decoded(matcher: Any) -> tuple[list[int], list[float]]:
    """The passage numbers and weights of a term's postings, deleted passages left out."""
    deleted: set[int] | None = None
    if type(matcher) is FilterMatcher:
        deleted, matcher = matcher._ids, matcher.child  # noqa: SLF001
    if type(matcher) is not W3LeafMatcher:
        raise _Unsupported
    numbers: list[int] = []
    weights: list[float] = []
    while matcher.is_active():
        matcher._read_ids()  # noqa: SLF001 (Whoosh's own decoding of one block)
        matcher._read_weights()  # noqa: SLF001
        numbers += matcher._ids  # noqa: SLF001
        weights += matcher._weights  # noqa: SLF001
        matcher._next_block()  # noqa: SLF001
    if deleted:
        kept = [(n, w) for n, w in zip(numbers, weights, strict=True) if n not in deleted]
        numbers, weights = [n for n, _ in kept], [w for _, w in kept]
    return numbers, weights
