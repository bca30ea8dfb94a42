"""Help: the guide, every action with its keys (made from the actions), and the search
syntax whose examples search when clicked."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from reader.ui.actions import Act
from reader.ui.help.pages import keys_of
from reader.ui.main_window import MainWindow
from reader.ui.menus import MENUS
from reader.ui.search.index_service import IndexService
from reader.ui.side_panel import Tab

# The help window raises itself, which the offscreen platform cannot do.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise")


def test_f1_opens_the_user_guide(qtbot: QtBot, window: MainWindow) -> None:
    guide = window.actions_by_id[Act.USER_GUIDE]
    assert QKeySequence(QKeySequence.StandardKey.HelpContents) in guide.shortcuts()
    guide.trigger()
    dialog = window.help.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    assert "User Guide" in dialog.windowTitle()
    assert "Library" in dialog.browser.toPlainText()


def test_the_shortcuts_list_every_action_with_its_keys(window: MainWindow) -> None:
    window.actions_by_id[Act.SHORTCUTS].trigger()
    assert window.help.dialog is not None
    page = window.help.dialog.browser.toPlainText()
    for act, action in window.actions_by_id.items():
        assert action.text().replace("&", "") in page, act
        if action.shortcuts():
            assert keys_of(action) in page, act
    for menu in MENUS:
        assert menu.replace("&", "") in page
    window.help.dialog.close()


def test_a_search_example_searches_in_the_search_tab(
    qtbot: QtBot, search_window: MainWindow, index_service: IndexService
) -> None:
    search_window.actions_by_id[Act.SEARCH_SYNTAX].trigger()
    dialog = search_window.help.dialog
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert '"missile defense"' in dialog.browser.toPlainText()
    dialog.browser.anchorClicked.emit(QUrl('search:"missile defense"'))
    panel = search_window.search_panel
    assert panel is not None
    assert search_window.side_panel.currentIndex() == Tab.SEARCH
    assert panel.query() == '"missile defense"'
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10000)


@pytest.mark.parametrize("act", [Act.USER_GUIDE, Act.SHORTCUTS, Act.SEARCH_SYNTAX])
def test_help_is_in_the_help_menu(window: MainWindow, act: Act) -> None:
    [help_menu] = [m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Help"]
    assert window.actions_by_id[act] in help_menu.actions()


def test_the_help_pages_are_in_the_interfaces_language() -> None:
    from PySide6.QtCore import QLocale

    from reader.ui.help.pages import GUIDE, SYNTAX, written_page

    english = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.Russian))
        assert "Библиотека" in written_page(GUIDE)
        assert "Синтаксис поиска" in written_page(SYNTAX)
    finally:
        QLocale.setDefault(english)
    assert "Library" in written_page(GUIDE)
