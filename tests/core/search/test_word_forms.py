"""A word finds its other forms: the verb its "-ed" and "-ing" forms and its noun, each way
(Whoosh's default Porter stemmer kept "negotiated" apart from "negotiate")."""

from __future__ import annotations

import pytest

from reader.core.search.index import SearchIndex
from tests.core.search.conftest import IndexOf

TEXTS = {
    "negotiate": "We must negotiate a new treaty.",
    "negotiated": "The treaty they negotiated in 1987 held.",
    "negotiating": "Negotiating teams met in Geneva.",
    "negotiations": "Negotiations resumed after a pause.",
    "associated": "The risks associated with deployment grew.",
    "association": "An association of former officials wrote.",
    "cooperated": "The agencies cooperated on terrorism.",
    "unrelated": "Fishing quotas in the Baltic.",
}
NEGOTIATE = {"negotiate", "negotiated", "negotiating", "negotiations"}


@pytest.fixture(scope="module")
def index(small_index: IndexOf) -> SearchIndex:
    return small_index(TEXTS)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("negotiate", NEGOTIATE),
        ("negotiated", NEGOTIATE),
        ("negotiating", NEGOTIATE),
        ("negotiations", NEGOTIATE),
        ("associate", {"associated", "association"}),
        ("associated", {"associated", "association"}),
        ("cooperate", {"cooperated"}),
        ('"they negotiate in 1987"', {"negotiated"}),  # a phrase matches through the stems
    ],
)
def test_a_word_finds_its_forms(index: SearchIndex, query: str, found: set[str]) -> None:
    assert {hit.doc_id for hit in index.search(query, limit=50).hits} == found
