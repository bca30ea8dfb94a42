"""Numbers in sentences agree with their nouns."""

from __future__ import annotations

from reader.core.wording import counted


def test_one_is_singular_and_the_rest_plural() -> None:
    assert counted(1, "note") == "1 note"
    assert counted(0, "note") == "0 notes"
    assert counted(2, "match") == "2 matches"
    assert counted(3, "box") == "3 boxes"
    assert counted(12000, "passage") == "12,000 passages"
    assert counted(2, "recommendation choice") == "2 recommendation choices"
    assert counted(2, "datum", "data") == "2 data"
