"""A lone term's best passages, scoring only the posting blocks that can reach them.

A common word matches 16,000 passages of 50,000; scoring each took a third of its query's
time, for ten hits. Each of Whoosh's posting blocks (up to 128 passages) records its most
weight and its least field length, which bound any score in it (TermPostings.bound). The
blocks are scored from the highest bound down, and once ten passages score more than the
next block's bound, the rest cannot enter. Every passage is still decoded: the counts per
statement need them all, unscored.
"""

from __future__ import annotations

import heapq
import operator
from typing import Any

from whoosh import query

from reader.core.search.whole_postings import Block, TermPostings, Unsupported, term_postings

Ranked = list[tuple[int, float]]  # (passage number, score), the best first


def best_of_term(searcher: Any, q: Any, limit: int) -> tuple[Ranked, list[int]] | None:
    """The `limit` best passages of a lone term, in Whoosh's order (the higher score, then the
    lower passage number), and every passage it matches; None if this cannot answer."""
    if type(q) is not query.Term or q.boost != 1.0 or limit < 1:
        return None
    parts: list[tuple[TermPostings, list[Block], int]] = []
    try:
        for subsearcher, offset in searcher.subsearchers or [(searcher, 0)]:
            blocks: list[Block] = []
            postings = term_postings(subsearcher, q, blocks)
            if postings is not None:
                parts.append((postings, blocks, offset))
    except Unsupported:
        return None
    numbers: list[int] = []
    ranked = []
    for postings, blocks, offset in parts:
        numbers += [n + offset for n in postings.numbers] if offset else list(postings.numbers)
        ends = [start for start, _, _ in blocks[1:]] + [len(postings.numbers)]
        for (start, weight, length), end in zip(blocks, ends, strict=True):
            ranked.append((postings.bound(weight, length), start, end, postings, offset))
    ranked.sort(key=operator.itemgetter(0), reverse=True)
    top: list[tuple[float, int]] = []  # (score, -passage number): a heap, the worst first
    for bound, start, end, postings, offset in ranked:
        if len(top) == limit and bound < top[0][0]:
            break
        scores = postings.scores(postings.numbers[start:end], postings.weights[start:end])
        for n, score in scores.items():
            entry = (score, -(n + offset))
            if len(top) < limit:
                heapq.heappush(top, entry)
            elif entry > top[0]:
                heapq.heapreplace(top, entry)
    return [(-m, s) for s, m in sorted(top, reverse=True)], numbers
