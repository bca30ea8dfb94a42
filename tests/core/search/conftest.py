"""Fixtures for the search tests."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.core.documents.builder import BlockSpec, build_document
from reader.core.documents.document import BlockKind, Document, Metadata
from reader.core.library.library import Library
from reader.core.search.index import SearchIndex

IndexOf = Callable[[dict[str, str]], SearchIndex]


def one_paragraph(doc_id: str, text: str) -> Document:
    return build_document(
        doc_id, "imported", Metadata(title=doc_id), [BlockSpec(BlockKind.PARAGRAPH, text)]
    )


def index_of(texts: dict[str, str], folder: Path) -> SearchIndex:
    """An index of one-paragraph documents, one per (id, text), in `folder`."""
    opened = SearchIndex(folder / "index")
    opened.sync([one_paragraph(doc_id, text) for doc_id, text in texts.items()])
    return opened


@pytest.fixture(scope="module")
def small_index(tmp_path_factory: pytest.TempPathFactory) -> Iterator[IndexOf]:
    """index_of for the module's tests, each index closed after them."""
    opened: list[SearchIndex] = []

    def made(texts: dict[str, str]) -> SearchIndex:
        opened.append(index_of(texts, tmp_path_factory.mktemp("small")))
        return opened[-1]

    yield made
    for each in opened:
        each.close()


@pytest.fixture(scope="module")
def index(library: Library, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    """The index of the bundled statements, built for the module's tests."""
    opened = SearchIndex(tmp_path_factory.mktemp("search") / "index")
    assert opened.sync(library) == "built"
    yield opened
    opened.close()


@pytest.fixture
def segmented_index(library: Library, tmp_path: Path) -> Iterator[SearchIndex]:
    """The bundled statements' index written in three syncs: several segments, one of them
    with deleted passages, as a library that has been edited looks."""
    docs = list(library)
    opened = SearchIndex(tmp_path / "index")
    opened.sync(docs)
    opened.sync(docs[1:])
    opened.sync(docs)
    yield opened
    opened.close()
