""" "Did you mean": each unknown word of a query replaced by the nearest word of the index.

The index keeps stems only (no separate spelling field: that cost a third of the build
time), so a word is looked up by its stem among the index's stems, nearest and commonest
first, and shown in the form the statements write it (the first passage holding the stem).
"""

from __future__ import annotations

import re
from typing import Any

from whoosh import query

from reader.core.search.fuzzy import FuzzyExpander
from reader.core.search.query import OPERATORS

_WORD = re.compile(r"(?<![:\w])[A-Za-z][\w']*(?![\w:*~])")
FIELD = "text"


def suggest(searcher: Any, analyzer: Any, vocabulary: FuzzyExpander, text: str) -> str | None:
    changed = False

    def nearest(match: re.Match[str]) -> str:
        nonlocal changed
        word = match.group(0)
        better = _nearest_word(searcher, analyzer, vocabulary, word)
        changed = changed or better is not None
        return better or word

    suggestion = _WORD.sub(nearest, text)
    return suggestion if changed else None


def _nearest_word(searcher: Any, analyzer: Any, vocabulary: FuzzyExpander, word: str) -> str | None:
    if word in OPERATORS or len(word) <= 2:
        return None
    stems = [token.text for token in analyzer(word, mode="query")]
    reader = searcher.reader()
    if len(stems) != 1 or reader.doc_frequency(FIELD, stems[0]):
        return None  # a stop word, an alias, or a word the index knows
    for distance in (1, 2):  # nearer first: "missle" is "missile", not "middle"
        found = vocabulary.candidates(stems[0], distance, reader)
        if found:
            return _written_form(searcher, analyzer, found[0])
    return None


def _written_form(searcher: Any, analyzer: Any, stem: str) -> str | None:
    """How the statements write a stem: its first occurrence in the best passage."""
    for hit in searcher.search(query.Term(FIELD, stem), limit=1):
        text = hit.fields()["text"]
        for token in analyzer(text, chars=True):
            if token.text == stem:
                return str(text[token.startchar : token.endchar]).lower()
    return None
