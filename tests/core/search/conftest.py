"""Fixtures for the search tests."""

from collections.abc import Iterator

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
