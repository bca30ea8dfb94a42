"""The topics' names are translated: every bundled label is in the list lupdate reads."""

from __future__ import annotations

from reader.core.recommendations.taxonomy import bundled_taxonomy

from reader.ui.topic_names import BUNDLED_LABELS


def test_every_bundled_topic_label_is_offered_for_translation() -> None:
    assert {topic.label for topic in bundled_taxonomy()} == set(BUNDLED_LABELS)
