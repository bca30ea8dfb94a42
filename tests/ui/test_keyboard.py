"""Every control is reached with Tab alone and tells a screen reader its name."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget

from reader.core.library.library import Library

from reader.ui import settings as S
from reader.ui.main_window import MainWindow
from reader.ui.search.index_service import IndexService
from reader.ui.side_panel import Tab

LOAD_TIMEOUT_MS = 10000
# A tab's controls that Tab must reach, by object name.
EXPECTED = {
    Tab.RECOMMENDATIONS: {
        "recommendation_document_filter", "recommendation_topic_filter",
        "recommendation_text_filter", "recommendation_tree",
    },
    Tab.SEARCH: {"search_box", "search_document_filter", "search_topic_filter", "search_results"},
    Tab.NOTES: {"notes_all_documents", "notes_color_filter", "notes_tag_filter",
                "notes_text_filter", "notes_list"},
}  # fmt: skip
EVERY_TAB = {"library_view", "outline_view", "reader"}


def _name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def walk_with_tab(
    qtbot: QtBot,
    window: MainWindow,
    step: Callable[[QWidget, Callable[[], None]], None] | None = None,
) -> list[QWidget]:
    """Press Tab from the library until focus comes back to it; `step(widget, press)`, if
    given, presses Tab itself (press()) on each widget reached, to look before and after."""
    window.library_view.setFocus(Qt.FocusReason.TabFocusReason)
    reached: list[QWidget] = []
    for _ in range(120):
        focused = QApplication.focusWidget()
        assert focused is not None
        if focused in reached:
            break
        reached.append(focused)
        press = functools.partial(qtbot.keyClick, focused, Qt.Key.Key_Tab)
        if step is None:
            press()
        else:
            step(focused, press)
    return reached


def window_with_every_tab(
    qtbot: QtBot, library: Library, settings: S.Settings, index_service: IndexService, data: Path
) -> MainWindow:
    """The window at 1440x900, its index open and every side tab's panel built."""
    window = MainWindow(library, settings, index_service, data)
    qtbot.addWidget(window)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(index_service.opened, timeout=LOAD_TIMEOUT_MS * 2):
        index_service.start()
    window.activateWindow()
    with qtbot.waitSignal(window.recommendations.panel_built, timeout=LOAD_TIMEOUT_MS):
        window.side_panel.setCurrentIndex(Tab.RECOMMENDATIONS)
        window.recommendations.ensure_panel()
    window.notes.service.start()
    qtbot.waitUntil(window.notes.service.is_loaded, timeout=LOAD_TIMEOUT_MS)
    window.notes.ensure_panel()
    window.ensure_search_panel()
    return window


def test_tab_reaches_every_control_and_each_has_a_name(
    qtbot: QtBot,
    library: Library,
    settings: S.Settings,
    index_service: IndexService,
    tmp_path: Path,
) -> None:
    window = window_with_every_tab(qtbot, library, settings, index_service, tmp_path / "data")
    for tab, expected in EXPECTED.items():
        window.side_panel.setCurrentIndex(tab)
        qtbot.wait(50)
        reached = walk_with_tab(qtbot, window)
        names = {widget.objectName() for widget in reached}
        missing = (expected | EVERY_TAB) - names
        assert not missing, (tab, missing, names)
        unnamed = [w.objectName() or type(w).__name__ for w in reached if not _name(w).strip()]
        assert not unnamed, (tab, unnamed)


def test_every_action_is_in_a_menu_the_keyboard_opens(window: MainWindow) -> None:
    """The menu bar (Alt, F10), its Appearance submenu, or the reader's context menu (the
    Menu key): nothing is only a toolbar button or a mouse gesture."""
    from reader.ui.actions import Act
    from reader.ui.menus import MENUS, THEMES

    in_menus = {act for acts in MENUS.values() for act in acts if act is not None}
    in_context = {Act.MARK_AS_RECOMMENDATION, Act.CHANGE_TOPICS, Act.DISMISS_RECOMMENDATION}
    assert set(window.actions_by_id) <= in_menus | set(THEMES) | in_context
