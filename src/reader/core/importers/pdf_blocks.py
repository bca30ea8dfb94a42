"""A PDF's rows to blocks: runs of rows by spacing, indent and font; then each run a heading
(pdf_headings), a list item or a paragraph.

A paragraph ends at a gap wider than the usual line spacing, at a change of font, before a
first-line indent or a list marker, and after a short line that ends a sentence; it runs on
across a page or column break unless its last line is short and closed. Two lines in one
heading style are one heading when the first is wrapped: a title over two lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.documents.builder import BlockSpec, normalise_space
from reader.core.documents.document import BlockKind
from reader.core.importers.headings import ends_sentence, settle_levels, starts_sentence
from reader.core.importers.list_markers import Nesting, match_marker
from reader.core.importers.pdf_headings import PARAGRAPH_GAP, is_heading, wraps
from reader.core.importers.pdf_measures import (
    BOLD,
    OWN_SPACING,
    Measures,
    is_large,
    measure,
    style_of,
)
from reader.core.importers.pdf_order import Row
from reader.core.importers.pdf_pages import SOFT_HYPHEN
from reader.core.importers.pdf_words import joined

_INDENT = 0.6  # times the size: a first line set in at least this far opens a paragraph
_NARROW = 0.5  # of its stretch's width: a line this narrow is a paragraph of its own
_SHORT = 4.0  # times the size: a line that ends this far short of the margin ends its paragraph


@dataclass
class _Block:
    rows: list[Row] = field(default_factory=list)

    @property
    def last(self) -> Row:
        return self.rows[-1]


def pdf_blocks(rows: list[Row]) -> list[BlockSpec]:
    if not rows:
        return []
    measures = measure(rows)
    notes = _page_notes(rows, measures.body)
    blocks: list[_Block] = []
    waiting: list[_Block] = []  # the notes at a page's foot, until its last paragraph ends
    for at, row in enumerate(rows):
        following = rows[at + 1] if at + 1 < len(rows) else None
        if at in notes:
            if not waiting or _starts_block(
                waiting[-1].last, row, following, waiting[-1], measures
            ):
                waiting.append(_Block())
            waiting[-1].rows.append(row)
        elif not blocks or _starts_block(blocks[-1].last, row, following, blocks[-1], measures):
            blocks += waiting
            waiting = []
            blocks.append(_Block([row]))
        else:
            blocks[-1].rows.append(row)
    return settle_levels(_specs(blocks + waiting, measures))


def _page_notes(rows: list[Row], body: float) -> set[int]:
    """The rows in a smaller size below the last of the body's on their page: footnotes, which
    wait until the paragraph the page broke is read to its end."""
    last_body: dict[int, int] = {}
    for at, row in enumerate(rows):
        if row.size >= body - 0.5:
            last_body[row.page] = at
    return {
        at
        for at, row in enumerate(rows)
        if row.page in last_body and at > last_body[row.page] and row.size < body - 0.5
    }


def _starts_block(
    previous: Row, row: Row, following: Row | None, block: _Block, measures: Measures
) -> bool:
    body = measures.body
    if previous.text.endswith(SOFT_HYPHEN) and row.text[:1].islower():
        return False  # PDFium marks the word as broken at the line's end: it goes on here
    if previous.cells > 1 or row.cells > 1:
        return True
    if style_of(previous, body) != style_of(row, body) and not _runs_on(previous, row, measures):
        return True
    marker = match_marker(normalise_space(row.text))
    left = measures.margins[row.stretch][0]
    short = previous.right < measures.margins[previous.stretch][1] - _SHORT * previous.size
    in_item = match_marker(normalise_space(block.rows[0].text)) is not None
    if marker and (in_item or short or re.search(r"[.!?:;,]\W*$", previous.text)):
        return True  # "2019." ending a wrapped line is not a list's "1."
    if row.stretch != previous.stretch:  # a new page or column
        # A short last line that ends a sentence ends its paragraph (a ragged line may be
        # short without), and so does a line much narrower than the column ("Washington,
        # 8 April 2013"); a full one goes on, even after a full stop: a page is likelier to
        # break inside a paragraph than after its last line, filled.
        narrow = previous.right - previous.left < _NARROW * measures.margins[previous.stretch][2]
        if marker or (short and (ends_sentence(previous.text) or narrow)):
            return True
        if in_item:  # an item goes on at its hanging indent
            return row.left <= block.rows[0].left + _INDENT * row.size
        return row.left - left >= _INDENT * row.size
    step = previous.baseline - row.baseline
    usual = measures.spacing if row.size == body else OWN_SPACING * row.size
    if step > PARAGRAPH_GAP * usual or step < -0.5 * row.size:
        return True
    if is_large(row, body) or row.bold >= BOLD:
        # A heading's lines are often centred: indents say nothing of them. Two lines of one
        # heading style are one heading when the first is wrapped (an author's name above
        # the date are two).
        return not wraps(previous, row, measures.margins[row.stretch])
    if _first_line_indent(previous, row, following) and not in_item:
        return True
    return short and ends_sentence(previous.text) and starts_sentence(row.text)


def _runs_on(previous: Row, row: Row, measures: Measures) -> bool:
    """True when only boldness changes, mid-paragraph: a bold opening sentence that fills its
    line and runs on in roman, or a bold phrase that starts a line inside a sentence."""
    if abs(previous.size - row.size) > 0.5 or row.stretch != previous.stretch:
        return False
    if previous.baseline - row.baseline > PARAGRAPH_GAP * measures.spacing:
        return False
    if previous.bold >= BOLD:
        right = measures.margins[previous.stretch][1]
        return previous.right >= right - 2 * previous.size and not ends_sentence(previous.text)
    return not ends_sentence(previous.text)


def _first_line_indent(previous: Row, row: Row, following: Row | None) -> bool:
    """A row set in from the one before, after a sentence's end, with the next row back out
    (else the indent is a paragraph's hanging one, or a quotation's)."""
    if row.left - previous.left < _INDENT * row.size or not ends_sentence(previous.text):
        return False
    if not starts_sentence(row.text):
        return False
    return (
        following is None
        or following.stretch != row.stretch
        or following.left <= row.left - _INDENT * row.size
    )


def _specs(blocks: list[_Block], measures: Measures) -> list[BlockSpec]:
    rows_of = [block.rows for block in blocks]
    headings = [is_heading(n, rows_of, measures) for n in range(len(blocks))]
    sizes = {b.rows[0].size for b, heading in zip(blocks, headings, strict=True) if heading}
    heading_sizes = sorted(sizes, reverse=True)
    nesting = Nesting()
    specs: list[BlockSpec] = []
    for block, heading in zip(blocks, headings, strict=True):
        text = joined([r.text for r in block.rows], measures.compounds)
        if not text:
            continue
        if heading:
            level = heading_sizes.index(block.rows[0].size) + 1
            specs.append(BlockSpec(BlockKind.HEADING, text, level))
            nesting.reset()
            continue
        marker = match_marker(text)
        if marker is None:
            specs.append(BlockSpec(BlockKind.PARAGRAPH, text))
            nesting.reset()
            continue
        left = measures.margins[block.rows[0].stretch][0]
        indent = max(0, round((block.rows[0].left - left) / max(measures.body / 2, 1.0)))
        specs.append(
            BlockSpec(BlockKind.LIST_ITEM, marker.text, nesting.level(indent), marker.marker)
        )
    return specs
