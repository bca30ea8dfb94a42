"""The reader: a typeset document in a centred column, with zoom, highlights and offset mapping."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QEvent, QPoint, Qt, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFontMetricsF,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QToolTip, QWidget

from reader.core.documents.document import Document
from reader.core.notes.note import COLOR_HEX

from reader.ui.reading.note_marks import NoteMarks, tooltip_text
from reader.ui.reading.typesetting import Layout, typeset
from reader.ui.theme import draw_ring

BASE_POINT_SIZE = 12.0
ZOOM_FACTOR = 1.12
ZOOM_RANGE = range(-5, 11)
MEASURE_CHARS = 72  # a comfortable line: about 60-75 characters
MIN_SIDE_MARGIN = 24
REVEAL_MARGIN_FRACTION = 8  # a passage this near an edge (an eighth of the view) is moved

# Find highlights: every match, and the current one stronger.
MATCH_COLORS = {"match": ("#fff2a8", "#5c4f00"), "current": ("#ff9632", "#b35900")}
RECOMMENDATION_MARKS = "recommendation-marks"  # every recommendation of the document
RECOMMENDATION = "recommendation"  # the one opened from the Recommendations tab


# A NamedTuple, not a frozen dataclass: as immutable, and defined about ten times faster
# (0.15 against 1.5 ms), which the window paid before its first paint.
class HighlightStyle(NamedTuple):
    """How one kind of highlight looks: backgrounds (light palette, dark palette), for the
    current range too; `layer` orders kinds (higher is drawn on top); `ink` sets a text
    colour that reads on the background; `underline` adds a dotted line under the text."""

    colors: tuple[str, str]
    current: tuple[str, str]
    layer: int = 10
    ink: bool = True
    underline: bool = False


MATCH_STYLE = HighlightStyle(MATCH_COLORS["match"], MATCH_COLORS["current"])
# Whole sentences sit below search and find matches, which must stay visible on top.
HIGHLIGHT_STYLES = {
    RECOMMENDATION_MARKS: HighlightStyle(
        ("#e6f3e4", "#20362a"), ("#e6f3e4", "#20362a"), layer=0, ink=False, underline=True
    ),
    RECOMMENDATION: HighlightStyle(("#d3e5ff", "#1d3a63"), ("#d3e5ff", "#1d3a63"), 1, False),
}
# The user's highlights: one kind per note colour, over the recommendation shading and
# under find and search matches. Dark-palette tones keep white text readable.
_NOTE_DARK = {
    "yellow": "#6b5d12",
    "green": "#2e5a32",
    "blue": "#1f4a75",
    "pink": "#7a2f4a",
    "purple": "#5a3470",
}


def note_kind(color: str) -> str:
    """The highlight kind that draws notes of `color`."""
    return f"note-{color}"


for _color, _light in COLOR_HEX.items():
    _tones = (_light, _NOTE_DARK.get(_color, "#555555"))
    HIGHLIGHT_STYLES[note_kind(_color)] = HighlightStyle(_tones, _tones, layer=2)


class Typography(NamedTuple):  # as HighlightStyle
    """How text is set: the family ("" for the default serifs), points at 100 %, and about
    how many characters a line holds."""

    family: str = ""
    size: float = BASE_POINT_SIZE
    line_chars: int = MEASURE_CHARS


class ReaderView(QTextBrowser):
    """Shows one document. Offsets in and out are canonical (into Document.text).

    Signals:
        top_offset_changed(int): the canonical offset at the top of the view moved.
        zoom_changed(int): the zoom step changed.
    """

    top_offset_changed = Signal(int)
    zoom_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reader")
        self.setAccessibleName(self.tr("The statement"))
        self.setOpenLinks(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self._layout: Layout | None = None
        self._zoom = 0
        self._typography = Typography()
        self._highlights: dict[str, tuple[list[tuple[int, int]], int]] = {}
        self._anchor = 0  # the canonical offset kept at the top across relayouts
        self.note_marks = NoteMarks(self, self.to_qt)
        self.verticalScrollBar().valueChanged.connect(self._on_scrollbar_value_changed)

    # Document and zoom -------------------------------------------------------------------
    def current_document(self) -> Document | None:
        return self._layout.doc if self._layout else None

    def set_document(self, doc: Document | None, top_offset: int = 0) -> None:
        if doc is None:
            self._layout = None
            self.document().clear()
            return
        self._layout = typeset(
            doc, self.document(), self.palette(), self._point_size(), self._typography.family
        )
        self._highlights.clear()
        self.note_marks.set_remarks([])
        self.setExtraSelections([])
        self._apply_measure()
        self._park_cursor(top_offset)
        self.scroll_to_offset(top_offset, at_top=True)

    def zoom(self) -> int:
        return self._zoom

    def set_zoom(self, step: int) -> None:
        step = max(ZOOM_RANGE.start, min(step, ZOOM_RANGE.stop - 1))
        if step == self._zoom:
            return
        self._zoom = step
        self._retypeset()
        self.zoom_changed.emit(step)

    def point_size(self) -> float:
        return self._point_size()

    def _point_size(self) -> float:
        return round(self._typography.size * ZOOM_FACTOR**self._zoom, 1)

    def typography(self) -> Typography:
        return self._typography

    def set_typography(self, typography: Typography) -> None:
        """The reading font, its size at 100 % and the line's length, applied at once."""
        if typography == self._typography:
            return
        self._typography = typography
        self._retypeset()
        self._apply_measure()
        self.zoom_changed.emit(self._zoom)  # the size shown as a percentage changed

    def _retypeset(self) -> None:
        if self._layout is None:
            return
        top = self._anchor
        highlights = dict(self._highlights)
        self._layout = typeset(
            self._layout.doc,
            self.document(),
            self.palette(),
            self._point_size(),
            self._typography.family,
        )
        self._apply_measure()
        for kind, (ranges, current) in highlights.items():
            self.set_highlights(kind, ranges, current)
        self._park_cursor(top)
        self.scroll_to_offset(top, at_top=True)

    def _park_cursor(self, offset: int) -> None:
        """Put the caret at `offset`: QTextEdit scrolls to its caret, which must not be the end."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_qt(offset))
        self.setTextCursor(cursor)

    # Offsets and scrolling ---------------------------------------------------------------
    def to_qt(self, offset: int) -> int:
        return self._layout.to_qt(offset) if self._layout else 0

    def to_canonical(self, position: int) -> int:
        return self._layout.to_canonical(position) if self._layout else 0

    def top_offset(self) -> int:
        cursor = self.cursorForPosition(QPoint(MIN_SIDE_MARGIN, 4))
        return self.to_canonical(cursor.position())

    def scroll_to_offset(self, offset: int, at_top: bool = False) -> None:
        """Bring `offset` into view: at the top (reading position) or centred (a match)."""
        if at_top and offset <= 0:  # the start needs no layout: cheap at start-up
            self.verticalScrollBar().setValue(0)
            self._anchor = 0
            return
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_qt(offset))
        rect = self.cursorRect(cursor)
        bar = self.verticalScrollBar()
        if at_top:
            bar.setValue(bar.value() + rect.top() - 8 if offset > 0 else 0)
            self._anchor = offset
        elif not self.viewport().rect().contains(rect):
            bar.setValue(bar.value() + rect.center().y() - self.viewport().height() // 2)

    def reveal(self, start: int, end: int) -> None:
        """Bring [start, end) a third of the way down the view (where the eye goes first),
        unless all of it is in view already, in its upper two-thirds clear of the top edge;
        a passage taller than the view shows its start."""
        first, last = QTextCursor(self.document()), QTextCursor(self.document())
        first.setPosition(self.to_qt(start))
        last.setPosition(self.to_qt(end))
        top, bottom = self.cursorRect(first).top(), self.cursorRect(last).bottom()
        height = self.viewport().height()
        margin = height // REVEAL_MARGIN_FRACTION
        if margin <= top and bottom <= height * 2 // 3:
            return
        bar = self.verticalScrollBar()
        bar.setValue(bar.value() + top - height // 3)

    def selection_range(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start, end = (
            self.to_canonical(cursor.selectionStart()),
            self.to_canonical(cursor.selectionEnd()),
        )
        return (start, end) if start < end else None

    def select_range(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_qt(start))
        cursor.setPosition(self.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    # Highlights --------------------------------------------------------------------------
    def set_highlights(self, kind: str, ranges: list[tuple[int, int]], current: int = -1) -> None:
        """Mark `ranges` (canonical) of one kind, e.g. find matches; `current` is drawn stronger."""
        if ranges:
            self._highlights[kind] = (list(ranges), current)
        else:
            self._highlights.pop(kind, None)
        selections = []
        for name in sorted(self._highlights, key=lambda k: _style(k).layer):
            ranges_of_kind, current_of_kind = self._highlights[name]
            for number, (start, end) in enumerate(ranges_of_kind):
                selections.append(self._selection(name, start, end, number == current_of_kind))
        self.setExtraSelections(selections)

    def highlight_ranges(self, kind: str) -> list[tuple[int, int]]:
        return list(self._highlights.get(kind, ([], -1))[0])

    def _selection(
        self, kind: str, start: int, end: int, is_current: bool
    ) -> QTextEdit.ExtraSelection:
        style = _style(kind)
        light, dark = style.current if is_current else style.colors
        dark_theme = self.palette().color(self.palette().ColorRole.Base).lightness() < 128
        char_format = QTextCharFormat()
        char_format.setBackground(QColor(dark if dark_theme else light))
        if style.ink:
            char_format.setForeground(QColor("#ffffff" if dark_theme else "#000000"))
        if style.underline:
            char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            char_format.setUnderlineColor(QColor("#5f9a5a" if dark_theme else "#74a86f"))
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.to_qt(start))
        cursor.setPosition(self.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = char_format
        return selection

    # Notes' marks ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        ringed = self.hasFocus() and self.window().testAttribute(
            Qt.WidgetAttribute.WA_KeyboardFocusChange
        )  # the reader has no frame for the style to ring: it rings its page itself
        if self.note_marks.remarks() or ringed:
            painter = QPainter(self.viewport())
            if self.note_marks.remarks():
                self.note_marks.paint(painter)
            if ringed:
                draw_ring(
                    painter, self.viewport().rect(), self.palette().color(QPalette.ColorRole.Text)
                )
            painter.end()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.viewport().update()  # the ring (QTextEdit repaints only its caret)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.viewport().update()

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            position = self.to_canonical(self.cursorForPosition(event.pos()).position())
            remark = self.note_marks.at(event.pos(), position)
            if remark is not None:
                QToolTip.showText(event.globalPos(), tooltip_text(remark), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # Layout ------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        anchor = self._anchor
        super().resizeEvent(event)
        self._apply_measure()
        if self._layout is not None:
            self.scroll_to_offset(anchor, at_top=True)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._retypeset()

    def _apply_measure(self) -> None:
        """Centre a column of about the chosen number of characters, however wide the window."""
        if not self.isVisible():
            return  # the width is not known yet; showing the view sends a resize
        metrics = QFontMetricsF(self.document().defaultFont())
        measure = metrics.averageCharWidth() * self._typography.line_chars
        side = max(MIN_SIDE_MARGIN, (self.viewport().width() - measure) / 2)
        frame = self.document().rootFrame()
        frame_format = frame.frameFormat()
        if abs(frame_format.leftMargin() - side) < 1:
            return
        frame_format.setLeftMargin(side)
        frame_format.setRightMargin(side)
        frame.setFrameFormat(frame_format)

    @Slot(int)
    def _on_scrollbar_value_changed(self, _value: int) -> None:
        if self._layout is not None:
            self._anchor = self.top_offset()
            self.top_offset_changed.emit(self._anchor)


def _style(kind: str) -> HighlightStyle:
    return HIGHLIGHT_STYLES.get(kind, MATCH_STYLE)
