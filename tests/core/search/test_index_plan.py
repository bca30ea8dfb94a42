"""How much a sync would write is known before writing: all, nothing, or the changed documents."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from reader.core.documents.builder import BlockSpec, build_document
from reader.core.documents.document import BlockKind, Document, Metadata
from reader.core.library.library import Library
from reader.core.search import index as index_module
from reader.core.search.index import SearchIndex
from reader.core.search.index_plan import passages_to_index
from reader.core.search.passages import passages


def _every(library: Library) -> int:
    return sum(len(list(passages(doc))) for doc in library)


def test_without_an_index_every_passage_is_to_be_written(library: Library, tmp_path: Path) -> None:
    assert passages_to_index(tmp_path / "index", library) == _every(library) > 0


def test_an_index_in_step_needs_nothing_unless_rebuilt(library: Library, tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index")
    index.sync(library)
    index.close()
    assert passages_to_index(tmp_path / "index", library) == 0
    assert passages_to_index(tmp_path / "index", library, rebuild=True) == _every(library)


def test_an_added_document_counts_its_own_passages(library: Library, tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index")
    index.sync(library)
    index.close()
    extra = build_document(
        "extra-note",
        "imported",
        Metadata(title="Extra"),
        [
            BlockSpec(BlockKind.PARAGRAPH, "Confidence building measures around Kaliningrad."),
            BlockSpec(BlockKind.PARAGRAPH, "A second paragraph."),
        ],
    )
    assert passages_to_index(tmp_path / "index", Library([*library, extra])) == 2
    assert passages_to_index(tmp_path / "index", Library([extra])) == 2  # removals write none


def test_an_unchanged_library_is_told_by_one_digest(library: Library, tmp_path: Path) -> None:
    """Opening works out no document's own fingerprint when the library's one matches; a
    changed document is still found by its own."""
    index = SearchIndex(tmp_path / "index")
    index.sync(library)
    index.close()
    real, counted = index_module.fingerprint, []

    def counting(doc: Document, derived: str = "") -> str:
        counted.append(doc.id)
        return real(doc, derived)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(index_module, "fingerprint", counting)
        index = SearchIndex(tmp_path / "index")
        assert index.sync(library) == "unchanged"
        assert counted == []
        docs = list(library)
        edited = dataclasses.replace(docs[0], text=docs[0].text.replace("the", "teh", 1))
        assert index.sync([edited, *docs[1:]]).startswith("updated: 1 added or changed")
        assert counted
        index.close()
