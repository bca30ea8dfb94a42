"""Recommendations across the library: with the user's choices, filtered, counted per topic."""

from __future__ import annotations

from reader.core.library.library import Library
from reader.core.recommendations.collection import collect, coverage, select
from reader.core.recommendations.extraction import USER
from reader.core.recommendations.overrides import RecommendationOverrides, SentenceKey
from reader.core.recommendations.rules import RuleSet
from reader.core.recommendations.taxonomy import Taxonomy
from reader.core.user_db import UserDatabase

ELBE, AC_RIAC = "elbe-group-2018-naples", "ac-riac-2013-washington"


def test_collect_is_in_library_then_text_order(
    library: Library, rules: RuleSet, taxonomy: Taxonomy
) -> None:
    recs = collect(library, rules, taxonomy)
    assert [r.doc_id for r in recs] == sorted((r.doc_id for r in recs), key=[ELBE, AC_RIAC].index)
    elbe = [r.start for r in recs if r.doc_id == ELBE]
    assert elbe == sorted(elbe) and len(recs) == 16


def test_collect_applies_the_users_choices(
    library: Library, rules: RuleSet, taxonomy: Taxonomy, user_db: UserDatabase
) -> None:
    store = RecommendationOverrides(user_db)
    first = collect(library, rules, taxonomy)[0]
    store.dismiss(SentenceKey.of_recommendation(first))
    ac = library.get(AC_RIAC)
    start = ac.text.index("We are committed")
    end = ac.text.index("Obama and President Putin.") + len("Obama and President Putin.")
    store.mark(SentenceKey.of(ac, start, end), ["us-russia-relations"])
    recs = collect(library, rules, taxonomy, store)
    assert first not in recs
    (marked,) = [r for r in recs if r.source == USER]
    assert marked.start == start and marked.topic == "us-russia-relations"


def test_select_by_document_topic_and_text(
    library: Library, rules: RuleSet, taxonomy: Taxonomy
) -> None:
    recs = collect(library, rules, taxonomy)
    assert {r.doc_id for r in select(recs, doc_ids=[AC_RIAC])} == {AC_RIAC}
    assert all("cybersecurity" in r.topics for r in select(recs, topics=["cybersecurity"]))
    assert [r.cue for r in select(recs, text="MINSK")] == [
        "The only way, which has no alternative, is to"
    ]
    assert select(recs, text="strongly recommend", doc_ids=[AC_RIAC]) == []
    assert select(recs) == recs


def test_coverage_shows_every_topic_and_the_gaps(
    library: Library, rules: RuleSet, taxonomy: Taxonomy
) -> None:
    rows = {
        row.topic: row
        for row in coverage(collect(library, rules, taxonomy), taxonomy, library.ids())
    }
    assert list(rows) == taxonomy.ids()
    cyber = rows["cybersecurity"]
    assert (cyber.total, cyber.primary) == (3, 2)
    assert cyber.by_document == {ELBE: 3, AC_RIAC: 0}
    assert rows["nonproliferation"].by_document == {ELBE: 0, AC_RIAC: 0}
