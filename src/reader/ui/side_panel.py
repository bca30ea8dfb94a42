"""The right-hand panel: one tab each for Recommendations, Search and Notes."""

from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget


class Tab(IntEnum):
    RECOMMENDATIONS = 0
    SEARCH = 1
    NOTES = 2


_EMPTY_STATES = {
    Tab.RECOMMENDATIONS: (
        "Recommendations",
        "What each statement recommends, grouped by topic. Gathering them…",
    ),
    Tab.SEARCH: (
        "Search",
        "Search across every statement. For now, use Find in Document (Ctrl+F) "
        "to search the open statement.",
    ),
    Tab.NOTES: (
        "Notes",
        "Your highlights and notes on the statements will be listed here.",
    ),
}


class SidePanel(QTabWidget):
    """Each panel replaces its empty state with set_panel() as it is built."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("side_panel")
        self.setDocumentMode(True)
        for tab in Tab:
            title, text = _EMPTY_STATES[tab]
            self.addTab(_empty_state(text), title)

    def set_panel(self, tab: Tab, widget: QWidget) -> None:
        """Put `widget` in place of the tab's page; the current tab stays current."""
        title, old, current = self.tabText(tab), self.widget(tab), self.currentIndex()
        self.blockSignals(True)  # the tabs end as they began: nothing to tell anyone
        try:
            self.removeTab(tab)
            self.insertTab(tab, widget, title)
            self.setCurrentIndex(current)
        finally:
            self.blockSignals(False)
        if old is not None:
            old.deleteLater()


def _empty_state(text: str) -> QWidget:
    page = QWidget()
    layout = QVBoxLayout(page)
    label = QLabel(text)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setForegroundRole(label.foregroundRole())
    label.setEnabled(False)
    layout.addStretch(1)
    layout.addWidget(label)
    layout.addStretch(2)
    return page
