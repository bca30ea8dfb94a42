"""A lone term's best passages, scoring only the posting blocks that can reach them.

A common word matches 16,000 passages of 50,000; scoring each took a third of its query's
time, for ten hits. Each posting block (up to 128 passages) has a bound no passage of it
scores more than: its true best score where the segment keeps the blocks' fronts
(block_fronts.py), else that of Whoosh's record of its most weight and least field length
(TermPostings.block_bounds). The blocks are scored from the highest bound down, and once
ten passages score more than the next block's bound, the rest cannot enter: with the
fronts, 12 of a common word's 126 blocks at 50,000 passages, 44 without. Every passage is
still decoded (or its list kept from an earlier query, decoded_postings.py): the counts per
statement need them all, unscored.
"""

from __future__ import annotations

import heapq
import operator
from collections.abc import Iterator
from itertools import chain
from typing import Any

from whoosh import query

from reader.core.search.whole_postings import Block, TermPostings, Unsupported, term_postings

Ranked = list[tuple[int, float]]  # (passage number, score), the best first
BATCH = 4  # blocks scored between two looks at the floor


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
    ranked: list[_Bounded] = []
    for postings, blocks, offset in parts:
        numbers += [n + offset for n in postings.numbers] if offset else list(postings.numbers)
        ends = [start for start, _, _ in blocks[1:]] + [len(postings.numbers)]
        bounds = postings.block_bounds(blocks)
        ranked += [
            (bound, start, end, postings, offset, postings.numbers[start] + offset)
            for bound, (start, _, _), end in zip(bounds, blocks, ends, strict=True)
        ]
    ranked.sort(key=operator.itemgetter(0), reverse=True)
    # The blocks from the highest bound down, a few at a time, the best so far taken from
    # them in C (a heap step per passage scored was a third of a common word's time): once
    # `limit` passages score more than the next block's bound, no passage of it or of the
    # blocks after it can enter; nor, where it equals the worst of them (common words have
    # hundreds of blocks alike), can a block whose passages all come after that worst one.
    # Blocks of one bound are in reading order (a stable sort).
    top: list[tuple[float, int]] = []  # (score, -passage number), the best first
    for at in range(0, len(ranked), BATCH):
        batch = ranked[at : at + BATCH]
        if len(top) == limit:
            floor, worst = top[-1][0], -top[-1][1]
            batch = [b for b in batch if b[0] > floor or (b[0] == floor and b[5] < worst)]
            if not batch:
                break
        top = heapq.nlargest(limit, chain(top, *map(_entries, batch)))
    return [(-m, s) for s, m in top], numbers


# bound, start, end, postings, offset, first passage number
_Bounded = tuple[float, int, int, TermPostings, int, int]


def _entries(block: _Bounded) -> Iterator[tuple[float, int]]:
    """(score, -passage number) of each passage of the block."""
    _, start, end, postings, offset, _ = block
    scores = postings.scores(postings.numbers[start:end], postings.weights[start:end])
    numbers = map(operator.neg, scores) if not offset else (-(n + offset) for n in scores)
    return zip(scores.values(), numbers, strict=True)
