"""A data folder that cannot hold an index still gets search, from a temporary index."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from whoosh.codec.whoosh3 import W3Codec

from reader.core.errors import ReaderError
from reader.core.library.library import Library
from reader.core.search.index import SearchIndex
from reader.core.search.temporary_index import TemporarySearchIndex, synced_index
from reader.core.search.temporary_index import stale as stale_notice


def test_a_folder_that_cannot_be_made_gets_a_temporary_index(
    library: Library, tmp_path: Path
) -> None:
    (tmp_path / "cache").write_text("a file where the folder would go")
    synced = synced_index(tmp_path / "cache" / "index", library)
    assert isinstance(synced.index, TemporarySearchIndex)
    assert "cannot be created" in synced.notice and "temporary index" in synced.notice
    assert synced.index.search("Minsk").total == 1
    synced.index.close()
    assert not synced.index.folder.exists()


def test_a_disk_too_full_for_the_first_build_gets_a_temporary_index(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "index"
    real = W3Codec.per_document_writer

    def full_here(self: W3Codec, storage: object, segment: object) -> object:
        if Path(str(getattr(storage, "folder", ""))).is_relative_to(folder):
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(self, storage, segment)

    monkeypatch.setattr(W3Codec, "per_document_writer", full_here)
    synced = synced_index(folder, library)
    assert isinstance(synced.index, TemporarySearchIndex)
    assert "No space left on device" in synced.notice
    assert synced.index.search("Minsk").total == 1
    synced.index.close()


@pytest.fixture
def built(library: Library, tmp_path: Path) -> Path:
    """An index folder with an index of `library` in it."""
    folder = tmp_path / "index"
    index = SearchIndex(folder)
    index.sync(library)
    index.close()
    return folder


def test_an_index_already_there_is_used_and_its_trouble_said(
    library: Library, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = built
    synced = synced_index(folder, library)
    assert type(synced.index) is SearchIndex and synced.notice == ""
    assert synced.report == "unchanged"
    synced.index.close()

    def full(*_args: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(W3Codec, "per_document_writer", full)
    stale = synced_index(folder, Library([*library][:1]))  # one removed: cannot be written
    assert stale.report == "stale" and type(stale.index) is SearchIndex
    assert "No space left on device" in stale.notice and stale_notice() in stale.notice
    assert stale.index.search("Minsk").total == 1  # what the index held, still searched
    stale.index.close()


def test_an_index_there_but_unreadable_is_the_users_to_know(
    library: Library, built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(SearchIndex, "sync", _fails)
    monkeypatch.setattr(SearchIndex, "open_current", lambda self: "it was damaged")
    with pytest.raises(ReaderError, match="cannot be written"):
        synced_index(built, library)


def _fails(*_args: object, **_kwargs: object) -> str:
    raise ReaderError("The search index cannot be written in here: No space left on device.")
