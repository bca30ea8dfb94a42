"""A lone term's best passages from the blocks that can reach them: those all scores give."""

from __future__ import annotations

import heapq
import random
from collections.abc import Iterator

import pytest
from whoosh import query

from reader.core.documents.builder import BlockSpec, build_document
from reader.core.documents.document import BlockKind, Document, Metadata
from reader.core.search import whole_postings
from reader.core.search.block_max import best_of_term
from reader.core.search.index import SearchIndex

WORDS = ["treaty", "missile", "defence", "council", "talks", "arms", "control", "nuclear"]
FILLER = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel"]


def _doc(number: int, rng: random.Random) -> Document:
    blocks = []
    for _ in range(10):
        size = rng.randint(3, 60)
        words = [rng.choice(WORDS if rng.random() < 0.2 else FILLER) for _ in range(size)]
        blocks.append(BlockSpec(BlockKind.PARAGRAPH, " ".join(words) + "."))
    return build_document(f"doc-{number}", "imported", Metadata(title=f"Doc {number}"), blocks)


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    """1,200 passages: each word's postings span several of Whoosh's blocks of 128."""
    rng = random.Random(14)
    opened = SearchIndex(tmp_path_factory.mktemp("block-max") / "index")
    opened.sync([_doc(n, rng) for n in range(120)])
    yield opened
    opened.close()


def _all_scored(searcher: object, q: object, limit: int) -> list[tuple[int, float]]:
    scored = whole_postings.scores(searcher, q)
    assert scored is not None
    top = heapq.nlargest(limit, scored.items(), key=lambda item: (item[1], -item[0]))
    return top


@pytest.mark.parametrize("limit", [1, 3, 10, 500, 5000])
def test_the_best_as_scoring_every_passage_gives(many: SearchIndex, limit: int) -> None:
    searcher = many._searcher  # noqa: SLF001
    for word in ["treati", "missil", "defenc", "council", "talk", "arm", "alpha", "nosuch"]:
        q = query.Term("text", word)
        found = best_of_term(searcher, q, limit)
        assert found is not None
        top, numbers = found
        assert top == _all_scored(searcher, q, limit), word
        assert numbers == sorted(whole_postings.scores(searcher, q) or {})


def test_the_words_span_several_blocks(many: SearchIndex) -> None:
    reader = many._searcher.reader()  # noqa: SLF001
    assert reader.doc_frequency("text", "alpha") > 3 * 128


def test_other_queries_and_deletions_are_not_its_own(
    many: SearchIndex, segmented_index: SearchIndex
) -> None:
    searcher = many._searcher  # noqa: SLF001
    assert best_of_term(searcher, query.Term("text", "arm", boost=2.0), 10) is None
    assert best_of_term(searcher, query.And([query.Term("text", "arm")]), 10) is None
    deleted = segmented_index._searcher  # noqa: SLF001
    assert best_of_term(deleted, query.Term("text", "russia"), 10) is None


def test_the_index_ranks_as_before(many: SearchIndex, monkeypatch: pytest.MonkeyPatch) -> None:
    fast = many.search("treaty", limit=10)
    monkeypatch.setattr("reader.core.search.index.best_of_term", lambda *args: None)
    slow = many.search("treaty", limit=10)
    assert [(h.doc_id, h.start, h.score) for h in fast.hits] == [
        (h.doc_id, h.start, h.score) for h in slow.hits
    ]
    assert (fast.total, fast.per_document) == (slow.total, slow.per_document)
