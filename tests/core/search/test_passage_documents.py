"""Each passage's statement, read in one go, is what Whoosh's column reader gives one by one."""

from __future__ import annotations

from pathlib import Path

from whoosh import index as windex
from whoosh.fields import ID, TEXT, Schema

from reader.core.library.library import Library
from reader.core.search.index import SearchIndex
from reader.core.search.passage_documents import passage_documents


def _whoosh(reader: object) -> list[str]:
    return [v.decode() if isinstance(v, bytes) else v for v in reader.column_reader("doc_id")]  # type: ignore[attr-defined]


def test_one_segment(index: SearchIndex, library: Library) -> None:
    reader = index._searcher.reader()  # noqa: SLF001
    found = passage_documents(reader)
    assert found == _whoosh(reader)
    assert set(found) == {doc.id for doc in library}


def test_segments_with_deletions(segmented_index: SearchIndex) -> None:
    reader = segmented_index._searcher.reader()  # noqa: SLF001
    assert not reader.is_atomic() and reader.has_deletions()
    assert passage_documents(reader) == _whoosh(reader)


def test_another_column_is_read_as_whoosh_reads_it(tmp_path: Path) -> None:
    ix = windex.create_in(str(tmp_path), Schema(doc_id=ID(stored=True, sortable=True), text=TEXT))
    with ix.writer() as writer:
        for doc_id in ("b", "a", "b", "c"):
            writer.add_document(doc_id=doc_id, text="x")
    with ix.reader() as reader:
        assert passage_documents(reader) == ["b", "a", "b", "c"]
