"""Search as you type: the word being typed is the beginning of a word, as Recoll and
calibre read it, so results do not vanish mid-word ("strategic st") and "dialog" finds
"dialogue". A space or a closing quote after it means the word is complete."""

from __future__ import annotations

import re

MIN_PREFIX = 2  # one letter would match half the index, and slowly
OPERATORS = frozenset({"AND", "OR", "NOT", "TO"})
# The last word, when it is plain letters and digits after a space, a bracket or the start.
_LAST_WORD = re.compile(r"(?:^|(?<=[\s(]))([^\W_]+)$")
_QUOTES = ('"', "“", "”")


def as_typed(text: str) -> str:
    """`text` with its last word made a prefix ("strategic st" -> "strategic st*"), unless
    it ends with a space or a closing quote, is inside an open quote, is too short, is an
    operator, or is already a prefix, a fuzzy word or a field's value."""
    if not text or text[-1].isspace():
        return text.strip()
    if sum(text.count(q) for q in _QUOTES) % 2:
        return text  # inside a phrase still being typed: its words are exact
    match = _LAST_WORD.search(text)
    if match is None:
        return text
    word = match.group(1)
    if len(word) < MIN_PREFIX or word in OPERATORS:
        return text
    return text + "*"
