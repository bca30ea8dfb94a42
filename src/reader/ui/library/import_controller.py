"""File → Import and drag and drop: files imported on the index's thread a few at a time, so
searches are answered between batches, with a progress dialog and a summary at the end."""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QProgressDialog

from reader.core.library.cancellation import Cancellation

from reader.ui.actions import Act
from reader.ui.feature_context import FeatureContext
from reader.ui.library import import_dialogs as dialogs
from reader.ui.plurals import plurals
from reader.ui.tasks import run_task, serial_pool

if TYPE_CHECKING:
    from reader.core.library.importing import Batch, ImportResult

    from reader.ui.search.index_service import IndexService

# Files per task: small enough that a search waits at most about half a second behind one.
BATCH_SIZE = 10
# How long the worker waits for the window to show a file before it stops waiting for the
# rest of the batch: a window that is closing shows nothing, and must not be kept waiting.
PACE_TIMEOUT_S = 2.0


class _Pace:
    """The worker starts on a file only once the window has shown the one before, so what
    the progress dialog shows when Cancel is pressed is what was stored (and perhaps the
    one file under way), not a batch the worker finished while the window was busy."""

    def __init__(self) -> None:
        self._turn = threading.Condition()
        self._sent = self._shown = 0
        self._waiting = True

    def sent(self) -> None:
        """Worker thread: a file is done and said; wait until the window has shown it."""
        with self._turn:
            self._sent += 1
            if self._waiting and not self._turn.wait_for(
                lambda: self._shown >= self._sent, PACE_TIMEOUT_S
            ):
                self._waiting = False  # the window is not listening: go on without it

    def shown(self) -> None:
        """GUI thread: the window has shown one more file."""
        with self._turn:
            self._shown += 1
            self._turn.notify_all()


class _FileDone(QObject):
    """Lives on the GUI thread; the worker emits `done` after each file (delivered queued).

    Signals:
        done(str): the file just imported (or refused).
    """

    done = Signal(str)


class ImportTarget(Protocol):
    """Where imported files go: the library, which says when it cannot take any."""

    def cannot_import(self) -> str: ...

    def import_batch(
        self, paths: Sequence[Path], cancelled: Callable[[], bool], on_file: Callable[[str], None]
    ) -> Batch: ...

    def describe(self, error: BaseException) -> str: ...


class ImportController(QObject):
    """Runs one import at a time; on the index's thread when there is an index, so a search
    is never answered from the middle of a batch.

    Signals:
        file_done(int, int, str): files done so far, of how many, and the last one's name.
        batch_imported(object): the list of Documents a batch added.
        import_finished(object): the list of ImportResult, one per file, in order.
    """

    file_done = Signal(int, int, str)
    batch_imported = Signal(object)
    import_finished = Signal(object)

    def __init__(
        self, target: ImportTarget, context: FeatureContext, index_service: IndexService | None
    ) -> None:
        super().__init__(context.dialog_parent)
        self._target, self._context, self._index_service = target, context, index_service
        self._parent = context.dialog_parent
        self._pool = serial_pool(self)  # without an index service: still one batch at a time
        self._paths: list[Path] = []
        self._results: list[ImportResult] = []
        self._done = 0
        self._on_finished: Callable[[list[ImportResult]], None] | None = None
        self._cancel = Cancellation()
        self._pace = _Pace()
        self._signals = _FileDone(self)
        self._signals.done.connect(self._on_worker_file_done)
        self.progress: QProgressDialog | None = None

    def is_running(self) -> bool:
        return bool(self._paths)

    # Starting ------------------------------------------------------------------------------
    @Slot()
    def import_requested(self) -> None:
        """File → Import…: ask for files, then import them."""
        if self._refused():
            return
        paths = dialogs.ask_import_paths(self._parent)
        if paths:
            self.start(paths)

    def start(
        self,
        paths: Sequence[Path],
        on_finished: Callable[[list[ImportResult]], None] | None = None,
    ) -> bool:
        """Import `paths` in the background; False (and the reason shown) if it cannot start.

        The results go to `on_finished` if given (files opened with the app, which shows the
        first of them), else to the summary dialog."""
        if self._refused() or not paths:
            return False
        self._on_finished = on_finished
        self._paths, self._results, self._done = list(paths), [], 0
        self._cancel, self._pace = Cancellation(), _Pace()
        self._context.actions[Act.IMPORT].setEnabled(False)
        self.progress = dialogs.make_progress(self._parent, len(self._paths))
        self.progress.canceled.connect(self.cancel)
        self.progress.show()
        self._next_batch()
        return True

    @Slot()
    def cancel(self) -> None:
        """Stop now: the file being read is dropped (one being stored is waited for, a few
        milliseconds), nothing more is stored, and what was imported stays."""
        self._cancel.cancel()
        if self.progress is not None:
            self.progress.setLabelText(self.tr("Cancelled; the files imported so far stay."))

    def _refused(self) -> bool:
        if self.is_running():
            self._status(self.tr("An import is running; wait for it to finish or cancel it."))
            return True
        problem = self._target.cannot_import()
        if problem:
            dialogs.show_cannot_import(self._parent, problem)
            return True
        return False

    # Drag and drop -------------------------------------------------------------------------
    def accepts(self, event: QDragEnterEvent | QDropEvent) -> list[Path]:
        """The local files of a drag, if one of them at least can be imported; else []."""
        mime = event.mimeData()
        files = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()] if mime else []
        if any(path.suffix.lower() in dialogs.IMPORTABLE_SUFFIXES for path in files):
            return files
        return []

    def drag_entered(self, event: QDragEnterEvent) -> None:
        if self.accepts(event):
            event.acceptProposedAction()
        else:
            event.ignore()
            self._status(self.not_importable())

    def not_importable(self) -> str:
        return self.tr("Only .txt, .md, .html, .htm and .pdf files can be imported.")

    def dropped(self, event: QDropEvent) -> None:
        files = self.accepts(event)
        if not files:
            event.ignore()
            self._status(self.not_importable())
            return
        event.acceptProposedAction()
        self.start(files)  # an unsupported one among them is listed, with why, in the summary

    # Running -------------------------------------------------------------------------------
    def _next_batch(self) -> None:
        from reader.core.library.importing import cancelled_result

        position = len(self._results)
        if position >= len(self._paths):
            self._finish()
            return
        if self._cancel():
            self._results += [cancelled_result(p) for p in self._paths[position:]]
            self._finish()
            return
        batch = self._paths[position : position + BATCH_SIZE]
        self._run(functools.partial(self._target.import_batch, batch, self._cancel,
                                    functools.partial(self._file_done, self._pace)))  # fmt: skip

    def _file_done(self, pace: _Pace, name: str) -> None:
        """Worker thread: tell the window, and wait for it to show the file."""
        self._signals.done.emit(name)
        pace.sent()

    def _run(self, task: functools.partial[Batch]) -> None:
        service = self._index_service
        if service is not None:
            service.run(task, self._on_batch_done, self._on_batch_failed, self)
        else:
            run_task(task, self._on_batch_done, self._on_batch_failed, self._pool, self)

    @Slot(str)
    def _on_worker_file_done(self, name: str) -> None:
        if not self._paths:
            return
        self._pace.shown()
        self._done += 1
        label = dialogs.progress_label(self._done, len(self._paths), Path(name).name)
        if self.progress is not None and shiboken6.isValid(self.progress):
            self.progress.setValue(self._done)
            if not self._cancel():
                self.progress.setLabelText(label)
        self.file_done.emit(self._done, len(self._paths), Path(name).name)

    def _on_batch_done(self, batch: Batch) -> None:
        self._results += batch.results
        self.batch_imported.emit(list(batch.added))
        # The documents just imported live as long as the library: taken out of the cyclic
        # collector's reach, its full passes stop growing with the library (they had reached
        # 130 ms, holding the GIL, by 2,000 imported statements).
        gc.freeze()
        if batch.notice:
            self._status(batch.notice)
        self._next_batch()

    def _on_batch_failed(self, error: BaseException) -> None:
        from reader.core.library.importing import REFUSED, ImportResult

        sentence = self._target.describe(error)
        rest = self._paths[len(self._results) :]
        self._results += [ImportResult(str(p), REFUSED, reason=sentence) for p in rest]
        self._finish()

    def _finish(self) -> None:
        from reader.core.library.importing import IMPORTED

        results = self._results
        self._paths, self._results = [], []
        if self.progress is not None and shiboken6.isValid(self.progress):
            self.progress.close()
            self.progress.deleteLater()
        self.progress = None
        self._context.actions[Act.IMPORT].setEnabled(True)
        imported = sum(r.status == IMPORTED for r in results)
        self._status(plurals().imported_of_files(imported, len(results)))
        self.import_finished.emit(results)
        if self._on_finished is not None:
            self._on_finished(results)
        else:
            dialogs.show_import_summary(self._parent, results)

    def _status(self, sentence: str) -> None:
        self._context.messages.say(sentence)
