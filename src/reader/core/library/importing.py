"""Importing many files at once: each on its own, then the index and the extractor brought up
to date once for the batch. Pure core, for the command line and the window's worker alike."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.documents.document import Document
from reader.core.errors import ReaderError
from reader.core.files import display_name
from reader.core.importers import DEFAULT_MAX_BYTES, import_file
from reader.core.library.cancellation import storing
from reader.core.library.catalogue import AlreadyInLibrary, Catalogue, CatalogueError
from reader.core.library.library import Library
from reader.core.translation import _
from reader.core.user_db import UserDatabase

if TYPE_CHECKING:
    from reader.core.search.index import SearchIndex

log = logging.getLogger(__name__)

IMPORTED, DUPLICATE, REFUSED = "imported", "duplicate", "refused"
IMPORTING, INDEXING = "importing", "indexing"


@dataclass(frozen=True)
class LibraryContext:
    """Where an import writes: the bundled statements (for duplicates and reserved ids), the
    user's database, the index folder, and the size limit. `index`: a SearchIndex already
    open (the window's), else one is opened on `index_folder` for the batch."""

    bundled_folder: Path
    db: UserDatabase
    index_folder: Path
    max_bytes: int = DEFAULT_MAX_BYTES
    index: SearchIndex | None = None


@dataclass(frozen=True)
class ImportResult:
    """What became of one file: imported (as `id`), a duplicate (of `id`), or refused (`reason`)."""

    file: str
    status: str
    id: str = ""
    title: str = ""
    reason: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "status": self.status,
            "id": self.id or None,
            "title": self.title or None,
            "reason": self.reason or None,
        }


@dataclass(frozen=True)
class ImportProgress:
    """`phase` is IMPORTING (`done` of `total` files, `file` the one just done) or INDEXING."""

    phase: str
    done: int
    total: int
    file: str = ""


def import_files(
    paths: Iterable[Path],
    context: LibraryContext,
    on_progress: Callable[[ImportProgress], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    on_notice: Callable[[str], None] | None = None,
) -> list[ImportResult]:
    """Import every file, then update the index (which runs the extractor on the new ones).

    One result per path, in order. A refused file does not stop the batch; cancelling stops
    it before the next file is stored (the rest are refused as not imported) and keeps what
    was done. A
    CatalogueError before anything is read if the library cannot be written. `on_notice`
    hears of anything the user should know that is not about one file (an index left stale).
    """
    paths = list(paths)
    catalogue = Catalogue(context.db)
    if catalogue.read_only:
        raise CatalogueError(_nothing_imported(catalogue.read_only))
    bundled = Library.open(context.bundled_folder)
    results: list[ImportResult] = []
    for number, path in enumerate(paths, 1):
        if cancelled():
            results += [cancelled_result(p) for p in paths[number - 1 :]]
            break
        results.append(import_one(path, catalogue, bundled, context.max_bytes, cancelled))
        if on_progress is not None:
            on_progress(ImportProgress(IMPORTING, number, len(paths), path.name))
    if any(r.status == IMPORTED for r in results):
        _update_index(context, on_progress, on_notice)
    return results


@dataclass(frozen=True)
class Batch:
    """What import_batch did: one result per file, the documents added, and a notice ("")."""

    results: list[ImportResult]
    added: list[Document]
    notice: str = ""


def import_batch(
    paths: Sequence[Path],
    context: LibraryContext,
    documents: Sequence[Document],
    cancelled: Callable[[], bool] = lambda: False,
    on_file: Callable[[Path], None] | None = None,
) -> Batch:
    """Import a few files for a caller that keeps the library in memory (the window): the
    index (context.index) is brought in line with `documents` and the new ones without
    reading the whole catalogue again, so a long import in small batches stays linear.
    `on_file` hears of each file once it is done."""
    catalogue = Catalogue(context.db)
    if catalogue.read_only:
        raise CatalogueError(_nothing_imported(catalogue.read_only))
    bundled = Library.open(context.bundled_folder)
    results: list[ImportResult] = []
    for number, path in enumerate(paths):
        if cancelled():
            results += [cancelled_result(p) for p in paths[number:]]
            break
        results.append(import_one(path, catalogue, bundled, context.max_bytes, cancelled))
        if on_file is not None:
            on_file(path)
    added = [catalogue.document(r.id) for r in results if r.status == IMPORTED]
    new = [doc for doc in added if doc is not None]
    notice = ""
    if new and context.index is not None:
        try:
            context.index.sync([*documents, *new])
        except ReaderError as error:
            log.warning("Index not updated after an import: %s", error)
            notice = _(
                "The search index was not updated ({error}); it will be at the next start."
            ).format(error=error)
    return Batch(results, new, notice)


def import_one(
    path: Path,
    catalogue: Catalogue,
    bundled: Library,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cancelled: Callable[[], bool] = lambda: False,
) -> ImportResult:
    """One file: parsed, checked against the library's contents, stored; a ReaderError
    becomes the refusal's reason. `bundled`: the bundled statements (ids never given).
    A cancel that comes while the file is read stops it before it is stored; with a
    Cancellation, one that comes while it is stored waits for it (cancellation.py)."""
    name = display_name(str(path))
    try:
        imported = import_file(path, max_bytes)
        same = bundled_hashes(bundled).get(imported.content_hash)
        if same is not None:
            raise AlreadyInLibrary(imported.file_name, same)
        with storing(cancelled) as going_on:
            if not going_on:
                return cancelled_result(path)
            entry = catalogue.add(imported, path, reserved=bundled.ids())
    except AlreadyInLibrary as duplicate:
        title = _title_of(duplicate.doc_id, catalogue, bundled)
        return ImportResult(name, DUPLICATE, duplicate.doc_id, title, str(duplicate))
    except ReaderError as refusal:  # ImportRefused, CatalogueError, DatabaseError
        return ImportResult(name, REFUSED, reason=str(refusal))
    return ImportResult(name, IMPORTED, entry.id, entry.title)


def bundled_hashes(library: Library) -> dict[str, str]:
    """sha256 of each statement's canonical text -> its id: the importers' content hash, so
    a bundled statement's words imported again are recognised."""
    return {hashlib.sha256(doc.text.encode("utf-8")).hexdigest(): doc.id for doc in library}


def update_index(
    context: LibraryContext, progress: Callable[[int, int], None] | None = None
) -> str:
    """Bring the index in line with the whole library (incrementally: only changed documents
    are written; the extractor files each new passage under its recommendations' topics)."""
    from reader.core.search.index import SearchIndex  # Whoosh only when the index is touched

    library = Library.open(context.bundled_folder, context.db)
    index = context.index if context.index is not None else SearchIndex(context.index_folder)
    try:
        return index.sync(library, progress)
    finally:
        if context.index is None:
            index.close()


def _update_index(
    context: LibraryContext,
    on_progress: Callable[[ImportProgress], None] | None,
    on_notice: Callable[[str], None] | None,
) -> None:
    def progress(done: int, total: int) -> None:
        if on_progress is not None:
            on_progress(ImportProgress(INDEXING, done, total))

    try:
        update_index(context, progress)
    except ReaderError as error:
        # The documents are in the library; the index is a cache, and the next search
        # brings it up to date, so the import still succeeded.
        log.warning("Index not updated after an import: %s", error)
        if on_notice is not None:
            on_notice(
                _(
                    "The search index was not updated ({error}); the next search will try again."
                ).format(error=error)
            )


def _title_of(doc_id: str, catalogue: Catalogue, bundled: Library) -> str:
    if doc_id in bundled:
        return bundled.get(doc_id).metadata.title
    entry = catalogue.entry(doc_id)
    return entry.title if entry is not None else ""


def cancelled_result(path: Path) -> ImportResult:
    name = display_name(path.name)
    return ImportResult(
        display_name(str(path)),
        REFUSED,
        reason=_("{name} was not imported: the import was cancelled.").format(name=name),
    )


def _nothing_imported(reason: str) -> str:
    return _("Nothing can be imported: {reason}.").format(reason=reason)


__all__ = [
    "DUPLICATE",
    "IMPORTED",
    "REFUSED",
    "Batch",
    "ImportProgress",
    "ImportResult",
    "LibraryContext",
    "cancelled_result",
    "import_batch",
    "import_files",
    "update_index",
]
