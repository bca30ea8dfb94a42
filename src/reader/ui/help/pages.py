"""The pages Help shows: two written in resources/, one made from the window's actions, so
that a new action or key shows in the list without anyone writing it down."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QAction, QKeySequence

from reader.resource_access import resource_path

from reader.ui.actions import Act

GUIDE, SYNTAX = "user-guide.html", "search-syntax.html"
_PLAIN_KEY = re.compile(r"F\d{1,2}|Del|Delete|Esc|Return|Enter|Backspace|Home|End|Tab")
SEARCH_SCHEME = "search"  # an example in the syntax page links to search:QUERY


def written_page(name: str) -> str:
    """A help page from resources/ (HTML written for Qt's rich text), in the interface's
    language where it is written in it ("user-guide.ru.html"), else in English."""
    language = QLocale().name()[:2]
    localized = resource_path(name.replace(".html", f".{language}.html"))
    path = localized if language != "en" and localized.is_file() else resource_path(name)
    return path.read_text(encoding="utf-8")


def shortcuts_page(
    actions: Mapping[Act, QAction], menus: Mapping[str, Sequence[Act | None]]
) -> str:
    """Every action with its keys, menu by menu, then those found only in context menus."""
    listed: set[Act] = set()
    sections = []
    for menu, acts in menus.items():
        rows = [act for act in acts if act is not None]
        listed.update(rows)
        sections.append(
            _section(
                QCoreApplication.translate("Menus", menu).replace("&", ""),
                [actions[act] for act in rows],
            )
        )
    elsewhere = [action for act, action in actions.items() if act not in listed]
    if elsewhere:
        sections.append(
            _section(QCoreApplication.translate("Help", "Elsewhere (context menus)"), elsewhere)
        )
    return f"<h2>{QCoreApplication.translate('Help', 'Keyboard Shortcuts')}</h2>" + "".join(
        sections
    )


def keys_of(action: QAction) -> str:
    """The action's keys ("Ctrl+Shift+F"; several joined with commas; "" for none). The
    special keys the platform binds as well ("Open", "Undo", "Zoom In") are left out: few
    keyboards have them, and they read like the action's own name."""
    native = QKeySequence.SequenceFormat.NativeText
    texts = [key.toString(native) for key in action.shortcuts()]
    return ", ".join(text for text in texts if "+" in text or _PLAIN_KEY.fullmatch(text))


def _section(title: str, actions: Sequence[QAction]) -> str:
    rows = "".join(
        f"<tr><td>{html.escape(action.text().replace('&', ''))}</td>"
        f"<td><b>{html.escape(keys_of(action)) or '—'}</b></td></tr>"
        for action in actions
    )
    return f"<h3>{html.escape(title)}</h3><table cellpadding='3'>{rows}</table>"
