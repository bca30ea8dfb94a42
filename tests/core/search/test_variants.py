"""Transliterations and spelling variants find each other, both ways (aliases.tsv)."""

from __future__ import annotations

import pytest

from reader.core.search.index import SearchIndex
from tests.core.search.conftest import IndexOf

TEXTS = {
    "kyiv": "Talks between NATO, Kyiv, and Moscow resumed.",
    "kiev": "The mayor of Kiev spoke on Kharkov and Odessa.",
    "defence": "Missile defence in Europe.",
    "organisation": "A new organisation for dialogue.",
    "cooperation": "Co-operation on arms control.",
    "leaders": "Gorbachov and El'tsin met in Byelorussia.",
    "programme": "The programme of the centre.",
}


@pytest.fixture(scope="module")
def index(small_index: IndexOf) -> SearchIndex:
    return small_index(TEXTS)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Kiev", {"kyiv", "kiev"}),
        ("Kyiv", {"kyiv", "kiev"}),
        ("Kharkiv", {"kiev"}),
        ("Odesa", {"kiev"}),
        ("defense", {"defence"}),
        ('"missile defense"', {"defence"}),
        ("organization", {"organisation"}),
        ("dialog", {"organisation"}),
        ("cooperation", {"cooperation"}),
        ("Gorbachev Yeltsin", {"leaders"}),
        ("Belarus", {"leaders"}),
        ("program center", {"programme"}),
    ],
)
def test_a_variant_finds_the_other_spelling(
    index: SearchIndex, query: str, found: set[str]
) -> None:
    assert {hit.doc_id for hit in index.search(query).hits} == found


APOSTROPHES = {
    "curly": "Russia’s accession to the WTO was discussed.",
    "straight": "Russia's position on NATO's enlargement.",
    "contraction": "We don't agree.",
}


@pytest.fixture(scope="module")
def apostrophes(small_index: IndexOf) -> SearchIndex:
    return small_index(APOSTROPHES)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("Russia's", {"curly", "straight"}),
        ("Russia’s", {"curly", "straight"}),
        ("Russia", {"curly", "straight"}),
        ("NATO", {"straight"}),
        ("don't", {"contraction"}),
        ('"Russia’s accession"', {"curly"}),
    ],
)
def test_apostrophes_of_either_kind_and_possessives_find_each_other(
    apostrophes: SearchIndex, query: str, found: set[str]
) -> None:
    assert {hit.doc_id for hit in apostrophes.search(query).hits} == found


HYPHENS = {
    "council": "The NATO-Russia Council met.",
    "apart": "Russia warned NATO about the summit.",
    "joined": "International cooperation grew.",
    "hyphenated": "Co-operation on arms control.",
}


@pytest.fixture(scope="module")
def hyphens(small_index: IndexOf) -> SearchIndex:
    return small_index(HYPHENS)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("NATO-Russia", {"council"}),  # a phrase of its parts, not both words anywhere
        ("NATO Russia", {"council", "apart"}),
        ("co-operation", {"joined", "hyphenated"}),  # and the parts joined
        ('"NATO-Russia Council"', {"council"}),
        ("doc:council NATO-Russia", {"council"}),
    ],
)
def test_a_hyphenated_word_is_a_phrase_or_the_parts_joined(
    hyphens: SearchIndex, query: str, found: set[str]
) -> None:
    assert {hit.doc_id for hit in hyphens.search(query).hits} == found


def test_fields_negations_prefixes_and_quotes_keep_their_hyphens() -> None:
    from reader.core.search.hyphens import phrased_hyphens

    for text in ("doc:elbe-group", "-Russia", "cyber-*", "a-b~", '"NATO-Russia Council"'):
        assert phrased_hyphens(text) == text
    assert phrased_hyphens("nuclear-weapon-free zone") == (
        '("nuclear weapon free" OR nuclearweaponfree) zone'
    )


PREFIXES = {
    "plural": "Negotiations resumed in Geneva.",
    "gerund": "They are negotiating a treaty.",
    "other": "Strategic stability matters.",
}


@pytest.fixture(scope="module")
def prefixes(small_index: IndexOf) -> SearchIndex:
    return small_index(PREFIXES)


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("negotiat*", {"plural", "gerund"}),  # past the stem "negoti" of "negotiations"
        ("negot*", {"plural", "gerund"}),
        ("negotiations*", {"plural", "gerund"}),  # by its stem
        ("negotiat* treaty", {"gerund"}),
        ("strategic*", {"other"}),
    ],
)
def test_a_prefix_matches_the_words_it_begins_not_only_their_stems(
    prefixes: SearchIndex, query: str, found: set[str]
) -> None:
    assert {hit.doc_id for hit in prefixes.search(query).hits} == found
