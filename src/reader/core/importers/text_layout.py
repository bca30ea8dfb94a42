"""Plain text to blocks: headings, nested lists, and paragraphs joined across hard line breaks.

A line that does not end a sentence, or a next line that opens in lower case, continues the
paragraph; so does, in hard-wrapped text, a line filled to the wrapping width. A short line
that does not end like a sentence and is followed by text is a heading: level 2 when a blank
line follows it, level 3 when its text follows at once (the two styles a web capture shows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.documents.builder import BlockSpec
from reader.core.documents.document import BlockKind
from reader.core.importers.headings import (
    ATX,
    UNDERLINE,
    ends_sentence,
    looks_like_heading,
    starts_sentence,
)
from reader.core.importers.list_markers import ListMarker, Nesting, match_marker, section_depth

DETACHED, ATTACHED = 2, 3  # heading levels before settle_levels() renumbers them
_WRAPPED_LONGEST = 120  # a text whose lines (but a few) are no longer than this is hard-wrapped
_WRAP_SLACK = 0.1  # of the width: proportional fonts in PDFs make line lengths uneven
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_ALNUM = re.compile(r"\w")


@dataclass(frozen=True)
class Line:
    indent: int
    text: str


def lay_out(text: str) -> list[BlockSpec]:
    """The blocks of a plain text: paragraphs, list items and headings, in order."""
    groups = _groups(text)
    width = _wrap_width([line for group in groups for line in group])
    nesting = Nesting()
    specs: list[BlockSpec] = []
    for number, group in enumerate(groups):
        following = groups[number + 1][0] if number + 1 < len(groups) else None
        specs += _GroupReader(group, width, following, nesting).read()
    return specs


def _groups(text: str) -> list[list[Line]]:
    """Runs of lines between blank lines (a line of only symbols, "* * *", counts as blank)."""
    groups: list[list[Line]] = [[]]
    for raw in text.expandtabs(4).split("\n"):
        stripped = raw.strip()
        if _ALNUM.search(stripped) or UNDERLINE.fullmatch(stripped):
            groups[-1].append(Line(len(raw) - len(raw.lstrip()), stripped))
        elif groups[-1]:
            groups.append([])
    return [group for group in groups if group]


def _wrap_width(lines: list[Line]) -> int | None:
    """The width a hard-wrapped text was wrapped at, or None if its lines run free."""
    lengths = sorted(line.indent + len(line.text) for line in lines)
    if len(lengths) < 5:
        return None
    width = lengths[int(len(lengths) * 0.95) - 1]
    filled = sum(1 for length in lengths if length >= 0.75 * width)
    return width if width <= _WRAPPED_LONGEST and filled >= 0.3 * len(lengths) else None


def _is_full(line: Line, following: Line, width: int) -> bool:
    """True when the next line's first word would not have fitted on this one."""
    room = width * (1 - _WRAP_SLACK) - (line.indent + len(line.text) + 1)
    return len(following.text.split()[0]) > room


def join_lines(parts: list[str]) -> str:
    """Lines joined with spaces; a word hyphenated at a line end keeps its hyphen, loses the gap."""
    text = parts[0]
    for part in parts[1:]:
        glued = _HYPHENATED.search(text) and part[:1].islower()
        text += part if glued else " " + part
    return text


class _GroupReader:
    """Reads the lines of one group (between blank lines) into blocks."""

    def __init__(
        self, lines: list[Line], width: int | None, following: Line | None, nesting: Nesting
    ):
        self.lines = lines
        self.width = width
        self.following = following  # the first line of the next group
        self.last = following is None
        self.nesting = nesting
        self.at = 0

    def read(self) -> list[BlockSpec]:
        specs = []
        while self.at < len(self.lines):
            spec = self._next_block()
            if spec is None or spec.kind is not BlockKind.LIST_ITEM:
                self.nesting.reset()  # a list ends where anything else comes
            if spec is not None:
                specs.append(spec)
        return specs

    def _next_block(self) -> BlockSpec | None:
        line = self.lines[self.at]
        if UNDERLINE.fullmatch(line.text):  # a rule ("---") that underlines nothing
            self.at += 1
            return None
        atx = ATX.fullmatch(line.text)
        if atx:
            self.at += 1
            return BlockSpec(BlockKind.HEADING, atx.group("text"), len(atx.group("hashes")))
        underline = self._underline(self.at)
        if underline:
            self.at += 2
            return BlockSpec(BlockKind.HEADING, line.text, 1 if underline == "=" else 2)
        marker = match_marker(line.text)
        if marker and self._numbered_heading_here(marker):
            self.at += 1
            level = DETACHED if self.at == len(self.lines) else ATTACHED
            return BlockSpec(BlockKind.HEADING, line.text, level + section_depth(marker.marker) - 1)
        if marker:
            level = self.nesting.level(line.indent)
            self.nesting.last_marker = marker.marker
            parts = self._take_continuation([marker.text], line.indent)
            return BlockSpec(BlockKind.LIST_ITEM, join_lines(parts), level, marker.marker)
        if self._heading_here():
            self.at += 1
            level = DETACHED if self.at == len(self.lines) else ATTACHED
            return BlockSpec(BlockKind.HEADING, line.text, level)
        return BlockSpec(BlockKind.PARAGRAPH, join_lines(self._take_continuation([line.text])))

    def _take_continuation(self, parts: list[str], item_indent: int | None = None) -> list[str]:
        """The lines that continue the block opened at the current line, which they consume."""
        self.at += 1
        while self.at < len(self.lines):
            previous, line = self.lines[self.at - 1], self.lines[self.at]
            if not self._continues(previous, line, item_indent):
                break
            parts.append(line.text)
            self.at += 1
        return parts

    def _continues(self, previous: Line, line: Line, item_indent: int | None) -> bool:
        if match_marker(line.text) or ATX.fullmatch(line.text) or self._underline(self.at):
            return False
        if item_indent is not None and line.indent > item_indent:
            return True  # the hanging indent of a list item
        if not starts_sentence(line.text) or not ends_sentence(previous.text):
            return True
        if line.indent > previous.indent:  # the first-line indent of a new paragraph
            return False
        return self.width is not None and _is_full(previous, line, self.width)

    def _heading_here(self) -> bool:
        line = self.lines[self.at]
        if not looks_like_heading(line.text):
            return False
        if self.at + 1 == len(self.lines):
            return not self.last  # a heading heads something
        following = self.lines[self.at + 1]
        if not (starts_sentence(following.text) or match_marker(following.text)):
            return False
        return self.width is None or not _is_full(line, following, self.width)

    def _numbered_heading_here(self, marker: ListMarker) -> bool:
        """ "1. Introduction" before a paragraph: a heading, unless it goes on a list."""
        if self.nesting.continues(marker.marker) or not section_depth(marker.marker):
            return False
        if not looks_like_heading(marker.text) or self.last and self.at + 1 == len(self.lines):
            return False
        following = self.lines[self.at + 1] if self.at + 1 < len(self.lines) else self.following
        assert following is not None  # not the last line of the text: checked above
        return starts_sentence(following.text) and not match_marker(following.text)

    def _underline(self, at: int) -> str:
        """ "=" or "-" when the line after `at` underlines it ("Title\n====="), else ""."""
        if at + 1 == len(self.lines) or match_marker(self.lines[at].text):
            return ""
        if UNDERLINE.fullmatch(self.lines[at].text):
            return ""
        found = UNDERLINE.fullmatch(self.lines[at + 1].text)
        return found.group("char") if found else ""
