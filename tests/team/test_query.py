"""What the user typed, as the team server is sent it: the local index's reading of a query
(OR binding tighter than the words around it, aliases, hyphens) as a tree of words and phrases,
and the prefixes apart."""

from __future__ import annotations

import pytest

from reader.core.search.query import MOST_CHARACTERS, MOST_WORDS, QueryError
from reader.core.team.query import server_query


def test_words_are_all_required_and_or_binds_its_neighbours() -> None:
    assert server_query("alpha beta OR gamma").tree == [
        "and", ["word", "alpha"], ["or", ["word", "beta"], ["word", "gamma"]],
    ]  # fmt: skip
    assert server_query("(alpha OR beta) NOT gamma -delta").tree == [
        "and",
        ["or", ["word", "alpha"], ["word", "beta"]],
        ["not", ["word", "gamma"]],
        ["not", ["word", "delta"]],
    ]


def test_a_phrase_keeps_its_words_and_splits_its_hyphens() -> None:
    assert server_query('"NATO-Russia council"').tree == ["phrase", "NATO Russia council"]
    assert server_query('"Russia’s view"').tree == ["phrase", "Russia’s view"]
    assert server_query('treaty -"arms control"').tree == [
        "and", ["word", "treaty"], ["not", ["phrase", "arms control"]],
    ]  # fmt: skip


def test_an_alias_finds_every_form_of_its_group() -> None:
    assert server_query("Kiev").tree == ["or", ["word", "Kiev"], ["word", "Kyiv"]]
    assert server_query('"missile defence"').tree == [
        "or", ["phrase", "missile defence"], ["phrase", "missile defense"],
    ]  # fmt: skip
    tree = server_query("U.S.").tree
    assert tree is not None and tree[0] == "or" and ["phrase", "United States"] in tree


def test_a_hyphenated_word_is_its_parts_as_a_phrase_or_joined() -> None:
    tree = server_query("NATO-Russia").tree
    assert tree == ["or", ["phrase", "NATO Russia"], ["word", "NATORussia"]]


def test_prefixes_are_apart_and_required() -> None:
    query = server_query('"arms control" strateg* OR over*')
    assert query.tree == ["phrase", "arms control"]
    assert query.prefixes == "strateg:* & over:*"
    assert server_query("Negotiat*").tree is None and not server_query("Negotiat*").empty


@pytest.mark.parametrize("text", ["", "   ", "NOT", "AND OR", '""', "()"])
def test_nothing_to_search(text: str) -> None:
    assert server_query(text).empty


def test_unbalanced_quotes_and_brackets_still_search_the_words() -> None:
    assert server_query('"arms control').tree == [
        "and", ["word", "arms"], ["word", "control"],
    ]  # fmt: skip
    assert server_query("a) b (c").tree == [
        "and", ["word", "a"], ["word", "b"], ["word", "c"],
    ]  # fmt: skip


def test_a_query_too_large_is_refused_in_a_sentence() -> None:
    with pytest.raises(QueryError, match="characters long"):
        server_query("x" * (MOST_CHARACTERS + 1))
    with pytest.raises(QueryError, match="over 200 words"):
        server_query(" ".join(["word"] * (MOST_WORDS + 1)))
    with pytest.raises(QueryError, match="nests its brackets"):
        server_query("(" * 50 + "x" + ")" * 50)
