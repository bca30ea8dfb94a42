"""What a query worked out from one segment reader's data, kept for the next queries.

A reader is a fixed state of a segment: an update of the index makes new readers, and what
was kept for the old ones goes with them (weak references). Kept things are dropped the
longest unused first once a reader's add up to more than the bound.
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

V = TypeVar("V")


class KeptPerReader(Generic[V]):
    """Values by reader and key, up to `most` per reader as `size` measures them. Each
    reader's are used under its index's lock (SearchIndex)."""

    def __init__(self, most: int, size: Callable[[V], int]) -> None:
        self._most, self._size = most, size
        self._kept: weakref.WeakKeyDictionary[Any, OrderedDict[Hashable, V]] = (
            weakref.WeakKeyDictionary()
        )
        self._sizes: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()

    def get(self, reader: Any, key: Hashable) -> V | None:
        kept = self._kept.get(reader)
        found = kept.get(key) if kept is not None else None
        if found is not None and kept is not None:
            kept.move_to_end(key)
        return found

    def put(self, reader: Any, key: Hashable, value: V) -> V:
        kept = self._kept.get(reader)
        if kept is None:
            kept = self._kept[reader] = OrderedDict()
            self._sizes[reader] = 0
        previous = kept.pop(key, None)
        size = self._sizes[reader] - (self._size(previous) if previous is not None else 0)
        kept[key] = value
        size += self._size(value)
        while size > self._most and len(kept) > 1:
            _, dropped = kept.popitem(last=False)
            size -= self._size(dropped)
        self._sizes[reader] = size
        return value

    def forget(self, reader: Any) -> None:
        self._kept.pop(reader, None)
        self._sizes.pop(reader, None)
