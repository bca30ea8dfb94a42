"""The user has the last word: marks, dismissals and topics, kept and applied over extraction."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.documents.document import BlockKind, Document
from reader.core.errors import ReaderError
from reader.core.recommendations.extraction import EXTRACTED, USER, extract
from reader.core.recommendations.overrides import (
    MARKED_RULE,
    Choice,
    RecommendationOverrides,
    SentenceKey,
    apply_overrides,
)
from reader.core.recommendations.rules import RuleSet
from reader.core.recommendations.taxonomy import Taxonomy
from reader.core.user_db import DatabaseError, UserDatabase
from tests.core.statements import statement

P = BlockKind.PARAGRAPH
TEXTS = [
    "The situation in Ukraine remains unresolved.",
    "We urge both sides to observe the Minsk agreements.",
    "Parliaments could meet more often.",
]


def key(doc: Document, text: str) -> SentenceKey:
    start = doc.text.index(text)
    return SentenceKey.of(doc, start, start + len(text))


@pytest.fixture
def store(user_db: UserDatabase) -> RecommendationOverrides:
    return RecommendationOverrides(user_db)


def shown(
    doc: Document, store: RecommendationOverrides, rules: RuleSet, taxonomy: Taxonomy
) -> list[tuple[str, str, tuple[str, ...]]]:
    recs = apply_overrides(
        extract(doc, rules, taxonomy), store.for_document(doc), {doc.id: doc}, taxonomy
    )
    return [(r.sentence, r.source, r.topics) for r in recs]


def test_without_choices_the_extractor_has_its_say(
    store: RecommendationOverrides, rules: RuleSet, taxonomy: Taxonomy
) -> None:
    doc = statement(*TEXTS)
    assert shown(doc, store, rules, taxonomy) == [(TEXTS[1], EXTRACTED, ("ukraine",))]


def test_dismissed_marked_and_refiled(
    store: RecommendationOverrides, rules: RuleSet, taxonomy: Taxonomy
) -> None:
    doc = statement(*TEXTS)
    store.mark(key(doc, TEXTS[2]), ["track2-dialogue"])
    assert shown(doc, store, rules, taxonomy) == [
        (TEXTS[1], EXTRACTED, ("ukraine",)),
        (TEXTS[2], USER, ("track2-dialogue",)),
    ]
    store.set_topics(key(doc, TEXTS[1]), ["nato-russia-europe", "ukraine"])
    store.dismiss(key(doc, TEXTS[2]))
    assert shown(doc, store, rules, taxonomy) == [
        (TEXTS[1], USER, ("nato-russia-europe", "ukraine")),
    ]


def test_a_marked_sentence_reads_as_the_users(
    store: RecommendationOverrides, taxonomy: Taxonomy
) -> None:
    doc = statement(*TEXTS)
    store.mark(key(doc, TEXTS[2]), ["track2-dialogue", "ukraine"])
    (rec,) = apply_overrides([], store.for_document(doc), {doc.id: doc}, taxonomy)
    assert (rec.source, rec.confidence, rec.rule, rec.cue) == (USER, 1.0, MARKED_RULE, "")
    assert rec.topic_label == "Expert dialogue & cooperation"
    assert rec.sentence == doc.text[rec.start : rec.end] == TEXTS[2]
    assert not rec.cue_in_sentence


def test_marking_an_extracted_one_keeps_its_cue(
    store: RecommendationOverrides, rules: RuleSet, taxonomy: Taxonomy
) -> None:
    doc = statement(*TEXTS)
    store.mark(key(doc, TEXTS[1]), ["ukraine", "nato-russia-europe"])
    (rec,) = apply_overrides(
        extract(doc, rules, taxonomy), store.for_document(doc), {doc.id: doc}, taxonomy
    )
    assert (rec.cue, rec.source, rec.topics) == ("urge", USER, ("ukraine", "nato-russia-europe"))


def test_topics_set_on_a_marked_sentence_keep_it_marked(store: RecommendationOverrides) -> None:
    doc = statement(*TEXTS)
    store.mark(key(doc, TEXTS[2]), ["ukraine"])
    store.set_topics(key(doc, TEXTS[2]), ["other"])
    override = store.get(key(doc, TEXTS[2]))
    assert override is not None and (override.choice, override.topics) == (
        Choice.MARKED,
        ("other",),
    )


def test_each_change_returns_what_undo_puts_back(store: RecommendationOverrides) -> None:
    doc = statement(*TEXTS)
    k = key(doc, TEXTS[1])
    assert store.dismiss(k) is None
    previous = store.set_topics(k, ["ukraine"])
    assert previous is not None and previous.choice is Choice.DISMISSED
    store.restore(k, previous)
    restored = store.get(k)
    assert restored is not None and restored.choice is Choice.DISMISSED
    assert restored.changed == previous.changed
    store.restore(k, None)  # undoing the first change: there was no choice before it
    assert store.get(k) is None and store.all() == []


def test_a_mark_needs_a_topic(store: RecommendationOverrides) -> None:
    doc = statement(*TEXTS)
    with pytest.raises(ReaderError, match="Choose at least one topic"):
        store.mark(key(doc, TEXTS[2]), [" "])


def test_choices_survive_reopening(tmp_path: Path, taxonomy: Taxonomy) -> None:
    doc = statement(*TEXTS)
    first = UserDatabase.open(tmp_path / "data")
    RecommendationOverrides(first).mark(key(doc, TEXTS[2]), ["ukraine"])
    first.close()
    again = UserDatabase.open_existing(tmp_path / "data")
    assert again is not None
    (override,) = RecommendationOverrides(again).all()
    assert (override.key.text, override.choice, override.topics) == (
        TEXTS[2],
        Choice.MARKED,
        ("ukraine",),
    )
    again.close()


def test_a_moved_sentence_is_found_by_its_text_and_saved_there(
    store: RecommendationOverrides, taxonomy: Taxonomy
) -> None:
    before = statement(*TEXTS)
    store.mark(key(before, TEXTS[2]), ["ukraine"])
    after = statement("A new opening paragraph.", *TEXTS)
    (located,) = store.for_document(after)
    assert not located.detached
    assert after.text[located.key.start : located.key.end] == TEXTS[2]
    assert store.get(key(after, TEXTS[2])) is not None  # re-anchored in the database
    (rec,) = apply_overrides([], [located], {after.id: after}, taxonomy)
    assert rec.sentence == TEXTS[2]


def test_a_vanished_sentence_is_detached_not_dropped(
    store: RecommendationOverrides, taxonomy: Taxonomy
) -> None:
    store.mark(key(statement(*TEXTS), TEXTS[2]), ["ukraine"])
    changed = statement(TEXTS[0], TEXTS[1])
    (located,) = store.for_document(changed)
    assert located.detached
    assert apply_overrides([], [located], {changed.id: changed}, taxonomy) == []
    assert len(store.all()) == 1


def test_choices_for_documents_not_shown_are_left_out(
    store: RecommendationOverrides, taxonomy: Taxonomy
) -> None:
    doc = statement(*TEXTS)
    store.mark(key(doc, TEXTS[2]), ["ukraine"])
    other = statement(*TEXTS, doc_id="another")
    assert apply_overrides([], store.all(), {other.id: other}, taxonomy) == []


def test_a_read_only_database_refuses_changes_in_a_sentence(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    user_db = UserDatabase.open(blocker / "data")
    with pytest.raises(DatabaseError, match="^The change cannot be saved: the folder"):
        RecommendationOverrides(user_db).dismiss(key(statement(*TEXTS), TEXTS[1]))
    user_db.close()
