"""The About box."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from reader import APP_NAME, __version__


def about_text() -> str:
    import platform  # only when the box opens: it costs start-up time otherwise

    return (
        f"<h3>{APP_NAME} {__version__}</h3>"
        + QCoreApplication.translate(
            "About",
            "<p>An offline reader for policy statements: read them, find what they recommend, "
            "search them and keep notes. Nothing it does touches the network.</p>"
            "<p>Bundled: the Elbe Group's Joint Statement (Naples, 2018) and the Atlantic "
            "Council – RIAC co-chairs' Joint Statement (Washington, 2013).</p>",
        )
        + f"<p><small>Python {platform.python_version()} · PySide6 {pyside_version} · "
        f"Qt {qVersion()}</small></p>"
    )


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        QCoreApplication.translate("About", "About {app}").format(app=APP_NAME),
        about_text(),
    )
