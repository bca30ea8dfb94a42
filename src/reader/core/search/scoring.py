"""BM25F as Whoosh scores it, each passage's field length read from one list per segment.

WORKAROUND: Whoosh's BM25F scorer asks `doc_field_length` for every passage it scores, through
its column machinery (a file read and a struct unpack each): about 30 % of a common term's
time at 50,000 passages. The lengths are one byte per passage in one column file, so they
are read here once per segment and decoded through Whoosh's own byte-to-length table: the
scores are Whoosh's to the last bit. A segment whose column is not as expected keeps
Whoosh's own way.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec.whoosh3 import LENGTHS_COLUMN, W3PerDocReader, _lenfield
from whoosh.scoring import BM25F, BM25FScorer
from whoosh.util.numeric import byte_to_length


class ListedLengthsBM25F(BM25F):
    """BM25F whose scorers look a passage's field length up in a list. One per searcher."""

    def __init__(self) -> None:
        super().__init__()
        self._lengths: dict[tuple[int, str], list[int] | None] = {}

    def scorer(self, searcher: Any, fieldname: str, text: Any, qf: float = 1) -> Any:
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        if type(scorer) is BM25FScorer:
            reader = searcher.reader()
            key = (id(reader), fieldname)
            if key not in self._lengths:
                self._lengths[key] = field_lengths(reader, fieldname)
            lengths = self._lengths[key]
            if lengths is not None:
                scorer.dfl = lengths.__getitem__
        return scorer


def field_lengths(reader: Any, fieldname: str) -> list[int] | None:
    """Every passage's length in `fieldname` as doc_field_length(n, fieldname, 1) gives it, or
    None when the segment's lengths are not one W3 byte column covering every passage."""
    perdoc = getattr(reader, "_perdoc", None)
    return listed_lengths(perdoc, reader.doc_count_all(), fieldname, 1)


def listed_lengths(perdoc: Any, count: int, fieldname: str, zero: int) -> list[int] | None:
    """The lengths a W3 per-document reader holds for `fieldname`, `zero` where it has
    none (doc_field_length gives None there: such a passage has no term to score)."""
    if not isinstance(perdoc, W3PerDocReader):
        return None
    column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)  # noqa: SLF001
    if column is None or column._count != count or column._fixedlen != 1:  # noqa: SLF001
        return None
    raw = column._dbfile.get(column._basepos, count)  # noqa: SLF001
    table = [byte_to_length(b) if b else zero for b in range(256)]
    return list(map(table.__getitem__, raw))
