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

from array import array
from collections import Counter
from itertools import islice
from operator import sub
from pickle import dumps
from typing import Any

from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3TermInfo
from whoosh.formats import Frequency
from whoosh.system import pack_int, pack_uint, pack_ushort
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

from reader.core.search.scoring import listed_lengths

_Postings = dict[str, list[Any]]


class BulkWriter(SegmentWriter):
    """A SegmentWriter for an empty index that keeps its postings grouped by term."""

    def __init__(self, ix: Any, **options: Any) -> None:
        if ix._segments():  # noqa: SLF001 (before the lock is taken and files are made)
            raise ValueError("BulkWriter writes a new index, not an update")
        super().__init__(ix, codec=W3Codec(compression=0), **options)
        self._counted: dict[str, dict[str, array[int]]] = {}
        self._listed: dict[str, _Postings] = {}
        self._fast = {
            name
            for name, field in self.schema.items()
            if field.indexed
            and type(field.format) is Frequency
            and field.vector is None
            and not field.separate_spelling()
        }

    def add_document(self, **fields: Any) -> None:
        """What SegmentWriter.add_document does, without boosts, the postings kept by term."""
        self._check_state()
        if any(name.startswith("_") and name.endswith("_boost") for name in fields):
            raise ValueError("BulkWriter takes no boosts")
        perdoc, schema, docnum = self.perdocwriter, self.schema, self.docnum
        names = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, names)
        perdoc.start_doc(docnum)
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                length = 0
                if field.indexed:
                    if name in self._fast and isinstance(value, (list, tuple)):
                        length = self._count(name, docnum, value)
                    else:
                        length = self._list(name, field, docnum, value)
                    if not field.scorable:
                        length = 0
                stored = fields.get(f"_stored_{name}", value)
                perdoc.add_field(name, field, stored if field.stored else None, length)
                column = field.column_type
                if column and stored is not None:
                    perdoc.add_column_value(name, column, field.to_column_value(stored))
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

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
        length = 0
        for btext, freq, weight, vbytes in field.index(value):
            length += freq
            by_term.setdefault(btext.decode("utf-8"), []).append((docnum, weight, vbytes))
        return length

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        perdoc = self.per_document_reader()
        try:
            self._write_postings(perdoc)
        finally:
            perdoc.close()
        self.fieldwriter.close()

    def _write_postings(self, perdoc: Any) -> None:
        writer, count = self.fieldwriter, self.docnum
        # Whoosh orders by field name, then by a term's UTF-8 bytes: the same order as the
        # code points Python compares strings by.
        # Whoosh numbers only the fields that have a term (a topic field of "" has none).
        with_terms = {n for n, terms in (*self._counted.items(), *self._listed.items()) if terms}
        for name in sorted(with_terms):
            field = self.schema[name]
            # A field that is not scored has no lengths: Whoosh's reader gives 0 for each.
            lengths = listed_lengths(perdoc, count, name, 0) if field.scorable else [0] * count
            if lengths is None:
                lengths = [perdoc.doc_field_length(n, name, 0) for n in range(count)]
            writer.start_field(name, field)
            if name in self._counted:
                boost = field.format.field_boost
                values: dict[int, bytes] = {}
                for term in sorted(self._counted[name]):
                    flat = self._counted[name][term]
                    freqs = flat[1::2]
                    for f in set(freqs).difference(values):
                        values[f] = pack_uint(f)  # as Frequency.word_values encodes
                    postings = zip(
                        flat[0::2],
                        [f * boost for f in freqs],
                        map(values.__getitem__, freqs),
                        strict=True,
                    )
                    _write_term(writer, term, postings, lengths)
            else:
                for term in sorted(self._listed[name]):
                    _write_term(writer, term, iter(self._listed[name][term]), lengths)
            writer.finish_field()


def _write_term(writer: Any, term: str, postings: Any, lengths: list[int]) -> None:
    """One term's postings, (passage, weight, value) in passage order, in W3 blocks."""
    blocks = writer._postwriter  # noqa: SLF001 (Whoosh's W3PostingsWriter, as its add feeds it)
    limit = blocks._blocklimit  # noqa: SLF001
    chunk = list(islice(postings, limit))
    following = list(islice(postings, limit))
    if not following:
        _write_one_block(writer, term.encode("utf-8"), chunk, lengths)
        return
    writer.start_term(term.encode("utf-8"))
    while chunk:
        docs, weights, values = zip(*chunk, strict=True)
        blocks._ids = array("I", docs)  # noqa: SLF001
        blocks._weights = array("f", weights)  # noqa: SLF001
        blocks._values = [v for v in values if v]  # noqa: SLF001
        sizes = [n for n in map(lengths.__getitem__, docs) if n]
        blocks._minlength = min(sizes) if sizes else None  # noqa: SLF001
        blocks._maxlength = max(sizes, default=0)  # noqa: SLF001
        blocks._maxweight = max(0, max(weights))  # noqa: SLF001 (Whoosh starts from 0)
        if following:
            blocks._write_block()  # noqa: SLF001 (finish_term writes the last one)
        chunk, following = following, list(islice(postings, limit))
    writer.finish_term()


def _write_one_block(writer: Any, btext: bytes, chunk: list[Any], lengths: list[int]) -> None:
    """A term whose postings fill one block (most terms: a word pair or a rare word), written
    as W3PostingsWriter._write_block and W3FieldWriter.finish_term write it, without their
    buffers and calls (four fifths of the writing of a segment went to them)."""
    docs, weights, values = zip(*chunk, strict=True)
    stored = array("f", weights)  # what Whoosh keeps, and sums and minifies
    sizes = [n for n in map(lengths.__getitem__, docs) if n]
    minlength = min(sizes) if sizes else None
    maxlength = max(sizes, default=0)
    maxweight = max(0, max(weights))
    # As W3PostingsWriter._mini_weights tells them, counted in C.
    if stored.count(1.0) == len(stored):
        mini_weights: Any = None
    elif stored.count(stored[0]) == len(stored):
        mini_weights = stored[0]
    else:
        mini_weights = tuple(stored)
    fixed = writer._format.fixed_value_size()  # noqa: SLF001
    kept = [v for v in values if v]
    mini_values = (
        tuple(kept) if fixed is None or fixed < 0 else None if fixed == 0 else b"".join(kept)
    )
    gaps = tuple(map(sub, docs, (0, *docs[:-1])))  # as delta_encode, without a generator
    data = dumps((gaps, mini_weights, mini_values), 2)
    info = dumps(
        (len(docs), docs[-1], maxweight, 0, _length_byte(minlength), _length_byte(maxlength)), 2
    )
    postfile = writer._postfile  # noqa: SLF001
    start = postfile.tell()
    # One write, not four: the header, the length (negative: the last block), info, data.
    postfile.write(b"".join((WHOOSH3_HEADER_MAGIC, pack_int(-(len(info) + len(data))), info, data)))
    terminfo = W3TermInfo(
        sum(stored), len(docs), minlength, maxlength, maxweight, docs[0], docs[-1]
    )
    terminfo.set_extent(start, postfile.tell() - start)
    writer._tindex.add(pack_ushort(writer._fieldid) + btext, terminfo.to_bytes())  # noqa: SLF001


_LENGTH_BYTES = [length_to_byte(n) for n in range(4096)]


def _length_byte(length: int | None) -> int:
    """length_to_byte, looked up for the lengths passages have (a bisection a call else)."""
    if length is None:
        return 0
    return _LENGTH_BYTES[length] if length < len(_LENGTH_BYTES) else length_to_byte(length)
