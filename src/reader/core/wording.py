"""Numbers in sentences: "1 note", "2 notes", never "1 notes"."""

from __future__ import annotations


def counted(number: int, noun: str, plural: str = "") -> str:
    """`number` and `noun`, the noun in the plural unless there is exactly one ("1 match",
    "3 matches"); `plural` for nouns that do not take an -s."""
    if number == 1:
        return f"{number:,} {noun}"
    return f"{number:,} {plural or _plural(noun)}"


def _plural(noun: str) -> str:
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun + "s"
