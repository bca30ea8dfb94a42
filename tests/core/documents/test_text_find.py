"""Find in document: every occurrence, case folding and white space that spans line breaks;
a selection widened to whole words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.documents.text_find import find_all, whole_words


def test_finds_every_occurrence_case_insensitively() -> None:
    text = "Russia and the United States; russia again; RUSSIAN."
    assert find_all(text, "russia") == [(0, 6), (30, 36), (44, 50)]
    assert find_all(text, "Russia", case_sensitive=True) == [(0, 6)]


def test_white_space_in_the_query_matches_any_run_of_space() -> None:
    text = "missile\n\ndefense and missile  defense"
    assert [text[s:e] for s, e in find_all(text, "missile defense")] == [
        "missile\n\ndefense",
        "missile  defense",
    ]


def test_special_characters_are_literal_and_blank_finds_nothing() -> None:
    assert find_all("a (the UN) b", "(the UN)") == [(2, 10)]
    assert find_all("U.S. and USA", "U.S.") == [(0, 4)]
    assert find_all("anything", "   ") == []


TEXT = "Second, the dialogue on NATO-Russia relations and Russia’s role.  "


@pytest.mark.parametrize(
    ("cut", "whole"),
    [
        ("Secon", "Second"),
        ("di", "dialogue"),
        ("dialogue ", "dialogue"),
        (" the dial", "the dialogue"),
        ("TO-Ru", "NATO-Russia"),
        ("ole.", "role."),
    ],
)
def test_a_selection_widens_to_whole_words(cut: str, whole: str) -> None:
    start = TEXT.index(cut)
    begin, end = whole_words(TEXT, start, start + len(cut))
    assert TEXT[begin:end] == whole


def test_a_word_of_a_compound_or_possessive_is_a_word() -> None:
    start = TEXT.index("Russia’s")
    assert TEXT[slice(*whole_words(TEXT, start, start + 3))] == "Russia"
    start = TEXT.index("Russia relations")
    assert TEXT[slice(*whole_words(TEXT, start, start + 6))] == "Russia"


def test_a_range_without_words_is_kept() -> None:
    start = TEXT.index(",")
    assert whole_words(TEXT, start, start + 2) == (start, start + 2)


@given(st.text(alphabet="ab ’-.,\n", max_size=40), st.data())
def test_widening_keeps_every_word_character_and_is_stable(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    begin, finish = whole_words(text, start, end)
    assert 0 <= begin <= finish <= len(text)
    chosen = text[start:end]
    if any(ch.isalnum() for ch in chosen):
        assert begin <= start + (len(chosen) - len(chosen.lstrip()))
        assert finish >= end - (len(chosen) - len(chosen.rstrip()))
        assert not text[begin].isspace() and not text[finish - 1].isspace()
        assert whole_words(text, begin, finish) == (begin, finish)
