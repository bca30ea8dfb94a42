"""Which of a PDF's runs of rows are headings: set clearly larger than the body, or in bold and
standing apart; short; no table's row, contents entry, dateline, number or list item."""

from __future__ import annotations

import re

from reader.core.importers.headings import ends_sentence, is_dateline
from reader.core.importers.list_markers import match_marker
from reader.core.importers.pdf_furniture import is_page_number
from reader.core.importers.pdf_measures import BOLD, LARGER, Measures, is_large
from reader.core.importers.pdf_order import Row
from reader.core.importers.pdf_pages import SOFT_HYPHEN
from reader.core.importers.pdf_words import joined

PARAGRAPH_GAP = 1.4  # times the usual line spacing: a gap that ends a paragraph
_HEADING_ROWS, _HEADING_WORDS = 4, 40
_BOLD_HEADING_ROWS, _BOLD_HEADING_WORDS = 2, 20
_WIDE = 0.6  # of its stretch's width: a heading's line this wide may be wrapped
# Words a wrapped title's line ends on ("Einführung in die" / "Geometrie und Topologie").
_JOINING_WORDS = frozenset(
    """a an and as at by for from in into of on or the to with und die der des für zur zum
    von mit et de la le les du à pour sur и в на по о об с для""".split()
)
_NOT_AFTER_HEADING = re.compile(r"[,;]$")
_LETTERS = re.compile(r"[^\W\d_]{2}")
# A table of contents' line: dot leaders, or a section's number and then its page's.
_CONTENTS_ENTRY = re.compile(r"(?:\. ?){3}|…|^\d[\d.]*\s.*\D\s\d{1,4}$")


def wraps(previous: Row, row: Row, margins: tuple[float, float, float]) -> bool:
    """True when a heading's line goes on in the next: it ends on a joining word, a hyphen or
    a comma, the next opens in lower case, or it is wide enough to have been wrapped."""
    words = previous.text.split()
    if row.text.lstrip()[:1].islower() or (words and words[-1].lower() in _JOINING_WORDS):
        return True
    if previous.text.rstrip().endswith(("-", ",", SOFT_HYPHEN)):
        return True
    return previous.right - previous.left >= _WIDE * margins[2]


def is_heading(at: int, blocks: list[list[Row]], measures: Measures) -> bool:
    block = blocks[at]
    first = block[0]
    text = joined([r.text for r in block], measures.compounds)
    words = len(text.split())
    if any(r.cells > 1 for r in block) or not _LETTERS.search(text):
        return False
    if _CONTENTS_ENTRY.search(text) or is_dateline(text):
        return False
    if match_marker(text) is not None and first.size < LARGER * measures.body:
        return False
    if is_large(first, measures.body):
        return len(block) <= _HEADING_ROWS and words <= _HEADING_WORDS
    if first.bold < BOLD or len(block) > _BOLD_HEADING_ROWS:
        return False
    if first.size < measures.body - 0.5 or is_page_number(text):  # a running head left over
        return False
    if words > _BOLD_HEADING_WORDS or _NOT_AFTER_HEADING.search(text) or ends_sentence(text):
        return False
    return _stands_apart(at, blocks, measures)


def _stands_apart(at: int, blocks: list[list[Row]], measures: Measures) -> bool:
    """A bold run of rows is a heading, not a bold sentence opening a paragraph, when a gap
    follows it or its last line ends short of the margin."""
    block = blocks[at]
    if at + 1 == len(blocks):
        return False  # a heading heads something
    following = blocks[at + 1][0]
    last = block[-1]
    if following.stretch != last.stretch or last.baseline - following.baseline > (
        PARAGRAPH_GAP * measures.spacing
    ):
        return True
    right = measures.margins[last.stretch][1]
    return last.right < right - 2 * last.size
