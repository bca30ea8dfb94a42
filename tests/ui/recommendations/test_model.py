"""The recommendations tree, its filter and the coverage matrix model: Qt's model checks, and
that they show the core's objects and counts."""

from __future__ import annotations

import pytest

from PySide6.QtCore import QModelIndex, Qt

from reader.core.library.library import Library
from reader.core.recommendations.collection import collect, coverage, select
from reader.core.recommendations.extraction import USER, Recommendation
from reader.core.recommendations.rules import bundled_rules
from reader.core.recommendations.taxonomy import Taxonomy, bundled_taxonomy

from reader.ui.recommendations.coverage import (
    GAP_COLORS,
    LABEL_CHARS,
    CountRole,
    CoverageModel,
    short_label,
)
from reader.ui.recommendations.coverage import DocumentIdRole as CellDocumentRole
from reader.ui.recommendations.coverage import TopicRole as CellTopicRole
from reader.ui.recommendations.model import (
    HtmlRole,
    LabelRole,
    RecommendationFilter,
    RecommendationRole,
    RecommendationTreeModel,
    TopicRole,
    WhereRole,
    cue_html,
)

ELBE, ACRIAC = "elbe-group-2018-naples", "ac-riac-2013-washington"


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    return bundled_taxonomy()


@pytest.fixture(scope="module")
def recs(library: Library, taxonomy: Taxonomy) -> list[Recommendation]:
    return collect(library, bundled_rules(), taxonomy)


def _titles(library: Library) -> dict[str, str]:
    return {doc.id: doc.metadata.display_title for doc in library}


def _tree(library: Library, taxonomy: Taxonomy, recs: list[Recommendation]):
    model = RecommendationTreeModel(taxonomy, _titles(library))
    model.set_recommendations(recs)
    return model


def _children(model, parent: QModelIndex) -> list[Recommendation]:
    return [
        model.index(r, 0, parent).data(RecommendationRole) for r in range(model.rowCount(parent))
    ]


def test_tree_and_filter_pass_the_model_tester(qtmodeltester, library, taxonomy, recs) -> None:
    model = _tree(library, taxonomy, recs)
    qtmodeltester.check(model)
    proxy = RecommendationFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_filters(ELBE, "cybersecurity", "")
    qtmodeltester.check(proxy)
    model.set_recommendations(recs[:3])
    qtmodeltester.check(model)
    qtmodeltester.check(proxy)


def test_topics_in_taxonomy_order_with_counts(library, taxonomy, recs) -> None:
    model = _tree(library, taxonomy, recs)
    topics = [model.index(r, 0).data(TopicRole) for r in range(model.rowCount())]
    assert topics == sorted(topics, key=taxonomy.order)
    for row, topic in enumerate(topics):
        index = model.index(row, 0)
        filed = [rec for rec in recs if topic in rec.topics]
        assert _children(model, index) == filed  # under every topic it is filed under
        assert index.data() == f"{taxonomy.label(topic)} ({len(filed)})"
        assert index.data(LabelRole) == taxonomy.label(topic)
        assert index.data(RecommendationRole) is None


def test_a_recommendation_row_shows_sentence_cue_and_document(library, taxonomy, recs) -> None:
    model = _tree(library, taxonomy, recs)
    parent = model.index(model.topic_row("cybersecurity"), 0)
    index = model.index(0, 0, parent)
    rec = index.data(RecommendationRole)
    assert index.data() == rec.sentence
    assert index.data(WhereRole).startswith("Elbe Group Joint Statement")
    assert (
        f"<b>{rec.sentence[rec.cue_start - rec.start : rec.cue_end - rec.start]}</b>"
        in index.data(HtmlRole)
    )
    assert rec.cue in index.data(Qt.ItemDataRole.ToolTipRole)


def test_the_users_own_are_marked_yours(library, taxonomy, recs) -> None:
    from dataclasses import replace

    mine = replace(recs[0], source=USER, cue="", cue_start=recs[0].start, cue_end=recs[0].start)
    model = _tree(library, taxonomy, [mine])
    index = model.index(0, 0, model.index(0, 0))
    assert index.data(WhereRole).endswith("· yours")
    assert cue_html(mine) == index.data(HtmlRole)
    assert "<b>" not in cue_html(mine)


@pytest.mark.parametrize(
    ("doc_id", "topic", "text"),
    [
        (ELBE, None, ""),
        (None, "cybersecurity", ""),
        (None, None, "nuclear"),
        (ACRIAC, None, "required"),
    ],
)
def test_the_filter_agrees_with_the_core(library, taxonomy, recs, doc_id, topic, text) -> None:
    model = _tree(library, taxonomy, recs)
    proxy = RecommendationFilter()
    proxy.setSourceModel(model)
    proxy.set_filters(doc_id, topic, text)
    shown = {
        (rec.doc_id, rec.start)
        for row in range(proxy.rowCount())
        for rec in _children(proxy, proxy.index(row, 0))
    }
    expected = select(recs, [doc_id] if doc_id else (), [topic] if topic else (), text)
    assert shown == {(rec.doc_id, rec.start) for rec in expected}
    assert shown  # every case finds something
    if topic:
        assert [proxy.index(r, 0).data(TopicRole) for r in range(proxy.rowCount())] == [topic]


def test_coverage_model_passes_the_model_tester(qtmodeltester, library, taxonomy, recs) -> None:
    model = CoverageModel(_titles(library))
    qtmodeltester.check(model)
    model.set_rows(coverage(recs, taxonomy, library.ids()))
    qtmodeltester.check(model)


def test_coverage_cells_count_what_coverage_counts(library, taxonomy, recs) -> None:
    rows = coverage(recs, taxonomy, library.ids())
    model = CoverageModel(_titles(library))
    model.set_rows(rows)
    assert model.rowCount() == len(taxonomy)
    assert model.columnCount() == len(library)
    title = library.get(library.ids()[0]).metadata.display_title
    assert model.headerData(0, Qt.Orientation.Horizontal) == short_label(title)
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == title
    for r, row in enumerate(rows):
        for c, doc_id in enumerate(library.ids()):
            index = model.index(r, c)
            count = row.by_document[doc_id]
            assert (index.data(CountRole), index.data(CellTopicRole)) == (count, row.topic)
            assert index.data(CellDocumentRole) == doc_id
            assert index.data() == (str(count) if count else "–")
    gap = next(model.index(r, 0) for r in range(model.rowCount()) if not rows[r].by_document[ELBE])
    brush = gap.data(Qt.ItemDataRole.BackgroundRole)
    assert brush.color().name() == GAP_COLORS[0]  # empty cells look different


def test_a_column_label_is_short_and_cut_at_a_word() -> None:
    assert short_label("Elbe Group Joint Statement") == "Elbe Group Joint Statement"
    long = "Statement by the Co-Chairs of the Atlantic Council and RIAC Working Group"
    label = short_label(long)
    assert len(label) <= LABEL_CHARS and label.endswith("…")
    assert long.startswith(label[:-1]) and long[len(label) - 1] == " "  # a whole word
    assert short_label("x" * 60) == "x" * (LABEL_CHARS - 1) + "…"


def test_topics_dialog_offers_the_main_topic_once(qtbot, taxonomy) -> None:
    from reader.ui.recommendations.dialogs import TopicsDialog

    dialog = TopicsDialog(taxonomy, "A sentence.", ("ukraine", "cybersecurity"), None)
    qtbot.addWidget(dialog)
    shown = {
        dialog.others.item(r).data(Qt.ItemDataRole.UserRole)
        for r in range(dialog.others.count())
        if not dialog.others.item(r).isHidden()
    }
    assert "ukraine" not in shown and "cybersecurity" in shown
    assert dialog.topics() == ("ukraine", "cybersecurity")
    dialog.primary.setCurrentIndex(dialog.primary.findData("cybersecurity"))
    assert dialog.topics() == ("cybersecurity",)  # no longer offered as another: not kept
