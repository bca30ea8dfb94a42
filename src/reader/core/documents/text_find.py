"""Find in a document: every occurrence of a phrase, as ranges into the canonical text."""

from __future__ import annotations

import re


def find_all(text: str, needle: str, case_sensitive: bool = False) -> list[tuple[int, int]]:
    """Every non-overlapping occurrence of `needle`, white space in it matching any run of space."""
    words = needle.split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(word) for word in words)
    flags = 0 if case_sensitive else re.IGNORECASE
    return [(m.start(), m.end()) for m in re.finditer(pattern, text, flags)]


def whole_words(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to the whole words it cuts and stripped of the space at its ends
    ("Secon" -> "Second", "di" -> "dialogue"): what a highlight stores, as a reader meant it.
    A boundary at a hyphen or apostrophe cuts nothing ("Russia" of "NATO-Russia" stays). A
    range with no letter or digit in it comes back as it was."""
    if not any(ch.isalnum() for ch in text[start:end]):
        return start, end
    while text[start].isspace():
        start += 1
    while text[end - 1].isspace():
        end -= 1
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end
