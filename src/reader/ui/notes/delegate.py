"""Draws a note: a swatch of its colour, where it is, then quote, note and tags wrapped below."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRect, QSize
from PySide6.QtGui import QColor, QFont, QPainter, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QStyledItemDelegate, QStyleOptionViewItem

from reader.ui.notes.model import HtmlRole, SwatchRole, WhereRole
from reader.ui.two_line_item import RichTextCache, draw_background, draw_lines, item_height

PADDING = 8
SWATCH = 6  # the colour bar's width
CACHE_LIMIT = 400

AnyIndex = QModelIndex | QPersistentModelIndex


class NoteDelegate(QStyledItemDelegate):
    def __init__(self, view: QAbstractItemView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._documents = RichTextCache(CACHE_LIMIT)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        width = self._text_width()
        height = item_height(option.font, self._body(index, width, option.font))
        return QSize(width + 3 * PADDING + SWATCH, height + 2 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        selected = draw_background(painter, option, self._view)
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        swatch = index.data(SwatchRole)
        painter.fillRect(rect.left(), rect.top(), SWATCH, rect.height(), QColor(swatch))
        left = rect.left() + SWATCH + PADDING
        text_rect = QRect(left, rect.top(), rect.right() - left, rect.height())
        body = self._body(index, self._text_width(), option.font)
        draw_lines(painter, option, text_rect, index.data(WhereRole) or "", body, selected)

    def forget(self) -> None:
        self._documents.clear()

    def _text_width(self) -> int:
        return max(120, self._view.viewport().width() - 3 * PADDING - SWATCH)

    def _body(self, index: AnyIndex, width: int, font: QFont) -> QTextDocument:
        return self._documents.get(index.data(HtmlRole) or "", width, font)
