"""Draws the recommendations tree: a topic with the number shown, a recommendation as its
document (and "yours") over the wrapped sentence with the cue in bold colour."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSize
from PySide6.QtGui import QFont, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView

from reader.ui.recommendations.model import HtmlRole, LabelRole, RecommendationRole, WhereRole
from reader.ui.two_line_item import RichTextCache, draw_background, draw_lines, item_height

PADDING = 6
GAP = 1
CACHE_LIMIT = 600
CUE_COLORS = ("#a34700", "#ffb066")  # light palette, dark palette

AnyIndex = QModelIndex | QPersistentModelIndex


class RecommendationDelegate(QStyledItemDelegate):
    def __init__(self, view: QTreeView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._documents = RichTextCache(CACHE_LIMIT)

    def initStyleOption(self, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        super().initStyleOption(option, index)
        label = index.data(LabelRole)
        if label is not None:  # a topic: the count of what the filter lets through
            option.text = f"{label} ({index.model().rowCount(index)})"
            option.font.setBold(True)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        if index.data(RecommendationRole) is None:
            size = super().sizeHint(option, index)
            return QSize(size.width(), size.height() + PADDING)
        width = self._text_width()
        height = item_height(option.font, self._sentence(index, width, option.font), GAP)
        return QSize(width + 2 * PADDING, height + 2 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        if index.data(RecommendationRole) is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        selected = draw_background(painter, option, self._view)
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        sentence = self._sentence(index, self._text_width(), option.font, selected)
        draw_lines(painter, option, rect, index.data(WhereRole) or "", sentence, selected, GAP)

    def forget(self) -> None:
        """Drop laid-out sentences (a new width, palette or font)."""
        self._documents.clear()

    def _text_width(self) -> int:
        indent = self._view.indentation() * 2  # the branch column, then the child level
        return max(120, self._view.viewport().width() - indent - 2 * PADDING)

    def _sentence(
        self, index: AnyIndex, width: int, font: QFont, selected: bool = False
    ) -> QTextDocument:
        # Selected, the cue takes the selection's text colour like the rest of the sentence.
        style = "" if selected else f"b {{ color: {self._cue_color()}; }}"
        return self._documents.get(index.data(HtmlRole) or "", width, font, style)

    def _cue_color(self) -> str:
        base = self._view.palette().color(QPalette.ColorRole.Base)
        return CUE_COLORS[1] if base.lightness() < 128 else CUE_COLORS[0]
