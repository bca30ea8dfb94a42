"""Fuzzy terms (word~, word~2) matched against the index's own stemmed vocabulary.

WORKAROUND: Whoosh 2.7 looks fuzzy terms of a field with spelling=True up in the
unstemmed spelling words while the postings hold stems, so "Ukrane~" (stem "ukran")
never finds "ukrain". The vocabulary is read once per index state and kept by initial.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from whoosh import query
from whoosh.support.levenshtein import distance

MAX_EXPANSIONS = 64


class FuzzyExpander:
    def __init__(self, fieldname: str) -> None:
        self._fieldname = fieldname
        self._words: dict[str, list[str]] | None = None

    def forget(self) -> None:
        """Call when the index changed: the vocabulary is read again on the next fuzzy query."""
        self._words = None

    def expand(self, q: Any, reader: Any) -> Any:
        return q.accept(lambda node: self._rewrite(node, reader))

    def _rewrite(self, node: Any, reader: Any) -> Any:
        if type(node) is not query.FuzzyTerm or node.fieldname != self._fieldname:
            return node
        words = self.candidates(node.text, node.maxdist, reader)
        return query.Or([query.Term(node.fieldname, w, boost=node.boost) for w in words])

    def candidates(self, text: str, maxdist: int, reader: Any) -> list[str]:
        """Words within `maxdist` edits sharing the first letter, nearest and commonest first."""
        if not text:
            return []
        found = []
        for word in self._vocabulary(reader).get(text[0], ()):
            if abs(len(word) - len(text)) <= maxdist:
                edits = distance(word, text, limit=maxdist)
                if edits <= maxdist:
                    found.append((edits, -reader.doc_frequency(self._fieldname, word), word))
        return [word for _, _, word in sorted(found)[:MAX_EXPANSIONS]]

    def _vocabulary(self, reader: Any) -> dict[str, list[str]]:
        if self._words is None:
            words: dict[str, list[str]] = defaultdict(list)
            for term in reader.lexicon(self._fieldname):
                word = term.decode("utf-8") if isinstance(term, bytes) else term
                words[word[:1]].append(word)
            self._words = dict(words)
        return self._words
