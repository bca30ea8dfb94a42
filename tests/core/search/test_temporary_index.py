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


def test_an_index_already_there_is_used_and_its_trouble_said(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "index"
    SearchIndex(folder).sync(library)
    synced = synced_index(folder, library)
    assert type(synced.index) is SearchIndex and synced.notice == ""
    assert synced.report == "unchanged"
    synced.index.close()

    def full(*_args: object) -> object:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(W3Codec, "per_document_writer", full)
    with pytest.raises(ReaderError, match="No space left on device"):
        synced_index(folder, library.__class__([*library][:1]))
