"""Prefix queries (cyber*, comp*) answered straight from the posting lists of their words.

WORKAROUND: Whoosh ORs one matcher per expanded word, and its union matchers cost
75-350 ms for prefixes such as comp* at 50,000 passages, scored or not. Here the
postings, decoded a block at a time, are merged with a Counter, and a passage
ranks by how many different words of the prefix it holds, then by reading order.
"""

from __future__ import annotations

import heapq
import operator
from collections import Counter
from typing import Any

from whoosh import query

from reader.core.search.whole_postings import passage_numbers

# A stemmer takes a few letters off a word ("negotiations" -> "negoti"); a stem that long
# or longer which the typed beginning starts with is the stem of a word it begins.
MOST_LETTERS_STEMMED = 3
SHORTEST_STEM = 4


class WrittenPrefix(query.Prefix):
    """A word's beginning as the user types it ("negotiat*"). The index holds stems
    ("negotiat" for "negotiating", "negoti" for "negotiations"), so the words it begins are
    found by their stems: those that start with it, those that start with its own stem, and
    the stems it starts with, a few letters shorter at most."""

    def __init__(self, fieldname: str, text: str, stem: str, boost: float = 1.0) -> None:
        super().__init__(fieldname, text, boost)
        self.stem = stem

    def _btexts(self, ixreader: Any) -> Any:
        seen: set[bytes] = set()
        field, text = self.fieldname, self.text
        sources = [ixreader.expand_prefix(field, text)]
        if self.stem != text:
            sources.append(ixreader.expand_prefix(field, self.stem))
        shortest = max(SHORTEST_STEM, len(text) - MOST_LETTERS_STEMMED)
        stems = (text[:n] for n in range(shortest, len(text)))
        sources.append(s.encode("utf-8") for s in stems if (field, s) in ixreader)
        for source in sources:
            for word in source:
                if word not in seen:
                    seen.add(word)
                    yield word


def is_plain_prefix(q: Any, fieldname: str) -> bool:
    return type(q) in (query.Prefix, WrittenPrefix) and q.fieldname == fieldname


def prefix_matches(reader: Any, q: Any) -> Counter[int]:
    """Passage number -> how many words starting with the prefix it holds."""
    matches: Counter[int] = Counter()
    for word in q._btexts(reader):  # noqa: SLF001 (Whoosh's own way to list a prefix's words)
        matches.update(passage_numbers(reader, q.fieldname, word))
    return matches


def best(matches: Counter[int], limit: int) -> list[tuple[int, int]]:
    """The `limit` best (passage number, words) pairs: most words first, then reading order."""
    ranked = zip(matches.values(), map(operator.neg, matches), strict=True)
    top = heapq.nlargest(limit, ranked)
    return [(-n, k) for k, n in top]
