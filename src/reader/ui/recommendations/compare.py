"""The compare view: one topic side by side, a column per document with its recommendations."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.ui.plurals import plurals
from reader.ui.recommendations.delegate import CUE_COLORS
from reader.ui.recommendations.model import cue_html
from reader.ui.recommendations.service import RecommendationService
from reader.ui.topic_names import topic_label

if TYPE_CHECKING:
    from reader.core.recommendations.extraction import Recommendation

LINK = "rec:"  # rec:<document id>:<start>


class CompareDialog(QDialog):
    """Not modal: it stays open beside the window while the user reads. A window of its own
    (not a dialog kept above the main window), so that the passage Read › opens in the main
    window comes to the front instead of opening behind it.

    Signals:
        recommendation_requested(object): the user chose a Recommendation to read.
    """

    recommendation_requested = Signal(object)

    def __init__(self, service: RecommendationService, topic: str, parent: QWidget | None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("compare_dialog")
        self.setWindowTitle(self.tr("Compare Recommendations"))
        self._service = service
        self.topic_box = QComboBox()
        for item in service.taxonomy:
            self.topic_box.addItem(topic_label(item.label), item.id)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.pages: dict[str, QTextBrowser] = {}
        self.headers: dict[str, QLabel] = {}
        for doc in service.documents.values():
            self.splitter.addWidget(self._column(doc.id, doc.metadata.display_title))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Topic:")))
        row.addWidget(self.topic_box, 1)
        layout.addLayout(row)
        layout.addWidget(self.splitter, 1)
        self.topic_box.currentIndexChanged.connect(self._on_topic_box_current_index_changed)
        service.changed.connect(self._on_service_changed)
        self.resize(1000, 620)
        self.set_topic(topic)

    @classmethod
    def open_for(cls, parent: QWidget, service: RecommendationService, topic: str) -> CompareDialog:
        """Show the compare view for `topic` (without exec(): it is not modal)."""
        dialog = cls(service, topic, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def set_topic(self, topic: str) -> None:
        self.topic_box.setCurrentIndex(max(0, self.topic_box.findData(topic)))
        self._fill()

    def topic(self) -> str:
        return str(self.topic_box.currentData() or "")

    def columns(self) -> dict[str, list[Recommendation]]:
        """Each document's recommendations on the topic, in text order."""
        topic = self.topic()
        columns: dict[str, list[Recommendation]] = {d: [] for d in self._service.documents}
        for rec in self._service.recommendations():
            if topic in rec.topics:
                columns.setdefault(rec.doc_id, []).append(rec)
        return columns

    def _column(self, doc_id: str, title: str) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(4, 0, 4, 0)
        header = QLabel(wordWrap=True)
        page = QTextBrowser(openLinks=False)
        page.setObjectName(f"compare_{doc_id}")
        dark = page.palette().color(page.palette().ColorRole.Base).lightness() < 128
        page.document().setDefaultStyleSheet(f"b {{ color: {CUE_COLORS[dark]}; }}")
        page.document().setDocumentMargin(10)
        page.anchorClicked.connect(self._on_page_anchor_clicked)
        layout.addWidget(header)
        layout.addWidget(page, 1)
        self.headers[doc_id], self.pages[doc_id] = header, page
        header.setProperty("title", title)
        return box

    def _fill(self) -> None:
        for doc_id, recs in self.columns().items():
            title = html.escape(str(self.headers[doc_id].property("title")))
            count = (
                plurals().recommendations_on_topic(len(recs))
                if recs
                else self.tr("nothing on this topic")
            )
            self.headers[doc_id].setText(f"<b>{title}</b> — {count}")
            self.pages[doc_id].setHtml(_page_html(recs))

    @Slot(int)
    def _on_topic_box_current_index_changed(self, _index: int) -> None:
        self._fill()

    @Slot()
    def _on_service_changed(self) -> None:
        self._fill()

    @Slot(QUrl)
    def _on_page_anchor_clicked(self, url: QUrl) -> None:
        link = url.toString()
        for rec in self._service.recommendations():
            if link == f"{LINK}{rec.doc_id}:{rec.start}":
                self.recommendation_requested.emit(rec)
                return


def _page_html(recs: list[Recommendation]) -> str:
    if not recs:
        return "<p><i>No recommendations on this topic.</i></p>"
    items = []
    for rec in recs:
        parts = [rec.section, "yours" if rec.source == "user" else ""]
        where = html.escape(" · ".join(p for p in parts if p))
        over = f'<small style="color:gray">{where}</small><br>' if where else ""
        items.append(
            f'<p style="margin-bottom:14px; line-height:135%">{over}{cue_html(rec)} '
            f'<a href="{LINK}{rec.doc_id}:{rec.start}">Read&nbsp;›</a></p>'
        )
    return "".join(items)
