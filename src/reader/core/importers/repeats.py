"""Text a page shows twice: a teaser that repeats the opening paragraph, a pull quote.

The copy inside the longer text, or the later of two equal ones, is the statement's own; the
other, if a paragraph, is dropped. Web pages reword teasers a little ("launched" for "today
launched"), so a block counts as repeated when nearly all its words recur, in order, within
the other, and none of its words is missing there.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from reader.core.documents.builder import BlockSpec
from reader.core.documents.document import BlockKind

_WORD = re.compile(r"\w+")
_FEWEST_WORDS = 8  # shorter paragraphs ("We agree.") may well recur on purpose
_SHARE = 0.9  # of the shorter block's words found, in order, in the longer
_SPREAD = 1.25  # the words found may be spread over at most this many times its length


def drop_repeats(specs: list[BlockSpec]) -> list[BlockSpec]:
    words = [tuple(_WORD.findall(spec.text.casefold())) for spec in specs]
    vocabularies = [frozenset(w) for w in words]
    dropped = set()
    for i, short in enumerate(words):
        if specs[i].kind is not BlockKind.PARAGRAPH or len(short) < _FEWEST_WORDS:
            continue  # headings and list items recur on purpose: a list of the sections
        for j, long in enumerate(words):
            if j == i or j in dropped or not _keeps_other(i, j, short, long):
                continue
            # Every word of the dropped copy must be in the kept one: nothing is ever lost.
            if vocabularies[i] <= vocabularies[j] and _recurs(short, long):
                dropped.add(i)
                break
    return [spec for n, spec in enumerate(specs) if n not in dropped]


def _keeps_other(i: int, j: int, short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """True when, if block i recurs in block j, block j is the one to keep."""
    return len(long) > len(short) or (len(long) == len(short) and j > i)


def _recurs(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    matcher = SequenceMatcher(None, short, long, autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    found = sum(b.size for b in blocks)
    if not blocks or found < _SHARE * len(short):
        return False
    spread = blocks[-1].b + blocks[-1].size - blocks[0].b
    return spread <= _SPREAD * len(short)
