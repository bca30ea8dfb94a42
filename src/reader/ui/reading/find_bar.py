"""Find in document: a bar under the reader that highlights every match and steps through them."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from reader.core.documents.text_find import find_all

from reader.ui.icons import themed_icon
from reader.ui.reading.view import ReaderView

HIGHLIGHT_KIND = "find"


class FindBar(QWidget):
    """Find in the open document: every match marked, Enter and F3 walk them."""

    def __init__(self, reader: ReaderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._reader = reader
        self._matches: list[tuple[int, int]] = []
        self._current = -1
        self.edit = QLineEdit(placeholderText=self.tr("Find in document"))
        self.edit.setAccessibleName(self.tr("Find in document"))
        self.edit.setClearButtonEnabled(True)
        self.case_box = QCheckBox(self.tr("Match case"))
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(90)
        self.previous_button = _tool_button("go-up", self.tr("Previous match (Shift+F3)"), "▲")
        self.next_button = _tool_button("go-down", self.tr("Next match (F3)"), "▼")
        self.close_button = _tool_button("window-close", self.tr("Close (Esc)"), "✕")
        self._build_layout()
        self.edit.textChanged.connect(self._on_edit_text_changed)
        self.edit.returnPressed.connect(self.find_next)
        self.case_box.toggled.connect(self._on_case_box_toggled)
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button.clicked.connect(self.find_next)
        self.close_button.clicked.connect(self.close_bar)
        self.hide()

    def _build_layout(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.edit, 1)
        for widget in (self.previous_button, self.next_button, self.count_label, self.case_box):
            layout.addWidget(widget)
        layout.addStretch(0)
        layout.addWidget(self.close_button)

    # Public ------------------------------------------------------------------------------
    def open_bar(self) -> None:
        selection = self._reader.textCursor().selectedText().strip()
        if selection and "\u2029" not in selection:
            self.edit.setText(selection)
        self.show()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()
        self.refresh()

    def close_bar(self) -> None:
        self.hide()
        self._reader.set_highlights(HIGHLIGHT_KIND, [])
        self._reader.setFocus()

    def matches(self) -> list[tuple[int, int]]:
        return list(self._matches)

    def current(self) -> int:
        return self._current

    @Slot()
    def refresh(self) -> None:
        """Search again, e.g. after another document was opened."""
        doc = self._reader.current_document()
        text = self.edit.text()
        self._matches = find_all(doc.text, text, self.case_box.isChecked()) if doc else []
        self._current = self._first_visible_match() if self._matches else -1
        self._show_current()

    @Slot()
    def find_next(self) -> None:
        self._step(+1)

    @Slot()
    def find_previous(self) -> None:
        self._step(-1)

    # Internals ---------------------------------------------------------------------------
    def _step(self, direction: int) -> None:
        if not self.isVisible():
            self.open_bar()
            return
        if not self._matches:
            return
        self._current = (self._current + direction) % len(self._matches)
        self._show_current()

    def _first_visible_match(self) -> int:
        top = self._reader.top_offset()
        return next((n for n, (start, _) in enumerate(self._matches) if start >= top), 0)

    def _show_current(self) -> None:
        self._reader.set_highlights(HIGHLIGHT_KIND, self._matches, self._current)
        if self._current >= 0:
            self._reader.scroll_to_offset(self._matches[self._current][0])
        self.count_label.setText(self._count_text())
        has_matches = bool(self._matches)
        self.previous_button.setEnabled(has_matches)
        self.next_button.setEnabled(has_matches)

    def _count_text(self) -> str:
        if not self.edit.text().strip():
            return ""
        if not self._matches:
            return self.tr("No matches")
        return self.tr("{current} of {count}").format(
            current=self._current + 1, count=len(self._matches)
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        super().keyPressEvent(event)

    @Slot(str)
    def _on_edit_text_changed(self, _text: str) -> None:
        self.refresh()

    @Slot(bool)
    def _on_case_box_toggled(self, _checked: bool) -> None:
        self.refresh()


def _tool_button(icon_name: str, tip: str, fallback: str) -> QToolButton:
    button = QToolButton()
    icon = themed_icon(icon_name)
    if icon.isNull():
        button.setText(fallback)
    else:
        button.setIcon(icon)
    button.setToolTip(tip)
    button.setAutoRaise(True)
    return button
