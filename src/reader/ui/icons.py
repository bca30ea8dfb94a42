"""Icons: the desktop's icon theme where it has the icon (as KDE and GNOME users expect),
else Lucide's line icons (ISC licence, resources/lucide-LICENSE.txt), drawn in the palette's
text colour so they read in the light and the dark theme alike."""

from __future__ import annotations

import functools

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyleOption

from reader.resource_access import resource_path

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
    return QIcon(InkedSvgEngine(svg.encode("utf-8")))


class InkedSvgEngine(QIconEngine):
    """Draws the SVG at the size asked, when first asked: drawing every size of every icon
    up front (240 pixmaps for the window's actions) took 20-50 ms before the first paint,
    for icons that mostly show only when a menu opens."""

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._pixmaps: dict[tuple[int, int, float, QIcon.Mode], QPixmap] = {}

    def clone(self) -> QIconEngine:
        return InkedSvgEngine(self._svg)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        key = (size.width(), size.height(), scale, mode)
        if key not in self._pixmaps:
            self._pixmaps[key] = self._draw(size, mode, scale)
        return self._pixmaps[key]

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def _draw(self, size: QSize, mode: QIcon.Mode, scale: float) -> QPixmap:
        from PySide6.QtSvg import QSvgRenderer  # with the first icon drawn, not at import

        width, height = round(size.width() * scale), round(size.height() * scale)
        pixmap = QPixmap(max(width, 1), max(height, 1))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        QSvgRenderer(QByteArray(self._svg)).render(painter, QRectF(0, 0, width, height))
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        if mode in (QIcon.Mode.Disabled, QIcon.Mode.Selected):
            # As Qt's own pixmap icons: the style greys a disabled one out.
            app = QApplication.instance()
            if isinstance(app, QApplication):
                return app.style().generatedIconPixmap(mode, pixmap, QStyleOption())
        return pixmap
