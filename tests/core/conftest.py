"""Fixtures for the core tests: the bundled statements and rules as the app loads them, and
a user database of the test's own."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.documents.document import Document
from reader.core.library.library import Library
from reader.core.recommendations.rules import RuleSet, bundled_rules
from reader.core.recommendations.taxonomy import Taxonomy, bundled_taxonomy
from reader.core.user_db import UserDatabase


@pytest.fixture
def elbe(library: Library) -> Document:
    return library.get("elbe-group-2018-naples")


@pytest.fixture
def ac_riac(library: Library) -> Document:
    return library.get("ac-riac-2013-washington")


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return bundled_rules()


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return bundled_taxonomy()


@pytest.fixture
def user_db(tmp_path: Path) -> Iterator[UserDatabase]:
    """The user's database in a data folder of the test's own, closed after the test."""
    opened = UserDatabase.open(tmp_path / "data")
    yield opened
    opened.close()
