"""Which statement each passage belongs to, by passage number, read in one go.

The per-statement counts look every matching passage up here. Whoosh's column reader gives
one value per call (50,000 calls and decodings: 1.1 s profiled, the first query's whole
cost at 50,000 passages). The `doc_id` column is a RefBytesColumn (schema.py): one small
number per passage and each statement's id once, so it is read as one array and one list.
"""

from __future__ import annotations

from typing import Any

from whoosh.columns import RefBytesColumn

FIELD = "doc_id"


def passage_documents(reader: Any) -> list[str]:
    """The statement id of every passage of `reader`, deleted ones too, by passage number."""
    leaves = [(reader, 0)] if reader.is_atomic() else reader.leaf_readers()
    found: list[str] = []
    for leaf, offset in leaves:
        assert offset == len(found), "Whoosh numbers the passages of its segments in turn"
        found += _of_segment(leaf)
    return found


def _of_segment(reader: Any) -> list[str]:
    count = reader.doc_count_all()
    if not count:
        return []
    column: Any = reader.column_reader(FIELD, translate=False)
    if type(column) is RefBytesColumn.Reader:
        data = column._dbfile  # noqa: SLF001 (the column's own layout: refs, then uniques)
        refs = data.get_array(column._basepos, column._typecode, count)  # noqa: SLF001
        names = [name.decode("utf-8") for name in column._uniques]  # noqa: SLF001
        return list(map(names.__getitem__, refs))
    return [_text(value) for value in reader.column_reader(FIELD)]


def _text(value: bytes | str) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value
