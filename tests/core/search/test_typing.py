"""While typing, the last word is the beginning of a word; a space or a quote completes it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.library.library import Library
from reader.core.search.index import SearchIndex
from reader.core.search.typing import as_typed


@pytest.mark.parametrize(
    ("typed", "searched"),
    [
        ("strategic st", "strategic st*"),
        ("dialog", "dialog*"),
        ("(Syria OR Ira", "(Syria OR Ira*"),
        ("strategic ", "strategic"),
        ('"missile defense"', '"missile defense"'),
        ('"missile def', '"missile def'),  # a phrase being typed: exact words
        ("cyber*", "cyber*"),
        ("Ukrane~", "Ukrane~"),
        ("topic:cyber", "topic:cyber"),
        ("NATO OR", "NATO OR"),
        ("a", "a"),
        ("Russia's", "Russia's"),
        ("", ""),
    ],
)
def test_the_last_word_is_a_prefix_until_it_is_complete(typed: str, searched: str) -> None:
    assert as_typed(typed) == searched


def test_a_half_typed_word_still_finds_its_passages(library: Library, tmp_path) -> None:  # type: ignore[no-untyped-def]
    index = SearchIndex(tmp_path / "index")
    index.sync(library)
    assert index.search("strategic st").total == 0  # the word as typed so far: nothing
    assert index.search(as_typed("strategic st")).total > 0
    assert index.search(as_typed("dialog")).total >= index.search("dialogue").total > 0
    index.close()


@settings(max_examples=60)
@given(st.text(max_size=30))
def test_typing_only_ever_adds_one_star(text: str) -> None:
    typed = as_typed(text)
    assert typed in (text, text.strip(), text + "*")
