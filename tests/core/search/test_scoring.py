"""Field lengths read once per segment give Whoosh's own BM25F scores, to the last bit."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import query
from whoosh.scoring import BM25F

from reader.core.library.library import Library
from reader.core.search.index import SearchIndex
from reader.core.search.scoring import ListedLengthsBM25F, field_lengths

QUERIES = [
    query.Term("text", "missil"),
    query.Term("text", "russia"),
    query.And([query.Term("text", "russia"), query.Term("text", "secur")]),
    query.Or([query.Term("text", "defens"), query.Term("section", "ukrain")]),
    query.Term("pairs", "missil defens"),
]


def _scores(searcher: object, q: object) -> list[tuple[int, float]]:
    return [(hit.docnum, hit.score) for hit in searcher.search(q, limit=None)]  # type: ignore[attr-defined]


def _check(ix: object) -> None:
    with (
        ix.searcher(weighting=BM25F()) as whoosh,
        ix.searcher(  # type: ignore[attr-defined]
            weighting=ListedLengthsBM25F()
        ) as listed,
    ):
        for q in QUERIES:
            expected = _scores(whoosh, q)
            assert expected, q
            assert _scores(listed, q) == expected
        for reader in listed.reader().leaf_readers():
            segment, _ = reader
            lengths = field_lengths(segment, "text")
            assert lengths is not None
            for n in range(segment.doc_count_all()):
                if segment.doc_field_length(n, "text") is not None:
                    assert lengths[n] == segment.doc_field_length(n, "text", 1)


def test_listed_lengths_score_as_whoosh(index: SearchIndex) -> None:
    _check(index._ix)  # noqa: SLF001


def test_listed_lengths_score_as_whoosh_over_segments(library: Library, tmp_path: Path) -> None:
    docs = list(library)
    opened = SearchIndex(tmp_path / "index")
    opened.sync(docs[:1])
    assert opened.sync(docs).startswith("updated")  # a second segment
    with opened._ix.searcher() as searcher:  # noqa: SLF001
        assert len(searcher.reader().leaf_readers()) >= 2
    _check(opened._ix)  # noqa: SLF001
    opened.close()


@pytest.mark.parametrize("field", ["nosuchfield", "topic"])
def test_a_field_without_lengths_keeps_whoosh_s_way(index: SearchIndex, field: str) -> None:
    reader = index._searcher.reader()  # noqa: SLF001
    segment = reader.leaf_readers()[0][0] if hasattr(reader, "leaf_readers") else reader
    assert field_lengths(segment, field) is None
