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
