"""Phrases with slop, over a text field without positions: what Whoosh finds with them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from whoosh import index as windex
from whoosh import query
from whoosh.fields import TEXT

from reader.core.library.library import Library
from reader.core.search import whole_postings
from reader.core.search.index import SearchIndex
from reader.core.search.near_phrases import holds_near, near_phrase
from reader.core.search.passages import passages
from reader.core.search.schema import make_schema
from reader.core.search.scoring import ListedLengthsBM25F

PHRASES = [
    (["missil", "defens"], 3),
    (["russian", "side"], 2),
    (["side", "strongli", "view"], 2),
    (["our", "countri", "global"], 3),
    (["march", "15", "2018"], 2),
    (["unit", "russia"], 4),
    (["secur"], 2),
    (["nosuchword", "russia"], 3),
    (["view", "strongli"], 5),  # the wrong order
]


@pytest.fixture(scope="module")
def positional(
    index: SearchIndex, library: Library, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[object]:
    """The same passages in the same order, the text field with positions, as before."""
    schema = make_schema(index._analyzer)  # noqa: SLF001
    schema.remove("text")
    schema.add("text", TEXT(analyzer=index._analyzer, stored=True))  # noqa: SLF001
    ix = windex.create_in(str(tmp_path_factory.mktemp("positional")), schema)
    with ix.writer() as writer:
        for doc in library:
            for passage in passages(doc, index._topics.of(doc)):  # noqa: SLF001
                writer.add_document(**index._records(passage))  # noqa: SLF001
    with ix.searcher(weighting=ListedLengthsBM25F()) as searcher:
        yield searcher
    ix.close()


@pytest.mark.parametrize(("words", "slop"), PHRASES)
@pytest.mark.parametrize("boost", [1.0, 2.0])
def test_the_passages_and_scores_whoosh_s_positions_give(
    index: SearchIndex, positional: object, words: list[str], slop: int, boost: float
) -> None:
    phrase = query.Phrase("text", words, slop=slop, boost=boost)
    whoosh = {h.docnum: h.score for h in positional.search(phrase, limit=None)}  # type: ignore[attr-defined]
    near = near_phrase(phrase, index._expander.phrase_words)  # noqa: SLF001
    searcher = index._searcher  # noqa: SLF001
    assert whole_postings.scores(searcher, near) == whoosh
    assert set(searcher.docs_for_query(near)) == set(whoosh)  # Whoosh's own matchers too


def test_the_phrases_find_passages(positional: object) -> None:
    found = [
        bool(positional.search(query.Phrase("text", words, slop=slop), limit=1))  # type: ignore[attr-defined]
        for words, slop in PHRASES
    ]
    assert sum(found) >= 6


def test_the_index_finds_a_phrase_with_slop(index: SearchIndex) -> None:
    near, exact = index.search('"missile defense"~3'), index.search('"missile defense"')
    assert exact.hits and near.total >= exact.total


@pytest.mark.parametrize(
    ("terms", "sequence", "slop", "held"),
    [
        ("a b c".split(), ("a", "c"), 2, True),
        ("a b c".split(), ("a", "c"), 1, False),
        ("c a b".split(), ("a", "c"), 5, False),  # in order only
        ("a x a x x b".split(), ("a", "b"), 3, True),  # from the later a
        ("a a".split(), ("a", "a"), 1, True),
        ("a".split(), ("a", "a"), 3, False),
    ],
)
def test_holds_near(terms: list[str], sequence: tuple[str, ...], slop: int, held: bool) -> None:
    assert holds_near(terms, sequence, slop) is held


def test_a_one_word_phrase_is_its_term(index: SearchIndex) -> None:
    near = near_phrase(query.Phrase("text", ["russia"]), index._expander.phrase_words)  # noqa: SLF001
    assert near == query.Term("text", "russia")
