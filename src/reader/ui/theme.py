"""Light and dark palettes (the system's colour scheme, or the user's choice), and the style
that draws a focus ring a keyboard user can see in both.

Fusion marks the focused control faintly: its item views' focus frame is the highlight at
a third of its opacity, and in its own light palette the ring on a button, a combo box or a
line edit differs from the unfocused outline by 2.4:1. WCAG 2.2 (2.4.13, focus appearance)
asks 3:1 between the same pixels focused and not. So `ReaderStyle` is Fusion with these
changes: the focus frame (an item view's current item, check boxes, tool buttons) is a 2 px
ring in the text colour, which stands out on the base and on a selection alike; a focused
view's frame and a tab bar's current tab (Fusion marks neither) get the same ring; and the
light palette's highlight is a darker blue, from which Fusion draws the ring of buttons,
combo boxes and line edits. The reader, which has no frame, rings its page itself
(reading/view.py). tests/ui/test_focus_ring.py measures every control in both themes.

Overriding drawPrimitive and drawControl sends each of them through Python: about 110
calls for a whole window, which took 1-2.5 ms more of the GUI thread's time per repaint of
the whole window (9-12 ms with Fusion), measured on a shared machine.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOption,
    QWidget,
)

THEMES = ("system", "light", "dark")

_LIGHT_PLACEHOLDER = "#6b6f76"
# Fusion's standard highlight is #308cc6; this one gives its focus ring 3.7:1 against the
# unfocused outline, and white text on a selection 6.4:1 (GNOME's blue).
_LIGHT_HIGHLIGHT = "#1a5fb4"
RING_WIDTH = 2


class ReaderStyle(QProxyStyle):
    """Fusion with a focus ring that can be seen (see the module's docstring)."""

    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))
        # Looked up once, not per primitive painted.
        self._focus_frame = QStyle.PrimitiveElement.PE_FrameFocusRect
        self._frame = QStyle.PrimitiveElement.PE_Frame
        self._focused = QStyle.StateFlag.State_HasFocus
        self._tab_label = QStyle.ControlElement.CE_TabBarTabLabel

    def standardPalette(self) -> QPalette:
        palette = super().standardPalette()
        palette.setColor(QPalette.ColorRole.Highlight, QColor(_LIGHT_HIGHLIGHT))
        return palette

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element is self._focus_frame:
            ring(painter, option)
            return
        super().drawPrimitive(element, option, painter, widget)
        # A view's frame rings it too: an empty list has no current item to ring.
        if element is self._frame and option.state & self._focused:
            ring(painter, option)

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        # Fusion draws no focus on a tab bar's current tab.
        if element is self._tab_label and option.state & self._focused:
            ring(painter, option)


def ring(painter: QPainter, option: QStyleOption) -> None:
    """The focus ring on `option`'s rectangle, if focus came from the keyboard (as Fusion:
    none after a click, where the pointer shows what was chosen)."""
    if option.state & QStyle.StateFlag.State_KeyboardFocusChange:
        draw_ring(painter, option.rect, option.palette.color(QPalette.ColorRole.Text))


def draw_ring(painter: QPainter, rect: QRect, colour: QColor) -> None:
    """A RING_WIDTH ring just inside `rect`."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(QPen(colour, RING_WIDTH))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = RING_WIDTH // 2
    painter.drawRect(rect.adjusted(half, half, -half, -half))
    painter.restore()


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
    """As apply(), but a light theme keeps the style's own palette, which it already has
    (ReaderStyle's, set with the style): setting a palette costs about 4 ms of start-up."""
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
