"""Numbers in sentences: grouped as the reader's language groups them, lists joined by its "and"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from reader.core.translation import ngettext, use_language
from reader.core.wording import joined, number


@pytest.fixture
def russian() -> Iterator[None]:
    assert use_language("ru") == "ru"
    yield
    use_language("en")


def test_english_groups_thousands_with_commas() -> None:
    assert number(7) == "7"
    assert number(12000) == "12,000"
    assert ngettext("{n} note", "{n} notes", 1).format(n=number(1)) == "1 note"
    assert ngettext("{n} note", "{n} notes", 0).format(n=number(0)) == "0 notes"


@pytest.mark.usefixtures("russian")
def test_russian_groups_with_a_space_and_has_three_forms() -> None:
    assert number(12000) == "12\u202f000"
    counts = (1, 3, 5, 11, 21, 22)
    forms = [ngettext("{n} note", "{n} notes", n).format(n=number(n)) for n in counts]
    assert forms == [
        "1 заметка",
        "3 заметки",
        "5 заметок",
        "11 заметок",
        "21 заметка",
        "22 заметки",
    ]


def test_lists_are_joined_with_and() -> None:
    assert joined([]) == ""
    assert joined(["1 note"]) == "1 note"
    assert joined(["1 note", "2 choices"]) == "1 note and 2 choices"
    assert joined(["a", "b", "c"]) == "a, b and c"


@pytest.mark.usefixtures("russian")
def test_russian_joins_with_its_own_and() -> None:
    assert joined(["1 заметка", "2 решения"]) == "1 заметка и 2 решения"
