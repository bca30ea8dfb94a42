"""A library row in two lines, as Zotero and Foliate list them: the title, then its
organisations · place · date · recommendations · notes in a muted line, so that everything a
row says shows in a narrow column without scrolling sideways."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTreeView

from reader.ui.library.model import Column
from reader.ui.plurals import plurals
from reader.ui.two_line_item import draw_background, line_height, small_font

PADDING = 5
GAP = 2
AnyIndex = QModelIndex | QPersistentModelIndex


def details_line(index: AnyIndex) -> str:
    """Organisations · place · date · counts, for the row of `index`."""
    return " · ".join(part for part in (_details(index), counts_line(index)) if part)


def _details(index: AnyIndex) -> str:
    columns = (Column.ORGANIZATIONS, Column.PLACE, Column.DATE)
    return " · ".join(str(part) for part in (_at(index, c) for c in columns) if part)


def counts_line(index: AnyIndex) -> str:
    """ "13 recs · 2 notes": what the row's document holds, once counted."""
    recs, notes = _at(index, Column.RECOMMENDATIONS), _at(index, Column.NOTES)
    parts = []
    if isinstance(recs, int) and recs:
        parts.append(plurals().recs(recs))
    if isinstance(notes, int) and notes:
        parts.append(plurals().notes(notes))
    return " · ".join(parts)


def _at(index: AnyIndex, column: Column) -> object:
    return index.model().index(index.row(), column, index.parent()).data()


class LibraryDelegate(QStyledItemDelegate):
    """Paints the title column of the library's view as two lines."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        height = line_height(_bold(option.font)) + GAP + line_height(small_font(option.font))
        return QSize(option.rect.width(), height + 2 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        selected = draw_background(painter, option, self._view)
        rect = option.rect.adjusted(PADDING + 2, PADDING, -PADDING, -PADDING)
        text = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        muted = text if selected else QPalette.ColorRole.PlaceholderText
        painter.save()
        title_font = _bold(option.font)
        painter.setFont(title_font)
        painter.setPen(option.palette.color(text))
        height = line_height(title_font)
        _draw_elided(painter, QRect(rect.left(), rect.top(), rect.width(), height), index.data())
        details = small_font(option.font)
        painter.setFont(details)
        painter.setPen(option.palette.color(muted))
        top = rect.top() + height + GAP
        line = QRect(rect.left(), top, rect.width(), line_height(details))
        counts = counts_line(index)  # kept whole at the right; the rest gives way
        if counts:
            room = painter.fontMetrics().horizontalAdvance(counts)
            right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(line, int(right), counts)
            line.setRight(line.right() - room - 12)
        _draw_elided(painter, line, _details(index))
        painter.restore()


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


def _draw_elided(painter: QPainter, rect: QRect, text: object) -> None:
    elided = painter.fontMetrics().elidedText(
        str(text or ""), Qt.TextElideMode.ElideRight, rect.width()
    )
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
