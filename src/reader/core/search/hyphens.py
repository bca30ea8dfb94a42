"""A hyphenated query word is a phrase of its parts or the parts joined, as Lucene, Xapian
and Tantivy read one: "NATO-Russia" finds "NATO-Russia" and "NATO Russia" as a phrase, not
every passage holding both words anywhere; "co-operation" also finds "cooperation"."""

from __future__ import annotations

import re

# A word with inner hyphens, not a field's value ("doc:elbe-group"), not a prefix or fuzzy
# word, not "-word" (NOT) and not inside quotes (a phrase splits it already).
_HYPHENATED = re.compile(r"(?<![\w:*~'’-])([^\W_]+(?:-[^\W_]+)+)(?![\w:*~'’-])")
_QUOTES = re.compile(r"(\"[^\"]*\"|“[^”]*”)")


def phrased_hyphens(text: str) -> str:
    """`text` with each hyphenated word outside quotes made ("a b" OR ab)."""
    pieces = _QUOTES.split(text)
    for n in range(0, len(pieces), 2):  # the odd ones are the quoted phrases
        pieces[n] = _HYPHENATED.sub(_either, pieces[n])
    return "".join(pieces)


def _either(match: re.Match[str]) -> str:
    word = match.group(1)
    return f'("{word.replace("-", " ")}" OR {word.replace("-", "")})'
