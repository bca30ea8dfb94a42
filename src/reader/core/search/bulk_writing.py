"""The writer of a whole new index: Whoosh's segment, its postings gathered in memory by term.

WORKAROUND: Whoosh's SegmentWriter puts every posting in a pool, one tuple each, pickles the
pool to temporary files in runs, merges the runs back through a heap, and hands the sorted
postings one by one to its block writer: half of a build's time at 50,000 passages
(cProfile: pickle dump and load, heapq.merge, the pool's add, add_posting). Here a passage's
postings go straight into one list per term, already in passage order, so only the terms
are sorted, and each term's blocks are handed to Whoosh's own W3 block writer whole. The
files are byte for byte those Whoosh writes (tests/core/search/test_bulk_writing.py), so
every reader, Whoosh's and ours, reads them as before.

A word-list field in Whoosh's Frequency format (the text and its word pairs) is counted in
one pass of a Counter per passage instead of Whoosh's generator of tokens. Only for a new
index: an update goes through Whoosh's writer, whose merges need its pool.
"""

from __future__ import annotations

import struct
from array import array
from collections import Counter, deque
from collections.abc import Collection, Sequence
from hashlib import md5
from operator import sub
from pickle import dumps
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec
from whoosh.formats import Frequency
from whoosh.system import pack_int, pack_uint, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte
from whoosh.writing import SegmentWriter

from reader.core.search.block_fronts import FrontsWriter, front

_Postings = dict[str, list[Any]]
_Terms = list[tuple[str, float, bytes]]
SEEN_VALUES = 64  # per field, the oldest forgotten first


class BulkWriter(SegmentWriter):
    """A SegmentWriter for an empty index that keeps its postings grouped by term.

    Fields named `late` (they must sort after every other field) may come after the rest of
    their passage: `add_document` indexes what it is given at once and `complete` gives the
    oldest incomplete passage its late fields, when they are known; `write_ahead` writes the
    other fields' postings while the late ones are still being worked out elsewhere.
    """

    def __init__(self, ix: Any, late: Collection[str] = (), **options: Any) -> None:
        if ix._segments():  # noqa: SLF001 (before the lock is taken and files are made)
            raise ValueError("BulkWriter writes a new index, not an update")
        if late and any(n > min(late) for n in ix.schema.names() if n not in late):
            raise ValueError("late fields sort after the others")
        super().__init__(ix, codec=W3Codec(compression=0), **options)
        self.late = frozenset(late)
        self._counted: dict[str, dict[str, array[int]]] = {}
        self._listed: dict[str, _Postings] = {}
        self._seen: dict[str, dict[Any, tuple[_Terms, int]]] = {}
        self._lengths: dict[str, array[int]] = {}
        # Each added passage's number, what is to be stored of it, its fields' lengths.
        self._incomplete: deque[tuple[int, dict[str, Any], dict[str, int]]] = deque()
        self._ahead: list[str] = []
        self._fronts = FrontsWriter(self.newsegment, self.storage)
        self._fast = {
            name
            for name, field in self.schema.items()
            if field.indexed
            and type(field.format) is Frequency
            and field.vector is None
            and not field.separate_spelling()
        }

    def add_document(self, **fields: Any) -> None:
        """What SegmentWriter.add_document does, without boosts, the postings kept by term;
        but for the late fields, which `complete` gives."""
        self._check_state()
        if self._ahead:
            raise ValueError("no passage can be added once the postings are written ahead")
        if any(name.startswith("_") and name.endswith("_boost") for name in fields):
            raise ValueError("BulkWriter takes no boosts")
        given = [name for name in fields if not name.startswith("_")]
        if self.late.intersection(given):
            raise ValueError("a late field comes with complete(), not add_document()")
        self._check_fields(self.schema, given)
        docnum = self.docnum
        self._incomplete.append((docnum, *self._indexed_fields(docnum, given, fields)))
        self._added = True
        self.docnum += 1
        if not self.late:
            self.complete()

    def complete(self, **late: Any) -> None:
        """The oldest incomplete passage's late fields; then it is stored."""
        if set(late) - self.late:
            raise ValueError(f"not late fields: {sorted(set(late) - self.late)}")
        docnum, kept, lengths = self._incomplete.popleft()
        late_kept, late_lengths = self._indexed_fields(docnum, list(late), late)
        kept |= late_kept
        lengths |= late_lengths
        perdoc, schema = self.perdocwriter, self.schema
        perdoc.start_doc(docnum)
        try:
            for name in sorted(kept):
                field, stored = schema[name], kept[name]
                perdoc.add_field(name, field, stored if field.stored else None, lengths[name])
                column = field.column_type
                if column and stored is not None:
                    perdoc.add_column_value(name, column, field.to_column_value(stored))
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()

    def _indexed_fields(
        self, docnum: int, names: list[str], fields: dict[str, Any]
    ) -> tuple[dict[str, Any], dict[str, int]]:
        """The postings of these fields of passage `docnum`; then what the per-document
        writer will want of each (the value to store or to put in a column, None for a field
        that is only indexed) and its length. Only that is kept of a passage that waits for
        its late fields (its words and word pairs, kept whole, held 300 MB at 50,000
        passages)."""
        kept: dict[str, Any] = {}
        lengths: dict[str, int] = {}
        for name in names:
            value = fields[name]
            if value is None:
                continue
            field = self.schema[name]
            length = 0
            if field.indexed:
                if name in self._fast and isinstance(value, (list, tuple)):
                    length = self._count(name, docnum, value)
                else:
                    length = self._list(name, field, docnum, value)
                if not field.scorable:
                    length = 0
            lengths[name] = length
            if length:
                column = self._lengths.setdefault(name, array("I"))
                if len(column) < docnum:
                    column.extend([0] * (docnum - len(column)))
                column.append(length)
            wanted = field.stored or field.column_type
            kept[name] = fields.get(f"_stored_{name}", value) if wanted else None
        return kept, lengths

    def _count(self, name: str, docnum: int, words: list[str] | tuple[str, ...]) -> int:
        by_term = self._counted.setdefault(name, {})
        for term, freq in Counter(words).items():
            found = by_term.get(term)
            if found is None:
                found = by_term[term] = array("I")
            found.append(docnum)
            found.append(freq)
        return len(words)

    def _list(self, name: str, field: Any, docnum: int, value: Any) -> int:
        by_term = self._listed.setdefault(name, {})
        terms, length = self._indexed(name, field, value)
        for term, weight, vbytes in terms:
            # A copy: pickle writes an object it has seen once as a reference, so a value
            # shared between postings would make the block's bytes other than Whoosh's.
            by_term.setdefault(term, []).append((docnum, weight, bytes(memoryview(vbytes))))
        return length

    def _indexed(self, name: str, field: Any, value: Any) -> tuple[_Terms, int]:
        """field.index(value) as (term, weight, value bytes) and the length, kept for the
        last values of each field: the passages of a statement, or of a section, share their
        statement's name and id, their section's heading, and often their topics."""
        key = tuple(value) if isinstance(value, list) else value
        seen = self._seen.setdefault(name, {})
        found = seen.get(key)
        if found is None:
            indexed = list(field.index(value))
            terms = [
                (btext.decode("utf-8"), weight, vbytes) for btext, _, weight, vbytes in indexed
            ]
            found = seen[key] = (terms, sum(freq for _, freq, _, _ in indexed))
            if len(seen) > SEEN_VALUES:
                del seen[next(iter(seen))]
        return found

    def write_ahead(self) -> None:
        """Write the postings of the fields that sort before the late ones, every passage
        having been added (their late fields may still be to come)."""
        self._check_state()
        for name in self._fields_with_terms():
            if self.late and name >= min(self.late):
                break
            self._write_field(name)
            self._ahead.append(name)

    def _flush_segment(self) -> None:
        if self._incomplete:
            raise ValueError(f"{len(self._incomplete)} passages lack their late fields")
        self.perdocwriter.close()
        for name in self._fields_with_terms():
            if name not in self._ahead:
                self._write_field(name)
        self.fieldwriter.close()
        self._fronts.close()

    def cancel(self) -> None:
        self._fronts.close()
        super().cancel()

    def _fields_with_terms(self) -> list[str]:
        # Whoosh orders by field name, then by a term's UTF-8 bytes: the same order as the
        # code points Python compares strings by.
        # Whoosh numbers only the fields that have a term (a topic field of "" has none).
        return sorted(n for n, terms in (*self._counted.items(), *self._listed.items()) if terms)

    def _write_field(self, name: str) -> None:
        writer, field = self.fieldwriter, self.schema[name]
        lengths = self._listed_lengths(name) if field.scorable else [0] * self.docnum
        writer.start_field(name, field)
        terms = _TermWriter(writer, lengths, self._fronts if field.scorable else None)
        if name in self._counted:
            boost = field.format.field_boost
            values: dict[int, bytes] = {}
            for term in sorted(self._counted[name]):
                flat = self._counted[name][term]
                freqs = flat[1::2]
                for f in set(freqs).difference(values):
                    values[f] = pack_uint(f)  # as Frequency.word_values encodes
                weighed = [f * boost for f in freqs]
                terms.write(term, flat[0::2], weighed, list(map(values.__getitem__, freqs)))
        else:
            for term in sorted(self._listed[name]):
                docs, weights, vbytes = zip(*self._listed[name][term], strict=True)
                terms.write(term, docs, weights, vbytes)
        writer.finish_field()

    def _listed_lengths(self, name: str) -> list[int]:
        """Each passage's length of the field as Whoosh's reader gives it back from the byte
        it keeps (0 where none): what its writer hands the block writer."""
        lengths = self._lengths.get(name, array("I"))
        table = {0: 0}
        for n in set(lengths).difference(table):
            table[n] = byte_to_length(length_to_byte(n))
        listed = list(map(table.__getitem__, lengths))
        return listed + [0] * (self.docnum - len(listed))


class _TermWriter:
    """The terms of one field, written to Whoosh's W3 field writer."""

    def __init__(self, writer: Any, lengths: list[int], fronts: FrontsWriter | None) -> None:
        self._writer, self._lengths, self._fronts = writer, lengths, fronts
        self._fieldname = writer._fieldname  # noqa: SLF001
        self._blocks = writer._postwriter  # noqa: SLF001 (Whoosh's W3PostingsWriter)
        self._limit = self._blocks._blocklimit  # noqa: SLF001
        self._fixed = writer._format.fixed_value_size()  # noqa: SLF001
        self._field = pack_ushort(writer._fieldid)  # noqa: SLF001
        self._posts = writer._postfile  # noqa: SLF001
        self._table = writer._tindex  # noqa: SLF001 (an OrderedHashWriter)
        self._at = self._posts.tell()
        self._table_at = self._table.dbfile.tell()

    def write(
        self, term: str, docs: Sequence[int], weights: Sequence[float], values: Sequence[bytes]
    ) -> None:
        """One term's postings (passages in order, weights and value bytes) in W3 blocks."""
        if len(docs) <= self._limit:
            self._one_block(term.encode("utf-8"), docs, weights, values)
            return
        writer, blocks, limit = self._writer, self._blocks, self._limit
        btext = term.encode("utf-8")
        writer.start_term(btext)
        fronts = []
        for start in range(0, len(docs), limit):
            chunk = docs[start : start + limit]
            chunk_weights = weights[start : start + limit]
            blocks._ids = array("I", chunk)  # noqa: SLF001
            blocks._weights = stored = array("f", chunk_weights)  # noqa: SLF001
            lengths = list(map(self._lengths.__getitem__, chunk))
            if self._fronts is not None:  # the weights as a reader gets them back
                fronts.append(front(stored, lengths))
            blocks._values = [v for v in values[start : start + limit] if v]  # noqa: SLF001
            bounds = self._bounds(lengths, chunk_weights)
            blocks._minlength, blocks._maxlength, blocks._maxweight = bounds  # noqa: SLF001
            if start + limit < len(docs):
                blocks._write_block()  # noqa: SLF001 (finish_term writes the last one)
        writer.finish_term()
        self._at, self._table_at = self._posts.tell(), self._table.dbfile.tell()
        if self._fronts is not None:
            self._fronts.add(self._fieldname, btext, fronts)

    @staticmethod
    def _bounds(lengths: Sequence[int], weights: Sequence[float]) -> tuple[int | None, int, float]:
        """A block's least and most field length (None: no length) and most weight, as
        W3PostingsWriter keeps them (its most weight starts from 0)."""
        sizes = [n for n in lengths if n]
        return (min(sizes) if sizes else None), max(sizes, default=0), max(0, max(weights))

    def _one_block(
        self, btext: bytes, docs: Sequence[int], weights: Sequence[float], values: Sequence[bytes]
    ) -> None:
        """A term whose postings fill one block (most terms: a word pair or a rare word),
        written as W3PostingsWriter._write_block, W3FieldWriter.finish_term and
        OrderedHashWriter.add write it, without their buffers, calls and file positions
        asked for (nine tenths of the writing of a segment went to them)."""
        stored = array("f", weights)  # what Whoosh keeps, and sums and minifies
        lengths = map(self._lengths.__getitem__, docs)
        minlength, maxlength, maxweight = self._bounds(list(lengths), weights)
        # As W3PostingsWriter._mini_weights tells them, counted in C.
        if stored.count(1.0) == len(stored):
            mini_weights: Any = None
        elif stored.count(stored[0]) == len(stored):
            mini_weights = stored[0]
        else:
            mini_weights = tuple(stored)
        fixed = self._fixed
        kept = [v for v in values if v]
        mini_values = (
            tuple(kept) if fixed is None or fixed < 0 else None if fixed == 0 else b"".join(kept)
        )
        last = docs[-1]
        gaps = tuple(map(sub, docs, (0, *docs[:-1])))  # as delta_encode, without a generator
        data = dumps((gaps, mini_weights, mini_values), 2)
        low, high = _length_byte(minlength), _length_byte(maxlength)
        info = dumps((len(docs), last, maxweight, 0, low, high), 2)
        # One write, not four: the header, the length (negative: the last block), info, data.
        block = b"".join((WHOOSH3_HEADER_MAGIC, pack_int(-(len(info) + len(data))), info, data))
        self._posts.file.write(block)
        start, self._at = self._at, self._at + len(block)
        # W3TermInfo.to_bytes of a term not inlined, with its extent.
        value = _TERM_INFO.pack(
            0, sum(stored), len(docs), low, high, maxweight, docs[0], last, start, len(block)
        )
        key = self._field + btext
        table = self._table
        if key <= table.lastkey:
            raise ValueError(f"Keys must increase: {table.lastkey!r}..{key!r}")
        at = self._table_at
        table.index.append(at)
        entry = b"".join((_KEY_VALUE_LENGTHS.pack(len(key), len(value)), key, value))
        table.dbfile.file.write(entry)
        self._table_at += len(entry)
        hashed = int.from_bytes(md5(key, usedforsecurity=False).digest()[-4:], "big")
        table.buckets[hashed & 255].append((hashed, at))  # as HashWriter.add, md5_hash
        table.lastkey = key


_TERM_INFO = struct.Struct("!BfIBBfIIqi")  # W3TermInfo._struct, then pack_long and pack_int
_KEY_VALUE_LENGTHS = struct.Struct("!ii")  # filetables._lengths
_LENGTH_BYTES = [length_to_byte(n) for n in range(4096)]


def _length_byte(length: int | None) -> int:
    """length_to_byte, looked up for the lengths passages have (a bisection a call else)."""
    if length is None:
        return 0
    return _LENGTH_BYTES[length] if length < len(_LENGTH_BYTES) else length_to_byte(length)
