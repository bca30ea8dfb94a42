"""The bulk writer of a new index writes Whoosh's files byte for byte, so every search finds
the same passages in the same order as through Whoosh's own writer; and, beside them, its
blocks' fronts (block_fronts.py, tested in test_block_fronts.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as windex

from reader.core.documents.builder import BlockSpec, build_document
from reader.core.documents.document import BlockKind, Document, Metadata
from reader.core.library.library import Library
from reader.core.search import block_fronts, parallel_topics
from reader.core.search import index as search_index
from reader.core.search.aliases import load_aliases
from reader.core.search.analysis import make_analyzer
from reader.core.search.bulk_build import write_topics_last
from reader.core.search.bulk_writing import BulkWriter
from reader.core.search.index import SearchIndex
from reader.core.search.passage_topics import PassageTopics, bundled_passage_topics
from reader.core.search.schema import TOPIC, Records, make_schema
from reader.core.search.writing import open_writer
from reader.resource_access import resource_path
from tests.core.recommendations.statement_captures import capture_document
from tests.core.search.test_writing import _built

QUERIES = [
    "nuclear",  # a common term
    "Minsk",  # a rare one
    "arms control",  # AND
    "security AND Europe",
    '"arms control"',  # phrases of two and more words
    '"weapons of mass destruction"',
    "negotiat*",  # prefix
    "nucleer~",  # fuzzy
    "Kiev",  # alias
    "US",
    "NATO-Russia",  # hyphenated
    "topic:cybersecurity",
    "dialogue -Russia",
]


@pytest.fixture(scope="module")
def documents(library: Library) -> list[Document]:
    """The bundled statements and the dev captures (../shared/seeds/dev)."""
    from tests.conftest import SEEDS_DIR

    captures = sorted((SEEDS_DIR / "dev").glob("*.txt"))
    if not captures:
        pytest.skip(f"no dev captures in {SEEDS_DIR / 'dev'}")
    return [*library, *map(capture_document, captures)]


def _written(documents: list[Document], folder: Path, writer_of: Any) -> dict[str, bytes]:
    """Each file of the segment, by what follows the segment's (random) name."""
    _built(documents, folder, writer_of).close()  # type: ignore[arg-type]
    return _segment_files(folder)


def _segment_files(folder: Path) -> dict[str, bytes]:
    """As _written; the blocks' fronts, which only the bulk writer writes, left out."""
    segment = "_".join(next(folder.glob("*.pst")).stem.split("_")[:2])
    files = {p.name.removeprefix(segment): p.read_bytes() for p in folder.glob(f"{segment}*")}
    files.pop(block_fronts.EXT, None)
    return files


def test_the_same_files_as_whoosh_writes(documents: list[Document], tmp_path: Path) -> None:
    ours = _written(documents, tmp_path / "bulk", lambda ix: BulkWriter(ix, compound=False))
    whoosh = _written(documents, tmp_path / "whoosh", lambda ix: open_writer(ix, compound=False))
    assert {".pst", ".trm", "._stored.col", "._text_len.col"} <= ours.keys()
    assert ours.keys() == whoosh.keys()
    for name in ours:
        assert ours[name] == whoosh[name], name


def test_terms_of_many_blocks_too(tmp_path: Path) -> None:
    """Past 128 passages a term's postings take several blocks; weights and lengths vary."""
    specs = [
        BlockSpec(BlockKind.PARAGRAPH, f"Passage {n}: " + "security talks " * (n % 4 + 1))
        for n in range(300)
    ]
    docs = [build_document("many", "imported", Metadata(title="Many passages"), specs)]
    ours = _written(docs, tmp_path / "bulk", lambda ix: BulkWriter(ix, compound=False))
    whoosh = _written(docs, tmp_path / "whoosh", lambda ix: open_writer(ix, compound=False))
    assert ours == whoosh
    ix = windex.open_dir(str(tmp_path / "bulk"))
    with ix.reader() as reader:
        assert reader.doc_frequency("text", "secur") == 300
    ix.close()


def test_no_update_and_no_boosts(library: Library, tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index")
    index.sync(library)
    with pytest.raises(ValueError, match="new index"):
        BulkWriter(index._ix)  # noqa: SLF001
    index.close()
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    ix = windex.create_in(str(fresh), make_schema(make_analyzer([])))
    writer = BulkWriter(ix)
    with pytest.raises(ValueError, match="boosts"):
        writer.add_document(doc_id="a", text=["word"], _text_boost=2.0)
    writer.cancel()


@pytest.fixture(scope="module")
def both(
    documents: list[Document], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[SearchIndex, SearchIndex]]:
    bulk = SearchIndex(tmp_path_factory.mktemp("bulk") / "index")
    assert bulk.sync(documents) == "built"
    whoosh = SearchIndex(tmp_path_factory.mktemp("whoosh") / "index")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search_index, "BulkWriter", lambda ix, **_: open_writer(ix, limitmb=128))
        assert whoosh.sync(documents) == "built"
    yield bulk, whoosh
    bulk.close()
    whoosh.close()


@pytest.mark.parametrize("query", QUERIES)
def test_the_same_hits_in_the_same_order(both: tuple[SearchIndex, SearchIndex], query: str) -> None:
    bulk, whoosh = (index.search(query, limit=50) for index in both)
    assert [(h.doc_id, h.start, h.score) for h in bulk.hits] == [
        (h.doc_id, h.start, h.score) for h in whoosh.hits
    ]
    assert bulk.per_document == whoosh.per_document


def _written_topics_last(documents: list[Document], folder: Path) -> dict[str, bytes]:
    """As _written, through write_topics_last: the topics given after the rest."""
    analyzer = make_analyzer(load_aliases(resource_path("aliases.tsv")))
    folder.mkdir()
    ix = windex.create_in(str(folder), make_schema(analyzer))
    writer = BulkWriter(ix, late=(TOPIC,), compound=False)
    write_topics_last(writer, documents, bundled_passage_topics(), Records(analyzer))
    writer.commit()
    ix.close()
    return _segment_files(folder)


@pytest.mark.parametrize("workers", [0, 2])
def test_topics_given_last_make_the_same_files(
    documents: list[Document], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    """In this process, or by two worker processes whose answers come while the writer
    has gone on (each statement's topics given as soon as they are known)."""
    if workers:
        monkeypatch.setattr(parallel_topics, "PARALLEL_FROM_BLOCKS", 0)
        monkeypatch.setattr(parallel_topics, "CHUNK", 1)
        monkeypatch.setattr(parallel_topics, "_worker_count", lambda: workers)
    else:
        monkeypatch.setattr(parallel_topics, "PARALLEL_FROM_BLOCKS", 10**9)
    ours = _written_topics_last(documents, tmp_path / "late")
    whoosh = _written(documents, tmp_path / "whoosh", lambda ix: open_writer(ix, compound=False))
    assert ours.keys() == whoosh.keys()
    for name in ours:
        assert ours[name] == whoosh[name], name


def test_late_fields_come_in_their_turn(tmp_path: Path) -> None:
    ix = windex.create_in(str(tmp_path), make_schema(make_analyzer([])))
    with pytest.raises(ValueError, match="sort after"):
        BulkWriter(ix, late=("doc",))
    writer = BulkWriter(ix, late=(TOPIC,))
    with pytest.raises(ValueError, match="complete"):
        writer.add_document(doc_id="a", text=["word"], topic="arms")
    writer.add_document(doc_id="a", text=["word"])
    with pytest.raises(ValueError, match="not late"):
        writer.complete(text=["other"])
    writer.write_ahead()
    with pytest.raises(ValueError, match="written ahead"):
        writer.add_document(doc_id="b", text=["word"])
    with pytest.raises(ValueError, match="lack their late fields"):
        writer.commit()
    writer.cancel()


def test_a_failure_finding_topics_reaches_the_writer(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Raised in the writer's thread, not lost in the finder's (which would leave the
    writer waiting for ever)."""

    def failing(self: PassageTopics, doc: Document) -> None:
        raise RuntimeError("no topics today")

    monkeypatch.setattr(PassageTopics, "of", failing)
    ix = windex.create_in(str(tmp_path), make_schema(make_analyzer([])))
    writer = BulkWriter(ix, late=(TOPIC,))
    with pytest.raises(RuntimeError, match="no topics today"):
        write_topics_last(
            writer, list(library), bundled_passage_topics(), Records(make_analyzer([]))
        )
    writer.cancel()
