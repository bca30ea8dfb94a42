"""The search index as the window sees it: opened after the first paint, kept current off the
GUI thread (a large (re)index in a separate process), and searched one query at a time."""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from reader import paths
from reader.core.documents.document import Document
from reader.core.errors import describe_failure

from reader.ui.tasks import Done, Failed, after_first_paint, run_task, serial_pool

if TYPE_CHECKING:
    from reader.core.search.index import SearchIndex

    from reader.ui.search.index_process import IndexProcess  # made when first wanted

log = logging.getLogger(__name__)

# More passages than this to write, and the work goes to a separate process: indexing holds
# the GIL, and about 2,000 passages take long enough (~1 s) to make typing stutter.
PROCESS_THRESHOLD = 2000


def index_command(folders: paths.Folders) -> list[str]:
    """The argv of the `index` command on the same folders as this process."""
    if getattr(sys, "frozen", False):  # a bundled app is its own interpreter
        program = [sys.executable]
    else:
        program = [sys.executable, "-m", "reader"]
    # Only an overridden data folder is passed on: the platform defaults resolve alike there.
    chosen = ["--data-dir", str(folders.data)] if folders.overridden else []
    return [*program, *chosen, "index", "--progress"]


@dataclass(frozen=True)
class Opening:
    """What opening the index found."""

    index: SearchIndex
    report: str | None  # what sync() did; None: too much to write here, a process must do it
    searchable: bool  # the index can be searched now (for a process: the old one, meanwhile)
    notice: str = ""  # why a temporary index serves (the data folder cannot hold one), or ""


def open_index(folder: Path, documents: list[Document], threshold: int) -> Opening:
    """Open the index under `folder`; bring it up to date here unless that is a large job."""
    # Whoosh takes ~90 ms to import: only here, in a worker, after the window's first paint.
    from reader.core.search.index_plan import passages_to_index
    from reader.core.search.temporary_index import index_for, sync_or_fall_back

    index, notice = index_for(folder)
    unusable = index.open_current()
    if not notice and passages_to_index(folder, documents, rebuild=bool(unusable)) > threshold:
        return Opening(index, None, searchable=not unusable)
    synced = sync_or_fall_back(index, notice, documents)
    return Opening(synced.index, synced.report, searchable=True, notice=synced.notice)


def _is_temporary(index: SearchIndex | None) -> bool:
    if index is None:
        # Never opened (closed right after the first paint): importing the temporary index
        # here would load Whoosh, about 90 ms and 10 MB, only to quit.
        return False
    from reader.core.search.temporary_index import TemporarySearchIndex

    return isinstance(index, TemporarySearchIndex)


def _sync_if_small(
    index: SearchIndex, folder: Path, documents: list[Document], threshold: int
) -> bool:
    """Sync here (True), or leave a large job to the index process (False): indexing holds
    the GIL, and Whoosh's merges of a large update stalled the window for 100-240 ms."""
    from reader.core.search.index_plan import passages_to_index

    if passages_to_index(folder, documents) > threshold:
        return False
    index.sync(documents)
    return True


class IndexService(QObject):
    """Owns the SearchIndex, which only its one worker thread touches.

    Signals:
        opened(): the index can be searched (the first time, or again after a reindex).
        refreshed(): after refresh(), the index holds every document it was given.
        message_posted(str): a sentence for the status bar.
        failed(str): the index cannot be opened; the sentence says why.
    """

    opened = Signal()
    refreshed = Signal()
    message_posted = Signal(str)
    failed = Signal(str)

    def __init__(
        self,
        folder: Path,
        documents: list[Document],
        command: list[str],
        log_file: Path | None = None,
        threshold: int = PROCESS_THRESHOLD,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._folder, self._documents = folder, list(documents)
        self._log_file, self._threshold = log_file, threshold
        self._pool = serial_pool(self)
        self._command = command
        self._index_process: IndexProcess | None = None
        self._index: SearchIndex | None = None
        self._searchable = False
        self._started = False
        self._closed = False  # shut down: nothing new starts (the app may be quitting)
        self._problem = ""

    @property
    def _process(self) -> IndexProcess:
        """Made when first asked for: QProcess and its eight enums cost about 5 ms of the
        window's start-up, and most starts never run the index command."""
        if self._index_process is None:
            from reader.ui.search.index_process import IndexProcess

            process = IndexProcess(self._command, self)
            process.progress_reported.connect(self._on_process_progress_reported)
            process.finished.connect(self._on_process_finished)
            process.failed.connect(self._on_process_failed)
            self._index_process = process
        return self._index_process

    def _process_running(self) -> bool:
        return self._index_process is not None and self._index_process.is_running()

    # Opening -------------------------------------------------------------------------------
    def start_after_first_paint(self, widget: QWidget) -> None:
        """Open the index once `widget` has painted: the window shows first, search follows."""
        after_first_paint(widget, self, self.start)

    @Slot()
    def start(self) -> None:
        if self._started or self._closed:
            return
        self._started = True
        task = functools.partial(open_index, self._folder, self._documents, self._threshold)
        run_task(task, self._on_opening_done, self._on_opening_failed, self._pool, self)

    def rebuild(self) -> None:
        """Rebuild the index from scratch in a separate process; search goes on meanwhile."""
        index = self._index
        if _is_temporary(index):  # the process would write to the folder that cannot hold it
            assert index is not None
            self.message_posted.emit(self.tr("Rebuilding the search index…"))
            task = functools.partial(index.sync, self._documents, rebuild=True)
            run_task(task, self._announce, self._on_refresh_failed, self._pool, self)
            return
        if self._process_running():
            self.message_posted.emit(self.tr("The search index is already being rebuilt."))
            return
        self.message_posted.emit(self.tr("Rebuilding the search index…"))
        self._process.start(rebuild=True)

    def is_searchable(self) -> bool:
        return self._index is not None and self._searchable

    def is_indexing(self) -> bool:
        return self._process_running()

    def problem(self) -> str:
        """Why search is unavailable, or ""."""
        return self._problem

    def shutdown(self) -> None:
        """Stop a background reindex and wait for the worker (it may be inside Whoosh)."""
        self._closed = True
        if self._index_process is not None:
            self._index_process.stop()
        self._pool.waitForDone()
        if self._index is not None:
            # A temporary index's folder goes with it; any index holds its segments' files
            # open (schema.open_generation reads them as it goes).
            self._index.close()

    # Searching -----------------------------------------------------------------------------
    def submit(
        self,
        fn: Callable[[SearchIndex], Any],
        on_done: Done,
        on_error: Failed,
        context: QObject | None = None,
    ) -> bool:
        """Run fn(index) on the index's thread; False if the index cannot be searched yet."""
        index = self._index
        if index is None or not self._searchable:
            return False
        run_task(functools.partial(fn, index), on_done, on_error, self._pool, context)
        return True

    # The library changing -----------------------------------------------------------------
    def set_documents(self, documents: list[Document]) -> None:
        """The library's documents now: what opening, a reopen and refresh() index."""
        self._documents = list(documents)

    def live_index(self) -> SearchIndex | None:
        """The open index, for work run() does on its thread; None while it cannot be written
        here (not open yet, or the index process is rewriting it)."""
        if self._index is None or not self._searchable or self._process_running():
            return None
        return self._index

    def run(
        self, fn: Callable[[], Any], on_done: Done, on_error: Failed, context: QObject | None = None
    ) -> None:
        """Run fn() on the index's thread, between searches (never beside one)."""
        run_task(fn, on_done, on_error, self._pool, context)

    def refresh(self, documents: list[Document]) -> None:
        """Bring the open index in line with `documents` (an import, a removal, new metadata):
        here if that is little work, else in the separate process, as at opening."""
        self.set_documents(documents)
        index = self.live_index()
        if index is None:
            return  # opening (or the running process, then a reopen) indexes them
        # A temporary index is always synced here: the process writes to the data folder.
        threshold = sys.maxsize if _is_temporary(index) else self._threshold
        task = functools.partial(_sync_if_small, index, index.folder, self._documents, threshold)
        run_task(task, self._on_refresh_done, self._on_refresh_failed, self._pool, self)

    def _on_refresh_done(self, synced: bool) -> None:
        if synced:
            self.refreshed.emit()
            return
        if self._closed or self._process_running():
            return
        self.message_posted.emit(self.tr("Indexing in the background…"))
        self._process.start(rebuild=False)

    def _on_refresh_failed(self, error: BaseException) -> None:
        self.message_posted.emit(self.describe(error))

    def describe(self, error: BaseException) -> str:
        """A sentence for a failure of a task; one that is a bug goes to the log as well."""
        return describe_failure(error, self.tr("the search", "what failed"), self._log_file)

    # Slots ---------------------------------------------------------------------------------
    def _on_opening_done(self, opening: Opening) -> None:
        self._index, self._searchable = opening.index, opening.searchable
        if self._closed:
            opening.index.close()  # shut down while it was being opened: nothing else will
            return
        if opening.report is not None:
            self._announce(opening.report)
            if opening.notice:
                log.warning("%s", opening.notice)
                self.message_posted.emit(opening.notice)
            return
        if opening.searchable:
            self.opened.emit()
        self.message_posted.emit(self.tr("Indexing in the background…"))
        self._process.start()

    def _on_opening_failed(self, error: BaseException) -> None:
        self._problem = self.describe(error)
        self.message_posted.emit(self._problem)
        self.failed.emit(self._problem)

    @Slot(int, int)
    def _on_process_progress_reported(self, done: int, total: int) -> None:
        self.message_posted.emit(
            self.tr("Indexing: {done} of {total} documents").format(done=done, total=total)
        )

    @Slot(str)
    def _on_process_finished(self, report: str) -> None:
        self._reopen(report)

    @Slot(str)
    def _on_process_failed(self, sentence: str) -> None:
        log.warning("%s", sentence)
        self.message_posted.emit(sentence)
        self._reopen(None)  # do the work here after all: slower to type meanwhile, but done

    def _reopen(self, report: str | None) -> None:
        """Open what the process published (or, if it failed, bring the index up to date here)."""
        index, documents = self._index, self._documents
        if index is None or self._closed:
            return

        def done(own_report: str) -> None:
            self._announce(report or own_report)

        run_task(lambda: index.sync(documents), done, self._on_opening_failed, self._pool, self)

    def _announce(self, report: str) -> None:
        self._searchable, self._problem = True, ""
        self.opened.emit()
        self.refreshed.emit()
        if report not in ("unchanged", "stale"):  # the usual start; or the notice says it
            self.message_posted.emit(status_sentence(report))


def status_sentence(report: str) -> str:
    """What the status bar says about a sync's report ("rebuilt: it was damaged (error)", ...)."""
    if report == "built":  # the first start's report, the one most people see
        return QCoreApplication.translate("IndexService", "Search index built.")
    # The rest carry the core's English reasons ("rebuilt: it was damaged (error)").
    return QCoreApplication.translate("IndexService", "Search index {report}.").format(
        report=report
    )
