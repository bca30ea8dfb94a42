"""Edit → Preferences: opens the dialog, and applies each setting it changes, at once, to
what it governs (the reader's type, the theme, where exports start)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from reader.core.export import ExportFormat

from reader.ui import export_dialog
from reader.ui import settings as S
from reader.ui.actions import Act
from reader.ui.reading.view import ReaderView, Typography
from reader.ui.settings import Setting, Settings

if TYPE_CHECKING:
    from reader.ui.preferences.dialog import PreferencesDialog

TYPE_SETTINGS = (S.READING_FONT, S.READING_SIZE, S.LINE_CHARS)


class PreferencesController(QObject):
    """`set_theme(choice)`: the window's way to change the theme ("system", "light", "dark")."""

    def __init__(
        self,
        parent: QWidget,
        settings: Settings,
        actions: Mapping[Act, QAction],
        reader: ReaderView,
        set_theme: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self._parent, self._settings, self._actions = parent, settings, actions
        self._reader, self._set_theme = reader, set_theme
        self.dialog: PreferencesDialog | None = None
        # Sections other features add (Team): each makes its title and widget when the
        # dialog is made, so the preferences know nothing of them.
        self._sections: list[Callable[[], tuple[str, QWidget]]] = []

    def add_section(self, make: Callable[[], tuple[str, QWidget]]) -> None:
        self._sections.append(make)

    def connect_actions(self) -> None:
        self._actions[Act.PREFERENCES].triggered.connect(self.open)

    def apply_at_start(self) -> None:
        """What the stored preferences govern, before the first document is shown (the
        theme is applied earlier still, by the app)."""
        self._apply_typography()
        self._apply_export_defaults()

    @Slot()
    def open(self) -> PreferencesDialog:
        from reader.ui.preferences.dialog import PreferencesDialog  # not for the first paint

        if self.dialog is None or not shiboken6.isValid(self.dialog):
            self.dialog = PreferencesDialog(self._settings, self._parent)
            for make in self._sections:
                self.dialog.add_section(*make())
            self.dialog.changed.connect(self._on_dialog_changed)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog

    @Slot(object)
    def _on_dialog_changed(self, setting: Setting[Any]) -> None:
        if setting in TYPE_SETTINGS:
            self._apply_typography()
        elif setting == S.THEME:
            self._set_theme(self._settings.get(S.THEME))
        elif setting in (S.EXPORT_FORMAT, S.EXPORT_FOLDER):
            self._apply_export_defaults()

    def _apply_typography(self) -> None:
        get = self._settings.get
        self._reader.set_typography(
            Typography(get(S.READING_FONT), float(get(S.READING_SIZE)), get(S.LINE_CHARS))
        )

    def _apply_export_defaults(self) -> None:
        value = self._settings.get(S.EXPORT_FORMAT)
        known = {f.value: f for f in ExportFormat}
        export_dialog.DEFAULTS.folder = self._settings.get(S.EXPORT_FOLDER)
        export_dialog.DEFAULTS.format = known.get(value)
