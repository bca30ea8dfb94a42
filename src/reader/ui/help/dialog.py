"""One help window, reused: it shows the page asked for, and an example search clicked in
the syntax page goes to the Search tab.

Signals:
    search_requested(str): the user clicked an example query.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from reader import APP_NAME

from reader.ui.help.pages import SEARCH_SCHEME


class HelpDialog(QDialog):
    search_requested = Signal(str)

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent, Qt.WindowType.Window)  # beside the window, not over it
        self.setObjectName("help_dialog")
        self.browser = QTextBrowser()
        self.browser.setObjectName("help_page")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._on_browser_anchor_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(640, 620)

    def show_page(self, title: str, page: str) -> None:
        self.setWindowTitle(f"{title} — {APP_NAME}")
        self.browser.setHtml(page)
        self.show()
        self.raise_()
        self.activateWindow()

    @Slot(QUrl)
    def _on_browser_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == SEARCH_SCHEME:
            self.search_requested.emit(url.path(QUrl.ComponentFormattingOption.FullyDecoded))
        elif url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
