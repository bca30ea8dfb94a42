"""A PDF's rows to blocks: headings by font size and weight, paragraphs by spacing and indent.

The body's size is the one most characters have. A heading is a short run of rows set clearly
larger than that, or in bold and standing apart (a gap after it, or its line ending short of
the margin); a title wrapped over lines is one run, so one heading. A table's row (cells apart)
or a lone number is never one. A paragraph ends at a gap wider than the usual line spacing, at
a change of font, before a first-line indent or a list marker, and after a short line that
ends a sentence; it runs on across a page or column break when its last line ends mid-sentence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from reader.core.documents.builder import BlockSpec, normalise_space
from reader.core.documents.document import BlockKind
from reader.core.importers.headings import (
    ends_sentence,
    is_dateline,
    settle_levels,
    starts_sentence,
)
from reader.core.importers.list_markers import Nesting, match_marker
from reader.core.importers.pdf_furniture import is_page_number
from reader.core.importers.pdf_order import Row
from reader.core.importers.pdf_pages import SOFT_HYPHEN

_LARGER = 1.15  # times the body's size: a heading's size
_BOLD = 0.9  # share of a row's letters in bold for the row to be bold
_PARAGRAPH_GAP = 1.4  # times the usual line spacing: a gap that ends a paragraph
_OWN_SPACING = 1.3  # times a row's size: the spacing of lines not in the body's size
_INDENT = 0.6  # times the size: a first line set in at least this far opens a paragraph
_MARGIN_REACH = 40.0  # points: how far left of a stretch's rows its margin may be
_NARROW = 0.5  # of its stretch's width: a line this narrow is a paragraph of its own
_SHORT = 4.0  # times the size: a line that ends this far short of the margin ends its paragraph
_HEADING_ROWS, _HEADING_WORDS = 4, 40
_WIDE = 0.6  # of its stretch's width: a heading's line this wide may be wrapped
# Words a wrapped title's line ends on ("Einführung in die" / "Geometrie und Topologie").
_JOINING_WORDS = frozenset(
    """a an and as at by for from in into of on or the to with und die der des in für zur
    zum von mit et de la le les du des et à pour sur и в на по о об с для""".split()
)
_BOLD_HEADING_ROWS, _BOLD_HEADING_WORDS = 2, 20
_NOT_AFTER_HEADING = re.compile(r"[,;]$")
_LETTERS = re.compile(r"[^\W\d_]{2}")
# A table of contents' line: dot leaders, or a section's number and then its page's.
_CONTENTS_ENTRY = re.compile(r"(?:\. ?){3}|…|^\d[\d.]*\s.*\D\s\d{1,4}$")
_HYPHENATED = re.compile(r"[^\W\d_]-")
_COMPOUND = re.compile(r"[^\W\d_]+-[^\W\d_]+")
_LAST_WORD, _FIRST_WORD = re.compile(r"[^\W\d_]+$"), re.compile(r"^[^\W\d_]+")
_INNER_SOFT_HYPHEN = re.compile(f"{SOFT_HYPHEN}(?=[^\\W\\d_])")


@dataclass
class _Block:
    rows: list[Row] = field(default_factory=list)

    @property
    def last(self) -> Row:
        return self.rows[-1]


@dataclass(frozen=True)
class _Measures:
    body: float  # the body's font size
    spacing: float  # the usual distance between two lines of the body
    margins: dict[int, tuple[float, float, float]]  # each stretch's margins, and its width
    compounds: frozenset[str]  # words written with a hyphen inside a line ("well-known")


def pdf_blocks(rows: list[Row]) -> list[BlockSpec]:
    if not rows:
        return []
    measures = _measure(rows)
    blocks: list[_Block] = []
    for at, row in enumerate(rows):
        previous = rows[at - 1] if at else None
        following = rows[at + 1] if at + 1 < len(rows) else None
        if previous is None or _starts_block(previous, row, following, blocks[-1], measures):
            blocks.append(_Block())
        blocks[-1].rows.append(row)
    return settle_levels(_specs(blocks, measures))


def _measure(rows: list[Row]) -> _Measures:
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
    spacing = steps[len(steps) // 4] if steps else _OWN_SPACING * body
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
    compounds = frozenset(
        word.lower() for row in rows for word in _COMPOUND.findall(row.text.rstrip(SOFT_HYPHEN))
    )
    return _Measures(body, spacing, margins, compounds)


def _style(row: Row, body: float) -> tuple[float, bool]:
    size = row.size if abs(row.size - body) > 0.5 else body
    return size, row.bold >= _BOLD


def _is_large(row: Row, body: float) -> bool:
    return row.size >= _LARGER * body


def _starts_block(
    previous: Row, row: Row, following: Row | None, block: _Block, measures: _Measures
) -> bool:
    body = measures.body
    if previous.text.endswith(SOFT_HYPHEN) and row.text[:1].islower():
        return False  # PDFium marks the word as broken at the line's end: it goes on here
    if previous.cells > 1 or row.cells > 1:
        return True
    if _style(previous, body) != _style(row, body) and not _runs_on(previous, row, measures):
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
    usual = measures.spacing if row.size == body else _OWN_SPACING * row.size
    if step > _PARAGRAPH_GAP * usual or step < -0.5 * row.size:
        return True
    if _is_large(row, body) or row.bold >= _BOLD:
        # A heading's lines are often centred: indents say nothing of them. Two lines of one
        # heading style are one heading when the first is wrapped (an author's name above
        # the date are two).
        return not _wraps(previous, row, measures.margins[row.stretch])
    if _first_line_indent(previous, row, following) and not in_item:
        return True
    return short and ends_sentence(previous.text) and row.text.lstrip()[:1].isupper()


def _runs_on(previous: Row, row: Row, measures: _Measures) -> bool:
    """True when only boldness changes, mid-paragraph: a bold opening sentence that fills its
    line and runs on in roman, or a bold phrase that starts a line inside a sentence."""
    if abs(previous.size - row.size) > 0.5 or row.stretch != previous.stretch:
        return False
    if previous.baseline - row.baseline > _PARAGRAPH_GAP * measures.spacing:
        return False
    if previous.bold >= _BOLD:
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


def _wraps(previous: Row, row: Row, margins: tuple[float, float, float]) -> bool:
    words = previous.text.split()
    if row.text.lstrip()[:1].islower() or (words and words[-1].lower() in _JOINING_WORDS):
        return True
    if previous.text.rstrip().endswith(("-", ",", SOFT_HYPHEN)):
        return True
    return previous.right - previous.left >= _WIDE * margins[2]


def _specs(blocks: list[_Block], measures: _Measures) -> list[BlockSpec]:
    headings = [_is_heading(n, blocks, measures) for n in range(len(blocks))]
    sizes = {b.rows[0].size for b, heading in zip(blocks, headings, strict=True) if heading}
    heading_sizes = sorted(sizes, reverse=True)
    nesting = Nesting()
    specs: list[BlockSpec] = []
    for block, heading in zip(blocks, headings, strict=True):
        text = _joined([r.text for r in block.rows], measures.compounds)
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


def _is_heading(at: int, blocks: list[_Block], measures: _Measures) -> bool:
    block = blocks[at]
    first = block.rows[0]
    text = _joined([r.text for r in block.rows], measures.compounds)
    words = len(text.split())
    if any(r.cells > 1 for r in block.rows) or not _LETTERS.search(text):
        return False
    if _CONTENTS_ENTRY.search(text) or is_dateline(text):
        return False
    if match_marker(text) is not None and first.size < _LARGER * measures.body:
        return False
    if _is_large(first, measures.body):
        return len(block.rows) <= _HEADING_ROWS and words <= _HEADING_WORDS
    if first.bold < _BOLD or len(block.rows) > _BOLD_HEADING_ROWS:
        return False
    if first.size < measures.body - 0.5 or is_page_number(text):  # a running head left over
        return False
    if words > _BOLD_HEADING_WORDS or _NOT_AFTER_HEADING.search(text) or ends_sentence(text):
        return False
    return _stands_apart(at, blocks, measures)


def _stands_apart(at: int, blocks: list[_Block], measures: _Measures) -> bool:
    """A bold run of rows is a heading, not a bold sentence opening a paragraph, when a gap
    follows it or its last line ends short of the margin."""
    block = blocks[at]
    if at + 1 == len(blocks):
        return False  # a heading heads something
    following = blocks[at + 1].rows[0]
    last = block.last
    if following.stretch != last.stretch or last.baseline - following.baseline > (
        _PARAGRAPH_GAP * measures.spacing
    ):
        return True
    right = measures.margins[last.stretch][1]
    return last.right < right - 2 * last.size


def _joined(parts: list[str], compounds: frozenset[str] = frozenset()) -> str:
    """The rows' texts as one: a word PDFium marks as hyphenated at a line end made whole,
    unless the text writes it with its hyphen elsewhere ("confidence-building")."""
    text = ""
    for part in (normalise_space(p) for p in parts):
        if not part:
            continue
        if text.endswith(SOFT_HYPHEN):
            head, tail = _LAST_WORD.search(text[:-1]), _FIRST_WORD.search(part)
            compound = head and tail and f"{head.group()}-{tail.group()}".lower() in compounds
            glue = "-" if compound or not part[:1].islower() else ""
            text = text[:-1] + glue + part
        elif _HYPHENATED.fullmatch(text[-2:]) and part[:1].islower():
            text += part  # "well-" + "known": the hyphen is the word's own
        else:
            text += (" " if text else "") + part
    # A soft hyphen left inside a line (U+00AD in a word) is shown only where a word breaks.
    return _INNER_SOFT_HYPHEN.sub("", text).replace(SOFT_HYPHEN, "-")
