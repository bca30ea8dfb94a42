"""Renders the app's SVG icon to the PNG sizes desktops look up: python packaging/render_icons.py.

The PNGs are committed (resources/icon-SIZE.png), so a wheel install, the bundle and the .deb all
carry them without Qt having to draw them at build time; run this again after editing the
SVG (tests/packaging/test_desktop_files.py checks every size is there and of its size).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from reader.desktop_files import APP_ID, ICON_SIZES  # noqa: E402


def render(svg: Path, size: int, out: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    if not image.save(str(out)):
        raise SystemExit(f"render_icons: could not write {out}")


def main() -> None:
    _app = QGuiApplication(sys.argv[:1])
    svg = ROOT / "resources" / f"{APP_ID}.svg"
    for size in ICON_SIZES:
        render(svg, size, ROOT / "resources" / f"icon-{size}.png")


if __name__ == "__main__":
    main()
