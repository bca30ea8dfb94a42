"""An index that serves while the data folder cannot hold one (read-only, or full with no
index yet): built in a folder of its own, gone when it is closed. Searching never needs to
write to the user's folder."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reader.core.documents.document import Document
from reader.core.errors import ReaderError
from reader.core.search.index import SearchIndex
from reader.core.search.index_store import current_generation, why_no_index_here
from reader.core.translation import _


class TemporarySearchIndex(SearchIndex):
    """A SearchIndex in a new temporary folder, removed on close()."""

    def __init__(self) -> None:
        super().__init__(Path(tempfile.mkdtemp(prefix="statement-reader-index-")))

    def close(self) -> None:
        super().close()
        shutil.rmtree(self.folder, ignore_errors=True)


def stale() -> str:
    return _("Search answers from the index as it was, without the latest changes.")


@dataclass(frozen=True)
class Synced:
    index: SearchIndex
    report: str  # what sync() did; "stale" if it could not
    notice: str  # why a temporary index serves, or ""


def index_for(folder: Path) -> tuple[SearchIndex, str]:
    """The index under `folder`, or a temporary one if it has none and cannot hold one, with
    the sentence that says so ("" for the usual index)."""
    reason = why_no_index_here(folder)
    if not reason:
        return SearchIndex(folder), ""
    return TemporarySearchIndex(), _notice(reason)


def synced_index(folder: Path, documents: Iterable[Document]) -> Synced:
    """An index holding `documents`: the one under `folder`, or a temporary one if `folder`
    has none and cannot hold one (read-only, or too full to build it in)."""
    documents = list(documents)
    index, notice = index_for(folder)
    return sync_or_fall_back(index, notice, documents)


def sync_or_fall_back(index: SearchIndex, notice: str, documents: list[Document]) -> Synced:
    """Sync `index`. If that cannot be written (a full disk), search what it holds; if it
    holds nothing yet, a temporary index takes its place."""
    try:
        return Synced(index, index.sync(documents), notice)
    except ReaderError as error:
        if isinstance(index, TemporarySearchIndex):
            index.close()
            raise
        if current_generation(index.folder) is not None:
            if not index.open_current():
                return Synced(index, "stale", f"{error} {stale()}")
            index.close()
            raise  # there but unreadable: its trouble is the user's to know
        index.close()
        temporary = TemporarySearchIndex()
        try:
            return Synced(temporary, temporary.sync(documents), _notice(str(error)))
        except BaseException:
            temporary.close()
            raise


def _notice(reason: str) -> str:
    return f"{reason} Search uses a temporary index instead."
