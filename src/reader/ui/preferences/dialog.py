"""The Preferences dialog: one control a setting, each change saved and applied at once (as
GNOME's and KDE's preferences do: there is no OK to forget)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from reader.core.export import ExportFormat
from reader.core.notes.note import COLORS

from reader.ui import settings as S
from reader.ui.colour_names import color_name
from reader.ui.export_dialog import filter_label
from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.reading.typesetting import READING_FAMILIES
from reader.ui.settings import Setting, Settings

THEMES = {
    "system": QT_TRANSLATE_NOOP("PreferencesDialog", "Follow the system"),
    "light": QT_TRANSLATE_NOOP("PreferencesDialog", "Light"),
    "dark": QT_TRANSLATE_NOOP("PreferencesDialog", "Dark"),
}
# The interface's language (settings.LANGUAGE); each name in its own language, as is usual.
LANGUAGE_NAMES = {
    "": QT_TRANSLATE_NOOP("PreferencesDialog", "The system's"),
    "en": "English",
    "ru": "Русский",
}
SIZES = range(8, 33)
LINE_CHARS = range(40, 141)


class PreferencesDialog(QDialog):
    """Signals:
    changed(object): the Setting whose value the user just changed (already saved).
    """

    changed = Signal(object)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences_dialog")
        self.setWindowTitle(self.tr("Preferences"))
        self._settings = settings
        self.font_box = QFontComboBox()
        self.font_box.setObjectName("preferences_font")
        self.font_box.setAccessibleName(self.tr("Reading font"))
        family = settings.get(S.READING_FONT)
        shown = QFont()
        shown.setFamilies([family] if family else READING_FAMILIES)
        self.font_box.setCurrentFont(QFont(QFontInfo(shown).family()))  # what the reader uses
        self.default_font = QPushButton(self.tr("Default"))
        self.default_font.setToolTip(self.tr("The serif fonts the reader chooses by itself"))
        self.size_box = _spin(
            SIZES, settings.get(S.READING_SIZE), self.tr(" pt"), self.tr("Reading size")
        )
        self.width_box = _spin(
            LINE_CHARS, settings.get(S.LINE_CHARS), self.tr(" characters"), self.tr("Line length")
        )
        self.theme_box = _choices(
            {k: self.tr(v) for k, v in THEMES.items()}, settings.get(S.THEME), self.tr("Theme")
        )
        colours = {color: color_name(color) for color in COLORS}
        self.color_box = _choices(
            colours, settings.get(S.HIGHLIGHT_COLOR), self.tr("Highlight colour")
        )
        formats = {"": self.tr("The first each export offers")} | {
            f.value: filter_label(f) for f in ExportFormat
        }
        self.format_box = _choices(formats, settings.get(S.EXPORT_FORMAT), self.tr("Export format"))
        self.folder_edit = QLineEdit(settings.get(S.EXPORT_FOLDER))
        self.folder_edit.setPlaceholderText(self.tr("the current folder"))
        self.folder_edit.setAccessibleName(self.tr("Export folder"))
        self.folder_button = QPushButton(self.tr("Choose…"))
        self.author_edit = QLineEdit(settings.get(S.NOTES_AUTHOR))
        self.author_edit.setPlaceholderText(self.tr("your full name on this system"))
        self.author_edit.setAccessibleName(self.tr("Notes' author"))
        languages = {k: self.tr(v) if not k else v for k, v in LANGUAGE_NAMES.items()}
        self.language_box = _choices(languages, settings.get(S.LANGUAGE), self.tr("Language"))
        self.language_box.setObjectName("preferences_language")
        self._build_layout()
        self._connect_signals()

    def _build_layout(self) -> None:
        reading = QFormLayout()
        font_row = QHBoxLayout()
        font_row.addWidget(self.font_box, 1)
        font_row.addWidget(self.default_font)
        reading.addRow(_label(self.tr("&Font:"), self.font_box), font_row)
        reading.addRow(self.tr("&Size:"), self.size_box)
        reading.addRow(self.tr("&Line length:"), self.width_box)
        reading.addRow(self.tr("&Theme:"), self.theme_box)
        notes = QFormLayout()
        notes.addRow(self.tr("&Highlight colour:"), self.color_box)
        notes.addRow(self.tr("&Author of exported notes:"), self.author_edit)
        exports = QFormLayout()
        exports.addRow(self.tr("Default &format:"), self.format_box)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.folder_button)
        exports.addRow(_label(self.tr("F&older:"), self.folder_edit), folder_row)
        interface = QFormLayout()
        interface.addRow(self.tr("La&nguage:"), self.language_box)
        # Every widget takes its texts when it is built, so a new language needs a new start.
        interface.addRow("", QLabel(self.tr("Applied at the next start.")))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        self._layout = layout
        for title, form in (
            (self.tr("Reading"), reading),
            (self.tr("Notes"), notes),
            (self.tr("Exports"), exports),
            (self.tr("Interface"), interface),
        ):
            group = QGroupBox(title)
            group.setLayout(form)
            layout.addWidget(group)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.resize(520, 0)

    def add_section(self, title: str, widget: QWidget) -> None:
        """A group of another feature's own (Team), after the others."""
        group = QGroupBox(title)
        box = QVBoxLayout(group)
        box.addWidget(widget)
        self._layout.insertWidget(self._layout.count() - 2, group)  # before the stretch

    def _connect_signals(self) -> None:
        self.font_box.currentFontChanged.connect(self._on_font_box_current_font_changed)
        self.default_font.clicked.connect(self._on_default_font_clicked)
        self.size_box.valueChanged.connect(lambda v: self._save(S.READING_SIZE, v))
        self.width_box.valueChanged.connect(lambda v: self._save(S.LINE_CHARS, v))
        for box, setting in (
            (self.theme_box, S.THEME),
            (self.color_box, S.HIGHLIGHT_COLOR),
            (self.format_box, S.EXPORT_FORMAT),
            (self.language_box, S.LANGUAGE),
        ):
            box.currentIndexChanged.connect(
                lambda _i, b=box, s=setting: self._save(s, str(b.currentData()))
            )
        self.folder_edit.editingFinished.connect(
            lambda: self._save(S.EXPORT_FOLDER, self.folder_edit.text().strip())
        )
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        self.author_edit.editingFinished.connect(
            lambda: self._save(S.NOTES_AUTHOR, self.author_edit.text().strip())
        )

    def _save(self, setting: Setting[Any], value: Any) -> None:
        if self._settings.get(setting) == value:
            return
        self._settings.set(setting, value)
        self.changed.emit(setting)

    @Slot(QFont)
    def _on_font_box_current_font_changed(self, font: QFont) -> None:
        self._save(S.READING_FONT, font.family())

    @Slot()
    def _on_default_font_clicked(self) -> None:
        self._save(S.READING_FONT, "")
        shown = QFont()
        shown.setFamilies(READING_FAMILIES)
        self.font_box.blockSignals(True)  # showing the default is not choosing a family
        self.font_box.setCurrentFont(QFont(QFontInfo(shown).family()))
        self.font_box.blockSignals(False)

    @Slot()
    def _on_folder_button_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export Folder"), self.folder_edit.text()
        )
        if folder:
            self.folder_edit.setText(folder)
            self._save(S.EXPORT_FOLDER, folder)


def _label(text: str, buddy: QWidget) -> QLabel:
    """A row's label whose mnemonic reaches `buddy` (a row of several widgets has none)."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def _spin(values: range, value: int, suffix: str, name: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(values.start, values.stop - 1)
    box.setValue(min(max(value, values.start), values.stop - 1))
    box.setSuffix(suffix)
    box.setAccessibleName(name)
    return box


def _choices(choices: dict[str, str], current: str, name: str) -> QComboBox:
    box = QComboBox()
    for value, label in choices.items():
        box.addItem(label, value)
    box.setCurrentIndex(max(0, box.findData(current)))
    box.setAccessibleName(name)
    return box
