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

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from typing import Any

from whoosh import query
from whoosh.scoring import BM25FScorer

from reader.core.search.block_fronts import Front
from reader.core.search.decoded_postings import Block, Unsupported, decoded
from reader.core.search.phrases import CheckedPhrase

Scores = dict[int, float]  # passage number -> score
WALKED_PER_KEPT = 8  # a term's list up to this many times the passages kept is walked
__all__ = ["Block", "TermPostings", "Unsupported", "passage_numbers", "scores", "term_postings"]


def scores(searcher: Any, q: Any) -> Scores | None:
    """Every passage `q` matches with Whoosh's score for it; None if Whoosh must answer."""
    subsearchers = searcher.subsearchers or [(searcher, 0)]
    found: Scores = {}
    try:
        for subsearcher, offset in subsearchers:
            part = _scores(subsearcher, q)
            found.update(part if not offset else {n + offset: s for n, s in part.items()})
    except Unsupported:
        return None
    return found


def _scores(searcher: Any, q: Any) -> Scores:
    kind = type(q)
    if kind is query.Term:
        found = _term(searcher, q)
    elif kind in (query.And, query.Or) and not q.subqueries:
        found = {}
    elif kind is query.And:
        found = _intersection([_part(searcher, child) for child in q.subqueries])
    elif kind is query.Or and q.scale is None and not q.minmatch:
        found = {}
        for part in (_scores(searcher, child) for child in q.subqueries):
            for n, s in part.items():
                found[n] = found[n] + s if n in found else s
    elif isinstance(q, CheckedPhrase):  # and a NearPhrase
        child = _scores(searcher, q.child)
        found = {n: s for n, s in child.items() if q.holds_in(searcher, n)}
    else:
        raise Unsupported
    boost = getattr(q, "boost", 1.0)
    return found if boost == 1.0 else {n: s * boost for n, s in found.items()}


def _term(searcher: Any, q: Any) -> Scores:
    postings = term_postings(searcher, q)
    return postings.scores() if postings is not None else {}


def _part(searcher: Any, q: Any) -> Scores | TermPostings:
    """A child of an AND: a term's postings left unscored (only the passages every child
    holds are scored), anything else scored."""
    if type(q) is query.Term and q.boost == 1.0:
        postings = term_postings(searcher, q)
        return postings if postings is not None else {}
    return _scores(searcher, q)


def _intersection(parts: list[Scores | TermPostings]) -> Scores:
    """The passages every part holds, each scored as the sum of the parts' scores, added from
    the part with the fewest matches on (the order the floats were always added in); only
    those passages of a term are scored."""
    parts.sort(key=len)
    kept = set(parts[0])
    for part in parts[1:]:
        kept.intersection_update(part)
    shortest = parts[0]
    if isinstance(shortest, TermPostings):
        first = shortest.scores_in(kept)
        ordered = list(first)
    else:
        ordered = [n for n in shortest if n in kept]
        first = shortest
    # A term's weights for the passages kept: walked along its list where that is short
    # beside them, else found by a binary search each (a 200,000-passage AND of two common
    # words keeps 5,000 of 20,000 and 65,000).
    rest = [
        p if not isinstance(p, TermPostings)
        else p.scores_in(kept) if len(p) <= WALKED_PER_KEPT * len(kept)
        else p.scores_of(ordered)
        for p in parts[1:]
    ]  # fmt: skip
    found: Scores = {}
    for n in ordered:
        score = first[n]
        for part in rest:
            score = score + part[n]
        found[n] = score
    return found


class TermPostings:
    """One term's postings in one segment, decoded, and its BM25F scorer's figures."""

    def __init__(
        self,
        numbers: Sequence[int],
        weights: Sequence[float],
        scorer: Any,
        fronts: Sequence[Front] | None = None,
    ) -> None:
        self.numbers, self.weights, self._fronts = numbers, weights, fronts
        self._dfl, self._idf, self._avgfl = scorer.dfl, scorer.idf, scorer.avgfl
        self._b, self._k1 = scorer.B, scorer.K1
        self._table = _ScoreTable(self._idf, self._avgfl, self._b, self._k1)

    def __len__(self) -> int:
        return len(self.numbers)

    def __iter__(self) -> Iterator[int]:
        return iter(self.numbers)

    def bound(self, weight: float, length: int) -> float:
        """The score of a passage of `length` holding the term `weight` times: no passage of a
        block scores more than its most weight and least length give (bm25 grows with the
        one and falls with the other, and so do its correctly rounded floats)."""
        b, k1, avgfl = self._b, self._k1, self._avgfl
        return self._idf * ((weight * (k1 + 1)) / (weight + k1 * (1 - b + b * length / avgfl)))

    def block_bounds(self, blocks: Sequence[Block]) -> list[float]:
        """No passage of each block scores more: the best score of its front where the
        segment keeps the fronts (the block's true best), else bound() of its most weight
        and least length."""
        if self._fronts is None:
            return [self.bound(weight, length) for _, weight, length in blocks]
        score = self._table.__getitem__
        return [max(map(score, front)) for front in self._fronts]

    def scores_in(self, kept: set[int]) -> Scores:
        """The scores of the term's passages that are in `kept`, in passage order."""
        held = [(n, w) for n, w in zip(self.numbers, self.weights, strict=True) if n in kept]
        return self.scores([n for n, _ in held], [w for _, w in held])

    def scores_of(self, numbers: Sequence[int]) -> Scores:
        """The scores of `numbers`, passages that hold the term."""
        held, weights = self.numbers, self.weights
        return self.scores(numbers, [weights[bisect_left(held, n)] for n in numbers])

    def scores(
        self, numbers: Sequence[int] | None = None, weights: Sequence[float] | None = None
    ) -> Scores:
        """Every passage's score (or those of `numbers`, whose weights are `weights`)."""
        if numbers is None or weights is None:
            numbers, weights = self.numbers, self.weights
        # A common word's passages have a few hundred (weight, length) pairs between them:
        # each is scored once, and the rest looked up in C, not a Python step per passage
        # (a third of a common word's query).
        pairs = zip(weights, map(self._dfl, numbers), strict=True)
        return dict(zip(numbers, map(self._table.__getitem__, pairs), strict=True))


class _ScoreTable(dict[tuple[float, int], float]):
    """BM25 scores by (weight, field length), worked out when first asked for."""

    def __init__(self, idf: float, avgfl: float, b: float, k1: float) -> None:
        super().__init__()
        self._idf, self._avgfl, self._b, self._k1 = idf, avgfl, b, k1

    def __missing__(self, key: tuple[float, int]) -> float:
        w, length = key
        idf, avgfl, b, k1 = self._idf, self._avgfl, self._b, self._k1
        # whoosh.scoring.bm25 written out, term for term, so that the floats come out the same
        score = self[key] = idf * ((w * (k1 + 1)) / (w + k1 * ((1 - b) + b * length / avgfl)))
        return score


def term_postings(searcher: Any, q: Any, blocks: list[Block] | None = None) -> TermPostings | None:
    """The term's postings in this segment (into `blocks`, each block's place and bounds: not
    with deleted passages, Unsupported); None if it has none. Unboosted."""
    schema = searcher.schema
    if q.fieldname not in schema:
        return None
    field = schema[q.fieldname]
    try:
        text = field.to_bytes(q.text)
    except ValueError:
        return None
    reader = searcher.reader()
    if (q.fieldname, text) not in reader:
        return None
    scorer = searcher.weighting.scorer(searcher, q.fieldname, text)
    if type(scorer) is not BM25FScorer:
        raise Unsupported
    found = decoded(reader, q.fieldname, text)
    if blocks is not None:
        if found.blocks is None:
            raise Unsupported
        blocks += found.blocks
    return TermPostings(found.numbers, found.weights, scorer, found.fronts)


def passage_numbers(reader: Any, fieldname: str, text: bytes) -> list[int]:
    """Every passage holding the term, decoded block by block (Whoosh's `all_ids` gives
    them one generator step at a time)."""
    leaves = [(reader, 0)] if reader.is_atomic() else reader.leaf_readers()
    found: list[int] = []
    for leaf, offset in leaves:
        if (fieldname, text) not in leaf:
            continue
        try:
            numbers: Sequence[int] = decoded(leaf, fieldname, text).numbers
        except Unsupported:
            numbers = list(leaf.postings(fieldname, text).all_ids())
        found += [n + offset for n in numbers] if offset else numbers
    return found
