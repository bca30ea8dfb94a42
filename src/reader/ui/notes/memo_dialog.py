"""The Memo dialog: choose notes (document, tag, colour, topic, words), group them, see the
memo as it will read, then save it (Markdown, HTML, DOCX) or copy it as rich text."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QMimeData, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.core.documents.document import Document
from reader.core.notes.memo import GroupBy, Memo, MemoOptions, build_memo
from reader.core.notes.memo_text import MEMO_FORMATS, memo_html, memo_plain_text
from reader.core.notes.note import Note
from reader.core.recommendations.extraction import Recommendation

from reader.ui.export_dialog import ask_export_path
from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.notes.dialogs import color_combo
from reader.ui.tasks import run_task
from reader.ui.topic_names import topic_label

W = TypeVar("W", bound=QWidget)
GROUPINGS = {
    GroupBy.DOCUMENT: QT_TRANSLATE_NOOP("MemoDialog", "Document"),
    GroupBy.SECTION: QT_TRANSLATE_NOOP("MemoDialog", "Document and section"),
    GroupBy.TOPIC: QT_TRANSLATE_NOOP("MemoDialog", "Topic of the recommendation"),
}
# Qt's rich text knows a subset of CSS: enough for the quotes to read as quotes.
_PREVIEW_CSS = """
h1 { font-size: 20pt; } h2 { font-size: 15pt; margin-top: 14px; } h3 { font-size: 12pt; }
blockquote { margin-top: 16px; margin-bottom: 2px; margin-left: 12px; font-style: italic; }
p.cite { color: #555; margin-bottom: 12px; }
"""


@dataclass(frozen=True)
class MemoSource:
    """What a memo can be made of: the notes, their documents, the recommendations (for
    topics), the tags in use, and the document to start with ("" for all)."""

    notes: Sequence[Note]
    documents: Mapping[str, Document]
    recommendations: Sequence[Recommendation] = ()
    tags: Sequence[str] = ()
    doc_id: str = ""
    topics: Sequence[tuple[str, str]] = field(default=())  # (id, label)

    @classmethod
    def of(
        cls,
        notes: Sequence[Note],
        documents: Mapping[str, Document],
        recommendations: Sequence[Recommendation],
        tags: Sequence[str],
        doc_id: str = "",
    ) -> MemoSource:
        """With the topics the recommendations are filed under, by label."""
        labels = {rec.topic: topic_label(rec.topic_label) for rec in recommendations}
        topics = sorted(labels.items(), key=lambda item: item[1].casefold())
        return cls(notes, documents, tuple(recommendations), tags, doc_id, topics)


class MemoDialog(QDialog):
    """Signals:
    message_posted(str): a sentence for the status bar (saved, copied, or why not).
    """

    message_posted = Signal(str)

    def __init__(self, source: MemoSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memo_dialog")
        self.setWindowTitle(self.tr("Memo from Notes"))
        self._source = source
        self.memo = Memo("Memo", [])
        self._build_widgets()
        self._build_layout()
        self._connect_signals()
        self.rebuild()

    def _build_widgets(self) -> None:
        source = self._source
        self.title = _named(QLineEdit(self.tr("Memo")), "memo_title")
        self.group_by = _named(QComboBox(), "memo_group_by")
        for grouping, label in GROUPINGS.items():
            self.group_by.addItem(self.tr(label), grouping)
        self.document = _named(QComboBox(), "memo_document")
        self.document.addItem(self.tr("All documents"), "")
        for doc_id in sorted({n.doc_id for n in source.notes}, key=self._doc_order):
            doc = source.documents.get(doc_id)
            self.document.addItem(doc.metadata.display_title if doc else doc_id, doc_id)
        self.document.setCurrentIndex(max(0, self.document.findData(source.doc_id)))
        self.tag = _named(QComboBox(), "memo_tag")
        self.tag.addItem(self.tr("All tags"), "")
        for tag in source.tags:
            self.tag.addItem(tag, tag)
        self.color = color_combo(first=self.tr("All colours"))
        self.color.setCurrentIndex(0)
        self.topic = _named(QComboBox(), "memo_topic")
        self.topic.addItem(self.tr("All topics"), "")
        for topic_id, label in source.topics:
            self.topic.addItem(label, topic_id)
        self.words = _named(QLineEdit(placeholderText=self.tr("Words in the note, tags or quote…"),
                               clearButtonEnabled=True), "memo_words")  # fmt: skip
        self.preview = _named(QTextBrowser(), "memo_preview")
        self.preview.document().setDefaultStyleSheet(_PREVIEW_CSS)
        self.status = _named(QLabel(), "memo_status")
        self.copy_button = _named(QPushButton(self.tr("Copy as Memo")), "memo_copy")
        self.copy_button.setToolTip(self.tr("Copy as rich text and plain text, to paste formatted"))
        self.save_button = _named(QPushButton(self.tr("Save As…")), "memo_save")
        self.save_button.setToolTip(self.tr("Save as Markdown, HTML or a Word document"))

    def _build_layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Title:"), self.title)
        form.addRow(self.tr("Group by:"), self.group_by)
        form.addRow(self.tr("Document:"), self.document)
        filters = QHBoxLayout()
        for widget in (self.tag, self.color, self.topic):
            filters.addWidget(widget, 1)
        form.addRow(self.tr("Only:"), filters)
        form.addRow(self.tr("Words:"), self.words)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(buttons)
        layout.addLayout(bottom)
        self.resize(760, 680)

    def _connect_signals(self) -> None:
        for combo in (self.group_by, self.document, self.tag, self.color, self.topic):
            combo.currentIndexChanged.connect(self.rebuild)
        self.title.textChanged.connect(self.rebuild)
        self.words.textChanged.connect(self.rebuild)
        self.copy_button.clicked.connect(self.copy_memo)
        self.save_button.clicked.connect(self.save_memo)

    # Public ------------------------------------------------------------------------------
    def options(self) -> MemoOptions:
        def chosen(combo: QComboBox) -> tuple[str, ...]:
            value = combo.currentData()
            return (value,) if value else ()

        return MemoOptions(
            title=self.title.text().strip() or self.tr("Memo"),
            group_by=self.group_by.currentData(),
            doc_ids=chosen(self.document), tags=chosen(self.tag), colors=chosen(self.color),
            topics=chosen(self.topic), words=self.words.text(),
        )  # fmt: skip

    @Slot()
    def rebuild(self) -> None:
        """Make the memo again from the choices, and show it."""
        source = self._source
        self.memo = build_memo(source.notes, source.documents, source.recommendations,
                               self.options())  # fmt: skip
        self.preview.setHtml(memo_html(self.memo, standalone=False))
        count = self.memo.count
        self.status.setText(self.tr("%n note(s) in the memo", "", count))
        self.copy_button.setEnabled(count > 0)
        self.save_button.setEnabled(count > 0)

    @Slot()
    def copy_memo(self) -> None:
        QGuiApplication.clipboard().setMimeData(memo_mime_data(self.memo))
        self.message_posted.emit(self.tr("The memo is on the clipboard, to paste into a document."))

    @Slot()
    def save_memo(self) -> None:
        from reader.core.export import write_export
        from reader.core.notes.memo_text import render_memo

        answer = ask_export_path(
            self, self.tr("Save Memo"), _file_name(self.memo.title), MEMO_FORMATS
        )
        if answer is None:
            return
        path, fmt = answer
        memo = self.memo

        def write() -> Path:
            write_export(path, render_memo(memo, fmt))
            return path

        run_task(write, self._on_saved, self._on_save_failed, context=self)

    # Slots -------------------------------------------------------------------------------
    def _on_saved(self, path: object) -> None:
        self.message_posted.emit(self.tr("The memo is saved as {path}.").format(path=path))

    def _on_save_failed(self, error: BaseException) -> None:
        self.message_posted.emit(self.tr("The memo was not saved: {error}").format(error=error))

    def _doc_order(self, doc_id: str) -> tuple[int, str]:
        order = list(self._source.documents)
        return (order.index(doc_id) if doc_id in order else len(order), doc_id)


def memo_mime_data(memo: Memo) -> QMimeData:
    """The memo as rich text (HTML: headings, quotes, citations paste formatted) and as
    plain text, for whatever the pasting application takes."""
    data = QMimeData()
    data.setHtml(memo_html(memo))
    data.setText(memo_plain_text(memo))
    return data


def show_memo(parent: QWidget | None, source: MemoSource) -> MemoDialog:
    """Open the dialog (not modal: the reader stays usable while the memo is made)."""
    dialog = MemoDialog(source, parent)
    dialog.setModal(False)
    dialog.show()
    return dialog


def _named(widget: W, name: str) -> W:
    widget.setObjectName(name)
    return widget


def _file_name(title: str) -> str:
    return re.sub(r"[^\w-]+", "-", title.strip().lower()).strip("-") or "memo"
