"""Numbers and lists in sentences, in the reader's language.

A counted sentence is chosen by `ngettext` for its number, so English says "1 note" and
"2 notes", and Russian its three forms ("1 заметка", "3 заметки", "5 заметок"); its `{n}`
is then filled with `number()`, which groups the digits as the language does.
"""

from __future__ import annotations

from collections.abc import Sequence

from reader.core.translation import _, current_language

# Russian groups thousands with a (narrow, no-break) space, English with a comma.
_GROUPING = {"ru": "\u202f"}


def number(value: int) -> str:
    """`value` with its thousands grouped: "12,000" in English, "12 000" in Russian."""
    grouped = f"{value:,}"
    separator = _GROUPING.get(current_language())
    return grouped.replace(",", separator) if separator else grouped


def joined(parts: Sequence[str]) -> str:
    """ "a", "a and b", "a, b and c" (the reader's "and")."""
    if len(parts) <= 1:
        return "".join(parts)
    return _("{items} and {last}").format(items=", ".join(parts[:-1]), last=parts[-1])
