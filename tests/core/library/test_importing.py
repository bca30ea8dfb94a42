"""Importing a batch: files independent of each other, the index updated, cancellation clean."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from reader.core.library.cancellation import Cancellation
from reader.core.library.catalogue import Catalogue, CatalogueError
from reader.core.library.importing import (
    DUPLICATE,
    IMPORTED,
    INDEXING,
    REFUSED,
    ImportProgress,
    LibraryContext,
    import_files,
)
from reader.core.search.index import SearchIndex
from reader.core.user_db import UserDatabase
from reader.resource_access import resource_folder

WORDS = ("Geneva", "Vienna", "Helsinki", "Reykjavik")


@pytest.fixture
def context(tmp_path: Path, user_db: UserDatabase) -> LibraryContext:
    return LibraryContext(resource_folder(), user_db, tmp_path / "index")


def _files(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    made = []
    for n in range(count):
        path = folder / f"statement-{n}.txt"
        word = WORDS[n]
        path.write_text(f"Statement on {word}\n\nThe parties must meet in {word}.\n", "utf-8")
        made.append(path)
    return made


def test_a_batch_imports_and_indexes_each_file(context: LibraryContext, tmp_path: Path) -> None:
    files = _files(tmp_path / "in", 3)
    seen: list[ImportProgress] = []
    results = import_files(files, context, on_progress=seen.append)
    assert [r.status for r in results] == [IMPORTED] * 3
    assert [p.done for p in seen if p.phase != INDEXING] == [1, 2, 3]
    index = SearchIndex(context.index_folder)
    assert index.open_current() == ""  # built by the import, not by this test
    hits = index.search("Helsinki").hits
    index.close()
    assert [hit.doc_id for hit in hits] == [results[2].id]


def test_a_bundled_statement_imported_again_is_a_duplicate(
    context: LibraryContext, tmp_path: Path
) -> None:
    from reader.core.library.library import Library

    bundled = Library.open(resource_folder()).get("ac-riac-2013-washington")
    path = tmp_path / "copy.txt"
    path.write_text(bundled.text, encoding="utf-8")
    [result] = import_files([path], context)
    assert (result.status, result.id) == (DUPLICATE, bundled.id)
    assert result.title == bundled.metadata.title


def test_cancelling_stops_between_files_and_keeps_what_was_done(
    context: LibraryContext, tmp_path: Path
) -> None:
    files = _files(tmp_path / "in", 4)
    done: list[ImportProgress] = []
    results = import_files(files, context, done.append, cancelled=lambda: len(done) >= 2)
    assert [r.status for r in results] == [IMPORTED, IMPORTED, REFUSED, REFUSED]
    assert "cancelled" in results[2].reason
    assert len(Catalogue(context.db).entries()) == 2
    assert len(list((context.db.path.parent / "documents").iterdir())) == 2


def test_a_read_only_library_refuses_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core import user_db

    (tmp_path / "data").mkdir()
    monkeypatch.setattr(user_db.os, "access", lambda path, mode: mode != user_db.os.W_OK)
    db = UserDatabase.open(tmp_path / "data")
    context = LibraryContext(resource_folder(), db, tmp_path / "index")
    with pytest.raises(CatalogueError, match="Nothing can be imported: the folder .* is read-only"):
        import_files(_files(tmp_path / "in", 1), context)
    db.close()


def test_an_index_that_cannot_be_written_is_a_notice_not_a_failure(
    context: LibraryContext, tmp_path: Path
) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the index folder should be")
    notices: list[str] = []
    context = LibraryContext(context.bundled_folder, context.db, blocked / "index")
    results = import_files(_files(tmp_path / "in", 1), context, on_notice=notices.append)
    assert [r.status for r in results] == [IMPORTED]
    assert len(notices) == 1 and "search index was not updated" in notices[0]


def test_a_cancel_while_a_file_is_read_stops_it_before_it_is_stored(
    context: LibraryContext, tmp_path: Path
) -> None:
    path = tmp_path / "one.txt"
    path.write_text("A statement\n\nWe recommend that hotlines be kept open.\n", encoding="utf-8")
    answers = iter([False, True])  # not yet when the file starts; by the time it is read, yes
    [result] = import_files([path], context, cancelled=lambda: next(answers))
    assert result.status == REFUSED and "cancelled" in result.reason
    assert Catalogue(context.db).documents() == []


def test_a_cancel_while_a_file_is_stored_waits_for_it_and_nothing_is_stored_after(
    context: LibraryContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The clean cut: Cancel pressed while the second file is being stored returns only once
    it is stored, and nothing is stored after it."""
    files = _files(tmp_path / "in", 4)
    cancellation = Cancellation()
    storing, cancelled = threading.Event(), threading.Event()
    real_add = Catalogue.add

    def add(self: Catalogue, *args: Any, **kwargs: Any) -> Any:
        entry = real_add(self, *args, **kwargs)
        if len(self.entries()) == 2:  # stored; import_one still holds off cancel()
            storing.set()
            assert not cancelled.wait(0.2), "cancel() returned while a file was being stored"
        return entry

    def cancel_when_storing() -> None:
        storing.wait(10)
        cancellation.cancel()
        cancelled.set()

    def progress(step: ImportProgress) -> None:
        if step.done == 2:  # out of the lock: let cancel() return before the next file
            assert cancelled.wait(10)

    monkeypatch.setattr(Catalogue, "add", add)
    canceller = threading.Thread(target=cancel_when_storing)
    canceller.start()
    results = import_files(files, context, progress, cancelled=cancellation)
    canceller.join()
    assert [r.status for r in results] == [IMPORTED, IMPORTED, REFUSED, REFUSED]
    assert len(Catalogue(context.db).entries()) == 2
