"""Counting matches per statement from runs of passage numbers gives what a Counter gives."""

from __future__ import annotations

import random
from collections import Counter

import pytest
from whoosh import query

from reader.core.search.index import SearchIndex
from reader.core.search.passage_documents import passage_documents
from reader.core.search.statement_counts import StatementRuns

# A statement in two runs (re-added in a later segment), and one-passage statements.
OF = ["a", "a", "a", "b", "c", "c", "a", "a", "d", "e", "e", "e", "e", "f"]


@pytest.mark.parametrize("share", [0.0, 0.05, 0.3, 1.0])
def test_as_a_counter_counts(share: float) -> None:
    rng = random.Random(14)
    runs = StatementRuns(OF)
    for _ in range(200):
        numbers = [n for n in range(len(OF)) if rng.random() < share]
        rng.shuffle(numbers)
        assert runs.count(numbers) == Counter(OF[n] for n in numbers)


def test_a_large_library_counted_by_match_and_by_run_alike() -> None:
    of = [f"s{n // 20}" for n in range(5000)]
    runs = StatementRuns(of)
    for numbers in ([3, 4000, 4999], list(range(0, 5000, 3)), list(range(0, 5000, 23)), [0]):
        assert runs.count(numbers) == Counter(of[n] for n in numbers)


def test_the_segmented_index_counts_as_its_passages_say(segmented_index: SearchIndex) -> None:
    reader = segmented_index._searcher.reader()  # noqa: SLF001
    of = passage_documents(reader)
    results = segmented_index.search("security", limit=3)
    searcher = segmented_index._searcher  # noqa: SLF001
    numbers = list(searcher.docs_for_query(query.Term("text", "secur")))
    assert numbers
    assert results.per_document == dict(Counter(of[n] for n in numbers))
