"""What the Recommendations feature adds to the window: the tab (built after the first paint),
its compare and coverage views, export, the reader's marks and the user's choices from the
reader's context menu. The window wires its actions and signals to this."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QPoint, Signal, Slot
from PySide6.QtWidgets import QMenu

from reader.ui.actions import Act
from reader.ui.feature_context import FeatureContext
from reader.ui.messages import MESSAGE_TIMEOUT_MS, STAY
from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.plurals import plurals
from reader.ui.reading.pane import add_section
from reader.ui.reading.view import RECOMMENDATION, RECOMMENDATION_MARKS
from reader.ui.recommendations.service import RecommendationService
from reader.ui.side_panel import LazyPanel, Tab
from reader.ui.tasks import after_first_paint, run_task

if TYPE_CHECKING:
    from reader.core.recommendations.extraction import Recommendation

    from reader.ui.recommendations.compare import CompareDialog
    from reader.ui.recommendations.coverage import CoverageDialog
    from reader.ui.recommendations.panel import RecommendationPanel

NOT_READY = QT_TRANSLATE_NOOP(
    "RecommendationsController", "The recommendations are being gathered; try again in a moment."
)


class RecommendationsController(QObject):
    """Signals:
    panel_built(): the tab's panel exists now (see panel).
    """

    panel_built = Signal()

    def __init__(self, context: FeatureContext) -> None:
        super().__init__(context.dialog_parent)
        self._context = context
        self._reading = context.reading
        self._parent = context.dialog_parent
        self.service = RecommendationService(
            context.library, context.user_data, context.messages, self
        )
        self._lazy_panel = LazyPanel(
            context.side_panel, Tab.RECOMMENDATIONS, self._build_panel, self.service.is_loaded,
            self.service.start,
        )  # fmt: skip
        self._lazy_panel.built.connect(self.panel_built)
        self.compare_dialog: CompareDialog | None = None
        self.coverage_dialog: CoverageDialog | None = None
        self._marks_shown = False
        self.service.loaded.connect(self._on_service_loaded)
        self.service.changed.connect(self._on_service_changed)
        self.service.message_posted.connect(self._on_service_message_posted)

    def start_after_first_paint(self) -> None:
        """Extract once the reader has painted: the window shows first, recommendations follow."""
        after_first_paint(self._reading.view.viewport(), self.service, self.service.start)

    @property
    def panel(self) -> RecommendationPanel | None:
        return self._lazy_panel.panel

    def ensure_panel(self) -> RecommendationPanel | None:
        """The tab's panel, built now if the recommendations are ready (else when they are)."""
        return self._lazy_panel.ensure()

    def connect_actions(self) -> None:
        actions = self._context.actions
        actions[Act.EXPORT_RECOMMENDATIONS].triggered.connect(self.export_all)
        actions[Act.MARK_RECOMMENDATIONS].toggled.connect(self.set_marks_shown)
        actions[Act.COMPARE_TOPIC].triggered.connect(self.open_compare)
        actions[Act.COVERAGE_MATRIX].triggered.connect(self.open_coverage)
        actions[Act.MARK_AS_RECOMMENDATION].triggered.connect(self.mark_sentence)
        actions[Act.CHANGE_TOPICS].triggered.connect(self.change_topics)
        actions[Act.DISMISS_RECOMMENDATION].triggered.connect(self.dismiss_sentence)

    # Reading -----------------------------------------------------------------------------
    def show_recommendation(self, rec: Recommendation) -> None:
        """Open its document, highlight the sentence, bring it into view."""
        self._reading.open_document(rec.doc_id)
        self._reading.show_range(RECOMMENDATION, rec.start, rec.end)

    @Slot(bool)
    def set_marks_shown(self, shown: bool) -> None:
        self._marks_shown = shown
        if shown and self._parent.isVisible():  # restored on: start after the first paint
            self.service.start()
        self.refresh_marks()

    @Slot()
    def refresh_marks(self) -> None:
        """Mark the open document's recommendation sentences, or clear the marks."""
        doc = self._reading.current_document()
        ranges = []
        if self._marks_shown and doc is not None:
            recs = self.service.recommendations()
            ranges = [(r.start, r.end) for r in recs if r.doc_id == doc.id]
        self._reading.view.set_highlights(RECOMMENDATION_MARKS, ranges)

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
            self.compare_dialog = CompareDialog.open_for(self._parent, self.service, topic)
            self.compare_dialog.recommendation_requested.connect(self._read_from_compare)
        return self.compare_dialog

    def _read_from_compare(self, rec: Recommendation) -> None:
        """Open the passage, and bring the main window, where it shows, to the front."""
        self.show_recommendation(rec)
        window = self._parent.window()
        window.raise_()
        window.activateWindow()

    @Slot()
    def open_coverage(self) -> CoverageDialog | None:
        if not self._ready():
            return None
        from reader.ui.recommendations.coverage import CoverageDialog

        if self.coverage_dialog is not None and shiboken6.isValid(self.coverage_dialog):
            self.coverage_dialog.activateWindow()
        else:
            self.coverage_dialog = CoverageDialog.open_for(self._parent, self.service)
            self.coverage_dialog.cell_requested.connect(self._on_coverage_cell_requested)
        return self.coverage_dialog

    @Slot()
    def export_all(self) -> None:
        if self._ready():
            self.export(self.service.recommendations())

    def export(self, recs: list[Recommendation]) -> None:
        """Ask where, then write `recs` as Markdown or CSV off the GUI thread; the status line
        says how it went."""
        from reader.core.export import write_export
        from reader.core.recommendations.export import export_recommendations

        from reader.ui.recommendations import dialogs

        answer = dialogs.ask_export_path(self._parent)
        if answer is None:
            return
        path, kind = answer
        documents, taxonomy = dict(self.service.documents), self.service.taxonomy

        def write() -> Path:
            write_export(path, export_recommendations(recs, documents, taxonomy, kind))
            return path

        done = plurals().exported_recommendations(len(recs), path)
        run_task(write, lambda _path: self._say(done), self._on_export_failed, context=self)

    def _on_export_failed(self, error: BaseException) -> None:
        self._context.messages.failed(error, self.tr("the export", "what failed"))

    # The user's choices ------------------------------------------------------------------
    def add_context_actions(self, menu: QMenu, position: QPoint) -> None:
        """Offer the choices for the sentence under the menu (or the selection's)."""
        view = self._reading.view
        if view.selection_range() is None:
            view.setTextCursor(view.cursorForPosition(position))
        target = self.sentence_at_cursor()
        rec = self.service.at(*target) if target else None
        acts = self._context.actions
        add_section(menu)
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
        doc = self._reading.current_document()
        if doc is None:
            return None
        offset = self._reading.offset_at_cursor()
        for sentence in doc.sentences:
            if sentence.start <= offset < sentence.end:
                return doc.id, sentence.start, sentence.end
        return None

    @Slot()
    def mark_sentence(self) -> None:
        target, doc = self.sentence_at_cursor(), self._reading.current_document()
        if target is None or doc is None or not self._ready():
            return
        from reader.ui.recommendations.dialogs import TopicsDialog

        _, start, end = target
        sentence, suggested = doc.text[start:end], self.service.suggested_topics(doc, start)
        topics = TopicsDialog.ask(self._parent, self.service.taxonomy, sentence, suggested)
        if topics:
            self.service.mark(doc, start, end, topics)

    @Slot()
    def change_topics(self) -> None:
        rec = self._recommendation_at_cursor()
        if rec is not None:
            from reader.ui.recommendations.dialogs import TopicsDialog

            taxonomy = self.service.taxonomy
            topics = TopicsDialog.ask(self._parent, taxonomy, rec.sentence, rec.topics)
            if topics:
                self.service.set_topics(rec, topics)

    @Slot()
    def dismiss_sentence(self) -> None:
        rec = self._recommendation_at_cursor()
        if rec is not None:
            self.service.dismiss(rec)
            self._reading.view.set_highlights(RECOMMENDATION, [])

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
        self._say(self.tr(NOT_READY))
        return False

    def _say(self, sentence: str) -> None:
        self._context.messages.say(sentence)

    def _build_panel(self) -> RecommendationPanel:
        from reader.ui.recommendations.panel import RecommendationPanel

        panel = RecommendationPanel(self.service)
        panel.recommendation_requested.connect(self.show_recommendation)
        panel.compare_requested.connect(self.open_compare)
        panel.coverage_requested.connect(self.open_coverage)
        panel.export_requested.connect(self._on_panel_export_requested)
        return panel

    @Slot()
    def _on_service_loaded(self) -> None:
        self._lazy_panel.ready()
        self.refresh_marks()

    @Slot()
    def _on_service_changed(self) -> None:
        self.refresh_marks()

    @Slot(str)
    def _on_service_message_posted(self, sentence: str) -> None:
        lasting = sentence == self.service.problem()  # stays while it holds
        self._context.messages.say(sentence, STAY if lasting else MESSAGE_TIMEOUT_MS)

    @Slot()
    def _on_panel_export_requested(self) -> None:
        if self.panel is not None:
            self.export(self.panel.shown())

    @Slot(str, str)
    def _on_coverage_cell_requested(self, topic: str, doc_id: str) -> None:
        self._context.side_panel.setCurrentIndex(Tab.RECOMMENDATIONS)
        panel = self.ensure_panel()
        if panel is not None:
            panel.text_filter.clear()
            panel.set_filters(doc_id, topic)
