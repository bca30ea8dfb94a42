"""The questions the Recommendations feature asks: which topics, and where to export."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.export import ExportFormat
from reader.core.recommendations.export import RECOMMENDATION_FORMATS

from reader.ui import export_dialog
from reader.ui.topic_names import topic_label

if TYPE_CHECKING:
    from reader.core.recommendations.taxonomy import Taxonomy

MARKDOWN, CSV = ExportFormat.MARKDOWN, ExportFormat.CSV
QUOTE_LIMIT = 240


class TopicsDialog(QDialog):
    """Choose a sentence's main topic and any others it is also filed under."""

    def __init__(
        self, taxonomy: Taxonomy, sentence: str, chosen: Sequence[str], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("topics_dialog")
        self.setWindowTitle(self.tr("Topics of the Recommendation"))
        quote = sentence if len(sentence) <= QUOTE_LIMIT else sentence[:QUOTE_LIMIT] + "…"
        text = QLabel(f"“{quote}”", wordWrap=True)
        self.primary = QComboBox()
        self.others = QListWidget()
        for topic in taxonomy:
            self.primary.addItem(topic_label(topic.label), topic.id)
            item = QListWidgetItem(topic_label(topic.label), self.others)
            item.setData(Qt.ItemDataRole.UserRole, topic.id)
            state = topic.id in chosen[1:]
            item.setCheckState(Qt.CheckState.Checked if state else Qt.CheckState.Unchecked)
        if chosen:
            self.primary.setCurrentIndex(max(0, self.primary.findData(chosen[0])))
        self.primary.currentIndexChanged.connect(self._on_primary_current_index_changed)
        self._on_primary_current_index_changed()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (
            text,
            QLabel(self.tr("Main topic:")),
            self.primary,
            QLabel(self.tr("Also about:")),
        ):
            layout.addWidget(widget)
        layout.addWidget(self.others, 1)
        layout.addWidget(buttons)
        self.resize(460, 480)

    @Slot()
    def _on_primary_current_index_changed(self) -> None:
        """The main topic is not offered again under "Also about"."""
        primary = self.primary.currentData()
        for row in range(self.others.count()):
            item = self.others.item(row)
            item.setHidden(item.data(Qt.ItemDataRole.UserRole) == primary)

    def topics(self) -> tuple[str, ...]:
        """The main topic first, then the others checked, in the taxonomy's order."""
        primary = str(self.primary.currentData())
        others = [
            self.others.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.others.count())
            if self.others.item(row).checkState() == Qt.CheckState.Checked
            and not self.others.item(row).isHidden()
        ]
        return (primary, *(t for t in others if t != primary))

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        taxonomy: Taxonomy,
        sentence: str,
        chosen: Sequence[str] = (),
    ) -> tuple[str, ...] | None:
        """The topics chosen (main first), or None if the user cancelled."""
        dialog = cls(taxonomy, sentence, chosen, parent)
        try:
            return dialog.topics() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()


def ask_export_path(parent: QWidget | None) -> tuple[Path, ExportFormat] | None:
    """Where to export recommendations, and as what (MARKDOWN or CSV); None if cancelled."""
    return export_dialog.ask_export_path(
        parent,
        QCoreApplication.translate("TopicsDialog", "Export Recommendations"),
        "recommendations",
        RECOMMENDATION_FORMATS,
    )
