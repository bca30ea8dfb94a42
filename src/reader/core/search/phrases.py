"""Fast phrases: each pair of adjacent words is also indexed as one term (the `pairs` field).

A phrase is then looked up as its word pairs, all required: one short posting list per
pair instead of Whoosh checking word positions in every passage that holds all the words,
which took 70-160 ms for phrases of common words at 50,000 passages. For two words this
is exact. For three or more it also accepts a passage holding each pair in different
places ("mass destruction ... weapons of mass"), which in passages of a paragraph is rare;
the trade is taken for speed and said in the search help.
"""

from __future__ import annotations

from typing import Any

from whoosh import query
from whoosh.analysis import ShingleFilter

PAIRS = "pairs"
SEPARATOR = " "


def pairs_analyzer(analyzer: Any) -> Any:
    return analyzer | ShingleFilter(size=2, sep=SEPARATOR)


def pair_terms(terms: list[str]) -> list[str]:
    """What `pairs_analyzer` makes of a text, from the text's terms: so the text is analysed
    once for both fields. Like ShingleFilter, a single term stands for itself."""
    if len(terms) < 2:
        return terms[:1]
    return [f"{a}{SEPARATOR}{b}" for a, b in zip(terms, terms[1:], strict=False)]


def with_pair_terms(q: Any) -> Any:
    """`q` with every exact phrase of the text field looked up as its word pairs."""
    return q.accept(_rewrite)


def _rewrite(node: Any) -> Any:
    if type(node) is not query.Phrase or node.slop != 1 or len(node.words) < 2:
        return node
    words = node.words
    adjacent = zip(words, words[1:], strict=False)
    pairs = [query.Term(PAIRS, f"{a}{SEPARATOR}{b}", boost=node.boost) for a, b in adjacent]
    return pairs[0] if len(pairs) == 1 else query.And(pairs)
