"""Draws a search hit: where it is (title · section) on one line, the snippet wrapped below it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.ui.search_model import HitRole, HtmlRole, where

PADDING = 8  # around each hit
GAP = 2  # between the line saying where and the snippet
CACHE_LIMIT = 400

AnyIndex = QModelIndex | QPersistentModelIndex


class HitDelegate(QStyledItemDelegate):
    def __init__(self, view: QAbstractItemView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._documents: dict[tuple[str, int, str], QTextDocument] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        width = self._text_width()
        snippet = self._snippet(index, width, option.font)
        height = _line_height(self._where_font(option.font)) + GAP + snippet.size().height()
        return QSize(width + 2 * PADDING, round(height) + 2 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        hit = index.data(HitRole)
        if hit is None:
            return
        self.initStyleOption(option, index)
        option.text = ""  # the background and focus frame only; the text is drawn here
        style = option.widget.style() if option.widget else self._view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        painter.save()
        where_font = self._where_font(option.font)
        painter.setFont(where_font)
        muted = QPalette.ColorRole.PlaceholderText
        painter.setPen(option.palette.color(role if selected else muted))
        line = _line_height(where_font)
        elided = painter.fontMetrics().elidedText(
            where(hit), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect.left(), rect.top(), rect.width(), line, 0, elided)
        snippet = self._snippet(index, self._text_width(), option.font)
        painter.translate(rect.left(), rect.top() + line + GAP)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        context.clip = QRectF(0, 0, rect.width(), rect.height())
        snippet.documentLayout().draw(painter, context)
        painter.restore()

    def forget(self) -> None:
        """Drop laid-out snippets (new results, or another font)."""
        self._documents.clear()

    def _text_width(self) -> int:
        return max(120, self._view.viewport().width() - 2 * PADDING)

    def _snippet(self, index: AnyIndex, width: int, font: QFont) -> QTextDocument:
        text = index.data(HtmlRole) or ""
        key = (text, width, font.key())
        document = self._documents.get(key)
        if document is None:
            if len(self._documents) > CACHE_LIMIT:
                self._documents.clear()
            document = QTextDocument()
            document.setDefaultFont(font)
            document.setDocumentMargin(0)
            document.setHtml(text)
            document.setTextWidth(width)
            self._documents[key] = document
        return document

    @staticmethod
    def _where_font(font: QFont) -> QFont:
        smaller = QFont(font)
        smaller.setPointSizeF(max(6.0, font.pointSizeF() * 0.88))
        return smaller


def _line_height(font: QFont) -> int:
    return QFontMetrics(font).height()
