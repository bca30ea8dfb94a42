"""Running heads, footers and page numbers: found by where they stand on the page, across pages.

A fragment is furniture when it stands at the top or the bottom of its page, in a band (the
same height on the page) where the texts recur from page to page, the same up to their digits
("Chapter 3 | 12", "Page 4 of 9"); a book's heads, different on odd and even pages, each
recur. Page numbers also count when they are not in one band (a short last page): a lone
number at a page's edge that goes up with the page. Nothing else is taken out: a paragraph
that happens to repeat is text.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from reader.core.documents.builder import normalise_space
from reader.core.importers.pdf_pages import Fragment, Page

_EDGE_LINES = 2  # lines at the top and the bottom of a page where heads and footers stand
_APART = 1.3  # times the page's usual step between lines: the gap below a head
_APART_SIZES = 2.5  # times the head's own size: the same (a body's lines are 1.2 apart)
_FEWEST_LINES = 3  # a page of fewer lines is all text: there is no body for a head to head
_BAND = 2.5  # points: heights on two pages closer than this are one band
_RECURRING_SHARE = 0.9  # of the band's fragments whose text recurs in it: a band of furniture
_PAGES_SHARE = 0.2  # of the pages a band of furniture stands on (figure labels stand on few)
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"(?:(?:page|seite|p\.|стр\.?|страница)\s*)?[-–—(\[]?\s*(?P<n>\d{1,4}|[ivxlc]{1,7})\s*[-–—)\]]?"
    r"(?:\s*(?:/|of|из|von)\s*\d{1,4})?",
    re.IGNORECASE,
)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


@dataclass(frozen=True)
class _Spot:
    page: int
    index: int  # of the fragment in its page
    top: bool  # at the top of the page (else the bottom)
    position: float  # distance from that edge
    key: str  # the text, lower-cased, its digits as "#"


def body_fragments(pages: list[Page]) -> list[list[Fragment]]:
    """Each page's fragments without its running heads, footers and page numbers."""
    spots = [spot for n, page in enumerate(pages) for spot in _edge_spots(n, page)]
    furniture = _in_recurring_bands(spots, len(pages)) | _page_numbers(spots, pages)
    return [
        [f for i, f in enumerate(page.fragments) if (n, i) not in furniture]
        for n, page in enumerate(pages)
    ]


def _edge_spots(number: int, page: Page) -> list[_Spot]:
    heights = sorted({round(f.baseline, 1) for f in page.fragments}, reverse=True)
    if len(heights) < _FEWEST_LINES:
        return []
    sizes: dict[float, float] = {}
    for f in page.fragments:
        height = round(f.baseline, 1)
        sizes[height] = max(sizes.get(height, 0.0), f.size)
    top_edge, bottom_edge = _edge(heights, sizes), _edge(heights[::-1], sizes)
    spots = []
    for index, fragment in enumerate(page.fragments):
        key = _DIGITS.sub("#", normalise_space(fragment.text.lower()))
        if fragment.baseline >= top_edge - 0.05:
            spots.append(_Spot(number, index, True, page.height - fragment.baseline, key))
        elif fragment.baseline <= bottom_edge + 0.05:
            spots.append(_Spot(number, index, False, fragment.baseline, key))
    return spots


def _edge(heights: list[float], sizes: dict[float, float]) -> float:
    """How far from the edge (the first of `heights`) its furniture may reach: the one or two
    lines set apart from the rest by a gap wider than the page's usual step, or than a few
    times their own size. A first line in step with the next is the body's, whatever recurs
    there."""
    steps = sorted(abs(a - b) for a, b in zip(heights, heights[1:], strict=False))
    usual = steps[len(steps) // 2]
    for n in range(min(_EDGE_LINES, len(heights) - 2)):
        gap = abs(heights[n] - heights[n + 1])
        if gap > _APART * usual or gap > _APART_SIZES * sizes[heights[n]]:
            return heights[n]
    return math.inf if heights[0] > heights[-1] else -math.inf


def _bands(spots: list[_Spot]) -> list[list[_Spot]]:
    """The spots grouped by edge and height: each band spans no more than _BAND."""
    bands: list[list[_Spot]] = []
    for top in (True, False):
        ordered = sorted((s for s in spots if s.top is top), key=lambda s: s.position)
        for spot in ordered:
            # Measured from the band's first spot, not the last: chained, bands would run
            # down the page through the figures' labels.
            if bands and bands[-1][0].top is top and spot.position - bands[-1][0].position <= _BAND:
                bands[-1].append(spot)
            else:
                bands.append([spot])
    return bands


def _in_recurring_bands(spots: list[_Spot], pages: int) -> set[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    for band in _bands(spots):
        pages_of: defaultdict[str, set[int]] = defaultdict(set)
        for spot in band:
            pages_of[spot.key].add(spot.page)
        recurring = [s for s in band if len(pages_of[s.key]) >= 2]
        covered = len({s.page for s in recurring})
        if covered < max(2, _PAGES_SHARE * pages):
            continue
        if len(recurring) >= _RECURRING_SHARE * len(band):
            found.update((s.page, s.index) for s in recurring)
    return found


def _page_numbers(spots: list[_Spot], pages: list[Page]) -> set[tuple[int, int]]:
    """Lone numbers at the pages' edges whose value minus the page's index is the same on at
    least two pages: the pages' numbers, wherever each page has it."""
    offsets: defaultdict[int, list[_Spot]] = defaultdict(list)
    for spot in spots:
        match = _PAGE_NUMBER.fullmatch(normalise_space(pages[spot.page].fragments[spot.index].text))
        value = _number(match.group("n")) if match else None
        if value is not None:
            offsets[value - spot.page].append(spot)
    found: set[tuple[int, int]] = set()
    for numbered in offsets.values():
        # Many pages, as many as a band of furniture needs: two numbers of a figure's axis
        # can go up with the page by chance.
        if len(Counter(s.page for s in numbered)) >= max(2, _PAGES_SHARE * len(pages)):
            found.update((s.page, s.index) for s in numbered)
    return found


def is_page_number(text: str) -> bool:
    """True for "12", "iv", "Page 3 of 9", "- 4 -"."""
    match = _PAGE_NUMBER.fullmatch(normalise_space(text))
    return match is not None and _number(match.group("n")) is not None


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    values = [_ROMAN.get(c) for c in text.lower()]
    if None in values:
        return None
    digits = [v for v in values if v is not None]
    total = sum(-v if nxt > v else v for v, nxt in zip(digits, [*digits[1:], 0], strict=True))
    return total if total > 0 else None
