"""Draws a search hit: where it is (title · section) on one line, the snippet wrapped below it."""

from __future__ import annotations

from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from reader.ui.search.model import HitRole, HtmlRole, where
from reader.ui.two_line_item import AnyIndex, TwoLineDelegate, draw_background, draw_lines


class HitDelegate(TwoLineDelegate):
    html_role = HtmlRole

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        hit = index.data(HitRole)
        if hit is None:
            return
        self.initStyleOption(option, index)
        selected = draw_background(painter, option, self._view)
        pad = self.padding
        rect = option.rect.adjusted(pad, pad, -pad, -pad)
        snippet = self.body(index, self.text_width(), option.font)
        draw_lines(painter, option, rect, where(hit), snippet, selected)
