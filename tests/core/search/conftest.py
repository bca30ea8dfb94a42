"""Fixtures for the search tests."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.library.library import Library
from reader.core.search.index import SearchIndex


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
