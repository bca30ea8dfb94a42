"""Bare PySide6 window for bench/startup.py: list + text browser, prints its first paint, quits."""

import sys
import time

T0 = time.perf_counter()  # taken before the Qt imports, like the app's own clock should be

from PySide6.QtCore import QEvent, QObject, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QListWidget,
    QMainWindow,
    QSplitter,
    QTextBrowser,
)

HTML = """
<h1>Joint statement</h1>
<p>The participants met to discuss the state of relations and agreed on the following.</p>
<ul><li>First recommendation, with a few words of detail.</li>
<li>Second recommendation, with a few more words of detail.</li></ul>
<p>They will meet again next year.</p>
"""


class FirstPaint(QObject):
    """Event filter on the browser's viewport: on the first Paint, print the time and quit."""

    def __init__(self, app: QApplication, started: float = T0) -> None:
        super().__init__()
        self._app = app
        self._started = started
        self._seen = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._seen:
            self._seen = True
            print(f"first paint after {time.perf_counter() - self._started:.3f} s", flush=True)
            QTimer.singleShot(0, self._app.quit)
        return False


def build_window() -> tuple[QMainWindow, QTextBrowser]:
    documents = QListWidget()
    documents.addItems(["Elbe Group, Naples 2018", "AC/RIAC, Washington 2013"])
    browser = QTextBrowser()
    browser.setHtml(HTML)
    return framed(documents, browser), browser


def framed(documents: QListWidget, browser: QTextBrowser) -> QMainWindow:
    """The list beside the browser in a main window, as floor_window.py frames its steps too."""
    splitter = QSplitter(Qt.Orientation.Horizontal)
    splitter.addWidget(documents)
    splitter.addWidget(browser)
    window = QMainWindow()
    window.setCentralWidget(splitter)
    window.resize(1000, 700)
    return window


def main() -> int:
    app = QApplication(sys.argv[:1])
    window, browser = build_window()
    watch = FirstPaint(app)
    browser.viewport().installEventFilter(watch)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
