"""The index writer with listed lengths and plain blocks writes what Whoosh's own writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from whoosh import index as windex

from reader.core.library.library import Library
from reader.core.search.aliases import load_aliases
from reader.core.search.analysis import make_analyzer
from reader.core.search.passage_topics import bundled_passage_topics
from reader.core.search.passages import passages
from reader.core.search.schema import Records, make_schema
from reader.core.search.writing import open_writer
from reader.resource_access import resource_path


def _built(library: Library, folder: Path, writer_of: Any) -> Any:
    analyzer = make_analyzer(load_aliases(resource_path("aliases.tsv")))
    records, topics = Records(analyzer), bundled_passage_topics()
    folder.mkdir()
    ix = windex.create_in(str(folder), make_schema(analyzer))
    writer = writer_of(ix)
    for doc in library:
        for passage in passages(doc, topics.of(doc)):
            writer.add_document(**records(passage))
    writer.commit()
    return ix


def _postings(reader: Any) -> dict[tuple[str, bytes], list[Any]]:
    found = {}
    for fieldname, text in reader.all_terms():
        info = reader.term_info(fieldname, text)
        m = reader.postings(fieldname, text)
        blocks = []
        while m.is_active():
            blocks.append((m.block_min_length(), m.block_max_length(), m.block_max_weight()))
            m._next_block()  # noqa: SLF001
        items = list(reader.postings(fieldname, text).items_as("weight"))
        found[fieldname, text] = [
            info.weight(),
            info.doc_frequency(),
            info.min_length(),
            info.max_length(),
            blocks,
            items,
        ]
    return found


def test_the_same_postings_lengths_and_blocks(library: Library, tmp_path: Path) -> None:
    ours = _built(library, tmp_path / "ours", lambda ix: open_writer(ix))
    whoosh = _built(library, tmp_path / "whoosh", lambda ix: ix.writer())
    with ours.reader() as a, whoosh.reader() as b:
        assert a.doc_count_all() == b.doc_count_all() > 0
        assert _postings(a) == _postings(b)
        for n in range(a.doc_count_all()):
            for field in ("text", "section", "pairs"):
                assert a.doc_field_length(n, field) == b.doc_field_length(n, field)
