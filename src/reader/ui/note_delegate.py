"""Draws a note: a swatch of its colour, where it is, then quote, note and tags wrapped below."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from reader.ui.notes_model import HtmlRole, SwatchRole, WhereRole

PADDING = 8
SWATCH = 6  # the colour bar's width
GAP = 2
CACHE_LIMIT = 400

AnyIndex = QModelIndex | QPersistentModelIndex


class NoteDelegate(QStyledItemDelegate):
    def __init__(self, view: QAbstractItemView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._documents: dict[tuple[str, int, str], QTextDocument] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        width = self._text_width()
        body = self._body(index, width, option.font)
        height = _line_height(_small(option.font)) + GAP + body.size().height()
        return QSize(width + 3 * PADDING + SWATCH, round(height) + 2 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else self._view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        painter.save()
        swatch = index.data(SwatchRole)
        painter.fillRect(rect.left(), rect.top(), SWATCH, rect.height(), QColor(swatch))
        left = rect.left() + SWATCH + PADDING
        width = rect.right() - left
        small = _small(option.font)
        painter.setFont(small)
        muted = QPalette.ColorRole.PlaceholderText
        painter.setPen(option.palette.color(role if selected else muted))
        line = _line_height(small)
        where = painter.fontMetrics().elidedText(
            index.data(WhereRole) or "", Qt.TextElideMode.ElideRight, width
        )
        painter.drawText(left, rect.top(), width, line, 0, where)
        body = self._body(index, self._text_width(), option.font)
        painter.translate(left, rect.top() + line + GAP)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        context.clip = QRectF(0, 0, width, rect.height())
        body.documentLayout().draw(painter, context)
        painter.restore()

    def forget(self) -> None:
        self._documents.clear()

    def _text_width(self) -> int:
        return max(120, self._view.viewport().width() - 3 * PADDING - SWATCH)

    def _body(self, index: AnyIndex, width: int, font: QFont) -> QTextDocument:
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


def _small(font: QFont) -> QFont:
    smaller = QFont(font)
    smaller.setPointSizeF(max(6.0, font.pointSizeF() * 0.88))
    return smaller


def _line_height(font: QFont) -> int:
    return QFontMetrics(font).height()
