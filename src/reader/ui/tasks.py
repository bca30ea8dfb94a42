"""Work off the GUI thread, one way: a core callable runs on a pool, its answer comes back."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QEvent,
    QObject,
    QRunnable,
    QThreadPool,
    QTimer,
    Signal,
    SignalInstance,
    Slot,
)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _Dispatcher(QObject):
    """Lives on the GUI thread; its signals, emitted by workers, are delivered there (queued).

    Signals:
        finished(int, object): task number, and what its callable returned.
        failed(int, object): task number, and the exception its callable raised.
    """

    finished = Signal(int, object)
    failed = Signal(int, object)

    def __init__(self) -> None:
        super().__init__()
        self._waiting: dict[int, tuple[Done, Failed, QObject | None]] = {}
        self._numbers = itertools.count(1)
        self.finished.connect(self._on_task_finished)
        self.failed.connect(self._on_task_failed)

    def add(self, on_done: Done, on_error: Failed, context: QObject | None) -> int:
        number = next(self._numbers)
        self._waiting[number] = (on_done, on_error, context)
        return number

    @Slot(int, object)
    def _on_task_finished(self, number: int, result: object) -> None:
        on_done, _, context = self._waiting.pop(number)
        if context is None or shiboken6.isValid(context):
            on_done(result)

    @Slot(int, object)
    def _on_task_failed(self, number: int, error: BaseException) -> None:
        _, on_error, context = self._waiting.pop(number)
        if context is None or shiboken6.isValid(context):
            on_error(error)


_dispatcher: _Dispatcher | None = None  # made by the first run_task, on the GUI thread


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], object], dispatcher: _Dispatcher, number: int) -> None:
        super().__init__()
        self._fn, self._dispatcher, self._number = fn, dispatcher, number

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as error:  # every failure goes back to the GUI thread to be shown
            self._answer(self._dispatcher.failed, error)
        else:
            self._answer(self._dispatcher.finished, result)

    def _answer(self, signal: SignalInstance, value: object) -> None:
        try:
            signal.emit(self._number, value)
        except RuntimeError:  # the dispatcher is gone: the application is shutting down
            pass


def run_task(
    fn: Callable[[], object],
    on_done: Done,
    on_error: Failed,
    pool: QThreadPool | None = None,
    context: QObject | None = None,
) -> None:
    """Run `fn` on `pool` (the global one by default); call on_done(result) or on_error(error)
    on the GUI thread, unless `context` was deleted meanwhile. Call this on the GUI thread.

    `fn` must not touch widgets. Callers that want only the newest answer number their
    requests (see Generations) and drop the others in on_done.
    """
    global _dispatcher
    if _dispatcher is None:
        _dispatcher = _Dispatcher()
    number = _dispatcher.add(on_done, on_error, context)
    (pool or QThreadPool.globalInstance()).start(_Task(fn, _dispatcher, number))


def serial_pool(parent: QObject) -> QThreadPool:
    """A pool of one thread: what it runs, it runs one at a time, in order."""
    pool = QThreadPool(parent)
    pool.setMaxThreadCount(1)
    return pool


class Generations:
    """Numbers requests so that only the answer to the newest one is used."""

    def __init__(self) -> None:
        self._newest = 0

    def next(self) -> int:
        self._newest += 1
        return self._newest

    def is_newest(self, number: int) -> bool:
        return number == self._newest


def after_first_paint(widget: QObject, receiver: QObject, start: Callable[[], None]) -> None:
    """Call start() once, from the event loop, just after `widget` has first painted: the
    window shows first, and work such as opening the index or the database follows."""
    _AfterFirstPaint(widget, receiver, start)


class _AfterFirstPaint(QObject):
    def __init__(self, widget: QObject, receiver: QObject, start: Callable[[], None]) -> None:
        super().__init__(widget)
        self._receiver, self._start = receiver, start
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._receiver, self._start)
            self.deleteLater()
        return False
