"""Every action with an icon shows one, from the desktop's theme or the bundled set, drawn
light on a dark palette and dark on a light one."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from reader.ui.actions import _SPECS, Act
from reader.ui.main_window import MainWindow


def _ink_lightness(icon: QIcon) -> int:
    image = icon.pixmap(24, 24).toImage()
    inked = [
        image.pixelColor(x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).alpha() > 200
    ]
    assert inked, "the icon draws nothing"
    return sum(color.lightness() for color in inked) // len(inked)


def test_every_action_named_with_an_icon_has_one(window: MainWindow) -> None:
    named = [act for act, spec in _SPECS.items() if spec.icon]
    assert named
    for act in named:
        assert not window.actions_by_id[act].icon().isNull(), act


def test_the_bundled_icons_follow_the_theme(window: MainWindow) -> None:
    if QIcon.hasThemeIcon("edit-copy"):
        return  # the desktop's own theme draws it, in its own colours
    window.set_theme("light")
    light = _ink_lightness(window.actions_by_id[Act.COPY].icon())
    window.set_theme("dark")
    dark = _ink_lightness(window.actions_by_id[Act.COPY].icon())
    window.set_theme("light")
    assert light < 100 < dark
