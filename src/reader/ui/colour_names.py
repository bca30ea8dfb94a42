"""The highlight colours' names as the interface shows them (the values stay English)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.ui.noop import QT_TRANSLATE_NOOP

_NAMES = {
    "yellow": QT_TRANSLATE_NOOP("Colours", "Yellow"),
    "green": QT_TRANSLATE_NOOP("Colours", "Green"),
    "blue": QT_TRANSLATE_NOOP("Colours", "Blue"),
    "pink": QT_TRANSLATE_NOOP("Colours", "Pink"),
    "purple": QT_TRANSLATE_NOOP("Colours", "Purple"),
}


def color_name(color: str) -> str:
    return QCoreApplication.translate("Colours", _NAMES.get(color, color.capitalize()))
