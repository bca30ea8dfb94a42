"""Fixtures for the core tests: the bundled statements as the app loads them."""

import pytest

from reader.core.document import Document
from reader.core.library import Library
from reader.resource_access import resource_folder


@pytest.fixture(scope="session")
def library() -> Library:
    return Library.open(resource_folder())


@pytest.fixture
def elbe(library: Library) -> Document:
    return library.get("elbe-group-2018-naples")


@pytest.fixture
def ac_riac(library: Library) -> Document:
    return library.get("ac-riac-2013-washington")
