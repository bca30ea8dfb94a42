"""Draws a note: a swatch of its colour, where it is, then quote, note and tags wrapped below."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from reader.ui.notes.model import HtmlRole, SwatchRole, WhereRole
from reader.ui.two_line_item import AnyIndex, TwoLineDelegate, draw_background, draw_lines

SWATCH = 6  # the colour bar's width
# A note's Markdown inside a list item: headings no larger than bold text, no paragraph gaps.
NOTE_STYLE = (
    "p, ul, ol, blockquote, pre { margin-top: 0; margin-bottom: 0; } "
    "h1, h2, h3, h4, h5, h6 { font-size: medium; margin-top: 0; margin-bottom: 0; }"
)


class NoteDelegate(TwoLineDelegate):
    html_role = HtmlRole

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        selected = draw_background(painter, option, self._view)
        pad = self.padding
        rect = option.rect.adjusted(pad, pad, -pad, -pad)
        swatch = index.data(SwatchRole)
        painter.fillRect(rect.left(), rect.top(), SWATCH, rect.height(), QColor(swatch))
        left = rect.left() + SWATCH + pad
        text_rect = QRect(left, rect.top(), rect.right() - left, rect.height())
        body = self.body(index, self.text_width(), option.font)
        draw_lines(painter, option, text_rect, index.data(WhereRole) or "", body, selected)

    def margins(self) -> int:
        return 3 * self.padding + SWATCH

    def style_sheet(self, _selected: bool) -> str:
        return NOTE_STYLE
