"""The bulk writer of a new index writes Whoosh's files byte for byte, so every search finds
the same passages in the same order as through Whoosh's own writer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from whoosh import index as windex

from reader.core.documents.builder import BlockSpec, build_document
from reader.core.documents.document import BlockKind, Document, Metadata
from reader.core.library.library import Library
from reader.core.search import index as search_index
from reader.core.search.analysis import make_analyzer
from reader.core.search.bulk_writing import BulkWriter
from reader.core.search.index import SearchIndex
from reader.core.search.schema import make_schema
from reader.core.search.writing import open_writer
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
    segment = "_".join(next(folder.glob("*.pst")).stem.split("_")[:2])
    return {p.name.removeprefix(segment): p.read_bytes() for p in folder.glob(f"{segment}*")}


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
        patch.setattr(search_index, "BulkWriter", lambda ix: open_writer(ix, limitmb=128))
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
