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


class TemporarySearchIndex(SearchIndex):
    """A SearchIndex in a new temporary folder, removed on close()."""

    def __init__(self) -> None:
        super().__init__(Path(tempfile.mkdtemp(prefix="statement-reader-index-")))

    def close(self) -> None:
        super().close()
        shutil.rmtree(self.folder, ignore_errors=True)


@dataclass(frozen=True)
class Synced:
    index: SearchIndex
    report: str  # what sync() did
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
    """Sync `index`; if it is the folder's and the folder turns out unable to hold its first
    generation (a full disk), a temporary index takes its place."""
    try:
        return Synced(index, index.sync(documents), notice)
    except ReaderError as error:
        index.close()
        if isinstance(index, TemporarySearchIndex) or current_generation(index.folder):
            raise  # an index there already: its trouble is worth the user's attention
        temporary = TemporarySearchIndex()
        try:
            return Synced(temporary, temporary.sync(documents), _notice(str(error)))
        except BaseException:
            temporary.close()
            raise


def _notice(reason: str) -> str:
    return f"{reason} Search uses a temporary index instead."
