"""The document model: one canonical plain text, with blocks and sentences as ranges into it."""

from __future__ import annotations

import datetime as dt
from array import array
from bisect import bisect_right
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from itertools import chain
from operator import attrgetter
from typing import NamedTuple

from reader.core.translation import _, pgettext


def _month_names() -> tuple[str, ...]:
    """Month names in the reader's language (Russian's as after a day: "марта"), not the
    locale's: strftime's %B follows LC_TIME, which Qt sets from the environment
    (QCoreApplication calls setlocale(LC_ALL, "")), so "15-16 März 2018" would appear in an
    English interface and differ between the window and the command line."""
    return (
        "",
        _("January"),
        _("February"),
        _("March"),
        _("April"),
        _("May"),
        _("June"),
        _("July"),
        _("August"),
        _("September"),
        _("October"),
        _("November"),
        _("December"),
    )


def _months_alone() -> tuple[str, ...]:
    """Month names as they stand with only a year ("March 2017"; Russian "март 2017")."""
    return (
        "",
        pgettext("month alone", "January"),
        pgettext("month alone", "February"),
        pgettext("month alone", "March"),
        pgettext("month alone", "April"),
        pgettext("month alone", "May"),
        pgettext("month alone", "June"),
        pgettext("month alone", "July"),
        pgettext("month alone", "August"),
        pgettext("month alone", "September"),
        pgettext("month alone", "October"),
        pgettext("month alone", "November"),
        pgettext("month alone", "December"),
    )


_CLOSERS = '"”’)] '  # may follow a lead-in's colon


class DatePrecision(str, Enum):
    """How much of a date the text gives: "15 March 2017", "March 2017" or only "2017"."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


class BlockKind(str, Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"


# Block, Sentence and Section are NamedTuples, not frozen dataclasses: as immutable, made
# several times faster (a document has thousands of sentences), and defined in a tenth of
# the time (about 0.1 against 0.8 ms each), which the window paid before its first paint.
class Block(NamedTuple):
    """A heading, paragraph or list item: [start, end) in the document's text.

    `level` is the heading level (1 = the title) or the list nesting depth (1 = top);
    `marker` is a list item's bullet or number as the text shows it ("•", "1.").
    """

    kind: BlockKind
    start: int
    end: int
    level: int = 0
    marker: str = ""


class Sentence(NamedTuple):
    """[start, end) in the document's text, and the index of the block holding it."""

    start: int
    end: int
    block: int


@dataclass(frozen=True)
class Metadata:
    """`date_start` and `date_end` are the first day of what they stand for: at MONTH precision
    2017-03-01 is "March 2017", at YEAR precision 2017-01-01 is "2017"."""

    title: str
    short_title: str = ""
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    place: str = ""
    organizations: tuple[str, ...] = ()
    source: str = ""
    source_url: str = ""
    date_precision: DatePrecision = DatePrecision.DAY

    @property
    def date_iso(self) -> str:
        """ISO 8601 at the date's precision ("2018-03-15", "2017-03", "2017"); a range is
        written start/end. Strings of mixed precision sort by time: "2017" < "2017-03"."""
        if self.date_start is None:
            return ""
        start = iso_at(self.date_start, self.date_precision)
        if self.date_end is None or self.date_end == self.date_start:
            return start
        return f"{start}/{iso_at(self.date_end, self.date_precision)}"

    @property
    def date_label(self) -> str:
        """The date as a person writes it: "15-16 March 2018", "8 April 2013", "March 2017"."""
        start, end = self.date_start, self.date_end
        if start is None:
            return ""
        months = _month_names()
        if end == start:
            end = None
        if self.date_precision is DatePrecision.YEAR:
            return f"{start.year}-{end.year}" if end else str(start.year)
        if self.date_precision is DatePrecision.MONTH:
            alone = _months_alone()
            if end is None:
                return f"{alone[start.month]} {start.year}"
            if start.year == end.year:
                return f"{alone[start.month]} - {alone[end.month]} {end.year}"
            return f"{alone[start.month]} {start.year} - {alone[end.month]} {end.year}"
        if end is None:
            return f"{start.day} {months[start.month]} {start.year}"
        if (start.year, start.month) == (end.year, end.month):
            return f"{start.day}-{end.day} {months[end.month]} {end.year}"
        if start.year == end.year:
            return f"{start.day} {months[start.month]} - {end.day} {months[end.month]} {end.year}"
        return (
            f"{start.day} {months[start.month]} {start.year} - "
            f"{end.day} {months[end.month]} {end.year}"
        )

    @property
    def display_title(self) -> str:
        return self.short_title or self.title


class Section(NamedTuple):
    """A heading and the range of text it governs (up to the next heading of its level or above)."""

    block: int
    level: int
    title: str
    start: int
    end: int


def _layout_digest(blocks: tuple[Block, ...]) -> str:
    # One array of numbers and one string of kinds, built by map and zip in C: a formatted
    # string per block cost more than all the rest of opening the index.
    numbers = zip(map(_LEVEL, blocks), map(_START, blocks), map(_END, blocks), strict=True)
    from hashlib import sha256

    digest = sha256(array("q", chain.from_iterable(numbers)).tobytes())
    digest.update(";".join(map(_KIND_VALUES.__getitem__, map(_KIND, blocks))).encode())
    return digest.hexdigest()


_KIND_VALUES = {kind: kind.value for kind in BlockKind}
_KIND, _LEVEL = attrgetter("kind"), attrgetter("level")
_START, _END = attrgetter("start"), attrgetter("end")


@dataclass(frozen=True)
class Document:
    id: str
    kind: str  # "bundled" or "imported"
    metadata: Metadata
    text: str
    blocks: tuple[Block, ...]
    sentences: tuple[Sentence, ...]
    # sha256 of `text` (hex) as its store recorded it at import, so that telling whether the
    # text changed needs no pass over it; "" until given or worked out (text_digest). Not an
    # argument: dataclasses.replace(doc, text=...) must not carry the old text's digest over.
    text_sha256: str = field(default="", init=False, repr=False, compare=False)
    _block_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _sections: tuple[Section, ...] = field(init=False, repr=False, compare=False)
    # For each section, the index of the one it is nested in (-1 for none); the starts of all.
    _parents: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _section_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_block_starts", tuple(b.start for b in self.blocks))
        sections, parents = self._find_sections()
        object.__setattr__(self, "_sections", tuple(sections))
        object.__setattr__(self, "_parents", tuple(parents))
        object.__setattr__(self, "_section_starts", tuple(s.start for s in sections))

    @cached_property
    def layout_digest(self) -> str:
        """A digest of the blocks' kinds, levels and ranges: what the search index tells a
        changed layout by. Worked out when first asked (hashlib loads OpenSSL's libcrypto,
        which the window's first paint does not need), then kept."""
        return _layout_digest(self.blocks)

    def text_digest(self) -> str:
        """sha256 of the text, hex: the stored one if the loader gave it, else worked out."""
        if not self.text_sha256:
            from hashlib import sha256

            object.__setattr__(self, "text_sha256", sha256(self.text.encode("utf-8")).hexdigest())
        return self.text_sha256

    def block_text(self, index: int) -> str:
        block = self.blocks[index]
        return self.text[block.start : block.end]

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    def block_at(self, offset: int) -> int | None:
        """The index of the block containing `offset`, or the one before a gap between blocks."""
        index = bisect_right(self._block_starts, offset) - 1
        return index if index >= 0 else None

    def sections(self) -> list[Section]:
        return list(self._sections)

    def _find_sections(self) -> tuple[list[Section], list[int]]:
        # One pass with a stack of the sections still open: a file of 500,000 headings took
        # minutes to open when each heading looked ahead for its end.
        result: list[Section] = []
        parents: list[int] = []
        ends: dict[int, int] = {}
        open_sections: list[int] = []
        for index, block in enumerate(self.blocks):
            if block.kind is not BlockKind.HEADING:
                continue
            while open_sections and result[open_sections[-1]].level >= block.level:
                ends[open_sections.pop()] = block.start
            parents.append(open_sections[-1] if open_sections else -1)
            open_sections.append(len(result))
            title = self.text[block.start : block.end]
            result.append(Section(index, block.level, title, block.start, len(self.text)))
        for n, end in ends.items():
            result[n] = result[n]._replace(end=end)
        return result, parents

    def sections_holding(self, offset: int) -> list[Section]:
        """The sections holding `offset`, innermost first: the last one to start at or before
        it and those it is nested in, as each is nested in the one open when it began."""
        n = bisect_right(self._section_starts, offset) - 1
        holding = []
        while n >= 0:
            section = self._sections[n]
            if section.start <= offset < section.end:
                holding.append(section)
            n = self._parents[n]
        return holding

    def lead_in_of(self, item: int) -> int | None:
        """The block that introduces list item `item` with a colon ("We recommend:"), if any.

        That is the nearest block before it that is neither a sibling nor a nested item: a
        paragraph, or for a nested item its parent item, provided it ends with ":".
        """
        level = self.blocks[item].level
        for index in range(item - 1, -1, -1):
            block = self.blocks[index]
            if block.kind is BlockKind.LIST_ITEM and block.level >= level:
                continue
            if block.kind is BlockKind.HEADING:
                return None
            return index if self.block_text(index).rstrip(_CLOSERS).endswith(":") else None
        return None

    def section_at(self, offset: int) -> Section | None:
        """The innermost section holding `offset` (the title's section only if no other)."""
        holding = self.sections_holding(offset)
        return holding[0] if holding else None


def iso_at(day: dt.date, precision: DatePrecision) -> str:
    """ "2017-03-15", "2017-03" or "2017": ISO 8601 with no more than `precision` says."""
    if precision is DatePrecision.YEAR:
        return f"{day.year:04d}"
    if precision is DatePrecision.MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def parse_iso(text: str) -> tuple[dt.date, DatePrecision]:
    """ "2017-03-15", "2017-03" or "2017" read back with its precision; ValueError if none."""
    if len(text) == 4 and text.isdigit():
        return dt.date(int(text), 1, 1), DatePrecision.YEAR
    if len(text) == 7 and text[4] == "-" and text[:4].isdigit() and text[5:].isdigit():
        return dt.date(int(text[:4]), int(text[5:]), 1), DatePrecision.MONTH
    return dt.date.fromisoformat(text), DatePrecision.DAY


def heading_chain(doc: Document, offset: int) -> list[Section]:
    """The sections holding `offset`, innermost first, the title's (level 1) left out."""
    return [s for s in doc.sections_holding(offset) if s.level > 1]


def section_title(doc: Document, offset: int) -> str:
    """The title of the innermost heading above `offset` (below the document's title), or ""."""
    chain = heading_chain(doc, offset)
    return chain[0].title if chain else ""
