"""A query that finds nothing because of how it was typed says so in a sentence."""

from __future__ import annotations

import pytest

from reader.core.search.index import SearchIndex


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("topic:nosuch", "There is no topic “nosuch”; the topics are"),
        ("doc:", "The field doc: needs a word after it, as in doc:elbe."),
        ("Minsk section:", "The field section: needs a word after it"),
        ("(((", "The query holds no words to search for."),
    ],
)
def test_a_mistyped_query_is_told_why_it_found_nothing(
    index: SearchIndex, query: str, said: str
) -> None:
    results = index.search(query)
    assert results.total == 0 and results.notice.startswith(said)


@pytest.mark.parametrize("query", ["nosuchword", "topic:cyber*", "Minsk"])
def test_an_ordinary_query_has_no_notice(index: SearchIndex, query: str) -> None:
    assert index.search(query).notice == ""
