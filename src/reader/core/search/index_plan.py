"""How much writing bringing the index up to date would take, known before any is done."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reader.core.documents.document import Document
from reader.core.search.index_store import current_generation, read_manifest
from reader.core.search.passage_topics import PassageTopics, bundled_passage_topics
from reader.core.search.passages import fingerprint, library_fingerprint, passages


def passages_to_index(
    folder: Path,
    documents: Iterable[Document],
    rebuild: bool = False,
    topics: PassageTopics | None = None,
) -> int:
    """The passages a sync would write: every one for a rebuild, else the changed documents'.

    Without a readable manifest in `folder` the answer is every passage, as a sync would
    rebuild; a damaged index that only shows when opened is the caller's to rule out.
    """
    generation = None if rebuild else current_generation(folder)
    manifest = read_manifest(generation) if generation is not None else None
    if manifest is None:
        return sum(_count(doc) for doc in documents)
    signature = (topics or bundled_passage_topics()).signature  # as SearchIndex fingerprints
    documents = list(documents)
    if manifest.library == library_fingerprint(documents, signature):
        return 0
    return sum(
        _count(doc) for doc in documents if manifest.docs.get(doc.id) != fingerprint(doc, signature)
    )


def _count(doc: Document) -> int:
    return sum(1 for _ in passages(doc))
