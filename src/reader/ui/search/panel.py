"""The Search tab: results as you type, off the GUI thread, with a document filter and advice."""

from __future__ import annotations

import functools
import html

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from reader.core.documents.document import Document
from reader.core.search.results import Hit, SearchResults

from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.search.answers import SUGGESTION_LINK, Answer, search_counted, status_html
from reader.ui.search.archive import ArchiveChoice, failure_html
from reader.ui.search.hit_delegate import HitDelegate
from reader.ui.search.index_service import IndexService
from reader.ui.search.model import HitRole, SearchResultsModel
from reader.ui.tasks import Generations
from reader.ui.topic_names import topic_label
from reader.ui.two_line_item import item_list_view

__all__ = ["SUGGESTION_LINK", "SearchPanel", "TitleRole", "search_counted"]

DEBOUNCE_MS = 150  # typing pauses longer than this between words, shorter within them
RESULT_LIMIT = 100
PLACEHOLDER = QT_TRANSLATE_NOOP("SearchPanel", "Search every statement…")
BOX_TIP = QT_TRANSLATE_NOOP(
    "SearchPanel",
    'Words, "a phrase", OR, NOT, prefix*, fuzzy~, doc:, section:, topic: (Help → Search Syntax)',
)
HELP = QT_TRANSLATE_NOOP(
    "SearchPanel",
    'Results appear as you type. Examples: <i>Minsk</i> · <i>"missile defense"</i> · '
    "<i>cyber*</i> · <i>NATO NOT Russia</i> · <i>section:Ukraine</i> · <i>doc:elbe</i>",
)
TOPIC_TIP = QT_TRANSLATE_NOOP("SearchPanel", "Search every passage, or those about one topic")
TOPICS_ON_SERVER = QT_TRANSLATE_NOOP(
    "SearchPanel",
    "The team's archive cannot be searched by topic: its server does not know the topics "
    "of passages. Choose “This laptop” to search by topic.",
)
TitleRole = Qt.ItemDataRole.UserRole + 1  # a filter item's title, without its count
WALK_KEYS = {Qt.Key.Key_Down: +1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: +5, Qt.Key.Key_PageUp: -5}


class SearchPanel(QWidget):
    """Signals:
    passage_requested(object): the user chose a Hit to read.
    results_shown(str): the answer to this text, as typed, is on screen (stale ones never are).
    query_changed(str): the query searched for now (after the typing pause), maybe "".

    With an ArchiveChoice (a library with a team), the user may search the team's archive
    instead of this laptop's index; the status line then says which was searched.
    """

    passage_requested = Signal(object)
    results_shown = Signal(str)
    query_changed = Signal(str)

    def __init__(
        self,
        documents: list[Document],
        service: IndexService,
        where: ArchiveChoice | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("search_panel")
        self._service, self.where = service, where
        self._from_team = False  # the hits shown are the team archive's
        self._topic_before_team = 0  # the topic chosen before the archive, which has none
        self._documents = list(documents)
        self._generations = Generations()
        self._waiting_for: int | None = None  # the request whose answer is awaited
        self._open_on_answer = False
        self._suggestion = ""
        self.box = QLineEdit(placeholderText=self.tr(PLACEHOLDER), clearButtonEnabled=True)
        self.box.setObjectName("search_box")
        self.box.setToolTip(self.tr(BOX_TIP))
        self.box.setAccessibleName(self.tr("Search every statement"))
        self.doc_filter = _document_filter(self._documents)
        self.topic_filter = _topic_filter()
        self.status = QLabel(self.tr(HELP), wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.status.setObjectName("search_status")
        self.model = SearchResultsModel(self)
        self.view = _results_view(self.model)
        self.delegate = HitDelegate(self.view, self)
        self.view.setItemDelegate(self.delegate)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._build_layout()
        self._connect_signals()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 0)
        layout.setSpacing(6)
        filters = QHBoxLayout()
        if self.where is not None:
            filters.addWidget(self.where.combo)
        filters.addWidget(self.doc_filter, 3)
        filters.addWidget(self.topic_filter, 2)
        layout.addWidget(self.box)
        layout.addLayout(filters)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)

    def _connect_signals(self) -> None:
        self.box.textChanged.connect(self._on_box_text_changed)
        self.box.returnPressed.connect(self._on_box_return_pressed)
        self.box.installEventFilter(self)
        self.doc_filter.currentIndexChanged.connect(self._on_doc_filter_current_index_changed)
        self.topic_filter.currentIndexChanged.connect(self._on_doc_filter_current_index_changed)
        self.status.linkActivated.connect(self._on_status_link_activated)
        self.view.clicked.connect(self._on_view_activated)
        self.view.activated.connect(self._on_view_activated)
        self._debounce.timeout.connect(self.search_now)
        self._service.opened.connect(self._on_service_opened)
        self._service.failed.connect(self._on_service_failed)
        if self.where is not None:
            self.where.changed.connect(self._on_where_changed)
            self.where.passage_found.connect(self.passage_requested)
            self.where.said.connect(self.status.setText)
            self._on_where_changed()

    # Public ------------------------------------------------------------------------------
    def add_section(self, widget: QWidget) -> None:
        """Another feature's findings, under the passages (the notes that match)."""
        layout = self.layout()
        assert layout is not None
        layout.addWidget(widget)

    def query(self) -> str:
        return self.box.text().strip()

    def focus_box(self) -> None:
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()

    def current_hit(self) -> Hit | None:
        return self.view.currentIndex().data(HitRole)

    @Slot()
    def search_now(self) -> None:
        """Search for the box's text at once (typing waits DEBOUNCE_MS for a pause first)."""
        self._debounce.stop()
        number = self._generations.next()
        text = self.box.text().strip()
        self.query_changed.emit(text)
        if self.where is not None:
            self.where.forget()
        if not text:
            self._waiting_for, self._open_on_answer = None, False
            self._show(Answer(SearchResults(""), {}))
            return
        done = functools.partial(self._on_search_done, number, text)
        if self._team_chosen():
            assert self.where is not None
            failed = functools.partial(self._on_team_search_failed, number)
            doc_id = self.doc_filter.currentData()
            if self.where.search(self.box.text(), doc_id, RESULT_LIMIT, done, failed):
                self._waiting_for = number
                return
        task = functools.partial(
            search_counted, self.box.text(), self.doc_filter.currentData(), RESULT_LIMIT,
            topic=self.topic_filter.currentData(),
        )  # fmt: skip
        failed = functools.partial(self._on_search_failed, number)
        if self._service.submit(task, done, failed, self):
            self._waiting_for = number
        else:
            self._waiting_for = None
            self.status.setText(html.escape(self._not_ready()))

    def _not_ready(self) -> str:
        """Why a query cannot be answered yet; it will be when the index opens."""
        if self._service.problem():
            return self._service.problem()
        if self._service.is_indexing():
            return self.tr("The search index is being built; results will follow when it is ready.")
        return self.tr("Search is getting ready…")

    # Answers -----------------------------------------------------------------------------
    def _on_search_done(self, number: int, typed: str, answer: Answer) -> None:
        if not self._generations.is_newest(number):
            return  # an older query's answer, overtaken while it ran
        self._waiting_for = None
        self._show(answer)
        self.results_shown.emit(typed)
        if self._open_on_answer:
            self._open_on_answer = False
            self._open_current()

    def _on_search_failed(self, number: int, error: BaseException) -> None:
        self._say_failure(number, html.escape(self._service.describe(error)))

    def _on_team_search_failed(self, number: int, error: BaseException) -> None:
        self._say_failure(number, failure_html(error))

    def _say_failure(self, number: int, words: str) -> None:
        """`words`: HTML."""
        if self._generations.is_newest(number):
            self._waiting_for, self._open_on_answer = None, False
            self.model.set_results(SearchResults(""))
            self.status.setText(words)

    def _show(self, answer: Answer) -> None:
        self.delegate.forget()
        self.model.set_results(answer.results)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
            self.view.scrollToTop()
        self._suggestion = answer.results.suggestion or ""
        self._from_team = answer.from_team
        # Where it searched is said once there is a choice of where to search.
        searched = answer.searched if self.where is not None and self.where.linked() else ""
        text = status_html(answer.results, searched) if answer.results.query else self.tr(HELP)
        self.status.setText(text)
        _show_counts(self.doc_filter, answer.counts if answer.results.query else None)

    def _open_current(self) -> None:
        hit = self.current_hit()
        if hit is not None:
            self._open(hit)

    def _open(self, hit: Hit) -> None:
        """Read a hit; the archive's may be of a document not on this laptop yet."""
        if self._from_team and self.where is not None:
            self.where.open(hit)
        else:
            self.passage_requested.emit(hit)

    def _team_chosen(self) -> bool:
        return self.where is not None and self.where.team_chosen()

    def _walk(self, step: int) -> None:
        rows = self.model.rowCount()
        if rows:
            row = self.view.currentIndex().row()
            row = 0 if row < 0 else max(0, min(rows - 1, row + step))
            self.view.setCurrentIndex(self.model.index(row, 0))

    # Slots -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = WALK_KEYS.get(Qt.Key(event.key()))
            if step is not None:
                self._walk(step)
                return True
        return super().eventFilter(watched, event)

    @Slot(str)
    def _on_box_text_changed(self, _text: str) -> None:
        self._debounce.start()

    @Slot()
    def _on_box_return_pressed(self) -> None:
        if self._debounce.isActive() or self._waiting_for is not None:
            self._open_on_answer = True  # typed and pressed Enter at once: open the best hit
            if self._debounce.isActive():
                self.search_now()
            return
        self._open_current()

    @Slot(int)
    def _on_doc_filter_current_index_changed(self, _index: int) -> None:
        self.search_now()

    @Slot(str)
    def _on_status_link_activated(self, link: str) -> None:
        if link == SUGGESTION_LINK and self._suggestion:
            self.box.setText(self._suggestion)
            self.search_now()
        elif self.where is not None:
            self.where.link_activated(link)

    @Slot(QModelIndex)
    def _on_view_activated(self, index: QModelIndex) -> None:
        hit = index.data(HitRole)
        if hit is not None:
            self._open(hit)

    @Slot()
    def _on_service_opened(self) -> None:
        if self.box.text().strip() and not self._team_chosen():
            self.search_now()

    @Slot()
    def _on_where_changed(self) -> None:
        """The archive has no topics: the topic filter waits, said why, while it is chosen."""
        team = self._team_chosen()
        if team != (not self.topic_filter.isEnabled()):
            self._hold_topics(team)
        if self.box.text().strip():
            self.search_now()

    def _hold_topics(self, team: bool) -> None:
        self.topic_filter.blockSignals(True)
        if team:
            self._topic_before_team = self.topic_filter.currentIndex()
            self.topic_filter.setCurrentIndex(0)
            self.topic_filter.setToolTip(self.tr(TOPICS_ON_SERVER))
        else:
            self.topic_filter.setCurrentIndex(self._topic_before_team)
            self.topic_filter.setToolTip(self.tr(TOPIC_TIP))
        self.topic_filter.blockSignals(False)
        self.topic_filter.setEnabled(not team)

    @Slot(str)
    def _on_service_failed(self, sentence: str) -> None:
        self.status.setText(html.escape(sentence))


def _document_filter(documents: list[Document]) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("search_document_filter")
    combo.setAccessibleName(QCoreApplication.translate("SearchPanel", "Document"))
    combo.setToolTip(
        QCoreApplication.translate("SearchPanel", "Search in every document or in one")
    )
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    combo.addItem(QCoreApplication.translate("SearchPanel", "All documents"), None)
    for doc in sorted(documents, key=lambda d: d.metadata.display_title.casefold()):
        combo.addItem(doc.metadata.display_title, doc.id)
    for row in range(combo.count()):
        combo.setItemData(row, combo.itemText(row), TitleRole)
    return combo


def _topic_filter() -> QComboBox:
    from reader.core.recommendations.taxonomy import bundled_taxonomy

    combo = QComboBox()
    combo.setObjectName("search_topic_filter")
    combo.setToolTip(QCoreApplication.translate("SearchPanel", TOPIC_TIP))
    combo.setAccessibleName(QCoreApplication.translate("SearchPanel", "Topic"))
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    combo.addItem(QCoreApplication.translate("SearchPanel", "All topics"), None)
    for topic in bundled_taxonomy():
        combo.addItem(topic_label(topic.label), topic.id)
    return combo


def _show_counts(combo: QComboBox, counts: dict[str, int] | None) -> None:
    """Each item's title, followed by its number of matching passages while there is a query."""
    for row in range(combo.count()):
        doc_id, title = combo.itemData(row), combo.itemData(row, TitleRole)
        if counts is not None:
            number = sum(counts.values()) if doc_id is None else counts.get(doc_id, 0)
            title = f"{title} ({number})"
        combo.setItemText(row, title)


def _results_view(model: SearchResultsModel) -> QListView:
    view = item_list_view(model, "search_results")
    view.setAccessibleName(QCoreApplication.translate("SearchPanel", "Passages found"))
    view.setAlternatingRowColors(True)
    return view
