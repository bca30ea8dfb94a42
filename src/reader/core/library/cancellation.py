"""Cancelling an import from another thread, with a clean cut: once `cancel()` has returned,
no file is stored any more, and every file stored before it stays.

A flag alone leaves a gap: the importer reads it (not cancelled), the user cancels, and the
file is stored anyway, after Cancel. So the importer stores each file while holding
`storing()`, and `cancel()` takes the same lock: it waits for a file being stored (one
database transaction and a copy), never for one being read, which is dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext


class Cancellation:
    """Called, says whether the import was cancelled (the `cancelled` callables take it)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False

    def __call__(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        """Cancel; returns once no file can be stored any more."""
        with self._lock:
            self._cancelled = True

    @contextmanager
    def storing(self) -> Iterator[bool]:
        """Hold off `cancel()` while a file is stored; True if it may be stored."""
        with self._lock:
            yield not self._cancelled


def storing(cancelled: Callable[[], bool]) -> AbstractContextManager[bool]:
    """`cancelled.storing()` for a Cancellation; for any other callable (the command line's
    never-cancelled default, a test's), only its answer now."""
    if isinstance(cancelled, Cancellation):
        return cancelled.storing()
    return nullcontext(not cancelled())
