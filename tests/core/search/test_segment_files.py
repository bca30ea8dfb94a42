"""A segment's files read from memory maps of their own: what Whoosh reads from its own."""

from __future__ import annotations

from pathlib import Path

from whoosh import index as windex
from whoosh.fields import ID, TEXT, Schema

from reader.core.search.segment_files import MappedFile, SegmentStorage


def test_every_file_of_a_segment_reads_as_whoosh_reads_it(tmp_path: Path) -> None:
    ix = windex.create_in(str(tmp_path), Schema(key=ID(stored=True), text=TEXT(stored=True)))
    with ix.writer() as writer:
        for n in range(3000):  # files of many sizes, at offsets off the map's pages
            writer.add_document(key=str(n), text=f"word{n % 97} common text {n}")
    ix.close()
    mine = SegmentStorage(str(tmp_path)).open_index()
    theirs = windex.open_dir(str(tmp_path))
    with mine.searcher() as a, theirs.searcher() as b:
        assert [a.stored_fields(n) for n in range(3000)] == [
            b.stored_fields(n) for n in range(3000)
        ]
        assert list(a.lexicon("text")) == list(b.lexicon("text"))
        for word in ("common", "word5", "2999"):
            assert list(a.postings("text", word).all_ids()) == list(
                b.postings("text", word).all_ids()
            )
        segment = a.reader()
        files = [segment._terms._dbfile]  # noqa: SLF001
    assert any(isinstance(f, MappedFile) for f in files)
    mine.close()
    theirs.close()


def test_seek_and_tell_are_the_file_s_own(tmp_path: Path) -> None:
    path = tmp_path / "data"
    path.write_bytes(bytes(range(256)) * 40)
    storage = SegmentStorage(str(tmp_path))
    whole = storage.open_file("data")
    part = whole.subset(5000, 100)
    assert part.read(3) == bytes([5000 % 256, 5001 % 256, 5002 % 256])
    assert part.tell() == 3
    part.seek(10)
    assert part.read(1) == bytes([5010 % 256])
    part.seek(-1, 2)
    assert part.read(5) == bytes([5099 % 256])  # not past its end
    assert part.get(0, 2) == bytes([5000 % 256, 5001 % 256])
    part.close()
    whole.close()
