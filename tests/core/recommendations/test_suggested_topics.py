"""Marking a sentence by hand starts from the topics the extractor would give it."""

from __future__ import annotations

from reader.core.library.library import Library
from reader.core.recommendations.extraction import extract
from reader.core.recommendations.rules import bundled_rules
from reader.core.recommendations.taxonomy import bundled_taxonomy
from reader.core.recommendations.topic_assignment import suggested_topics


def test_the_suggestion_is_what_the_extractor_gives(library: Library) -> None:
    rules, taxonomy = bundled_rules(), bundled_taxonomy()
    for doc in library:
        recs = extract(doc, rules, taxonomy)
        assert recs
        for rec in recs:
            assert suggested_topics(doc, rec.start, taxonomy, rules) == rec.topics


def test_a_sentence_that_recommends_nothing_still_gets_topics(library: Library) -> None:
    rules, taxonomy = bundled_rules(), bundled_taxonomy()
    doc = next(iter(library))
    topics = suggested_topics(doc, doc.sentences[0].start, taxonomy, rules)
    assert topics and all(t in {topic.id for topic in taxonomy} for t in topics)
    assert suggested_topics(doc, -1, taxonomy, rules) == ()
