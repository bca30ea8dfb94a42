"""A keyboard user sees where focus is: every control reached with Tab shows a ring, in the
light and the dark theme, whose pixels differ from the same control unfocused by at least
3:1 (WCAG 2.2, 2.4.13) along most of its edge, or its current item's edge for a view."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTabBar,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from reader.core.library.library import Library
from tests.ui.test_keyboard import walk_with_tab, window_with_every_tab

from reader.ui import settings as S
from reader.ui import theme
from reader.ui.main_window import MainWindow
from reader.ui.search.index_service import IndexService
from reader.ui.side_panel import Tab

BAND = 6  # px from the edge where the ring is looked for (a tool button's is 3 px in)
CONTRAST = 3.0  # focused against unfocused, pixel by pixel
COVERED = 0.7  # of the edge's length


def _luminance(colour: QColor) -> float:
    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.red())
        + 0.7152 * linear(colour.green())
        + 0.0722 * linear(colour.blue())
    )


def _contrast(a: QColor, b: QColor) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ring_coverage(focused: QImage, unfocused: QImage, area: QRect) -> float:
    """The share of `area`'s edge where a pixel within BAND of it changed by CONTRAST or more."""
    changed = 0
    for x, y in _band(area):
        pair = QColor(focused.pixel(x, y)), QColor(unfocused.pixel(x, y))
        changed += _contrast(*pair) >= CONTRAST
    return changed / (2 * (area.width() + area.height()))


def _band(area: QRect) -> Iterator[tuple[int, int]]:
    """The pixels within BAND of `area`'s edge, each once."""
    left, top, right, bottom = area.left(), area.top(), area.right(), area.bottom()
    for y in range(top, bottom + 1):
        if y < top + BAND or y > bottom - BAND or right - left < 2 * BAND:
            xs: range | list[int] = range(left, right + 1)
        else:
            xs = [*range(left, left + BAND), *range(right - BAND + 1, right + 1)]
        for x in xs:
            yield x, y


def ring_area(widget: QWidget) -> QRect:
    """Where a ring must be: a view's current item, a tab bar's current tab, else the control."""
    if isinstance(widget, QAbstractItemView) and widget.currentIndex().isValid():
        item = widget.visualRect(widget.currentIndex())
        return QRect(widget.viewport().mapTo(widget, item.topLeft()), item.size()) & widget.rect()
    if isinstance(widget, QTabBar):
        return widget.tabRect(widget.currentIndex())
    return widget.rect()


@pytest.fixture(params=["light", "dark"])
def shade(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The application as app.py styles it, in each theme; Fusion and its palette after."""
    qapp.setStyle(theme.ReaderStyle())
    theme.apply(qapp, request.param)
    yield request.param
    qapp.setStyle("Fusion")
    qapp.setPalette(qapp.style().standardPalette())


def _button() -> QWidget:
    return QPushButton("Import")


def _tool_button() -> QWidget:
    button = QToolButton()
    button.setText("Highlight")
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


def _combo() -> QWidget:
    combo = QComboBox()
    combo.addItems(["All documents", "Elbe Group"])
    return combo


def _list() -> QWidget:
    view = QListWidget()
    view.addItems(["Elbe Group", "Atlantic Council", "Lunar Statement"])
    view.setCurrentRow(1)
    view.clearSelection()  # the ring alone tells focus, not the selection's colour
    return view


def _tree() -> QWidget:
    view = QTreeWidget()
    view.setHeaderHidden(True)
    for title in ("Introduction", "On Syria", "On Ukraine"):
        view.addTopLevelItem(QTreeWidgetItem([title]))
    view.setCurrentItem(view.topLevelItem(1))
    view.clearSelection()
    return view


CONTROLS: dict[str, Callable[[], QWidget]] = {
    "button": _button,
    "tool button": _tool_button,
    "line edit": lambda: QLineEdit("strategic stability"),
    "combo box": _combo,
    "check box": lambda: QCheckBox("All documents"),
    "list item": _list,
    "tree item": _tree,
}


@pytest.mark.parametrize("kind", list(CONTROLS))
def test_a_control_focused_with_tab_shows_a_ring(qtbot: QtBot, shade: str, kind: str) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    row = QHBoxLayout(host)
    before, focused, other = QLineEdit(), CONTROLS[kind](), CONTROLS[kind]()
    for widget in (before, focused, other):
        row.addWidget(widget)
    for twin in (focused, other):  # the same size, so their pixels can be compared
        view = isinstance(twin, QAbstractItemView)
        twin.setFixedSize(QSize(170, 90) if view else twin.sizeHint())
    host.resize(560, 120)
    host.show()
    qtbot.waitExposed(host)
    host.activateWindow()
    before.setFocus()
    qtbot.waitUntil(before.hasFocus)
    qtbot.keyClick(before, Qt.Key.Key_Tab)  # as a user does: a ring follows the keyboard
    assert focused.hasFocus()
    coverage = ring_coverage(focused.grab().toImage(), other.grab().toImage(), ring_area(focused))
    assert coverage >= COVERED, f"{kind} in {shade}: a ring along {coverage:.0%} of its edge"


def _rings_missing(qtbot: QtBot, window: MainWindow) -> tuple[set[str], dict[str, float]]:
    """Walk with Tab from the library until focus comes back: the controls reached, and
    those whose ring covers too little of their edge (with how much)."""
    missing: dict[str, float] = {}

    def look(widget: QWidget, press_tab: Callable[[], None]) -> None:
        area, focused = ring_area(widget), widget.grab().toImage()
        press_tab()
        coverage = ring_coverage(focused, widget.grab().toImage(), area)
        if coverage < COVERED:
            missing[widget.objectName() or type(widget).__name__] = round(coverage, 2)

    reached = walk_with_tab(qtbot, window, look)
    return {w.objectName() for w in reached}, missing


def test_every_control_tab_reaches_in_the_window_shows_a_ring(
    qtbot: QtBot,
    shade: str,
    library: Library,
    settings: S.Settings,
    index_service: IndexService,
    tmp_path: Path,
) -> None:
    window = window_with_every_tab(qtbot, library, settings, index_service, tmp_path / "data")
    window.open_document("elbe-group-2018-naples")
    reached: set[str] = set()
    for tab in (Tab.SEARCH, Tab.NOTES, Tab.RECOMMENDATIONS):
        window.side_panel.setCurrentIndex(tab)
        qtbot.wait(50)
        names, missing = _rings_missing(qtbot, window)
        assert missing == {}, f"in {shade}, on the {tab.name} tab, no ring on {missing}"
        reached |= names
    expected = {"library_view", "reader", "search_box", "search_results", "notes_list"}
    assert expected | {"recommendation_tree", "notes_color_filter"} <= reached
