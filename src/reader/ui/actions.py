"""Every action of the window, keyed by an enum: menus, toolbar and tests look them up here."""

from __future__ import annotations

from enum import Enum, auto
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QWidget

from reader.ui.icons import themed_icon
from reader.ui.noop import QT_TRANSLATE_NOOP

Shortcut = QKeySequence.StandardKey | str


class Act(Enum):
    QUIT = auto()
    COPY = auto()
    COPY_WITH_CITATION = auto()
    FIND = auto()
    FIND_NEXT = auto()
    FIND_PREVIOUS = auto()
    SEARCH = auto()
    REBUILD_INDEX = auto()
    ZOOM_IN = auto()
    ZOOM_OUT = auto()
    ZOOM_RESET = auto()
    THEME_SYSTEM = auto()
    THEME_LIGHT = auto()
    THEME_DARK = auto()
    FOCUS_LIBRARY = auto()
    FOCUS_OUTLINE = auto()
    ABOUT = auto()
    USER_GUIDE = auto()
    PREFERENCES = auto()
    SHORTCUTS = auto()
    SEARCH_SYNTAX = auto()
    EXPORT_RECOMMENDATIONS = auto()
    MARK_RECOMMENDATIONS = auto()
    COMPARE_TOPIC = auto()
    COVERAGE_MATRIX = auto()
    MARK_AS_RECOMMENDATION = auto()
    CHANGE_TOPICS = auto()
    DISMISS_RECOMMENDATION = auto()
    IMPORT = auto()
    REMOVE_DOCUMENT = auto()
    EDIT_METADATA = auto()
    UNDO = auto()
    REDO = auto()
    HIGHLIGHT = auto()
    HIGHLIGHT_YELLOW = auto()
    HIGHLIGHT_GREEN = auto()
    HIGHLIGHT_BLUE = auto()
    HIGHLIGHT_PINK = auto()
    HIGHLIGHT_PURPLE = auto()
    ADD_NOTE = auto()
    EDIT_NOTE = auto()
    DELETE_NOTE = auto()
    EXPORT_NOTES = auto()
    IMPORT_NOTES = auto()
    NOTES_MEMO = auto()
    NOTES_AUTHOR = auto()


# The highlight colours (reader.core.notes.note.COLORS) and the action of each.
HIGHLIGHT_COLORS: dict[str, Act] = {
    "yellow": Act.HIGHLIGHT_YELLOW,
    "green": Act.HIGHLIGHT_GREEN,
    "blue": Act.HIGHLIGHT_BLUE,
    "pink": Act.HIGHLIGHT_PINK,
    "purple": Act.HIGHLIGHT_PURPLE,
}


# Texts and tips are marked for lupdate here and translated when an action is made, because
# this table is built at import time, before app.py installs the translator.
# A NamedTuple, not a frozen dataclass: as immutable, and defined about ten times faster
# (0.15 against 1.5 ms), which the window paid before its first paint.
class _Spec(NamedTuple):
    text: str
    shortcuts: tuple[Shortcut, ...] = ()
    icon: str = ""
    tip: str = ""
    checkable: bool = False
    swatch: str = ""  # a colour drawn as the icon


_SPECS: dict[Act, _Spec] = {
    Act.QUIT: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Quit"),
        (QKeySequence.StandardKey.Quit, "Ctrl+Q"),
        "application-exit",
    ),
    Act.COPY: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Copy"), (QKeySequence.StandardKey.Copy,), "edit-copy"
    ),
    Act.COPY_WITH_CITATION: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Copy with C&itation"),
        ("Ctrl+Shift+C",),
        "edit-copy",
        QT_TRANSLATE_NOOP(
            "Actions", "Copy the selection as a quotation followed by title, place and date"
        ),
    ),
    Act.FIND: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Find in Document…"),
        (QKeySequence.StandardKey.Find,),
        "edit-find",
    ),
    Act.FIND_NEXT: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Find &Next"),
        (QKeySequence.StandardKey.FindNext, "F3"),
        "go-down",
    ),
    Act.FIND_PREVIOUS: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Find Pre&vious"),
        (QKeySequence.StandardKey.FindPrevious, "Shift+F3"),
        "go-up",
    ),
    Act.SEARCH: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Search All Documents…"),
        ("Ctrl+Shift+F",),
        "system-search",
        QT_TRANSLATE_NOOP("Actions", "Search every statement (Ctrl+Shift+F)"),
    ),
    Act.REBUILD_INDEX: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Rebuild Search Index"),
        (),
        "view-refresh",
        QT_TRANSLATE_NOOP(
            "Actions", "Build the search index again from the documents, in the background"
        ),
    ),
    Act.ZOOM_IN: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Zoom &In"),
        (QKeySequence.StandardKey.ZoomIn, "Ctrl+="),
        "zoom-in",
    ),
    Act.ZOOM_OUT: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Zoom &Out"), (QKeySequence.StandardKey.ZoomOut,), "zoom-out"
    ),
    Act.ZOOM_RESET: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Actual Size"), ("Ctrl+0",), "zoom-original"
    ),
    Act.THEME_SYSTEM: _Spec(QT_TRANSLATE_NOOP("Actions", "Follow &System"), checkable=True),
    Act.THEME_LIGHT: _Spec(QT_TRANSLATE_NOOP("Actions", "&Light"), checkable=True),
    Act.THEME_DARK: _Spec(QT_TRANSLATE_NOOP("Actions", "&Dark"), checkable=True),
    Act.FOCUS_LIBRARY: _Spec(QT_TRANSLATE_NOOP("Actions", "Go to &Library"), ("Ctrl+L",)),
    Act.FOCUS_OUTLINE: _Spec(QT_TRANSLATE_NOOP("Actions", "Go to &Outline"), ("Ctrl+Shift+O",)),
    Act.ABOUT: _Spec(QT_TRANSLATE_NOOP("Actions", "&About Statement Reader"), (), "help-about"),
    Act.PREFERENCES: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Pr&eferences…"),
        (QKeySequence.StandardKey.Preferences, "Ctrl+,"),
        "preferences-system",
        QT_TRANSLATE_NOOP(
            "Actions", "Reading font and size, line length, theme, highlight colour, exports"
        ),
    ),  # fmt: skip
    Act.USER_GUIDE: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&User Guide"),
        (QKeySequence.StandardKey.HelpContents,),
        "help-contents",
        QT_TRANSLATE_NOOP("Actions", "How to read, search and annotate statements"),
    ),  # fmt: skip
    Act.SHORTCUTS: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Keyboard Shortcuts"),
        ("Ctrl+/",),
        "preferences-desktop-keyboard-shortcuts",
        QT_TRANSLATE_NOOP("Actions", "Every action and its keys"),
    ),  # fmt: skip
    Act.SEARCH_SYNTAX: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Search Syntax"),
        (),
        "system-search",
        QT_TRANSLATE_NOOP("Actions", "Phrases, prefixes, fields and aliases, with examples"),
    ),
    Act.EXPORT_RECOMMENDATIONS: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Export Recommendations…"),
        (),
        "document-save-as",
        QT_TRANSLATE_NOOP("Actions", "Save every recommendation as Markdown or CSV"),
    ),
    Act.MARK_RECOMMENDATIONS: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Mark &Recommendations"),
        ("Ctrl+Shift+R",),
        "",
        QT_TRANSLATE_NOOP("Actions", "Shade every recommendation sentence in the text"),
        checkable=True,
    ),
    Act.COMPARE_TOPIC: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Compare a Topic Across Documents…"),
        (),
        "",
        QT_TRANSLATE_NOOP("Actions", "One topic's recommendations side by side"),
    ),
    Act.COVERAGE_MATRIX: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Recommendation C&overage…"),
        (),
        "",
        QT_TRANSLATE_NOOP("Actions", "Topics against documents, with counts"),
    ),
    Act.MARK_AS_RECOMMENDATION: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Mark as Recommendation…"),
        (),
        "",
        QT_TRANSLATE_NOOP("Actions", "File this sentence as a recommendation"),
    ),
    Act.CHANGE_TOPICS: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Change Topics…"),
        (),
        "",
        QT_TRANSLATE_NOOP("Actions", "File this recommendation elsewhere"),
    ),
    Act.DISMISS_RECOMMENDATION: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Dismiss Recommendation"),
        (),
        "",
        QT_TRANSLATE_NOOP("Actions", "This sentence is not a recommendation"),
    ),
    Act.IMPORT: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Import…"),
        (QKeySequence.StandardKey.Open, "Ctrl+O"),
        "document-open",
        QT_TRANSLATE_NOOP(
            "Actions", "Import statements: .txt, .md, .html and .pdf files, one or many (Ctrl+O)"
        ),
    ),
    Act.REMOVE_DOCUMENT: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Remove from Library…"),
        (),
        "edit-delete",
        QT_TRANSLATE_NOOP("Actions", "Remove the selected imported document"),
    ),
    Act.EDIT_METADATA: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Document &Details…"),
        (),
        "document-properties",
        QT_TRANSLATE_NOOP(
            "Actions",
            "Edit the title, date, place and organisations of the selected imported document",
        ),
    ),
    Act.UNDO: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Undo"),
        (QKeySequence.StandardKey.Undo, "Ctrl+Z"),
        "edit-undo",
    ),
    Act.REDO: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Redo"),
        (QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z"),
        "edit-redo",
    ),
    Act.HIGHLIGHT: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Highlight"),
        ("Ctrl+H",),
        "",
        QT_TRANSLATE_NOOP("Actions", "Highlight the selection (Ctrl+H)"),
        swatch="#fff176",
    ),
    Act.HIGHLIGHT_YELLOW: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Yellow"),
        (),
        "",
        QT_TRANSLATE_NOOP("Actions", "Highlight in yellow"),
        swatch="#fff176",
    ),
    Act.HIGHLIGHT_GREEN: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Green"),
        (),
        "",
        QT_TRANSLATE_NOOP("Actions", "Highlight in green"),
        swatch="#a5d6a7",
    ),
    Act.HIGHLIGHT_BLUE: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Blue"),
        (),
        "",
        QT_TRANSLATE_NOOP("Actions", "Highlight in blue"),
        swatch="#90caf9",
    ),
    Act.HIGHLIGHT_PINK: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Pink"),
        (),
        "",
        QT_TRANSLATE_NOOP("Actions", "Highlight in pink"),
        swatch="#f48fb1",
    ),
    Act.HIGHLIGHT_PURPLE: _Spec(
        QT_TRANSLATE_NOOP("Actions", "P&urple"),
        (),
        "",
        QT_TRANSLATE_NOOP("Actions", "Highlight in purple"),
        swatch="#ce93d8",
    ),
    Act.ADD_NOTE: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Add &Note…"),
        ("Ctrl+Shift+N",),
        "document-new",
        QT_TRANSLATE_NOOP("Actions", "Write a note on the selection"),
    ),
    Act.EDIT_NOTE: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Edit Note…"),
        (),
        "document-edit",
        QT_TRANSLATE_NOOP("Actions", "Edit the note under the caret"),
    ),
    Act.DELETE_NOTE: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Delete Highlight"),
        (),
        "edit-delete",
        QT_TRANSLATE_NOOP("Actions", "Delete the highlight and note under the caret"),
    ),
    Act.EXPORT_NOTES: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Export &Notes…"),
        (),
        "document-save-as",
        QT_TRANSLATE_NOOP("Actions", "Save notes as Markdown, HTML, CSV or JSON"),
    ),
    Act.IMPORT_NOTES: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Import N&otes…"),
        (),
        "document-open",
        QT_TRANSLATE_NOOP(
            "Actions", "Merge notes from a Web Annotation JSON export or a Hypothesis export file"
        ),
    ),  # fmt: skip
    Act.NOTES_MEMO: _Spec(
        QT_TRANSLATE_NOOP("Actions", "&Memo from Notes…"),
        (),
        "x-office-document",
        QT_TRANSLATE_NOOP(
            "Actions",
            "Build a memo of quotes with citations, to save or copy into a word processor",
        ),
    ),  # fmt: skip
    Act.NOTES_AUTHOR: _Spec(
        QT_TRANSLATE_NOOP("Actions", "Notes &Author…"),
        (),
        "user-identity",
        QT_TRANSLATE_NOOP("Actions", "The name exported notes carry as their author"),
    ),
}


def refresh_icons(actions: dict[Act, QAction]) -> None:
    """Draw the bundled icons again in the palette's colours (after a change of theme)."""
    for act, action in actions.items():
        spec = _SPECS[act]
        if spec.icon and not spec.swatch:
            action.setIcon(themed_icon(spec.icon))


def create_actions(parent: QWidget) -> dict[Act, QAction]:
    return {act: _make(parent, spec) for act, spec in _SPECS.items()}


def _make(parent: QWidget, spec: _Spec) -> QAction:
    action = QAction(QCoreApplication.translate("Actions", spec.text), parent)
    keys: list[QKeySequence] = []
    for shortcut in spec.shortcuts:
        keys.extend(_sequences(shortcut))
    action.setShortcuts(list(dict.fromkeys(k for k in keys if not k.isEmpty())))
    if spec.icon:
        action.setIcon(themed_icon(spec.icon))
    if spec.swatch:
        pixmap = QPixmap(14, 14)
        pixmap.fill(QColor(spec.swatch))
        action.setIcon(QIcon(pixmap))
    if spec.tip:
        tip = QCoreApplication.translate("Actions", spec.tip)
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.setCheckable(spec.checkable)
    return action


def _sequences(shortcut: Shortcut) -> list[QKeySequence]:
    if isinstance(shortcut, str):
        return [QKeySequence(shortcut)]
    return list(QKeySequence.keyBindings(shortcut))
