"""The index recovers by itself: missing, damaged, older, locked, raced by another process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.documents.builder import BlockSpec, build_document
from reader.core.documents.document import BlockKind, Metadata
from reader.core.errors import ReaderError
from reader.core.library.library import Library
from reader.core.search import index as search_index
from reader.core.search.index import IndexUnavailableError, SearchIndex
from reader.core.search.index_store import current_generation


def _built(library: Library, folder: Path) -> Path:
    index = SearchIndex(folder)
    assert index.sync(library) == "built"
    index.close()
    generation = current_generation(folder)
    assert generation is not None
    return generation


def _extra_library(library: Library) -> Library:
    extra = build_document(
        "extra-note",
        "imported",
        Metadata(title="Extra"),
        [BlockSpec(BlockKind.PARAGRAPH, "Confidence building measures around Kaliningrad.")],
    )
    return Library([*library, extra])


def test_a_truncated_segment_is_rebuilt(library: Library, tmp_path: Path) -> None:
    generation = _built(library, tmp_path / "index")
    for segment in generation.glob("*.seg"):
        segment.write_bytes(segment.read_bytes()[: segment.stat().st_size // 2])
    index = SearchIndex(tmp_path / "index")
    report = index.sync(library)
    assert report.startswith("rebuilt: it was damaged")
    assert index.search("Minsk").total == 1
    index.close()


@pytest.mark.parametrize("damage", ["toc", "manifest", "current"])
def test_damaged_bookkeeping_is_rebuilt(library: Library, tmp_path: Path, damage: str) -> None:
    generation = _built(library, tmp_path / "index")
    target = {
        "toc": next(generation.glob("_MAIN_*.toc")),
        "manifest": generation / "manifest.json",
        "current": tmp_path / "index" / "CURRENT",
    }[damage]
    target.write_bytes(b"\x00garbage")
    index = SearchIndex(tmp_path / "index")
    assert index.sync(library).startswith(("rebuilt", "built"))
    assert index.search("Minsk").total == 1
    index.close()


def test_an_index_of_another_schema_is_rebuilt(library: Library, tmp_path: Path) -> None:
    generation = _built(library, tmp_path / "index")
    manifest = json.loads((generation / "manifest.json").read_text())
    manifest["schema"] = search_index.SCHEMA_VERSION - 1
    (generation / "manifest.json").write_text(json.dumps(manifest))
    index = SearchIndex(tmp_path / "index")
    assert index.sync(library) == "rebuilt: it was made by another version of Statement Reader"
    index.close()


def test_rebuild_is_atomic_old_generation_replaced(library: Library, tmp_path: Path) -> None:
    first = _built(library, tmp_path / "index")
    index = SearchIndex(tmp_path / "index")
    assert index.sync(library, rebuild=True) == "rebuilt: a rebuild was asked for"
    second = current_generation(tmp_path / "index")
    assert second is not None and second != first and not first.exists()
    assert not list((tmp_path / "index").glob("building-*"))
    index.close()


def test_adding_and_removing_a_document_updates_incrementally(
    library: Library, tmp_path: Path
) -> None:
    generation = _built(library, tmp_path / "index")
    index = SearchIndex(tmp_path / "index")
    assert index.sync(_extra_library(library)) == "updated: 1 added or changed, 0 removed"
    assert current_generation(tmp_path / "index") == generation  # no rebuild
    assert [h.doc_id for h in index.search("Kaliningrad").hits] == ["extra-note"]
    assert index.sync(library) == "updated: 0 added or changed, 1 removed"
    assert index.search("Kaliningrad").total == 0
    assert index.search("Minsk").total == 1
    index.close()


def test_progress_is_reported_per_document(library: Library, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    index = SearchIndex(tmp_path / "index")
    index.sync(library, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]
    index.close()


_HOLD_LOCK = """
import sys
from whoosh import index
ix = index.open_dir(sys.argv[1])
writer = ix.writer()
print("locked", flush=True)
sys.stdin.read()  # hold the lock until killed or told to stop
"""


def _lock_holder(generation: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(generation)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    holder.stdout.close()
    return holder


def _stop(holder: subprocess.Popen[str]) -> None:
    holder.kill()
    holder.wait(timeout=10)
    assert holder.stdin is not None
    holder.stdin.close()


def test_a_lock_left_by_a_killed_process_does_not_block(library: Library, tmp_path: Path) -> None:
    generation = _built(library, tmp_path / "index")
    holder = _lock_holder(generation)
    os.kill(holder.pid, signal.SIGKILL)
    _stop(holder)
    assert list(generation.glob("*WRITELOCK*"))  # the lock file is still there
    index = SearchIndex(tmp_path / "index")
    assert index.sync(_extra_library(library)).startswith("updated")
    index.close()


def test_a_live_lock_is_a_sentence_and_search_still_works(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_index, "LOCK_WAIT_SECONDS", 0.2)
    generation = _built(library, tmp_path / "index")
    holder = _lock_holder(generation)
    try:
        index = SearchIndex(tmp_path / "index")
        with pytest.raises(IndexUnavailableError, match="being updated"):
            index.sync(_extra_library(library))
        assert index.search("Minsk").total == 1
        index.close()
    finally:
        _stop(holder)


def test_two_processes_rebuilding_at_once_leave_a_sound_index(
    library: Library, tmp_path: Path
) -> None:
    command = [sys.executable, "-m", "reader", "--data-dir", str(tmp_path), "index", "--rebuild"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(3)]
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert all(run.returncode == 0 for run in runs), outputs
    index = SearchIndex(tmp_path / "cache" / "index")
    assert index.sync(library) == "unchanged"
    assert index.search("Minsk").total == 1
    index.close()


def test_an_unwritable_index_folder_is_a_sentence(library: Library, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    index = SearchIndex(blocker / "index")
    with pytest.raises(ReaderError, match="cannot be created: Not a directory"):
        index.sync(library)


@pytest.mark.parametrize(
    "pointer", ["gen-x/../..", "gen-000001/../../elsewhere", "gen-", "../gen-1"]
)
def test_current_names_only_a_generation_of_this_index(tmp_path: Path, pointer: str) -> None:
    root = tmp_path / "index"
    (root / "gen-000001").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (root / "CURRENT").write_text(pointer)
    assert current_generation(root) is None
    (root / "CURRENT").write_text("gen-000001\n")
    assert current_generation(root) == root / "gen-000001"


@pytest.mark.parametrize("failing", ["commit", "add_document"])
def test_a_full_disk_while_indexing_is_one_sentence_and_the_index_stays_usable(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    import errno

    from whoosh.writing import SegmentWriter

    folder = tmp_path / "index"
    _built(library, folder)
    real_cancel = SegmentWriter.cancel

    def full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    def cancel_fails_too(self: SegmentWriter) -> None:
        real_cancel(self)  # the lock goes, but the clean-up then fails on the same full disk
        full()

    monkeypatch.setattr(SegmentWriter, failing, full)
    monkeypatch.setattr(SegmentWriter, "cancel", cancel_fails_too)
    index = SearchIndex(folder)
    index.open_current()
    with pytest.raises(
        IndexUnavailableError, match="cannot be written in .*: No space left on device"
    ):
        index.sync(list(_extra_library(library)))
    monkeypatch.undo()
    assert index.search("Minsk").total == 1  # what was there is still searchable
    assert "updated" in index.sync(list(_extra_library(library)))  # and room again: caught up
    assert index.search("Kaliningrad").total == 1
    index.close()


@pytest.mark.parametrize(
    "stray", ["gen-²", "building-²", "building-99999999999999999999"], ids=["gen", "pid", "huge"]
)
def test_stray_folders_named_in_digits_int_cannot_read(
    library: Library, tmp_path: Path, stray: str
) -> None:
    """ "²".isdigit() is True and int("²") a ValueError; os.kill of a pid that large an
    OverflowError: each stopped every later build of the index."""
    folder = tmp_path / "index"
    _built(library, folder)
    (folder / stray).mkdir()
    index = SearchIndex(folder)
    assert index.sync(library, rebuild=True) == "rebuilt: a rebuild was asked for"
    assert index.search("Minsk").total == 1
    index.close()
    assert not (folder / stray).exists() or stray.startswith("gen-")
