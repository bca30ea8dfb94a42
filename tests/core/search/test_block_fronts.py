"""Each block's front of (weight, length) pairs: what it keeps, that the bulk writer writes the
fronts Whoosh's own postings have, and that a block's bound from it is its best score."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from whoosh import index as windex
from whoosh import query

from reader.core.documents.builder import BlockSpec, build_document
from reader.core.documents.document import BlockKind, Document, Metadata
from reader.core.search import block_fronts, block_max
from reader.core.search.block_fronts import front
from reader.core.search.bulk_writing import BulkWriter
from reader.core.search.decoded_postings import forget
from reader.core.search.whole_postings import term_postings
from tests.core.search.test_writing import _built

pairs = st.lists(
    st.tuples(st.sampled_from([1.0, 2.0, 3.0, 4.0, 7.0]), st.integers(1, 60)), min_size=1
)


@given(pairs, st.floats(0.1, 0.9), st.floats(0.5, 2.5), st.floats(5.0, 40.0))
def test_a_fronts_best_bm25_is_the_blocks(
    block: list[tuple[float, int]], b: float, k1: float, avgfl: float
) -> None:
    def bm25(pair: tuple[float, int]) -> float:
        weight, length = pair
        return (weight * (k1 + 1)) / (weight + k1 * (1 - b + b * length / avgfl))

    kept = front([w for w, _ in block], [n for _, n in block])
    assert max(map(bm25, kept)) == max(map(bm25, block))
    assert set(kept) <= set(block)
    for weight, length in kept:  # nothing kept that another pair beats or matches
        assert not any((w, n) != (weight, length) and w >= weight and n <= length for w, n in block)


def test_the_front_from_the_most_weight_down() -> None:
    weights = [1.0, 3.0, 3.0, 2.0, 1.0, 2.0, 1.0]
    lengths = [5, 40, 30, 10, 5, 30, 4]
    assert front(weights, lengths) == ((3.0, 30), (2.0, 10), (1.0, 4))


def _many_passages(seed: int = 7) -> list[Document]:
    """Passages of varied lengths in which "security" comes once to four times: its
    postings take several blocks, most weight and least length in different passages."""
    rng = random.Random(seed)
    specs = []
    for n in range(700):
        words = ["security"] * rng.randint(1, 4) + ["talks"] * rng.randint(0, 30)
        if n % 3 == 0:
            words = ["dialogue"] * rng.randint(1, 20)
        rng.shuffle(words)
        specs.append(BlockSpec(BlockKind.PARAGRAPH, f"Passage {n}: " + " ".join(words) + "."))
    return [build_document("many", "imported", Metadata(title="Many passages"), specs)]


@pytest.fixture(scope="module")
def bulk_index(tmp_path_factory: pytest.TempPathFactory) -> Any:
    folder = tmp_path_factory.mktemp("bulk") / "index"
    ix = _built(_many_passages(), folder, lambda ix: BulkWriter(ix))  # a compound segment
    with ix.searcher() as searcher:
        yield searcher
    ix.close()


def _blocks_of(reader: Any, fieldname: str, text: bytes) -> list[list[tuple[float, int]]]:
    """Each block's (weight, length) pairs, as Whoosh's own matcher reads them."""
    matcher = reader.postings(fieldname, text)
    blocks: list[list[tuple[float, int]]] = []
    block: list[tuple[float, int]] = []
    while matcher.is_active():
        block.append((matcher.weight(), reader.doc_field_length(matcher.id(), fieldname)))
        if matcher.next():  # the next block begins
            blocks.append(block)
            block = []
    return [*blocks, block] if block else blocks


@pytest.mark.parametrize("word", ["secur", "talk", "dialogu", "passag"])
def test_the_written_fronts_are_those_of_whooshs_blocks(bulk_index: Any, word: str) -> None:
    reader, text = bulk_index.reader(), word.encode()
    blocks = _blocks_of(reader, "text", text)
    assert len(blocks) > 1
    kept = block_fronts.fronts_of(reader, "text", text, len(blocks))
    assert kept == [front([w for w, _ in b], [n for _, n in b]) for b in blocks]
    assert block_fronts.fronts_of(reader, "text", text, len(blocks) + 1) is None


def test_a_blocks_bound_is_its_best_score(bulk_index: Any) -> None:
    searcher = bulk_index
    blocks: list[Any] = []
    postings = term_postings(searcher, query.Term("text", "secur"), blocks)
    assert postings is not None
    exact = postings.block_bounds(blocks)
    loose = [postings.bound(weight, length) for _, weight, length in blocks]
    ends = [start for start, _, _ in blocks[1:]] + [len(postings.numbers)]
    for bound, looser, (start, _, _), end in zip(exact, loose, blocks, ends, strict=True):
        scores = postings.scores(postings.numbers[start:end], postings.weights[start:end])
        assert bound == max(scores.values())
        assert looser >= bound
    assert any(looser > bound for bound, looser in zip(exact, loose, strict=True))


@pytest.mark.parametrize("word", ["secur", "talk", "dialogu"])
def test_the_same_best_passages_without_fronts(
    bulk_index: Any, monkeypatch: pytest.MonkeyPatch, word: str
) -> None:
    searcher = bulk_index
    q = query.Term("text", word)
    with_fronts = block_max.best_of_term(searcher, q, 10)
    reader = searcher.reader()
    forget(reader)
    monkeypatch.setattr(block_fronts, "_table", lambda reader: None)
    without = block_max.best_of_term(searcher, q, 10)
    forget(reader)
    assert with_fronts is not None and without is not None
    assert with_fronts == without
    whoosh = [(hit.docnum, hit.score) for hit in searcher.search(q, limit=10)]
    assert with_fronts[0] == whoosh


@pytest.mark.parametrize("damage", ["garbage", "truncated", "empty"])
def test_a_damaged_fronts_file_leaves_the_looser_bounds(tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "index"
    _built(_many_passages(3), folder, lambda ix: BulkWriter(ix, compound=False)).close()
    (fronts_file,) = folder.glob(f"*{block_fronts.EXT}")
    whole = fronts_file.read_bytes()
    fronts_file.write_bytes(
        {"garbage": b"BFR1" + bytes(range(256)) * 3, "truncated": whole[: len(whole) // 2]}.get(
            damage, b""
        )
    )
    ix = windex.open_dir(str(folder))
    with ix.searcher() as searcher:
        q = query.Term("text", "secur")
        best = block_max.best_of_term(searcher, q, 10)
        assert best is not None
        assert best[0] == [(hit.docnum, hit.score) for hit in searcher.search(q, limit=10)]
        blocks = len(_blocks_of(searcher.reader(), "text", b"secur"))
        assert block_fronts.fronts_of(searcher.reader(), "text", b"secur", blocks) is None
    ix.close()


def test_a_segment_whoosh_added_keeps_the_looser_bounds(tmp_path: Path) -> None:
    """After an update, one segment with fronts and one Whoosh wrote without: the same
    best passages as Whoosh's own search."""
    from reader.core.search.writing import open_writer

    folder = tmp_path / "index"
    ix = _built(_many_passages(5), folder, lambda ix: BulkWriter(ix))
    more = _built(_many_passages(11), tmp_path / "more", lambda ix: open_writer(ix))
    writer = open_writer(ix)
    with more.searcher() as source:
        for fields in source.all_stored_fields():
            writer.add_document(**{k: v for k, v in fields.items() if k in ix.schema})
    writer.commit(merge=False)
    more.close()
    with ix.searcher() as searcher:
        assert len(searcher.subsearchers) == 2
        added = searcher.subsearchers[1][0].reader()
        assert added.doc_frequency("text", b"secur") > 128  # several blocks, no fronts
        for word in ("secur", "talk"):
            q = query.Term("text", word)
            best = block_max.best_of_term(searcher, q, 10)
            assert best is not None
            assert best[0] == [(hit.docnum, hit.score) for hit in searcher.search(q, limit=10)]
    ix.close()
