"""Fixtures for the core tests: the bundled statements and rules as the app loads them."""

import pytest

from reader.core.documents.document import Document
from reader.core.library.library import Library
from reader.core.recommendations.rules import RuleSet, bundled_rules
from reader.core.recommendations.taxonomy import Taxonomy, bundled_taxonomy
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


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return bundled_rules()


@pytest.fixture(scope="session")
def taxonomy() -> Taxonomy:
    return bundled_taxonomy()
