"""The search index on the two statements: the queries an analyst types, and what they find."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.library.library import Library
from reader.core.search.index import SearchIndex


def _passages(index: SearchIndex, text: str) -> set[tuple[str, int]]:
    return {(hit.doc_id, hit.start) for hit in index.search(text, limit=100).hits}


def test_minsk_finds_the_elbe_ukraine_passage(index: SearchIndex, library: Library) -> None:
    results = index.search("Minsk")
    assert [hit.doc_id for hit in results.hits] == ["elbe-group-2018-naples"]
    hit = results.hits[0]
    assert hit.section == "On Ukraine"
    text = library.get(hit.doc_id).text
    assert "observe the Minsk agreements" in text[hit.start : hit.end]
    assert [text[s:e] for s, e in hit.matches] == ["Minsk"]
    assert hit.terms == ("Minsk",)
    assert hit.snippet.marked().count("**Minsk**") == 1


def test_phrase_missile_defense_finds_the_ac_riac_passage(
    index: SearchIndex, library: Library
) -> None:
    hits = index.search('"missile defense"').hits
    acriac = [h for h in hits if h.doc_id == "ac-riac-2013-washington"]
    assert len(acriac) == 1
    assert (
        "cooperation on missile defense between NATO and Russia"
        in library.get("ac-riac-2013-washington").text[acriac[0].start : acriac[0].end]
    )


def test_phrase_needs_the_words_together(index: SearchIndex) -> None:
    assert index.search('"defense missile"').total == 0


def test_stemming_recommend_finds_recommends_and_strongly_recommend(index: SearchIndex) -> None:
    terms = {term for hit in index.search("recommend").hits for term in hit.terms}
    assert {"recommend", "recommends"} <= terms
    snippets = " ".join(hit.snippet.text for hit in index.search("recommend").hits)
    assert "strongly recommend" in snippets


def test_us_forms_return_the_same_passages(index: SearchIndex) -> None:
    us, dotted, spelled = (_passages(index, q) for q in ("US", "U.S.", '"United States"'))
    assert us == dotted == spelled
    assert len(us) >= 8


def test_us_the_country_is_not_us_the_pronoun(index: SearchIndex) -> None:
    hits = index.search("US").hits
    assert all("us" not in hit.terms for hit in hits)


def test_wmd_finds_weapons_of_mass_destruction(index: SearchIndex) -> None:
    terms = {t for hit in index.search("WMD").hits for t in hit.terms}
    assert "WMD" in terms and {"weapons", "mass", "destruction"} <= terms
    assert _passages(index, "WMD") == _passages(index, '"weapons of mass destruction"') | _passages(
        index, "WMD"
    )


def test_isis_aliases(index: SearchIndex) -> None:
    assert _passages(index, "ISIL") == _passages(index, "ISIS") == _passages(index, "Daesh")
    assert _passages(index, "ISIS")


def test_prefix_finds_cyberattacks_and_cybercrime(index: SearchIndex) -> None:
    terms = {t.lower() for hit in index.search("cyber*", limit=50).hits for t in hit.terms}
    assert {"cyberattacks", "cybercrime", "cybersecurity"} <= terms


def test_boolean_operators_and_default_and(index: SearchIndex) -> None:
    both = _passages(index, "NATO Russia")
    assert both == _passages(index, "NATO AND Russia")
    assert both < _passages(index, "NATO OR Russia")
    assert _passages(index, "Russia NOT NATO") == _passages(index, "Russia") - both


def test_fuzzy_term(index: SearchIndex) -> None:
    assert "Ukraine" in {t for hit in index.search("Ukrane~").hits for t in hit.terms}


def test_fields_doc_and_section(index: SearchIndex) -> None:
    assert {h.doc_id for h in index.search("doc:elbe Russia").hits} == {"elbe-group-2018-naples"}
    assert {h.section for h in index.search("section:Syria").hits} == {"On Syria"}


def test_filters_by_document_and_counts_per_document(index: SearchIndex) -> None:
    everywhere = index.search("Russia", limit=100)
    assert set(everywhere.per_document) == {"elbe-group-2018-naples", "ac-riac-2013-washington"}
    assert everywhere.total == sum(everywhere.per_document.values()) == len(everywhere.hits)
    only = index.search("Russia", doc_ids=["ac-riac-2013-washington"])
    assert {h.doc_id for h in only.hits} == {"ac-riac-2013-washington"}
    assert only.total == everywhere.per_document["ac-riac-2013-washington"]


def test_hits_are_ranked_best_first(index: SearchIndex) -> None:
    scores = [hit.score for hit in index.search("Russia", limit=100).hits]
    assert scores == sorted(scores, reverse=True)


def test_missle_suggests_missile(index: SearchIndex) -> None:
    results = index.search("missle")
    assert results.total == 0 and results.suggestion == "missile"
    assert index.search("missle defence").suggestion == "missile defense"


@pytest.mark.parametrize("query", ['"missile defense', "(NATO OR Russia", "NATO)", "“Minsk"])
def test_unbalanced_quotes_or_brackets_give_results_and_a_notice(
    index: SearchIndex, query: str
) -> None:
    results = index.search(query)
    assert results.total > 0
    assert "unbalanced" in results.notice


@pytest.mark.parametrize("query", ["", "   ", "AND", "OR OR", "*", "~", "doc:", ":", "\x00", "NOT"])
def test_odd_queries_never_raise(index: SearchIndex, query: str) -> None:
    results = index.search(query)
    assert results.total >= 0


def test_accents_and_case_are_folded(index: SearchIndex) -> None:
    assert _passages(index, "MÍNSK") == _passages(index, "minsk")


def test_search_reports_its_time(index: SearchIndex) -> None:
    assert 0 < index.search("Russia").seconds < 5


def test_unchanged_library_is_not_reindexed(library: Library, tmp_path: Path) -> None:
    first = SearchIndex(tmp_path / "index")
    assert first.sync(library) == "built"
    first.close()
    again = SearchIndex(tmp_path / "index")
    assert again.sync(library) == "unchanged"
    assert again.search("Minsk").total == 1
    again.close()


def test_limit_caps_the_hits_but_not_the_counts(index: SearchIndex) -> None:
    results = index.search("Russia", limit=3)
    assert len(results.hits) == 3
    assert results.total == index.search("Russia", limit=100).total > 3


def test_prefix_inside_a_larger_query_is_highlighted(index: SearchIndex) -> None:
    hits = index.search("doc:elbe cyber*").hits
    assert hits and all(hit.terms for hit in hits)
    assert {h.doc_id for h in hits} == {"elbe-group-2018-naples"}


def test_prefix_hits_rank_passages_with_more_matching_words_first(index: SearchIndex) -> None:
    hits = index.search("cyber*").hits
    assert len(hits[0].terms) >= max(len(h.terms) for h in hits[1:])
    assert index.search("cyber*", doc_ids=["ac-riac-2013-washington"]).total == 0


def test_counting_can_be_left_for_later(index: SearchIndex) -> None:
    quick = index.search("Russia", limit=3, count=False)
    assert not quick.counted and quick.per_document == {} and len(quick.hits) == 3
    assert [h.start for h in quick.hits] == [h.start for h in index.search("Russia", limit=3).hits]
