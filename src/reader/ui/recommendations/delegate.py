"""Draws the recommendations tree: a topic with the number shown, a recommendation as its
document (and "yours") over the wrapped sentence with the cue in bold colour."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSize
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView

from reader.ui.recommendations.model import HtmlRole, LabelRole, RecommendationRole, WhereRole
from reader.ui.two_line_item import AnyIndex, TwoLineDelegate, draw_background, draw_lines

CUE_COLORS = ("#a34700", "#ffb066")  # light palette, dark palette


class RecommendationDelegate(TwoLineDelegate):
    padding = 6
    gap = 1
    html_role = HtmlRole

    def __init__(self, view: QTreeView, parent: QObject | None = None) -> None:
        super().__init__(view, parent, cache_limit=600)
        self._tree = view

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        label = index.data(LabelRole)
        if label is not None:  # a topic: the count of what the filter lets through
            option.text = f"{label} ({index.model().rowCount(index)})"
            option.font.setBold(True)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        if index.data(RecommendationRole) is None:
            size = QStyledItemDelegate.sizeHint(self, option, index)
            return QSize(size.width(), size.height() + self.padding)
        return super().sizeHint(option, index)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        if index.data(RecommendationRole) is None:
            QStyledItemDelegate.paint(self, painter, option, index)
            return
        self.initStyleOption(option, index)
        selected = draw_background(painter, option, self._view)
        pad = self.padding
        rect = option.rect.adjusted(pad, pad, -pad, -pad)
        sentence = self.body(index, self.text_width(), option.font, selected)
        where = index.data(WhereRole) or ""
        draw_lines(painter, option, rect, where, sentence, selected, self.gap)

    def indent(self) -> int:
        return self._tree.indentation() * 2  # the branch column, then the child level

    def style_sheet(self, selected: bool) -> str:
        # Selected, the cue takes the selection's text colour like the rest of the sentence.
        return "" if selected else f"b {{ color: {self._cue_color()}; }}"

    def _cue_color(self) -> str:
        base = self._view.palette().color(QPalette.ColorRole.Base)
        return CUE_COLORS[1] if base.lightness() < 128 else CUE_COLORS[0]
