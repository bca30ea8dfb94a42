"""A term's posting list decoded whole, and the lists of the terms asked for lately kept.

Whoosh stores a posting list as pickled blocks of up to 128 passages. Decoding one block
by block is the floor of reading it in Python: a common word at 200,000 passages (110,000
postings, 900 blocks) took 10 ms of its query's 25 on a quiet machine. The words a reader
searches for come back (the query typed a word at a time, the same words under another
filter, the next query sharing a word), so each segment reader keeps the lists it decoded
last, as compact arrays, up to MOST_POSTINGS postings: about 12 bytes each, so some
25 MB a segment at most. A reader is a fixed state of the index: an update makes a new one,
and its lists go with the old (kept_per_reader.py).
"""

from __future__ import annotations

from array import array
from itertools import accumulate, repeat
from typing import Any

from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import FilterMatcher

from reader.core.search.block_fronts import Front, fronts_of
from reader.core.search.kept_per_reader import KeptPerReader

MOST_POSTINGS = 2_000_000
Block = tuple[
    int, float, int
]  # where a block starts in the postings, its most weight, least length


class Unsupported(Exception):
    """A query or index this module does not answer; Whoosh does."""


class Decoded:
    """One term's postings in one segment: passage numbers, weights, and (without deleted
    passages) each block's place and bounds, None where there are deletions; and, where the
    segment keeps them, each block's front of (weight, length) pairs (block_fronts.py)."""

    __slots__ = ("blocks", "fronts", "numbers", "weights")

    def __init__(self, numbers: array[int], weights: array[float], blocks: list[Block] | None):
        self.numbers, self.weights, self.blocks = numbers, weights, blocks
        self.fronts: list[Front] | None = None


_kept: KeptPerReader[Decoded] = KeptPerReader(MOST_POSTINGS, lambda d: len(d.numbers))


def decoded(reader: Any, fieldname: str, text: bytes) -> Decoded:
    """The term's postings in `reader`, a segment's reader holding the term: kept ones, or
    decoded now (Unsupported: not Whoosh's W3 format)."""
    key = (fieldname, text)
    found = _kept.get(reader, key)
    if found is None:
        found = _decoded(reader.postings(fieldname, text))
        if found.blocks is not None and len(found.blocks) > 1:
            found.fronts = fronts_of(reader, fieldname, text, len(found.blocks))
        found = _kept.put(reader, key, found)
    return found


def forget(reader: Any) -> None:
    """Drop the lists kept for `reader`: the next query decodes them again."""
    _kept.forget(reader)


def _decoded(matcher: Any) -> Decoded:
    """The passage numbers and weights of a term's postings, deleted passages left out; with
    no deletions, each block's place in them and its bounds."""
    deleted: set[int] | None = None
    if type(matcher) is FilterMatcher:
        deleted, matcher = matcher._ids, matcher.child  # noqa: SLF001
    if type(matcher) is not W3LeafMatcher or matcher._byteids:  # noqa: SLF001
        raise Unsupported
    numbers: array[int] = array("i")
    weights: array[float] = array("d")
    blocks: list[Block] = []
    # Whoosh's own reading of each block, but the passage numbers summed from their gaps by
    # accumulate (its delta_decode is a generator: one Python step per posting), and the
    # weights of a block whose weights are all one (or all alike) repeated in C, not by its
    # generator.
    while matcher.is_active():
        matcher._read_data()  # noqa: SLF001
        blocks.append((len(numbers), matcher._maxweight, matcher._minlength))  # noqa: SLF001
        gaps, weight, _ = matcher._data  # noqa: SLF001
        numbers.extend(accumulate(gaps))
        if weight is None:
            weights.extend(repeat(1.0, len(gaps)))
        elif isinstance(weight, float):
            weights.extend(repeat(weight, len(gaps)))
        else:
            weights.extend(weight)
        matcher._next_block()  # noqa: SLF001
    if not deleted:
        return Decoded(numbers, weights, blocks)
    kept = [(n, w) for n, w in zip(numbers, weights, strict=True) if n not in deleted]
    return Decoded(array("i", [n for n, _ in kept]), array("d", [w for _, w in kept]), None)
