"""Fixtures for the importer tests."""

import pytest

from reader.core.documents.document import Document
from reader.core.library.library import Library


@pytest.fixture
def library_docs(library: Library) -> dict[str, Document]:
    """The bundled statements by id."""
    return library.by_id()
