"""Help's actions: each opens its page in the one help window."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from reader.ui.actions import Act
from reader.ui.menus import MENUS

if TYPE_CHECKING:
    from reader.ui.help.dialog import HelpDialog


class HelpController(QObject):
    """`search(query)`: runs an example query from the syntax page in the Search tab."""

    def __init__(
        self, parent: QWidget, actions: Mapping[Act, QAction], search: Callable[[str], None]
    ) -> None:
        super().__init__(parent)
        self._parent, self._actions, self._search = parent, actions, search
        self.dialog: HelpDialog | None = None

    def connect_actions(self) -> None:
        self._actions[Act.USER_GUIDE].triggered.connect(self.show_guide)
        self._actions[Act.SHORTCUTS].triggered.connect(self.show_shortcuts)
        self._actions[Act.SEARCH_SYNTAX].triggered.connect(self.show_search_syntax)

    # The pages' module (and html, re) loads with the first page shown, not for the first paint.
    @Slot()
    def show_guide(self) -> None:
        from reader.ui.help.pages import GUIDE, written_page

        self._show(self.tr("User Guide"), written_page(GUIDE))

    @Slot()
    def show_shortcuts(self) -> None:
        from reader.ui.help.pages import shortcuts_page

        self._show(self.tr("Keyboard Shortcuts"), shortcuts_page(self._actions, MENUS))

    @Slot()
    def show_search_syntax(self) -> None:
        from reader.ui.help.pages import SYNTAX, written_page

        self._show(self.tr("Search Syntax"), written_page(SYNTAX))

    def _show(self, title: str, page: str) -> None:
        from reader.ui.help.dialog import HelpDialog  # not needed for the first paint

        if self.dialog is None or not shiboken6.isValid(self.dialog):
            self.dialog = HelpDialog(self._parent)
            self.dialog.search_requested.connect(self._search)
        self.dialog.show_page(title, page)
