"""Draws the recommendations tree: a topic with the number shown, a recommendation as its
document (and "yours") over the wrapped sentence with the cue in bold colour."""

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
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QTreeView

from reader.ui.recommendation_model import HtmlRole, LabelRole, RecommendationRole, WhereRole

PADDING = 6
GAP = 1
CACHE_LIMIT = 600
CUE_COLORS = ("#a34700", "#ffb066")  # light palette, dark palette

AnyIndex = QModelIndex | QPersistentModelIndex


class RecommendationDelegate(QStyledItemDelegate):
    def __init__(self, view: QTreeView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._documents: dict[tuple[str, int, str, bool], QTextDocument] = {}

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
        sentence = self._sentence(index, width, option.font)
        height = _line_height(_smaller(option.font)) + GAP + sentence.size().height()
        return QSize(width + 2 * PADDING, round(height) + 2 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        if index.data(RecommendationRole) is None:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""  # background and focus frame only; the text is drawn below
        style = option.widget.style() if option.widget else self._view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(PADDING, PADDING, -PADDING, -PADDING)
        painter.save()
        small = _smaller(option.font)
        painter.setFont(small)
        muted = QPalette.ColorRole.PlaceholderText
        painter.setPen(option.palette.color(role if selected else muted))
        line = _line_height(small)
        where = painter.fontMetrics().elidedText(
            index.data(WhereRole) or "", Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect.left(), rect.top(), rect.width(), line, 0, where)
        sentence = self._sentence(index, self._text_width(), option.font, selected)
        painter.translate(rect.left(), rect.top() + line + GAP)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
        context.clip = QRectF(0, 0, rect.width(), rect.height())
        sentence.documentLayout().draw(painter, context)
        painter.restore()

    def forget(self) -> None:
        """Drop laid-out sentences (a new width, palette or font)."""
        self._documents.clear()

    def _text_width(self) -> int:
        indent = self._view.indentation() * 2  # the branch column, then the child level
        return max(120, self._view.viewport().width() - indent - 2 * PADDING)

    def _sentence(
        self, index: AnyIndex, width: int, font: QFont, selected: bool = False
    ) -> QTextDocument:
        text = index.data(HtmlRole) or ""
        key = (text, width, font.key(), selected)
        document = self._documents.get(key)
        if document is None:
            if len(self._documents) > CACHE_LIMIT:
                self._documents.clear()
            document = QTextDocument()
            document.setDefaultFont(font)
            document.setDocumentMargin(0)
            if not selected:
                document.setDefaultStyleSheet(f"b {{ color: {self._cue_color()}; }}")
            document.setHtml(text)
            document.setTextWidth(width)
            self._documents[key] = document
        return document

    def _cue_color(self) -> str:
        base = self._view.palette().color(QPalette.ColorRole.Base)
        return CUE_COLORS[1] if base.lightness() < 128 else CUE_COLORS[0]


def _smaller(font: QFont) -> QFont:
    smaller = QFont(font)
    smaller.setPointSizeF(max(6.0, font.pointSizeF() * 0.88))
    return smaller


def _line_height(font: QFont) -> int:
    return QFontMetrics(font).height()
