"""Reading a parsed query: the words it highlights, and the filters it is searched under."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from whoosh import query


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


def decode(term: bytes | str) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else term
