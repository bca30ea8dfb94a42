"""What the Recommendations feature adds to the window: the tab (built after the first paint),
its compare and coverage views, export, the reader's marks and the user's choices from the
reader's context menu. The main window only wires its actions and signals to this."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QPoint, Signal, Slot
from PySide6.QtWidgets import QMenu, QStatusBar

from reader.core.documents.document import Document

from reader.ui.actions import Act
from reader.ui.reading.view import RECOMMENDATION, RECOMMENDATION_MARKS
from reader.ui.recommendations.service import RecommendationService
from reader.ui.side_panel import Tab
from reader.ui.tasks import after_first_paint

if TYPE_CHECKING:
    from reader.core.recommendations.extraction import Recommendation

    from reader.ui.main_window import MainWindow
    from reader.ui.recommendations.compare import CompareDialog
    from reader.ui.recommendations.coverage import CoverageDialog
    from reader.ui.recommendations.panel import RecommendationPanel

MESSAGE_TIMEOUT_MS = 10000
NOT_READY = "The recommendations are being gathered; try again in a moment."


class RecommendationsTab(QObject):
    """Signals:
    panel_built(): the tab's panel exists now (see panel).
    recommendation_shown(object): a Recommendation is open in the reader, highlighted.
    """

    panel_built = Signal()
    recommendation_shown = Signal(object)

    def __init__(
        self, window: MainWindow, documents: Iterable[Document], data_folder: Path | None
    ) -> None:
        super().__init__(window)
        self._window = window
        self.service = RecommendationService(documents, data_folder, self)
        self.panel: RecommendationPanel | None = None
        self.compare_dialog: CompareDialog | None = None
        self.coverage_dialog: CoverageDialog | None = None
        self._marks_shown = False
        self.service.loaded.connect(self._on_service_loaded)
        self.service.changed.connect(self._on_service_changed)
        self.service.message_posted.connect(self._on_service_message_posted)

    def start_after_first_paint(self) -> None:
        """Extract once the reader has painted: the window shows first, recommendations follow."""
        after_first_paint(self._window.reader.viewport(), self.service, self.service.start)

    def ensure_panel(self) -> RecommendationPanel | None:
        """The tab's panel, built now if the recommendations are ready (else when they are)."""
        if self.panel is None and self.service.is_loaded():
            self._build_panel()
        self.service.start()
        return self.panel

    def close(self) -> None:
        self.service.close()

    # Reading -----------------------------------------------------------------------------
    def show_recommendation(self, rec: Recommendation) -> None:
        """Open its document, highlight the sentence, bring it into view."""
        reader = self._window.reader
        self._window.open_document(rec.doc_id)
        reader.set_highlights(RECOMMENDATION, [(rec.start, rec.end)], current=0)
        reader.scroll_to_offset(rec.end)
        reader.scroll_to_offset(rec.start)
        self.recommendation_shown.emit(rec)

    @Slot(bool)
    def set_marks_shown(self, shown: bool) -> None:
        self._marks_shown = shown
        if shown and self._window.isVisible():  # restored on: start after the first paint
            self.service.start()
        self.refresh_marks()

    @Slot()
    def refresh_marks(self) -> None:
        """Mark the open document's recommendation sentences, or clear the marks."""
        doc = self._window.current_document()
        ranges = []
        if self._marks_shown and doc is not None:
            recs = self.service.recommendations()
            ranges = [(r.start, r.end) for r in recs if r.doc_id == doc.id]
        self._window.reader.set_highlights(RECOMMENDATION_MARKS, ranges)

    # Views -------------------------------------------------------------------------------
    @Slot()
    def open_compare(self, topic: str = "") -> CompareDialog | None:
        if not self._ready():
            return None
        from reader.ui.recommendations.compare import CompareDialog

        topic = topic or (self.panel.current_topic() if self.panel else "") or ""
        topic = topic or self.service.taxonomy.ids()[0]
        if self.compare_dialog is not None and shiboken6.isValid(self.compare_dialog):
            self.compare_dialog.set_topic(topic)
            self.compare_dialog.activateWindow()
        else:
            self.compare_dialog = CompareDialog.open_for(self._window, self.service, topic)
            self.compare_dialog.recommendation_requested.connect(self.show_recommendation)
        return self.compare_dialog

    @Slot()
    def open_coverage(self) -> CoverageDialog | None:
        if not self._ready():
            return None
        from reader.ui.recommendations.coverage import CoverageDialog

        if self.coverage_dialog is not None and shiboken6.isValid(self.coverage_dialog):
            self.coverage_dialog.activateWindow()
        else:
            self.coverage_dialog = CoverageDialog.open_for(self._window, self.service)
            self.coverage_dialog.cell_requested.connect(self._on_coverage_cell_requested)
        return self.coverage_dialog

    @Slot()
    def export_all(self) -> None:
        if self._ready():
            self.export(self.service.recommendations())

    def export(self, recs: list[Recommendation]) -> None:
        """Ask where, then write `recs` as Markdown or CSV; the status bar says how it went."""
        from reader.core.recommendations.export import to_csv, to_markdown

        from reader.ui.recommendations import dialogs

        answer = dialogs.ask_export_path(self._window)
        if answer is None:
            return
        path, kind = answer
        documents = self.service.documents
        if kind == dialogs.CSV:
            text = to_csv(recs, documents)
        else:
            text = to_markdown(recs, documents, self.service.taxonomy)
        try:
            path.write_text(text, encoding="utf-8")
        except OSError as error:
            self._status().showMessage(f"{path} could not be written: {error.strerror or error}.")
            return
        self._status().showMessage(
            f"Exported {len(recs)} recommendations to {path}.", MESSAGE_TIMEOUT_MS
        )

    # The user's choices ------------------------------------------------------------------
    def add_context_actions(self, menu: QMenu, position: QPoint) -> None:
        """Offer the choices for the sentence under the menu (or the selection's)."""
        reader = self._window.reader
        if reader.selection_range() is None:
            reader.setTextCursor(reader.cursorForPosition(position))
        target = self.sentence_at_cursor()
        rec = self.service.at(*target) if target else None
        acts = self._window.actions_by_id
        for act, wanted in (
            (Act.MARK_AS_RECOMMENDATION, target is not None and rec is None),
            (Act.CHANGE_TOPICS, rec is not None),
            (Act.DISMISS_RECOMMENDATION, rec is not None),
        ):
            acts[act].setEnabled(self.service.is_loaded())
            if wanted:
                menu.addAction(acts[act])

    def sentence_at_cursor(self) -> tuple[str, int, int] | None:
        """(document id, start, end) of the sentence at the selection's start or the caret."""
        doc, reader = self._window.current_document(), self._window.reader
        if doc is None:
            return None
        selected = reader.selection_range()
        offset = selected[0] if selected else reader.to_canonical(reader.textCursor().position())
        for sentence in doc.sentences:
            if sentence.start <= offset < sentence.end:
                return doc.id, sentence.start, sentence.end
        return None

    @Slot()
    def mark_sentence(self) -> None:
        target, doc = self.sentence_at_cursor(), self._window.current_document()
        if target is None or doc is None or not self._ready():
            return
        from reader.ui.recommendations.dialogs import TopicsDialog

        _, start, end = target
        sentence = doc.text[start:end]
        topics = TopicsDialog.ask(self._window, self.service.taxonomy, sentence)
        if topics:
            self.service.mark(doc, start, end, topics)

    @Slot()
    def change_topics(self) -> None:
        rec = self._recommendation_at_cursor()
        if rec is not None:
            from reader.ui.recommendations.dialogs import TopicsDialog

            taxonomy = self.service.taxonomy
            topics = TopicsDialog.ask(self._window, taxonomy, rec.sentence, rec.topics)
            if topics:
                self.service.set_topics(rec, topics)

    @Slot()
    def dismiss_sentence(self) -> None:
        rec = self._recommendation_at_cursor()
        if rec is not None:
            self.service.dismiss(rec)
            self._window.reader.set_highlights(RECOMMENDATION, [])

    def _recommendation_at_cursor(self) -> Recommendation | None:
        target = self.sentence_at_cursor()
        if target is None or not self._ready():
            return None
        return self.service.at(*target)

    # Slots -------------------------------------------------------------------------------
    def _ready(self) -> bool:
        if self.service.is_loaded():
            return True
        self.service.start()
        self._status().showMessage(NOT_READY, MESSAGE_TIMEOUT_MS)
        return False

    def _build_panel(self) -> None:
        from reader.ui.recommendations.panel import RecommendationPanel

        panel = RecommendationPanel(self.service)
        panel.recommendation_requested.connect(self.show_recommendation)
        panel.compare_requested.connect(self.open_compare)
        panel.coverage_requested.connect(self.open_coverage)
        panel.export_requested.connect(self._on_panel_export_requested)
        self.panel = panel
        self._window.side_panel.set_panel(Tab.RECOMMENDATIONS, panel)
        self.panel_built.emit()

    @Slot()
    def _on_service_loaded(self) -> None:
        if self._window.side_panel.currentIndex() == Tab.RECOMMENDATIONS:
            self.ensure_panel()
        self.refresh_marks()

    @Slot()
    def _on_service_changed(self) -> None:
        self.refresh_marks()

    @Slot(str)
    def _on_service_message_posted(self, sentence: str) -> None:
        self._status().showMessage(
            sentence, 0 if sentence == self.service.problem() else MESSAGE_TIMEOUT_MS
        )

    @Slot()
    def _on_panel_export_requested(self) -> None:
        if self.panel is not None:
            self.export(self.panel.shown())

    @Slot(str, str)
    def _on_coverage_cell_requested(self, topic: str, doc_id: str) -> None:
        self._window.side_panel.setCurrentIndex(Tab.RECOMMENDATIONS)
        panel = self.ensure_panel()
        if panel is not None:
            panel.text_filter.clear()
            panel.set_filters(doc_id, topic)

    def _status(self) -> QStatusBar:
        return self._window.statusBar()
