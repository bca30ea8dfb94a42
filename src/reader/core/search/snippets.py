"""Snippets: a window of a passage around its matched words, with those words marked."""

from __future__ import annotations

from dataclasses import dataclass

WINDOW = 220  # characters shown around the densest run of matches
LEAD = 50  # context kept before the first match in the window
ELLIPSIS = "…"


@dataclass(frozen=True)
class Snippet:
    text: str
    marks: tuple[tuple[int, int], ...]  # ranges in `text`

    def marked(self, before: str = "**", after: str = "**") -> str:
        parts, last = [], 0
        for start, end in self.marks:
            parts += [self.text[last:start], before, self.text[start:end], after]
            last = end
        parts.append(self.text[last:])
        return "".join(parts)


def make_snippet(text: str, matches: list[tuple[int, int]]) -> Snippet:
    """The whole passage if short, else a window holding as many matches as possible."""
    if len(text) <= WINDOW + LEAD:
        return Snippet(text, tuple(matches))
    start = _word_start(text, max(0, _densest(matches) - LEAD))
    end = _word_end(text, min(len(text), start + WINDOW))
    prefix = ELLIPSIS if start > 0 else ""
    suffix = ELLIPSIS if end < len(text) else ""
    shift = len(prefix) - start
    marks = tuple((s + shift, e + shift) for s, e in matches if s >= start and e <= end)
    return Snippet(prefix + text[start:end] + suffix, marks)


def _densest(matches: list[tuple[int, int]]) -> int:
    """The start of the match after which the most matches fall within one window."""
    if not matches:
        return 0
    best, best_count, ahead = matches[0][0], 0, 0
    for index, (start, _) in enumerate(matches):
        ahead = max(ahead, index)
        while ahead < len(matches) and matches[ahead][1] <= start + WINDOW - LEAD:
            ahead += 1
        if ahead - index > best_count:
            best, best_count = start, ahead - index
    return best


def _word_start(text: str, position: int) -> int:
    if position <= 0:
        return 0
    space = text.rfind(" ", 0, position)
    return space + 1 if space >= 0 else 0


def _word_end(text: str, position: int) -> int:
    if position >= len(text):
        return len(text)
    space = text.find(" ", position)
    return space if space >= 0 else len(text)
