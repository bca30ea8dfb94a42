"""The recommendations as a tree: topic (with its count) → recommendation, and its filter.

A recommendation filed under several topics appears under each, so a topic's count is the
coverage matrix's row total; the primary topic comes first in its tooltip.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from reader.ui.plurals import plurals
from reader.ui.topic_names import topic_label

if TYPE_CHECKING:
    from reader.core.recommendations.extraction import Recommendation
    from reader.core.recommendations.taxonomy import Taxonomy

RecommendationRole = Qt.ItemDataRole.UserRole + 1  # the core Recommendation (None for a topic)
TopicRole = Qt.ItemDataRole.UserRole + 2  # the topic id the row is filed under
DocumentIdRole = Qt.ItemDataRole.UserRole + 3
HtmlRole = Qt.ItemDataRole.UserRole + 4  # the sentence as HTML, its cue in <b>
WhereRole = Qt.ItemDataRole.UserRole + 5  # "Elbe Group 2018 · yours"
LabelRole = Qt.ItemDataRole.UserRole + 6  # a topic row's label, without its count

AnyIndex = QModelIndex | QPersistentModelIndex
USER_TAG = "yours"
_TOPIC = 0  # internalId of a topic row; a recommendation's is its topic's row + 1


class RecommendationTreeModel(QAbstractItemModel):
    """Wraps the core's Recommendation objects, grouped by topic in the taxonomy's order."""

    def __init__(
        self, taxonomy: Taxonomy, titles: Mapping[str, str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._taxonomy = taxonomy
        self._titles = dict(titles)  # document id → short title
        self._groups: list[tuple[str, list[Recommendation]]] = []

    def set_recommendations(self, recs: Sequence[Recommendation]) -> None:
        self.beginResetModel()
        groups: dict[str, list[Recommendation]] = {}
        for rec in recs:
            for topic in rec.topics:
                groups.setdefault(topic, []).append(rec)
        self._groups = sorted(groups.items(), key=lambda g: self._taxonomy.order(g[0]))
        self.endResetModel()

    def topic_row(self, topic: str) -> int:
        return next((n for n, (t, _) in enumerate(self._groups) if t == topic), -1)

    # QAbstractItemModel ------------------------------------------------------------------
    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _TOPIC) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != _TOPIC or parent.row() >= len(self._groups):
            return QModelIndex()
        if row >= len(self._groups[parent.row()][1]):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOPIC:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOPIC)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != 0 or parent.internalId() != _TOPIC:
            return 0
        return len(self._groups[parent.row()][1])

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == _TOPIC:
            return self._topic_data(index.row(), role)
        topic, recs = self._groups[index.internalId() - 1]
        return self._recommendation_data(topic, recs[index.row()], role)

    def _topic_data(self, row: int, role: int) -> Any:
        topic, recs = self._groups[row]
        label = topic_label(self._taxonomy.label(topic))
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{label} ({len(recs)})"
        if role == LabelRole:
            return label
        if role == TopicRole:
            return topic
        if role == Qt.ItemDataRole.ToolTipRole:
            many = plurals().recommendations(len(recs))
            return self.tr("{topic}: {count} — right-click to compare documents").format(
                topic=label, count=many
            )
        return None

    def _recommendation_data(self, topic: str, rec: Recommendation, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return rec.sentence
        if role == HtmlRole:
            return cue_html(rec)
        if role == WhereRole:
            return self.where(rec)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(rec)
        return {RecommendationRole: rec, TopicRole: topic, DocumentIdRole: rec.doc_id}.get(role)

    def where(self, rec: Recommendation) -> str:
        parts = [self._titles.get(rec.doc_id, rec.doc_id), rec.section]
        if rec.source == "user":
            parts.append(USER_TAG)
        return " · ".join(part for part in parts if part)

    def _tooltip(self, rec: Recommendation) -> str:
        topics = ", ".join(topic_label(self._taxonomy.label(t)) for t in rec.topics)
        cue = f'cue "{rec.cue}", confidence {rec.confidence:.2f}' if rec.cue else "marked by you"
        return f"{self.where(rec)}\nTopics: {topics}\n{cue}\nClick or press Enter to read it."


def cue_html(rec: Recommendation) -> str:
    """The sentence, escaped, with its cue in <b> when the cue's words lie in it."""
    before, cue, after = rec.cue_parts()
    bold = f"<b>{html.escape(cue)}</b>" if cue else ""
    return f"{html.escape(before)}{bold}{html.escape(after)}"


class RecommendationFilter(QSortFilterProxyModel):
    """Shows the recommendations of one document, one topic, and/or containing a text.

    A topic row is shown while any of its recommendations is (recursive filtering).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._doc_id: str | None = None
        self._topic: str | None = None
        self._text = ""

    def set_filters(self, doc_id: str | None, topic: str | None, text: str) -> None:
        self.beginFilterChange()
        self._doc_id, self._topic, self._text = doc_id, topic, text.casefold().strip()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: AnyIndex) -> bool:
        index = self.sourceModel().index(source_row, 0, source_parent)
        rec: Recommendation | None = index.data(RecommendationRole)
        if rec is None:
            return False  # a topic: shown when one of its recommendations is
        if self._topic and index.data(TopicRole) != self._topic:
            return False
        if self._doc_id and rec.doc_id != self._doc_id:
            return False
        haystack = f"{rec.sentence}\n{rec.cue}\n{rec.section}".casefold()
        return not self._text or self._text in haystack
