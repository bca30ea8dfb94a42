"""The index writer: Whoosh's, with the field lengths listed once for its postings and the
posting blocks left uncompressed.

WORKAROUND: when Whoosh writes a segment's postings it asks for the passage's field length
for every posting, through the same column machinery as its scorer (16 % of a build of
5,000 passages), so the lengths are read once per field into a list (scoring.py). Its zlib
compression of every block took another 6 % of the build and a tenth of a common term's
decoding at search time; without it the index is larger on disk, and the blocks say
whether they are compressed, so indexes written before read as they did.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec.whoosh3 import W3Codec

from reader.core.search.scoring import listed_lengths


def open_writer(ix: Any, **options: Any) -> Any:
    """A writer of `ix` (Whoosh's `ix.writer(**options)`) as the module docstring says."""
    writer = ix.writer(codec=W3Codec(compression=0), **options)
    own = writer.per_document_reader

    def per_document_reader() -> Any:
        return _ListedLengths(own(), writer.docnum)

    writer.per_document_reader = per_document_reader  # what its _flush_segment calls
    return writer


class _ListedLengths:
    """A per-document reader whose doc_field_length comes from one list per field."""

    def __init__(self, perdoc: Any, count: int) -> None:
        self._perdoc, self._count = perdoc, count
        self._lists: dict[str, list[int] | None] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> Any:
        if fieldname not in self._lists:
            self._lists[fieldname] = listed_lengths(self._perdoc, self._count, fieldname, default)
        lengths = self._lists[fieldname]
        if lengths is None or docnum >= len(lengths):
            return self._perdoc.doc_field_length(docnum, fieldname, default)
        return lengths[docnum]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._perdoc, name)
