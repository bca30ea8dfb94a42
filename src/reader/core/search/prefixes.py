"""Prefix queries (cyber*, comp*) answered straight from the posting lists of their words.

WORKAROUND: Whoosh ORs one matcher per expanded word, and its union matchers cost
75-350 ms for prefixes such as comp* at 50,000 passages, scored or not. Here the
postings are merged with a Counter (about 9 ms for 15,000 postings), and a passage
ranks by how many different words of the prefix it holds, then by reading order.
"""

from __future__ import annotations

import heapq
from collections import Counter
from typing import Any

from whoosh import query


def is_plain_prefix(q: Any, fieldname: str) -> bool:
    return type(q) is query.Prefix and q.fieldname == fieldname


def prefix_matches(reader: Any, q: Any) -> Counter[int]:
    """Passage number -> how many words starting with the prefix it holds."""
    matches: Counter[int] = Counter()
    for word in reader.expand_prefix(q.fieldname, q.text):
        matches.update(reader.postings(q.fieldname, word).all_ids())
    return matches


def best(matches: Counter[int], limit: int) -> list[tuple[int, int]]:
    """The `limit` best (passage number, words) pairs: most words first, then reading order."""
    return heapq.nlargest(limit, matches.items(), key=lambda item: (item[1], -item[0]))
