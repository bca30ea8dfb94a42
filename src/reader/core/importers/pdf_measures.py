"""What a PDF's rows measure: the body's font size, its line spacing, each stretch's margins."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from reader.core.importers.pdf_order import Row
from reader.core.importers.pdf_words import compounds_in

LARGER = 1.15  # times the body's size: a heading's size
BOLD = 0.9  # share of a row's letters in bold for the row to be bold
OWN_SPACING = 1.3  # times a row's size: the spacing of lines not in the body's size
_MARGIN_REACH = 40.0  # points: how far left of a stretch's rows its margin may be


@dataclass(frozen=True)
class Measures:
    body: float  # the body's font size
    spacing: float  # the usual distance between two lines of the body
    margins: dict[int, tuple[float, float, float]]  # each stretch's margins, and its width
    compounds: frozenset[str]  # words written with a hyphen inside a line ("well-known")


def measure(rows: list[Row]) -> Measures:
    sizes: Counter[float] = Counter()
    for row in rows:
        sizes[row.size] += row.letters
    body = sizes.most_common(1)[0][0]
    steps = sorted(
        a.baseline - b.baseline
        for a, b in zip(rows, rows[1:], strict=False)
        if a.stretch == b.stretch
        and a.size == b.size == body
        and 0 < a.baseline - b.baseline < 3 * body
    )
    # The lower quartile, not the median: in a text of short paragraphs the gaps between
    # them are many, and the spacing within a paragraph is the smaller step.
    spacing = steps[len(steps) // 4] if steps else OWN_SPACING * body
    margins: dict[int, tuple[float, float, float]] = {}
    by_stretch: dict[int, list[Row]] = {}
    for row in rows:
        by_stretch.setdefault(row.stretch, []).append(row)
    # A stretch's left margin is the document's commonest left edge at or a little left of
    # its own rows: a page that holds only a list's items still has the body's margin.
    lefts = Counter(round(r.left) for r in rows if r.cells == 1 and r.size == body)
    for stretch, members in by_stretch.items():
        leftmost = min(r.left for r in members)
        near = [(n, x) for x, n in lefts.items() if leftmost - _MARGIN_REACH <= x <= leftmost + 1]
        left = float(max(near)[1]) if near else leftmost
        rights = sorted(r.right for r in members)
        right = rights[int(len(rights) * 0.9) - 1 if len(rights) > 1 else 0]
        margins[stretch] = (left, right, rights[-1] - min(r.left for r in members))
    return Measures(body, spacing, margins, compounds_in([row.text for row in rows]))


def style_of(row: Row, body: float) -> tuple[float, bool]:
    size = row.size if abs(row.size - body) > 0.5 else body
    return size, row.bold >= BOLD


def is_large(row: Row, body: float) -> bool:
    return row.size >= LARGER * body
