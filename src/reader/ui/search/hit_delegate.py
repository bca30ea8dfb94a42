"""Draws a search hit: where it is (title · section) on one line, the snippet wrapped below it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSize
from PySide6.QtGui import QFont, QPainter, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from reader.ui.search.model import HitRole, HtmlRole, where
from reader.ui.two_line_item import RichTextCache, draw_background, draw_lines, item_height

PADDING = 8  # around each hit
CACHE_LIMIT = 400

AnyIndex = QModelIndex | QPersistentModelIndex


class HitDelegate(QStyledItemDelegate):
    def __init__(self, view: QAbstractItemView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._documents = RichTextCache(CACHE_LIMIT)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        width = self._text_width()
        height = item_height(option.font, self._snippet(index, width, option.font))
        return QSize(width + 2 * PADDING, height + 2 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        hit = index.data(HitRole)
        if hit is None:
            return
        self.initStyleOption(option, index)
        selected = draw_background(painter, option, self._view)
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        snippet = self._snippet(index, self._text_width(), option.font)
        draw_lines(painter, option, rect, where(hit), snippet, selected)

    def forget(self) -> None:
        """Drop laid-out snippets (new results, or another font)."""
        self._documents.clear()

    def _text_width(self) -> int:
        return max(120, self._view.viewport().width() - 2 * PADDING)

    def _snippet(self, index: AnyIndex, width: int, font: QFont) -> QTextDocument:
        return self._documents.get(index.data(HtmlRole) or "", width, font)
