"""Dialogs about one imported document: its metadata, and what to do with its notes when it
is removed. Each behind an ask() classmethod, so tests patch them and never reach exec()."""

from __future__ import annotations

import dataclasses
import datetime as dt
from enum import Enum

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reader import APP_NAME
from reader.core.documents.document import DatePrecision, Metadata

from reader.ui.plurals import plurals

DATE_FORMAT = "d MMMM yyyy"


class MetadataDialog(QDialog):
    """Title, date or date range, place and organisations of an imported document."""

    def __init__(self, parent: QWidget | None, metadata: Metadata) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Document Details — {app}").format(app=APP_NAME))
        self._metadata = metadata
        self.title = QLineEdit(metadata.title)
        self.place = QLineEdit(metadata.place)
        self.organizations = QLineEdit(", ".join(metadata.organizations))
        self.organizations.setPlaceholderText("separated by commas")
        self.has_date = QCheckBox(self.tr("Dated"))
        self.start = _date_edit(metadata.date_start)
        self.has_end = QCheckBox("to")
        self.end = _date_edit(metadata.date_end or metadata.date_start)
        self.has_date.setChecked(metadata.date_start is not None)
        self.has_end.setChecked(metadata.date_end not in (None, metadata.date_start))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self._build_layout()
        self.has_date.toggled.connect(self._on_date_toggled)
        self.has_end.toggled.connect(self._on_date_toggled)
        self.title.textChanged.connect(self._on_date_toggled)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._on_date_toggled()

    def _build_layout(self) -> None:
        dates = QHBoxLayout()
        for widget in (self.has_date, self.start, self.has_end, self.end):
            dates.addWidget(widget)
        dates.addStretch(1)
        form = QFormLayout()
        form.addRow("&Title:", self.title)
        form.addRow(self.tr("Date:"), dates)
        form.addRow("&Place:", self.place)
        form.addRow("&Organisations:", self.organizations)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    def _on_date_toggled(self) -> None:
        dated = self.has_date.isChecked()
        self.start.setEnabled(dated)
        self.has_end.setEnabled(dated)
        self.end.setEnabled(dated and self.has_end.isChecked())
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(bool(self.title.text().strip()))

    def metadata(self) -> Metadata:
        """The metadata as the dialog shows it now (a range is put in order)."""
        start: dt.date | None = None
        end: dt.date | None = None
        if self.has_date.isChecked():
            first, last = _day(self.start), _day(self.end)
            start = min(first, last) if self.has_end.isChecked() else first
            end = max(first, last) if self.has_end.isChecked() else None
        organizations = tuple(o.strip() for o in self.organizations.text().split(",") if o.strip())
        title = self.title.text().strip()
        short = "" if title != self._metadata.title else self._metadata.short_title
        end = end if end != start else None
        # The edits show days; a month or a year the user left alone stays a month or a year.
        kept = (start, end) == (self._metadata.date_start, self._metadata.date_end)
        return dataclasses.replace(
            self._metadata,
            title=title,
            short_title=short,
            date_start=start,
            date_end=end,
            date_precision=self._metadata.date_precision if kept else DatePrecision.DAY,
            place=self.place.text().strip(),
            organizations=organizations,
        )

    @classmethod
    def ask(cls, parent: QWidget | None, metadata: Metadata) -> Metadata | None:
        """The changed metadata, or None if the user cancelled."""
        dialog = cls(parent, metadata)
        return dialog.metadata() if dialog.exec() == QDialog.DialogCode.Accepted else None


def _day(edit: QDateEdit) -> dt.date:
    date = edit.date()
    return dt.date(date.year(), date.month(), date.day())


def _date_edit(date: dt.date | None) -> QDateEdit:
    shown = QDate(date.year, date.month, date.day) if date else QDate.currentDate()
    edit = QDateEdit(shown)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setCalendarPopup(True)
    return edit


class NotesChoice(Enum):
    KEEP = "keep"
    DELETE = "delete"


class RemoveNotesQuestion:
    """Asks what becomes of a document's notes when it is removed."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, notes: int) -> NotesChoice | None:
        """KEEP them detached, DELETE them, or None: do not remove the document."""
        box = QMessageBox(parent)
        box.setWindowTitle(
            QCoreApplication.translate("RemoveNotesQuestion", "Remove from Library — {app}").format(
                app=APP_NAME
            )
        )
        box.setIcon(QMessageBox.Icon.Question)
        box.setText(plurals().document_has_notes(title, notes))
        box.setInformativeText(
            QCoreApplication.translate(
                "RemoveNotesQuestion",
                "Kept notes stay in your notes, detached, and come back if the same document "
                "is imported again.",
            )
        )
        keep = box.addButton(
            QCoreApplication.translate("RemoveNotesQuestion", "Keep Notes Detached"),
            QMessageBox.ButtonRole.AcceptRole,
        )
        delete = box.addButton(
            QCoreApplication.translate("RemoveNotesQuestion", "Delete Notes"),
            QMessageBox.ButtonRole.DestructiveRole,
        )
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        if clicked == keep:
            return NotesChoice.KEEP
        return NotesChoice.DELETE if clicked == delete else None


__all__ = ["MetadataDialog", "NotesChoice", "RemoveNotesQuestion"]
