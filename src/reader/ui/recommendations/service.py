"""The recommendations the window shows: extracted off the GUI thread, the user's choices
applied over them and saved at once in the user's database (opened by user_data.py)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject, Signal, Slot

from reader.core.documents.document import Document
from reader.core.errors import ReaderError

from reader.ui.messages import Messages
from reader.ui.tasks import run_task
from reader.ui.user_data import UserData

if TYPE_CHECKING:  # imported when the work starts, after the window's first paint
    from reader.core.recommendations.extraction import Recommendation
    from reader.core.recommendations.overrides import RecommendationOverrides, SentenceKey
    from reader.core.recommendations.taxonomy import Taxonomy


# A NamedTuple, not a frozen dataclass: as immutable, and defined about ten times faster
# (0.15 against 1.5 ms), which the window paid before its first paint.
class Loaded(NamedTuple):
    """What the worker hands back: the taxonomy and every extracted recommendation."""

    taxonomy: Taxonomy
    extracted: list[Recommendation]


def load(documents: Sequence[Document]) -> Loaded:
    """Runs on a worker: extract every document's recommendations."""
    from reader.core.recommendations.taxonomy import bundled_taxonomy

    return Loaded(bundled_taxonomy(), extract_some(documents)[1])


def extract_some(documents: Sequence[Document]) -> tuple[set[str], list[Recommendation]]:
    """Runs on a worker: the recommendations of a few documents (added or changed)."""
    from reader.core.recommendations.extraction import extract
    from reader.core.recommendations.rules import bundled_rules
    from reader.core.recommendations.taxonomy import bundled_taxonomy

    rules, taxonomy = bundled_rules(), bundled_taxonomy()
    found = [rec for doc in documents for rec in extract(doc, rules, taxonomy)]
    return {doc.id for doc in documents}, found


class RecommendationService(QObject):
    """Every document's recommendations as the user sees them, and the user's choices.

    Signals:
        loaded(): the recommendations are ready; recommendations() answers from now on.
        changed(): a choice of the user changed what is shown.
        message_posted(str): a sentence for the status bar.
    """

    loaded = Signal()
    changed = Signal()
    message_posted = Signal(str)

    def __init__(
        self,
        documents: Iterable[Document],
        user_data: UserData,
        messages: Messages,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.documents = {doc.id: doc for doc in documents}
        self._user_data = user_data
        self._messages = messages
        self._extracted: Loaded | None = None  # before the user's database is open too
        self._started = False
        self._state: Loaded | None = None
        self._overrides: RecommendationOverrides | None = None
        self._shown: list[Recommendation] = []
        self._asked: set[str] = set()  # the documents whose extraction was asked for
        user_data.opened.connect(self._on_user_data_opened)

    # Loading -----------------------------------------------------------------------------
    def start(self) -> None:
        """Extract on a worker, and open the user's database; `loaded` follows. Once only."""
        if self._started:
            return
        self._started = True
        self._asked = set(self.documents)
        task = functools.partial(load, list(self.documents.values()))
        run_task(task, self._on_load_done, self._on_load_failed, context=self)
        self._user_data.start()

    def is_loaded(self) -> bool:
        return self._state is not None

    def _on_load_done(self, extracted: Loaded) -> None:
        self._extracted = extracted
        self._finish_loading()

    @Slot()
    def _on_user_data_opened(self) -> None:
        self._finish_loading()

    def _finish_loading(self) -> None:
        """Once both the extraction and the user's choices are at hand: show them."""
        from reader.core.recommendations.overrides import RecommendationOverrides

        state = self._extracted
        if state is None or self._state is not None or not self._user_data.is_open():
            return
        self._state = state
        database = self._user_data.database()
        if database is not None:
            self._overrides = RecommendationOverrides(database)
        self._shown = self._apply()
        if self.problem():
            self.message_posted.emit(self.problem())
        self.loaded.emit()
        # Documents added while the first extraction ran: extracted now.
        missing = [doc for doc_id, doc in self.documents.items() if doc_id not in self._asked]
        if missing:
            self.add_documents(missing)

    def _on_load_failed(self, error: BaseException) -> None:
        self.message_posted.emit(
            self._messages.describe(error, self.tr("extracting recommendations", "what failed"))
        )

    # The library changing -----------------------------------------------------------------
    def add_documents(self, documents: Sequence[Document]) -> None:
        """New (or changed) documents: their recommendations are extracted on a worker, and
        `changed` follows. Before loading, they are simply part of what start() extracts."""
        for doc in documents:
            self.documents[doc.id] = doc
        if self._state is None:
            return
        self._asked.update(doc.id for doc in documents)
        task = functools.partial(extract_some, list(documents))
        run_task(task, self._on_extract_done, self._on_load_failed, context=self)

    def remove_document(self, doc_id: str) -> None:
        self.documents.pop(doc_id, None)
        self._asked.discard(doc_id)
        if self._state is not None:
            self._replace({doc_id}, [])

    def _on_extract_done(self, answer: tuple[set[str], list[Recommendation]]) -> None:
        ids, found = answer
        self._replace({i for i in ids if i in self.documents}, found)

    def _replace(self, doc_ids: set[str], found: list[Recommendation]) -> None:
        assert self._state is not None
        kept = [rec for rec in self._state.extracted if rec.doc_id not in doc_ids]
        wanted = [rec for rec in found if rec.doc_id in self.documents]
        self._state = self._state._replace(extracted=kept + wanted)
        # Only the changed documents' choices are read again: re-reading every document's
        # (one query each) after every batch of an import stalled the window.
        shown = [rec for rec in self._shown if rec.doc_id not in doc_ids]
        self._shown = shown + self._apply(doc_ids, wanted)
        self.changed.emit()

    # Reading -----------------------------------------------------------------------------
    @property
    def taxonomy(self) -> Taxonomy:
        assert self._state is not None, "the recommendations are not loaded yet"
        return self._state.taxonomy

    def recommendations(self) -> list[Recommendation]:
        return list(self._shown)

    def suggested_topics(self, doc: Document, start: int) -> tuple[str, ...]:
        """The topics the extractor would give the sentence at `start`, main one first."""
        from reader.core.recommendations.rules import bundled_rules
        from reader.core.recommendations.topic_assignment import suggested_topics

        return suggested_topics(doc, start, self.taxonomy, bundled_rules())

    def problem(self) -> str:
        """A sentence saying why the user's choices cannot be saved, or ""."""
        problem = self._user_data.problem() if self._user_data.is_open() else ""
        if not problem:
            return ""
        return self.tr("Your choices about recommendations cannot be saved: {problem}.").format(
            problem=problem
        )

    def at(self, doc_id: str, start: int, end: int) -> Recommendation | None:
        """The recommendation that is the sentence [start, end) of `doc_id`, if it is one."""
        for rec in self._shown:
            if (rec.doc_id, rec.start, rec.end) == (doc_id, start, end):
                return rec
        return None

    # The user's choices ------------------------------------------------------------------
    def mark(self, doc: Document, start: int, end: int, topics: Sequence[str]) -> bool:
        """File the sentence under `topics`; False (and a message) if it cannot be saved."""
        from reader.core.recommendations.overrides import SentenceKey

        key = SentenceKey.of(doc, start, end)
        return self._change(lambda o: o.mark(key, topics), self.tr("Marked as a recommendation."))

    def set_topics(self, rec: Recommendation, topics: Sequence[str]) -> bool:
        key = _key(rec)
        return self._change(lambda o: o.set_topics(key, topics), self.tr("Topics changed."))

    def dismiss(self, rec: Recommendation) -> bool:
        key = _key(rec)
        return self._change(lambda o: o.dismiss(key), self.tr("Recommendation dismissed."))

    def _change(self, change: Callable[[RecommendationOverrides], object], done: str) -> bool:
        if self._overrides is None:
            self.message_posted.emit(
                self.problem() or self.tr("The recommendations are not loaded yet.")
            )
            return False
        try:
            change(self._overrides)
        except ReaderError as error:
            self.message_posted.emit(str(error))
            return False
        self._shown = self._apply()
        self.message_posted.emit(done)
        self.changed.emit()
        return True

    def _apply(
        self, doc_ids: set[str] | None = None, extracted: list[Recommendation] | None = None
    ) -> list[Recommendation]:
        """The user's choices over the extracted recommendations (of `doc_ids`, or all)."""
        from reader.core.recommendations.overrides import apply_overrides

        assert self._state is not None
        recs = list(self._state.extracted if extracted is None else extracted)
        if self._overrides is None:
            return recs
        docs = [d for d in self.documents.values() if doc_ids is None or d.id in doc_ids]
        try:
            choices = [o for doc in docs for o in self._overrides.for_document(doc)]
        except ReaderError as error:
            self.message_posted.emit(str(error))
            return recs
        return apply_overrides(recs, choices, {d.id: d for d in docs}, self.taxonomy)


def _key(rec: Recommendation) -> SentenceKey:
    from reader.core.recommendations.overrides import SentenceKey

    return SentenceKey.of_recommendation(rec)
