"""The window's menu bar and toolbar, laid out from the actions in actions.py."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QToolButton

from reader.ui.actions import HIGHLIGHT_COLORS, Act
from reader.ui.noop import QT_TRANSLATE_NOOP

# Titles stay English as keys; each is translated as its menu is made (after the translator).
MENUS: dict[str, list[Act | None]] = {  # None: a separator
    QT_TRANSLATE_NOOP("Menus", "&File"): [
        Act.IMPORT,
        None,
        Act.EXPORT_RECOMMENDATIONS,
        Act.EXPORT_NOTES,
        Act.IMPORT_NOTES,
        None,
        Act.QUIT,
    ],
    QT_TRANSLATE_NOOP("Menus", "&Edit"): [
        Act.UNDO,
        Act.REDO,
        None,
        Act.COPY,
        Act.COPY_WITH_CITATION,
        None,
        Act.FIND,
        Act.FIND_NEXT,
        Act.FIND_PREVIOUS,
        Act.SEARCH,
        None,
        Act.EDIT_METADATA,
        Act.REMOVE_DOCUMENT,
        None,
        Act.PREFERENCES,
    ],
    QT_TRANSLATE_NOOP("Menus", "&View"): [
        Act.ZOOM_IN,
        Act.ZOOM_OUT,
        Act.ZOOM_RESET,
        None,
        Act.MARK_RECOMMENDATIONS,
        Act.COMPARE_TOPIC,
        Act.COVERAGE_MATRIX,
        None,
        Act.FOCUS_LIBRARY,
        Act.FOCUS_OUTLINE,
    ],
    QT_TRANSLATE_NOOP("Menus", "&Notes"): [
        Act.HIGHLIGHT,
        *HIGHLIGHT_COLORS.values(),
        None,
        Act.ADD_NOTE,
        Act.EDIT_NOTE,
        Act.DELETE_NOTE,
        None,
        Act.NOTES_MEMO,
        Act.NOTES_AUTHOR,
    ],
    QT_TRANSLATE_NOOP("Menus", "&Tools"): [Act.REBUILD_INDEX],
    QT_TRANSLATE_NOOP("Menus", "&Help"): [
        Act.USER_GUIDE,
        Act.SHORTCUTS,
        Act.SEARCH_SYNTAX,
        None,
        Act.ABOUT,
    ],
}
TOOLBAR = (Act.IMPORT, Act.FIND, Act.SEARCH, Act.ZOOM_OUT, Act.ZOOM_IN, Act.COPY_WITH_CITATION)
THEMES = (Act.THEME_SYSTEM, Act.THEME_LIGHT, Act.THEME_DARK)


def build_menus(window: QMainWindow, actions: dict[Act, QAction]) -> None:
    """Menus, the Appearance submenu (one theme at a time), the toolbar; every shortcut live."""
    theme_group = QActionGroup(window)
    for act in THEMES:
        theme_group.addAction(actions[act])
    for title, acts in MENUS.items():
        menu = window.menuBar().addMenu(QCoreApplication.translate("Menus", title))
        for entry in acts:
            if entry is None:
                menu.addSeparator()
            else:
                menu.addAction(actions[entry])
        if title == "&View":
            appearance = menu.addMenu(QCoreApplication.translate("Menus", "&Appearance"))
            appearance.addActions(theme_group.actions())
    toolbar = window.addToolBar(QCoreApplication.translate("Menus", "Main"))
    toolbar.setObjectName("main_toolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for act in TOOLBAR:
        toolbar.addAction(actions[act])
    _add_note_buttons(toolbar, actions)
    for action in actions.values():
        window.addAction(action)  # shortcuts work wherever focus is


def _add_note_buttons(toolbar: QToolBar, actions: dict[Act, QAction]) -> None:
    """Highlight (yellow, or a colour from its menu) and Add Note."""
    toolbar.addSeparator()
    colours = QMenu(toolbar)
    colours.addActions([actions[act] for act in HIGHLIGHT_COLORS.values()])
    button = QToolButton(toolbar)
    button.setObjectName("highlight_button")
    button.setDefaultAction(actions[Act.HIGHLIGHT])
    button.setMenu(colours)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addWidget(button)
    toolbar.addAction(actions[Act.ADD_NOTE])
