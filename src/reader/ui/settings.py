"""Every setting declared once with its type and default, kept in an INI file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T", int, str, bytes)


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type[T]
    default: T


ZOOM = Setting("reader/zoom", int, 0)
THEME = Setting("appearance/theme", str, "system")  # "system", "light" or "dark"
LAST_DOCUMENT = Setting("library/last_document", str, "")
GEOMETRY = Setting("window/geometry", bytes, b"")
WINDOW_STATE = Setting("window/state", bytes, b"")
SPLITTER = Setting("window/splitter", bytes, b"")
LEFT_SPLITTER = Setting("window/left_splitter", bytes, b"")
LIBRARY_HEADER = Setting("library/header", bytes, b"")
SIDE_TAB = Setting("window/side_tab", int, 0)
MARK_RECOMMENDATIONS = Setting("reader/mark_recommendations", int, 0)  # 1: marks shown
# The name exported notes carry as their creator; "" is the system user's full name.
NOTES_AUTHOR = Setting("notes/author", str, "")
# Where the Search tab searches when the library has a team: "laptop" or "team".
SEARCH_WHERE = Setting("search/where", str, "laptop")
# Preferences (see ui/preferences): each applied the moment it changes.
READING_FONT = Setting("reader/font", str, "")  # "" for the bundled choice of serifs
READING_SIZE = Setting("reader/size", int, 12)  # points at 100 %
LINE_CHARS = Setting("reader/line_chars", int, 72)  # about this many characters a line
HIGHLIGHT_COLOR = Setting("notes/highlight_color", str, "yellow")  # Ctrl+H's colour
EXPORT_FORMAT = Setting("export/format", str, "")  # a format's value ("markdown"); "" first
EXPORT_FOLDER = Setting("export/folder", str, "")  # "" for the current folder
# The interface's language: "" follows the system locale, else "en" or "ru" (ui/language.py);
# read once at start, as the widgets take their texts when they are built.
LANGUAGE = Setting("appearance/language", str, "")


class Settings:
    """Typed access; a stored value of the wrong type reads as the default."""

    def __init__(self, path: Path) -> None:
        self._qsettings = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, setting: Setting[T]) -> T:
        value = self._qsettings.value(setting.key)
        if value is None:
            return setting.default
        try:
            if setting.type is bytes:
                return bytes(value.data() if isinstance(value, QByteArray) else value)  # type: ignore[return-value]
            return setting.type(value)
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        self._qsettings.setValue(
            setting.key, QByteArray(value) if isinstance(value, bytes) else value
        )

    def reading_position(self, doc_id: str) -> int:
        return self.get(Setting(f"positions/{doc_id}", int, 0))

    def set_reading_position(self, doc_id: str, offset: int) -> None:
        self._qsettings.setValue(f"positions/{doc_id}", offset)

    def sync(self) -> bool:
        """Write to disk now; False when the file cannot be written."""
        self._qsettings.sync()
        return self._qsettings.status() == QSettings.Status.NoError
