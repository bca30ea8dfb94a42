"""The text the cues are matched against: lower case, with the spaces a capture lost put
back ("the partiesmust act", "wecall on", "itis necessary"), and offsets mapped both ways.

The canonical text never changes (notes, search and citations point into it): the view is
a copy with spaces inserted, and every offset found in it is mapped back before use.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

# A cue word glued to the word before it: "partiesmust", "wecall on", "stronglyrecommend".
# Each with the letters that make a real word of it when they come first ("purge", "recall").
_GLUED_AFTER = {
    "must": frozenset(),
    "should": frozenset(),
    "recommend": frozenset(),
    "recommends": frozenset(),
    "urge": frozenset({"p", "s", "scour", "splur", "demi"}),
    "urges": frozenset({"p", "s", "scour", "splur", "demi"}),
}
# A cue word glued to the word after it: "mustact", "shouldbe"; with the endings that make
# a real word of it ("muster", "shoulder", "recommendation", "urgent").
_GLUED_BEFORE = {
    "must": frozenset(
        {"ard", "ards", "er", "ers", "ered", "ering", "ache", "aches", "ang", "y", "n"}
    ),
    "should": frozenset({"er", "ers", "ered", "ering", "n"}),
    "recommend": frozenset({"ation", "ations", "ed", "er", "ers", "ing", "s", "able"}),
    "urge": frozenset({"nt", "ncy", "ncies", "ntly", "d", "s"}),
}
# Cue words that are cues only before a particular word: "wecall on", "theyneed to".
_GLUED_BEFORE_WORD = {
    "call": ("on", "for", "upon"),
    "calls": ("on", "for", "upon"),
    "need": ("to",),
    "needs": ("to",),
}
_GLUED_BEFORE_WORD_NOT = {
    "call": frozenset({"re"}),
    "calls": frozenset({"re"}),
    "need": frozenset({"k"}),
    "needs": frozenset({"k"}),
}
_MODALS = frozenset({"must", "should"})  # glued on both sides too: "theymustact"
_CUE_WORDS = sorted({*_GLUED_AFTER, *_GLUED_BEFORE, *_GLUED_BEFORE_WORD}, key=len, reverse=True)
_CUE_IN_WORD = re.compile("|".join(_CUE_WORDS))
# Two short words run together ("inthe", "itis", "thereis"), but not "isis" or "fora".
_PAIR = re.compile(
    r"\b(in|of|to|on|for|at|by|and|that|with|from|is|it|there|we)(the|is|are|be|a|this|that|these)\b"
)
_REAL_PAIRS = frozenset({"isis", "fora"})
_LETTER = re.compile(r"[a-z]")


class MatchingView:
    """`text` (already in lower case) with spaces put back; `cuts` are the original offsets
    before which a space was inserted."""

    def __init__(self, text: str) -> None:
        cuts = sorted(set(_glue_cuts(text)))
        self._cuts = cuts
        self._view_cuts = [cut + n for n, cut in enumerate(cuts)]  # the spaces, in the view
        if not cuts:
            self.text = text
            return
        pieces, previous = [], 0
        for cut in cuts:
            pieces += [text[previous:cut], " "]
            previous = cut
        pieces.append(text[previous:])
        self.text = "".join(pieces)

    def start(self, offset: int) -> int:
        """The view's offset of the original character at `offset`."""
        return offset + bisect_right(self._cuts, offset)

    def end(self, offset: int) -> int:
        """The view's offset for an original end (exclusive) `offset`."""
        return offset + bisect_left(self._cuts, offset)

    def original_start(self, offset: int) -> int:
        return offset - bisect_left(self._view_cuts, offset)

    def original_end(self, offset: int) -> int:
        return self.original_start(offset - 1) + 1 if offset > 0 else 0


def _glue_cuts(text: str) -> list[int]:
    """Where a space was lost: before or after a glued cue word, and between two short words."""
    cuts = []
    for match in _CUE_IN_WORD.finditer(text):
        start, end = match.span()
        word_start, word_end = _word_span(text, start, end)
        if word_start == start and word_end == end:
            continue  # the word itself, not glued
        word = match.group()
        before, after = text[word_start:start], text[end:word_end]
        glued_after = bool(before) and _glued_after(word, before, text, end)
        glued_before = word in _GLUED_BEFORE and bool(after) and after not in _GLUED_BEFORE[word]
        if glued_after and (not after or (glued_before and word in _MODALS)):
            cuts.append(start)  # "partiesmust", and "theymustact" with the next line
        if glued_before and (not before or (glued_after and word in _MODALS)):
            cuts.append(end)
    for match in _PAIR.finditer(text):
        if match.group() not in _REAL_PAIRS:
            cuts.append(match.end(1))
    return cuts


def _glued_after(word: str, before: str, text: str, end: int) -> bool:
    if word in _GLUED_AFTER:
        return before not in _GLUED_AFTER[word]
    followers = _GLUED_BEFORE_WORD.get(word, ())
    following = text[end + 1 : end + 12]
    return before not in _GLUED_BEFORE_WORD_NOT.get(word, ()) and any(
        text[end : end + 1] == " "
        and following.startswith(f)
        and not _LETTER.match(following, len(f))
        for f in followers
    )


def _word_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start > 0 and "a" <= text[start - 1] <= "z":
        start -= 1
    while end < len(text) and "a" <= text[end] <= "z":
        end += 1
    return start, end
