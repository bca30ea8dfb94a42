"""What the hand-drawn result lists share: a muted line saying where, then laid-out rich text."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

GAP = 2  # between the line saying where and the text


class RichTextCache:
    """Laid-out documents by HTML, width, font and style sheet; cleared when it grows past
    `limit` or when the view's width, palette or font changes (forget())."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._documents: dict[tuple[str, int, str, str], QTextDocument] = {}

    def get(self, html: str, width: int, font: QFont, style_sheet: str = "") -> QTextDocument:
        key = (html, width, font.key(), style_sheet)
        document = self._documents.get(key)
        if document is None:
            if len(self._documents) > self._limit:
                self._documents.clear()
            document = QTextDocument()
            document.setDefaultFont(font)
            document.setDocumentMargin(0)
            if style_sheet:
                document.setDefaultStyleSheet(style_sheet)
            document.setHtml(html)
            document.setTextWidth(width)
            self._documents[key] = document
        return document

    def clear(self) -> None:
        self._documents.clear()


def small_font(font: QFont) -> QFont:
    smaller = QFont(font)
    smaller.setPointSizeF(max(6.0, font.pointSizeF() * 0.88))
    return smaller


def line_height(font: QFont) -> int:
    return QFontMetrics(font).height()


def item_height(font: QFont, body: QTextDocument, gap: int = GAP) -> int:
    """The where line, the gap and the laid-out text, without padding."""
    return round(line_height(small_font(font)) + gap + body.size().height())


def draw_background(
    painter: QPainter, option: QStyleOptionViewItem, view: QAbstractItemView
) -> bool:
    """The item's background and focus frame only (the text is drawn by hand); selected?"""
    option.text = ""
    style = option.widget.style() if option.widget else view.style()
    style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
    return bool(option.state & QStyle.StateFlag.State_Selected)


def draw_lines(
    painter: QPainter,
    option: QStyleOptionViewItem,
    rect: QRect,
    where: str,
    body: QTextDocument,
    selected: bool,
    gap: int = GAP,
) -> None:
    """The where line (muted, elided) over the body, in the item's colours, inside `rect`."""
    role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
    painter.save()
    small = small_font(option.font)
    painter.setFont(small)
    muted = QPalette.ColorRole.PlaceholderText
    painter.setPen(option.palette.color(role if selected else muted))
    line = line_height(small)
    elided = painter.fontMetrics().elidedText(where, Qt.TextElideMode.ElideRight, rect.width())
    painter.drawText(rect.left(), rect.top(), rect.width(), line, 0, elided)
    painter.translate(rect.left(), rect.top() + line + gap)
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))
    context.clip = QRectF(0, 0, rect.width(), rect.height())
    body.documentLayout().draw(painter, context)
    painter.restore()


def item_list_view(model: QAbstractItemModel, name: str) -> QListView:
    """A list of such items: wrapped, of their own heights, scrolled by pixel, one chosen."""
    view = QListView()
    view.setObjectName(name)
    view.setModel(model)
    view.setWordWrap(True)
    view.setUniformItemSizes(False)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return view


AnyIndex = QModelIndex | QPersistentModelIndex


class TwoLineDelegate(QStyledItemDelegate):
    """Draws an item as its where line over its rich text (the model's `html_role`), wrapped
    to the view's width; laid-out texts are kept until forget()."""

    padding = 8  # around each item
    gap = GAP
    html_role: int = Qt.ItemDataRole.UserRole  # each subclass: its model's role for the text

    def __init__(
        self, view: QAbstractItemView, parent: QObject | None = None, cache_limit: int = 400
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._documents = RichTextCache(cache_limit)

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        width = self.text_width()
        height = item_height(option.font, self.body(index, width, option.font), self.gap)
        return QSize(width + self.margins(), height + 2 * self.padding)

    def forget(self) -> None:
        """Drop laid-out texts (new items, another width, palette or font)."""
        self._documents.clear()

    def margins(self) -> int:
        """What an item's width holds besides its text: the padding, and any mark."""
        return 2 * self.padding

    def indent(self) -> int:
        """What the view takes left of the item (a tree's branches)."""
        return 0

    def text_width(self) -> int:
        return max(120, self._view.viewport().width() - self.indent() - self.margins())

    def body(
        self, index: AnyIndex, width: int, font: QFont, selected: bool = False
    ) -> QTextDocument:
        html = index.data(self.html_role) or ""
        return self._documents.get(html, width, font, self.style_sheet(selected))

    def style_sheet(self, _selected: bool) -> str:
        return ""
