"""A page's fragments in reading order, as rows: top down, and column by column on pages set
in two columns.

Two columns are found by their gutter: an upright strip of the page's middle that no fragment
crosses, with text of a column's width on both sides. Fragments that cross it (a title, a
figure across the page) cut the page into stretches, each read left column first. Within a
column, fragments on one baseline (a superscript, the cells of a table) make one row.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.importers.pdf_pages import Fragment

_FEWEST_COLUMN_LINES = 5  # on each side of a gutter
_MOST_CROSSING = 0.25  # of the page's fragments may cross the gutter (titles, captions, figures)
_COLUMN_WIDTH = 0.25  # of the page's width: the median line of a column of text is this wide
_GUTTER_RANGE = (0.3, 0.7)  # of the page's width: where a gutter is looked for
_GUTTER_STEP = 3.0  # points
_SAME_ROW = 0.45  # times the font size: baselines closer than this make one row
_CELL_GAP = 2.5  # times the size: a wider gap in a row separates cells (justified text has 1.5)
_TIGHT = 0.15  # times the font size: a narrower gap joins fragments without a space


@dataclass(frozen=True)
class Row:
    """One line of text as read: its fragments joined left to right."""

    text: str
    left: float
    right: float
    baseline: float
    size: float  # the font size most of its characters have
    bold: float  # the share of its letters in bold
    letters: int
    cells: int  # stretches of text separated by wide gaps (a table's row has several)
    stretch: int  # rows of one stretch follow each other on a page, in one column
    page: int


def page_rows(fragments: list[Fragment], width: float, first_stretch: int, page: int) -> list[Row]:
    """The rows of one page in reading order; stretches numbered from `first_stretch`."""
    rows: list[Row] = []
    for number, stretch in enumerate(_stretches(fragments, width)):
        rows += _rows(stretch, first_stretch + number, page)
    return rows


def _stretches(fragments: list[Fragment], width: float) -> list[list[Fragment]]:
    gutter = _gutter(fragments, width)
    ordered = sorted(fragments, key=lambda f: (-f.baseline, f.left))
    if gutter is None:
        return [ordered] if ordered else []
    stretches: list[list[Fragment]] = []
    left: list[Fragment] = []
    right: list[Fragment] = []
    for fragment in ordered:
        if fragment.left < gutter < fragment.right:  # across the page: read in its place
            if left or right or not stretches:
                stretches += [part for part in (left, right) if part]
                left, right = [], []
                stretches.append([])
            stretches[-1].append(fragment)
        elif fragment.right <= gutter:
            left.append(fragment)
        else:
            right.append(fragment)
    stretches += [part for part in (left, right) if part]
    return stretches


def _gutter(fragments: list[Fragment], width: float) -> float | None:
    """The x of the gutter between two columns, or None for a page in one column."""
    wide = [f for f in fragments if f.letters > 1]
    if len(wide) < 2 * _FEWEST_COLUMN_LINES:
        return None
    best: tuple[int, float] | None = None
    x = width * _GUTTER_RANGE[0]
    while x <= width * _GUTTER_RANGE[1]:
        crossing = sum(1 for f in wide if f.left < x < f.right)
        if best is None or crossing < best[0]:
            best = (crossing, x)
        x += _GUTTER_STEP
    if best is None or best[0] > _MOST_CROSSING * len(wide):
        return None
    gutter = best[1]
    sides = (
        [f.right - f.left for f in wide if f.right <= gutter],
        [f.right - f.left for f in wide if f.left >= gutter],
    )
    for side in sides:
        if len(side) < _FEWEST_COLUMN_LINES or _median(side) < _COLUMN_WIDTH * width:
            return None
    return gutter


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


def _rows(fragments: list[Fragment], stretch: int, page: int) -> list[Row]:
    rows: list[Row] = []
    group: list[Fragment] = []
    for fragment in fragments:  # top down already
        if group and abs(group[0].baseline - fragment.baseline) > _SAME_ROW * max(
            group[0].size, fragment.size, 1.0
        ):
            rows.append(_row(group, stretch, page))
            group = []
        group.append(fragment)
    if group:
        rows.append(_row(group, stretch, page))
    return rows


def _row(group: list[Fragment], stretch: int, page: int) -> Row:
    # Fragments of one PDFium line keep PDFium's order and spaces (right-to-left scripts come
    # out as PDFium reads them); fragments of several lines are put side by side by position.
    one_line = len({f.line for f in group}) == 1
    parts = sorted(group, key=lambda f: f.left)
    if one_line:
        parts = sorted(group, key=lambda f: f.serial)
    sizes: dict[float, int] = {}
    for f in parts:
        sizes[f.size] = sizes.get(f.size, 0) + f.letters
    size = max(sizes, key=lambda s: sizes[s])
    text, cells = parts[0].text, 1
    for previous, fragment in zip(parts, parts[1:], strict=False):
        gap = fragment.left - previous.right
        if gap > _CELL_GAP * size and not _is_margin_number(fragment, previous):
            cells += 1
        if one_line:
            tight = not fragment.spaced
        else:
            # A superscript or subscript (smaller) is a word apart: "Metrik 1", not "Metrik1".
            same_size = abs(fragment.ends[0] - previous.ends[1]) <= 0.5
            tight = same_size and -_TIGHT * size <= gap < _TIGHT * size
        text += ("" if tight else " ") + fragment.text
    letters = sum(f.letters for f in parts) or 1
    main = max(parts, key=lambda f: f.letters)
    return Row(
        text=text,
        left=min(f.left for f in parts),
        right=max(f.right for f in parts),
        baseline=main.baseline,
        size=size,
        bold=sum(f.bold * f.letters for f in parts) / letters,
        letters=letters,
        cells=cells,
        stretch=stretch,
        page=page,
    )


def _is_margin_number(*fragments: Fragment) -> bool:
    """A line number in the margin beside a line of text makes no table of it."""
    return any(f.text.strip().isdigit() for f in fragments)
