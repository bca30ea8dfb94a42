"""The index's topic field: each passage filed under its recommendations' topics."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reader.core.library.library import Library
from reader.core.recommendations.rules import RuleSet
from reader.core.recommendations.taxonomy import Taxonomy
from reader.core.search.index import SearchIndex
from reader.core.search.index_plan import passages_to_index
from reader.core.search.passage_topics import PassageTopics, bundled_passage_topics
from reader.core.search.passages import passages

ELBE = "elbe-group-2018-naples"


def test_a_passage_holds_the_topics_of_its_recommendations(library: Library) -> None:
    elbe = library.get(ELBE)
    by_text = {p.text: p.topics for p in passages(elbe, bundled_passage_topics().of(elbe))}
    special = next(t for text, t in by_text.items() if "strongly recommend" in text)
    assert special == ("us-russia-relations", "cybersecurity")
    assert by_text["Cybersecurity;"] == ()  # the meeting's agenda recommends nothing


def test_topic_query_finds_the_elbe_cyber_paragraphs(library: Library, tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index")
    index.sync(library)
    hits = index.search("topic:cybersecurity", limit=20).hits
    filtered = index.search("criminal liability", topics=["cybersecurity"]).hits
    index.close()
    assert {h.section for h in hits} == {"On Syria", "Current U.S.-Russia Relationship"}
    text = library.get(ELBE).text
    assert any(text[h.start : h.end].startswith("Regarding cybercrime") for h in hits)
    assert len(filtered) == 1 and filtered[0].section == "On Syria"


def test_a_changed_rule_set_reindexes_every_document(
    library: Library, tmp_path: Path, rules: RuleSet, taxonomy: Taxonomy
) -> None:
    folder = tmp_path / "index"
    index = SearchIndex(folder, topics=PassageTopics(rules, taxonomy))
    index.sync(library)
    index.close()
    changed = PassageTopics(replace(rules, signature="another rule set"), taxonomy)
    assert passages_to_index(folder, library, topics=PassageTopics(rules, taxonomy)) == 0
    assert passages_to_index(folder, library, topics=changed) > 0
    again = SearchIndex(folder, topics=changed)
    assert again.sync(library) == "updated: 2 added or changed, 0 removed"
    again.close()
