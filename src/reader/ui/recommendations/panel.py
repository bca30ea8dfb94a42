"""The Recommendations tab: every statement's recommendations by topic, filtered by
document, topic and text; a click reads one in context."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QObject, QPoint, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.ui.noop import QT_TRANSLATE_NOOP
from reader.ui.plurals import plurals
from reader.ui.recommendations.delegate import RecommendationDelegate
from reader.ui.recommendations.model import (
    RecommendationFilter,
    RecommendationRole,
    RecommendationTreeModel,
    TopicRole,
)
from reader.ui.recommendations.service import RecommendationService
from reader.ui.topic_names import topic_label

if TYPE_CHECKING:
    from reader.core.recommendations.extraction import Recommendation

ALL_DOCUMENTS = QT_TRANSLATE_NOOP("RecommendationPanel", "All documents")
ALL_TOPICS = QT_TRANSLATE_NOOP("RecommendationPanel", "All topics")


class RecommendationPanel(QWidget):
    """Signals:
    recommendation_requested(object): the user chose a Recommendation to read.
    compare_requested(str): the user wants this topic side by side across documents.
    coverage_requested(): the user wants the coverage matrix.
    export_requested(): the user wants the recommendations shown exported.
    """

    recommendation_requested = Signal(object)
    compare_requested = Signal(str)
    coverage_requested = Signal()
    export_requested = Signal()

    def __init__(self, service: RecommendationService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recommendation_panel")
        self._service = service
        titles = {d.id: d.metadata.display_title for d in service.documents.values()}
        self.model = RecommendationTreeModel(service.taxonomy, titles, self)
        self.proxy = RecommendationFilter(self)
        self.proxy.setSourceModel(self.model)
        self.doc_filter = _combo("recommendation_document_filter", self.tr(ALL_DOCUMENTS))
        for doc_id, title in sorted(titles.items(), key=lambda item: item[1].casefold()):
            self.doc_filter.addItem(title, doc_id)
        self.doc_filter.setAccessibleName(self.tr("Document"))
        self.topic_filter = _combo("recommendation_topic_filter", self.tr(ALL_TOPICS))
        self.topic_filter.setAccessibleName(self.tr("Topic"))
        for topic in service.taxonomy:
            self.topic_filter.addItem(topic_label(topic.label), topic.id)
        self.text_filter = QLineEdit(
            placeholderText=self.tr("Filter by words…"), clearButtonEnabled=True
        )
        self.text_filter.setObjectName("recommendation_text_filter")
        self.text_filter.setAccessibleName(self.tr("Filter recommendations by words"))
        self.status = QLabel(wordWrap=True)
        self.status.setObjectName("recommendation_status")
        self.view = _tree_view(self.proxy)
        self.delegate = RecommendationDelegate(self.view, self)
        self.view.setItemDelegate(self.delegate)
        self.compare_button = _button(
            self.tr("Compare…"), self.tr("Show the selected topic side by side")
        )
        self.coverage_button = _button(
            self.tr("Coverage…"), self.tr("Topics against documents, with counts")
        )
        self.export_button = _button(
            self.tr("Export Shown…"), self.tr("Export the recommendations listed here")
        )
        self._build_layout()
        self._connect_signals()
        self._on_service_changed()

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 8, 6, 6)
        layout.setSpacing(6)
        combos = QHBoxLayout()
        combos.addWidget(self.doc_filter, 1)
        combos.addWidget(self.topic_filter, 1)
        layout.addLayout(combos)
        layout.addWidget(self.text_filter)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        for button in (self.compare_button, self.coverage_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def _connect_signals(self) -> None:
        self._service.changed.connect(self._on_service_changed)
        self.doc_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.topic_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.text_filter.textChanged.connect(self._on_filter_changed)
        self.view.clicked.connect(self._on_view_activated)
        self.view.activated.connect(self._on_view_activated)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
        self.view.viewport().installEventFilter(self)
        self.compare_button.clicked.connect(self._on_compare_button_clicked)
        self.coverage_button.clicked.connect(self.coverage_requested)
        self.export_button.clicked.connect(self.export_requested)

    # Public ------------------------------------------------------------------------------
    def set_filters(self, doc_id: str | None = None, topic: str | None = None) -> None:
        """Show one document's (or all) recommendations on one topic (or all)."""
        for combo, value in ((self.doc_filter, doc_id), (self.topic_filter, topic)):
            combo.setCurrentIndex(max(0, combo.findData(value)))

    def shown(self) -> list[Recommendation]:
        """The recommendations the filters let through, each once, in document and text order."""
        found: dict[tuple[str, int, int], Recommendation] = {}
        for index in self._shown_indexes():
            rec = index.data(RecommendationRole)
            found.setdefault((rec.doc_id, rec.start, rec.end), rec)
        order = {doc_id: n for n, doc_id in enumerate(self._service.documents)}
        return sorted(found.values(), key=lambda r: (order.get(r.doc_id, 0), r.start))

    def index_of(self, rec: Recommendation) -> QModelIndex:
        """Where `rec` is first shown (under the first of its topics shown), or an invalid index."""
        shown = (i for i in self._shown_indexes() if i.data(RecommendationRole) == rec)
        return next(shown, QModelIndex())

    def _shown_indexes(self) -> Iterator[QModelIndex]:
        for topic_row in range(self.proxy.rowCount()):
            parent = self.proxy.index(topic_row, 0)
            for row in range(self.proxy.rowCount(parent)):
                yield self.proxy.index(row, 0, parent)

    def current_topic(self) -> str | None:
        """The topic of the selected row, else the topic filter's."""
        topic = self.view.currentIndex().data(TopicRole)
        return topic or self.topic_filter.currentData()

    def is_filtered(self) -> bool:
        return bool(
            self.doc_filter.currentData()
            or self.topic_filter.currentData()
            or self.text_filter.text()
        )

    # Slots -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self.delegate.forget()  # sentences wrap again at the new width
            self.view.doItemsLayout()
        return super().eventFilter(watched, event)

    @Slot()
    def _on_service_changed(self) -> None:
        current = self.view.currentIndex().data(RecommendationRole)
        self.delegate.forget()
        self.model.set_recommendations(self._service.recommendations())
        self.view.expandAll()
        self._update_status()
        if current is not None:
            self._select(current)

    @Slot()
    def _on_filter_changed(self) -> None:
        self.proxy.set_filters(
            self.doc_filter.currentData(), self.topic_filter.currentData(), self.text_filter.text()
        )
        self.view.expandAll()
        self._update_status()

    @Slot(QModelIndex)
    def _on_view_activated(self, index: QModelIndex) -> None:
        rec = index.data(RecommendationRole)
        if rec is not None:
            self.recommendation_requested.emit(rec)

    @Slot(QPoint)
    def _on_view_context_menu_requested(self, position: QPoint) -> None:
        topic = self.view.indexAt(position).data(TopicRole)
        if not topic:
            return
        menu = QMenu(self)
        label = topic_label(self._service.taxonomy.label(topic))
        menu.addAction(
            self.tr("Compare “{topic}” Across Documents…").format(topic=label),
            lambda: self.compare_requested.emit(topic),
        )
        menu.addAction(
            self.tr("Show Only This Topic"),
            lambda: self.set_filters(self.doc_filter.currentData(), topic),
        )
        menu.exec(self.view.viewport().mapToGlobal(position))
        menu.deleteLater()

    @Slot()
    def _on_compare_button_clicked(self) -> None:
        topic = self.current_topic() or (self._service.taxonomy.ids() or [""])[0]
        self.compare_requested.emit(topic)

    def _update_status(self) -> None:
        total = len(self._service.recommendations())
        shown = len(self.shown()) if self.is_filtered() else total
        text = (
            plurals().recommendations(total)
            if shown == total
            else self.tr("{shown} of {total} shown").format(shown=shown, total=total)
        )
        problem = self._service.problem()
        self.status.setText(f"{text} · {problem}" if problem else text)
        self.status.setToolTip(problem)

    def _select(self, rec: Recommendation) -> None:
        parent_row = self.model.topic_row(rec.topic)
        parent = self.model.index(parent_row, 0)
        for row in range(self.model.rowCount(parent)):
            index = self.model.index(row, 0, parent)
            if index.data(RecommendationRole) == rec:
                self.view.setCurrentIndex(self.proxy.mapFromSource(index))
                return


def _combo(name: str, everything: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(8)
    combo.addItem(everything, None)
    return combo


def _button(text: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    return button


def _tree_view(model: RecommendationFilter) -> QTreeView:
    view = QTreeView()
    view.setObjectName("recommendation_tree")
    view.setAccessibleName(
        QCoreApplication.translate("RecommendationPanel", "Recommendations by topic")
    )
    view.setModel(model)
    view.setHeaderHidden(True)
    view.setWordWrap(True)
    view.setUniformRowHeights(False)
    view.setAlternatingRowColors(True)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    view.setIndentation(14)
    return view
