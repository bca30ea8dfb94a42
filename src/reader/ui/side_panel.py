"""The right-hand panel: one tab each for Recommendations, Search and Notes."""

from __future__ import annotations

from collections.abc import Callable
from enum import IntEnum
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from reader.ui.noop import QT_TRANSLATE_NOOP

W = TypeVar("W", bound=QWidget)


class Tab(IntEnum):
    RECOMMENDATIONS = 0
    SEARCH = 1
    NOTES = 2


_EMPTY_STATES = {
    Tab.RECOMMENDATIONS: (
        QT_TRANSLATE_NOOP("SidePanel", "Recommendations"),
        QT_TRANSLATE_NOOP(
            "SidePanel", "What each statement recommends, grouped by topic. Gathering them…"
        ),
    ),
    Tab.SEARCH: (
        QT_TRANSLATE_NOOP("SidePanel", "Search"),
        QT_TRANSLATE_NOOP(
            "SidePanel",
            "Search across every statement. For now, use Find in Document (Ctrl+F) "
            "to search the open statement.",
        ),
    ),
    Tab.NOTES: (
        QT_TRANSLATE_NOOP("SidePanel", "Notes"),
        QT_TRANSLATE_NOOP(
            "SidePanel", "Your highlights and notes on the statements will be listed here."
        ),
    ),
}


class SidePanel(QTabWidget):
    """Each panel replaces its empty state with set_panel() as it is built.

    Signals:
        panel_set(int): a tab's panel is in place (it may want the side panel wider).
    """

    panel_set = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("side_panel")
        self.setAccessibleName(self.tr("Recommendations, search and notes"))
        self.setDocumentMode(True)
        for tab in Tab:
            title, text = _EMPTY_STATES[tab]
            self.addTab(_empty_state(self.tr(text)), self.tr(title))

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
        self.panel_set.emit(tab)


class LazyPanel(QObject, Generic[W]):
    """A tab's panel built when the tab is first shown, once its feature is ready for it:
    its imports and widgets are not needed for the window's first paint.

    Signals:
        built(): the panel exists now (see panel).
    """

    built = Signal()

    def __init__(
        self,
        side_panel: SidePanel,
        tab: Tab,
        build: Callable[[], W],
        is_ready: Callable[[], bool] = lambda: True,
        start: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(side_panel)
        self._side_panel, self._tab = side_panel, tab
        self._build, self._is_ready, self._start = build, is_ready, start
        self.panel: W | None = None
        side_panel.currentChanged.connect(self._on_side_panel_current_changed)

    def ensure(self) -> W | None:
        """The panel, built now if its feature is ready (else when it is: ready())."""
        if self.panel is None and self._is_ready():
            self.panel = self._build()
            self._side_panel.set_panel(self._tab, self.panel)
            self.built.emit()
        self._start()
        return self.panel

    def ready(self) -> None:
        """The feature became ready: build the panel now if its tab is showing."""
        if self._side_panel.currentIndex() == self._tab:
            self.ensure()

    @Slot(int)
    def _on_side_panel_current_changed(self, index: int) -> None:
        if index == self._tab:
            self.ensure()


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
