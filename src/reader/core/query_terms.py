"""Reading a parsed query: the words to highlight, the filters, and spelling suggestions."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from typing import Any

from whoosh import query

_WORD = re.compile(r"(?<![:\w])[A-Za-z][\w']*(?![\w:*~])")
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"})


def highlight_words(q: Any, reader: Any) -> frozenset[str]:
    """The index words of the text field the query looks for, leaving out what it excludes."""
    words: set[str] = set()
    for leaf in positive_leaves(q):
        for field, term in leaf.expanded_terms(reader, phrases=True):
            if field == "text":
                words.add(decode(term))
    return frozenset(words)


def positive_leaves(q: Any) -> Iterator[Any]:
    if isinstance(q, query.Not):
        return
    if q.is_leaf():
        yield q
        return
    for child in q.children():
        yield from positive_leaves(child)


def restriction(doc_ids: Collection[str] | None, topics: Collection[str] | None) -> Any:
    parts = []
    if doc_ids:
        parts.append(query.Or([query.Term("doc_id", d) for d in doc_ids]))
    if topics:
        parts.append(query.Or([query.Term("topic", t.lower()) for t in topics]))
    return query.And(parts) if parts else None


def _suggestible(word: str) -> bool:
    return word not in OPERATORS and len(word) > 2


def decode(term: bytes | str) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else term


def suggest(searcher: Any, text: str) -> str | None:
    """The query with each unknown word replaced by the nearest word of the index."""
    corrector = searcher.corrector("text")
    frequency = searcher.reader().frequency
    changed = False

    def nearest(match: re.Match[str]) -> str:
        nonlocal changed
        word = match.group(0)
        if not _suggestible(word) or frequency("spell_text", word.lower()):
            return word
        for distance in (1, 2):  # nearer first: "missle" is "missile", not "middle"
            found = corrector.suggest(word.lower(), limit=1, maxdist=distance)
            if found:
                changed = True
                return str(found[0])
        return word

    suggestion = _WORD.sub(nearest, text)
    return suggestion if changed else None
