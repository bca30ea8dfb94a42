"""Find in document: every occurrence, case folding and white space that spans line breaks."""

from __future__ import annotations

from reader.core.documents.text_find import find_all


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
