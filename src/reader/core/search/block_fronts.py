"""Each posting block's competitive (weight, length) pairs, kept beside its segment, so that
a block is bounded by the best score a passage of it really has (Lucene's "impacts").

Whoosh records a block's most weight and least field length, and a score made of those two
(TermPostings.bound) is often far above what any passage of the block scores: the passage
that holds a word most often is seldom the shortest. Of a common word's 126 blocks at
50,000 passages, 44 had bounds that could reach its top ten and were scored. BM25 rises
with the weight and falls with the length, so a block's best score is that of a pair on its
front: the pairs that no other pair of the block matches in weight while being shorter. The
fronts (a few pairs a block) do not depend on the collection's figures (idf, the average
length), which change with every segment, so they are written once, as a new index is
built (BulkWriter), for every term of more than one block, in a hash file of the segment's
own ("<segment>.bfr": taken into its compound file, and deleted with it). A segment that
Whoosh's writer made (an update, a merge) has none, and its blocks keep the looser bound.
"""

from __future__ import annotations

import struct
import weakref
from collections.abc import Iterable, Sequence
from typing import Any

from whoosh.filedb.filetables import HashReader, HashWriter

EXT = ".bfr"
MAGIC = b"BFR1"
Pair = tuple[float, int]  # a weight (as Whoosh stores it, a 32-bit float) and a field length
Front = tuple[Pair, ...]

_COUNT = struct.Struct("!H")
_PAIR = struct.Struct("!fI")
_tables: weakref.WeakKeyDictionary[Any, HashReader | None] = weakref.WeakKeyDictionary()


def front(weights: Iterable[float], lengths: Iterable[int]) -> Front:
    """The pairs of a block that no other pair beats: from the most weight down, each one
    shorter than every pair before it."""
    kept: list[Pair] = []
    for weight, length in sorted(set(zip(weights, lengths, strict=True)), key=_most_then_least):
        if not kept or length < kept[-1][1]:
            kept.append((weight, length))
    return tuple(kept)


def _most_then_least(pair: Pair) -> tuple[float, int]:
    return -pair[0], pair[1]


class FrontsWriter:
    """The fronts of a new segment's blocks, term by term."""

    def __init__(self, segment: Any, storage: Any) -> None:
        self._table: HashWriter | None = HashWriter(segment.create_file(storage, EXT), magic=MAGIC)

    def add(self, fieldname: str, term: bytes, fronts: Sequence[Front]) -> None:
        assert self._table is not None, "closed"
        self._table.add(_key(fieldname, term), _encoded(fronts))

    def close(self) -> None:
        if self._table is not None:
            table, self._table = self._table, None
            table.close()


def fronts_of(reader: Any, fieldname: str, term: bytes, blocks: int) -> list[Front] | None:
    """The term's `blocks` fronts in this segment's reader; None where the segment has none
    (Whoosh wrote it) or they cannot be read."""
    table = _table(reader)
    if table is None:
        return None
    try:
        value = table.get(_key(fieldname, term))
        found = _decoded(value) if value is not None else None
    except Exception:  # noqa: BLE001 (a damaged file: the looser bounds answer)
        return None
    return found if found is not None and len(found) == blocks else None


def _table(reader: Any) -> HashReader | None:
    try:
        return _tables[reader]
    except KeyError:
        pass
    table = None
    try:
        storage, name = reader.storage(), reader.segment().make_filename(EXT)
        if storage.file_exists(name):
            table = _opened(storage.open_file(name), storage.file_length(name))
        if table is not None:  # its file closes with the reader's last reference
            weakref.finalize(reader, table.close)
    except Exception:  # noqa: BLE001 (an unreadable file: the looser bounds answer)
        table = None
    _tables[reader] = table
    return table


def _opened(file: Any, length: int) -> HashReader | None:
    try:
        return HashReader(file, length, magic=MAGIC)
    except Exception:  # noqa: BLE001 (a damaged file: the looser bounds answer)
        file.close()
        return None


def _key(fieldname: str, term: bytes) -> bytes:
    return fieldname.encode("utf-8") + b"\0" + term


def _encoded(fronts: Sequence[Front]) -> bytes:
    parts = []
    for pairs in fronts:
        parts.append(_COUNT.pack(len(pairs)))
        parts += [_PAIR.pack(weight, length) for weight, length in pairs]
    return b"".join(parts)


def _decoded(value: bytes) -> list[Front]:
    fronts, at = [], 0
    count_size, pair_size = _COUNT.size, _PAIR.size
    while at < len(value):
        (count,) = _COUNT.unpack_from(value, at)
        at += count_size
        fronts.append(tuple(_PAIR.iter_unpack(value[at : at + count * pair_size])))
        at += count * pair_size
    if at != len(value):
        raise ValueError("a front runs past its value")
    return fronts
