"""The import's dialogs: choosing files, its progress, the summary afterwards, and why it
cannot start. Each behind a function, so tests patch them and never reach exec()."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader import APP_NAME

from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.plurals import plurals

if TYPE_CHECKING:
    from reader.core.library.importing import ImportResult

# The kinds the importers read (reader.core.importers.FORMATS, not imported here: ~75 ms).
IMPORTABLE_SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".text", ".markdown")
# Marked for lupdate, which cannot read a translate() of a name: the filter's words were
# left out of the translations, and a Russian file dialog offered English file kinds.
FILE_FILTER = QT_TRANSLATE_NOOP(
    "Import",
    "Statements (*.txt *.md *.html *.htm *.pdf);;Text (*.txt);;Markdown (*.md);;"
    "Web pages (*.html *.htm);;PDF (*.pdf);;All files (*)",
)


def ask_import_paths(parent: QWidget) -> list[Path]:
    """The files the user chose to import (none if the dialog was cancelled)."""
    names, _ = QFileDialog.getOpenFileNames(
        parent,
        QCoreApplication.translate("Import", "Import Statements"),
        "",
        QCoreApplication.translate("Import", FILE_FILTER),
    )
    return [Path(name) for name in names]


def show_cannot_import(parent: QWidget, sentence: str) -> None:
    QMessageBox.warning(
        parent,
        QCoreApplication.translate("Import", "Import — {app}").format(app=APP_NAME),
        sentence,
    )


def make_progress(parent: QWidget, total: int) -> QProgressDialog:
    """A progress dialog that does not block the window: search and reading go on."""
    dialog = QProgressDialog(
        QCoreApplication.translate("Import", "Preparing the import…"),
        QCoreApplication.translate("Import", "Cancel"),
        0,
        total,
        parent,
    )
    dialog.setObjectName("import_progress")
    dialog.setWindowTitle(
        QCoreApplication.translate("Import", "Importing — {app}").format(app=APP_NAME)
    )
    dialog.setWindowModality(Qt.WindowModality.NonModal)  # modal: setValue() re-enters the loop
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(0)
    dialog.setMinimumWidth(420)
    return dialog


def progress_label(done: int, total: int, name: str) -> str:
    return QCoreApplication.translate("Import", "Importing {done} of {total}: {name}").format(
        done=done, total=total, name=name
    )


class ImportSummaryDialog(QDialog):
    """What an import did: the documents imported, then each file that was not, and why."""

    def __init__(self, parent: QWidget | None, results: Sequence[ImportResult]) -> None:
        super().__init__(parent)
        self.setObjectName("import_summary")
        self.setWindowTitle(
            QCoreApplication.translate("Import", "Import — {app}").format(app=APP_NAME)
        )
        self.headline = QLabel(summary_headline(results))
        self.headline.setWordWrap(True)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        self.details.setHtml(summary_html(results))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(620, 420)


def show_import_summary(parent: QWidget, results: Sequence[ImportResult]) -> None:
    ImportSummaryDialog(parent, results).exec()


def summary_headline(results: Sequence[ImportResult]) -> str:
    from reader.core.library.importing import DUPLICATE, IMPORTED

    imported = sum(r.status == IMPORTED for r in results)
    duplicates = sum(r.status == DUPLICATE for r in results)
    refused = len(results) - imported - duplicates
    parts = [plurals().documents_imported(imported)]
    if duplicates:
        parts.append(
            QCoreApplication.translate("Import", "{count} already in the library").format(
                count=duplicates
            )
        )
    if refused:
        parts.append(
            QCoreApplication.translate("Import", "{count} not imported").format(count=refused)
        )
    return "; ".join(parts) + "."


def summary_html(results: Sequence[ImportResult]) -> str:
    from reader.core.library.importing import IMPORTED

    done = [r for r in results if r.status == IMPORTED]
    other = [r for r in results if r.status != IMPORTED]
    parts = []
    if done:
        items = "".join(
            f"<li><b>{html.escape(r.title or r.id)}</b> "
            f"<span style='color:gray'>{_from(r.file)}</span></li>"
            for r in done
        )
        parts.append(f"<h4>{QCoreApplication.translate('Import', 'Imported')}</h4><ul>{items}</ul>")
    if other:
        items = "".join(
            f"<li><b>{html.escape(Path(r.file).name)}</b>: {html.escape(_why(r))}</li>"
            for r in other
        )
        parts.append(
            f"<h4>{QCoreApplication.translate('Import', 'Not imported')}</h4><ul>{items}</ul>"
        )
    return (
        "".join(parts) or f"<p>{QCoreApplication.translate('Import', 'No files were given.')}</p>"
    )


def _from(file: str) -> str:
    name = html.escape(Path(file).name)
    return QCoreApplication.translate("Import", "from {file}").format(file=name)


def _why(result: ImportResult) -> str:
    from reader.core.library.importing import DUPLICATE

    if result.status == DUPLICATE and result.title:
        return QCoreApplication.translate(
            "Import", "already in the library as “{title}” ({id})."
        ).format(title=result.title, id=result.id)
    # The line starts with the file's name already: "a.pdf: it is damaged", not "a.pdf: a.pdf …"
    name = Path(result.file).name
    if result.reason.startswith(name + " "):
        return "it" + result.reason[len(name) :]
    return result.reason
