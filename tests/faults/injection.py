"""OSErrors injected at the Nth write-side call that Python code makes (opening a file to
write, writing it, closing it, renaming, making a folder, syncing), as SQLite's own tests
inject faults at each I/O call. SQLite's writes, in C, are tried on a real full disk
(test_full_disk.py) instead."""

from __future__ import annotations

import builtins
import errno
import io
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

ERRNOS = (errno.ENOSPC, errno.EIO, errno.EACCES)
WRITE_MODES = frozenset("wax+")


class Faults:
    """Counts write-side calls; the one numbered `fail_at` raises OSError(`code`)."""

    def __init__(self, fail_at: int | None = None, code: int = errno.ENOSPC) -> None:
        self.fail_at, self.code = fail_at, code
        self.calls: list[str] = []

    def check(self, what: str) -> None:
        if self.fail_at == len(self.calls):
            self.calls.append(what)
            raise OSError(self.code, os.strerror(self.code), what)
        self.calls.append(what)

    @property
    def failed(self) -> bool:
        return self.fail_at is not None and self.fail_at < len(self.calls)


class _Written:
    """A file opened to write, whose writes and close are counted."""

    def __init__(self, file: Any, faults: Faults, name: str) -> None:
        self._file, self._faults, self._name = file, faults, name
        self._wrote = False

    def write(self, data: Any) -> int:
        if not self._wrote:  # the first write of each file: counting every one is too many
            self._wrote = True
            self._faults.check(f"write {self._name}")
        return int(self._file.write(data))

    def close(self) -> None:
        try:
            self._faults.check(f"close {self._name}")
        finally:
            self._file.close()

    def __enter__(self) -> _Written:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __iter__(self) -> Iterator[Any]:
        return iter(self._file)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


@contextmanager
def injected(monkeypatch: pytest.MonkeyPatch, faults: Faults) -> Iterator[Faults]:
    real_open = builtins.open

    def open_(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if not WRITE_MODES & set(mode) or isinstance(file, int):
            return real_open(file, mode, *args, **kwargs)
        faults.check(f"open {file}")
        return _Written(real_open(file, mode, *args, **kwargs), faults, str(file))

    def counted(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            faults.check(f"{name} {args[0] if args else ''}")
            return real(*args, **kwargs)

        return call

    with monkeypatch.context() as patch:
        patch.setattr(builtins, "open", open_)
        patch.setattr(io, "open", open_)
        for name in ("replace", "rename", "mkdir", "fsync", "truncate", "unlink"):
            patch.setattr(os, name, counted(name, getattr(os, name)))
        yield faults
