"""The questions the Notes feature asks: the note editor, where to export, what to import,
the author's name (the memo has its own dialog, memo_dialog.py).

Each is one function or an ask() classmethod, so tests patch it and never reach exec().
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStringListModel, Qt, Slot
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from reader.core.export import ExportFormat
from reader.core.notes.export import NOTE_FORMATS
from reader.core.notes.note import COLOR_HEX, COLORS, DEFAULT_COLOR

from reader.ui.colour_names import color_name
from reader.ui.export_dialog import ask_export_path

MARKDOWN, HTML, CSV, JSON = (ExportFormat.MARKDOWN, ExportFormat.HTML, ExportFormat.CSV,
                             ExportFormat.JSON)  # fmt: skip
QUOTE_LIMIT = 300


@dataclass(frozen=True)
class NoteEdit:
    """What the editor hands back."""

    text: str
    tags: tuple[str, ...]
    color: str


def color_icon(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(COLOR_HEX.get(color, "#cccccc")))
    return QIcon(pixmap)


def color_combo(current: str = DEFAULT_COLOR, first: str = "") -> QComboBox:
    """The five colours with swatches (after an item `first` with no colour, if given)."""
    combo = QComboBox()
    if first:
        combo.addItem(first, None)
    for color in COLORS:
        combo.addItem(color_icon(color), color_name(color), color)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


# Saves an edit: "" once it is stored, else the sentence saying why it was not.
Save = Callable[[NoteEdit], str]


class NoteEditor(QDialog):
    """The note on a passage: its text (Markdown allowed), tags and colour.

    With a `save`, Save stores the note before the dialog closes, so a note whose dialog has
    closed is on disk (a crash a moment later keeps it), and one that could not be stored
    stays open with the reason, its text still there to copy or retry.
    """

    def __init__(
        self,
        quote: str,
        edit: NoteEdit,
        known_tags: Sequence[str],
        parent: QWidget | None = None,
        save: Save | None = None,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setObjectName("note_editor")
        self.setWindowTitle(self.tr("Note"))
        self.setMinimumWidth(460)
        shown = " ".join(quote.split())
        shown = shown if len(shown) <= QUOTE_LIMIT else shown[:QUOTE_LIMIT] + "…"
        self.quote = QLabel(f"<i>“{_escape(shown)}”</i>", wordWrap=True)
        self.quote.setTextFormat(Qt.TextFormat.RichText)
        self.text = QPlainTextEdit(edit.text)
        self.text.setPlaceholderText(self.tr("Your note (plain text; *Markdown* allowed)"))
        self.text.setTabChangesFocus(True)
        self.tags = QLineEdit(
            ", ".join(edit.tags), placeholderText=self.tr("tags, comma separated")
        )
        self.tags.setObjectName("note_tags")
        self._completer = _TagCompleter(self.tags, known_tags)
        self.color = color_combo(edit.color)
        self.problem = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.problem.setObjectName("note_problem")
        self.problem.setStyleSheet("color: white; background: #b3261e; padding: 4px;")
        self.problem.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Note:"), self.text)
        form.addRow(self.tr("Tags:"), self.tags)
        form.addRow(self.tr("Colour:"), self.color)
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.text.setFocus()

    def accept(self) -> None:
        problem = self._save(self.result_edit()) if self._save is not None else ""
        if problem:
            self.problem.setText(self.tr("Not saved: {problem}").format(problem=problem))
            self.problem.show()
            return
        super().accept()

    def result_edit(self) -> NoteEdit:
        tags = tuple(tag.strip() for tag in self.tags.text().split(",") if tag.strip())
        return NoteEdit(self.text.toPlainText().strip(), tags, self.color.currentData())

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        quote: str,
        edit: NoteEdit | None = None,
        known_tags: Sequence[str] = (),
        save: Save | None = None,
    ) -> NoteEdit | None:
        """The note as the user left it (and `save` stored), or None if they cancelled."""
        dialog = cls(quote, edit or NoteEdit("", (), DEFAULT_COLOR), known_tags, parent, save)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.result_edit()
        finally:
            dialog.deleteLater()


class _TagCompleter(QCompleter):
    """Completes the tag being typed (after the last comma) from the tags already used."""

    def __init__(self, edit: QLineEdit, tags: Sequence[str]) -> None:
        super().__init__(edit)
        self.setModel(QStringListModel(list(tags), self))
        self._edit = edit
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setWidget(edit)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        edit.textEdited.connect(self._on_edit_text_edited)
        self.activated.connect(self._on_completer_activated)

    @Slot(str)
    def _on_edit_text_edited(self, text: str) -> None:
        current = text.rsplit(",", 1)[-1].strip()
        self.setCompletionPrefix(current)
        if current and self.completionCount():
            self.complete()

    @Slot(str)
    def _on_completer_activated(self, tag: str) -> None:
        done = self._edit.text().rsplit(",", 1)[:-1]
        self._edit.setText(", ".join([*(t.strip() for t in done if t.strip()), tag]) + ", ")


def ask_notes_export(parent: QWidget | None) -> tuple[Path, ExportFormat] | None:
    """Where to save the notes and in which format, or None."""
    return ask_export_path(
        parent, QCoreApplication.translate("NoteDialogs", "Export Notes"), "notes", NOTE_FORMATS
    )


def ask_notes_import(parent: QWidget | None) -> Path | None:
    """The Web Annotation JSON or Hypothesis file to import notes from, or None."""
    name, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("NoteDialogs", "Import Notes"), "",
        QCoreApplication.translate(
            "NoteDialogs", "Web Annotation or Hypothesis JSON (*.json *.jsonld);;All files (*)"
        ),
    )  # fmt: skip
    return Path(name) if name else None


def ask_notes_author(parent: QWidget | None, current: str, system_name: str) -> str | None:
    """The name exported notes carry as their author ("" for the system user's), or None."""
    name, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("NoteDialogs", "Notes Author"),
        QCoreApplication.translate(
            "NoteDialogs",
            "Your name, as exported notes give it (empty: {name}, from this system):",
        ).format(name=system_name),
        QLineEdit.EchoMode.Normal, current,
    )  # fmt: skip
    return name if ok else None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
