"""Terms, ANDs and ORs from whole posting lists: Whoosh's matches and scores, or Whoosh's way."""

from __future__ import annotations

from pathlib import Path

import pytest
from whoosh import query

from reader.core.library.library import Library
from reader.core.search import whole_postings
from reader.core.search.index import SearchIndex

T = query.Term
QUERIES = [
    T("text", "russia"),
    T("text", "russia", boost=2.5),
    T("text", "nosuchword"),
    T("nosuchfield", "russia"),
    T("pairs", "missil defens"),
    T("section", "ukrain"),
    query.And([T("text", "russia"), T("text", "secur")]),
    query.And([T("text", "russia"), T("text", "nosuchword")]),
    query.Or([T("text", "defens"), T("section", "ukrain")]),
    query.Or([T("text", "defens"), T("text", "missil")], boost=0.5),
    query.And([query.Or([T("text", "russia"), T("text", "nato")]), T("text", "secur")]),
    query.And([]),
    query.Or([]),
]


def _whoosh(searcher: object, q: object) -> dict[int, float]:
    return {hit.docnum: hit.score for hit in searcher.search(q, limit=None)}  # type: ignore[attr-defined]


def _check(searcher: object) -> None:
    for q in QUERIES:
        assert whole_postings.scores(searcher, q) == _whoosh(searcher, q), q


def test_the_same_matches_and_scores_as_whoosh(index: SearchIndex) -> None:
    _check(index._searcher)  # noqa: SLF001
    assert whole_postings.scores(index._searcher, QUERIES[0])  # noqa: SLF001


def test_over_segments_with_deleted_passages(library: Library, tmp_path: Path) -> None:
    docs = list(library)
    opened = SearchIndex(tmp_path / "index")
    opened.sync(docs)
    assert opened.sync(docs[:1]).startswith("updated")  # the others' passages deleted
    assert opened.sync(docs).startswith("updated")  # and added again, in a new segment
    searcher = opened._searcher  # noqa: SLF001
    assert searcher.subsearchers and searcher.reader().has_deletions()
    _check(searcher)
    opened.close()


@pytest.mark.parametrize(
    "q",
    [
        query.Not(T("text", "russia")),
        query.And([T("text", "russia"), query.Not(T("text", "secur"))]),
        query.Prefix("text", "russ"),
        query.Phrase("text", ["missil", "defens"], slop=3),
        query.Or([T("text", "russia"), T("text", "secur")], scale=0.9),
    ],
)
def test_other_shapes_are_left_to_whoosh(index: SearchIndex, q: object) -> None:
    assert whole_postings.scores(index._searcher, q) is None  # noqa: SLF001


@pytest.mark.parametrize(
    "text", ["Russia", "Russia security", '"missile defense"', "NATO OR Russia", "WMD", "Ukrane~"]
)
def test_the_index_ranks_as_whoosh(
    index: SearchIndex, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = index.search(text, limit=50)
    monkeypatch.setattr(whole_postings, "scores", lambda searcher, q: None)
    slow = index.search(text, limit=50)
    assert fast.hits and [(h.doc_id, h.start, h.score) for h in fast.hits] == [
        (h.doc_id, h.start, h.score) for h in slow.hits
    ]
    assert (fast.total, fast.per_document) == (slow.total, slow.per_document)


def test_passage_numbers_are_whoosh_s_over_segments(segmented_index: SearchIndex) -> None:
    reader = segmented_index._searcher.reader()  # noqa: SLF001
    for fieldname, text in [("text", b"russia"), ("pairs", b"missil defens"), ("text", b"zz")]:
        expected = (
            list(reader.postings(fieldname, text).all_ids()) if (fieldname, text) in reader else []
        )
        assert whole_postings.passage_numbers(reader, fieldname, text) == expected
