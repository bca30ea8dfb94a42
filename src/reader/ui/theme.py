"""Light and dark palettes: follow the system's colour scheme, or the user's choice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")

_LIGHT_PLACEHOLDER = "#6b6f76"


def system_prefers_dark() -> bool:
    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark


def resolve(choice: str) -> str:
    """'light' or 'dark' for a stored choice ('system' asks the platform)."""
    if choice == "system":
        return "dark" if system_prefers_dark() else "light"
    return choice if choice in THEMES else "light"


def apply(app: QApplication, choice: str) -> str:
    """Set the application's palette for `choice`; returns the theme actually applied."""
    theme = resolve(choice)
    app.setPalette(dark_palette() if theme == "dark" else light_palette(app))
    return theme


def apply_at_start(app: QApplication, choice: str) -> str:
    """As apply(), but a light theme keeps the style's own palette, which it already has:
    setting a palette costs about 4 ms of start-up."""
    theme = resolve(choice)
    if theme == "dark":
        app.setPalette(dark_palette())
    return theme


def light_palette(app: QApplication) -> QPalette:
    palette = app.style().standardPalette()
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor(_LIGHT_PLACEHOLDER))
    return palette


def dark_palette() -> QPalette:
    # Built here, not at import: the first lookup of each QPalette enum member is slow.
    colors = {
        QPalette.ColorRole.Window: "#2b2d30",
        QPalette.ColorRole.WindowText: "#dfe1e5",
        QPalette.ColorRole.Base: "#1e1f22",
        QPalette.ColorRole.AlternateBase: "#26282b",
        QPalette.ColorRole.ToolTipBase: "#3c3f41",
        QPalette.ColorRole.ToolTipText: "#dfe1e5",
        QPalette.ColorRole.PlaceholderText: "#8c9097",
        QPalette.ColorRole.Text: "#e3e3e3",
        QPalette.ColorRole.Button: "#35373b",
        QPalette.ColorRole.ButtonText: "#dfe1e5",
        QPalette.ColorRole.BrightText: "#ff6b68",
        QPalette.ColorRole.Highlight: "#2f65ca",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Link: "#6ea6ff",
        QPalette.ColorRole.LinkVisited: "#b48ef0",
        QPalette.ColorRole.Mid: "#45484d",
        QPalette.ColorRole.Dark: "#1a1b1e",
        QPalette.ColorRole.Light: "#4a4d52",
    }
    palette = QPalette()
    for role, color in colors.items():
        palette.setColor(role, QColor(color))
    disabled = QColor("#6f737a")
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette
