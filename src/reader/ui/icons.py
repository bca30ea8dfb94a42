"""Icons: the desktop's icon theme where it has the icon (as KDE and GNOME users expect),
else Lucide's line icons (ISC licence, resources/lucide-LICENSE.txt), drawn in the palette's
text colour so they read in the light and the dark theme alike."""

from __future__ import annotations

import functools

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from reader.resource_access import resource_path

SIZES = (16, 22, 24, 32, 48)
PREFIX = "action-"  # resources/action-<freedesktop icon name>.svg


def themed_icon(name: str) -> QIcon:
    """The icon named `name` in the freedesktop naming spec ("edit-copy"), or a null icon."""
    if QIcon.hasThemeIcon(name):
        return QIcon.fromTheme(name)
    return _bundled(name, _ink())


def _ink() -> str:
    app = QGuiApplication.instance()
    palette = app.palette() if isinstance(app, QGuiApplication) else QPalette()
    return palette.color(QPalette.ColorRole.ButtonText).name()


@functools.cache
def _bundled(name: str, ink: str) -> QIcon:
    path = resource_path(f"{PREFIX}{name}.svg")
    if not path.is_file():
        return QIcon()
    svg = path.read_text(encoding="utf-8").replace("currentColor", ink)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    icon = QIcon()
    for size in SIZES:
        for scale in (1, 2):  # and for a display of twice the pixels
            pixmap = QPixmap(size * scale, size * scale)
            pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(pixmap)
            renderer.render(painter, QRectF(0, 0, size * scale, size * scale))
            painter.end()
            pixmap.setDevicePixelRatio(scale)
            icon.addPixmap(pixmap)
    return icon
