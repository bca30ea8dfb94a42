"""Markdown (.md) to blocks with markdown-it-py: headings, nested lists, paragraphs, quotes.

markdown-it-py (MIT) rather than mistune or Python-Markdown: it follows CommonMark, is the
most used Markdown parser on PyPI and gives a flat token stream that maps onto blocks
directly; inline markup (emphasis, links, code) is reduced to its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.core.documents.builder import BlockSpec
from reader.core.documents.document import BlockKind
from reader.core.importers.cleanup import clean_blocks
from reader.core.importers.dates import parse_date
from reader.core.importers.encoding import decode_text
from reader.core.importers.html_import import html_fragment_blocks
from reader.core.importers.list_markers import BULLET, match_marker
from reader.core.importers.metadata_detection import Hints
from reader.core.importers.parsed import HEAD_LINES, ParsedFile
from reader.core.importers.raw_file import refuse_binary
from reader.core.translation import _

# YAML front matter, as static site generators write it: only title and date are read.
_FRONT_MATTER = re.compile(r"\A---\n(?P<body>(?:.*\n){0,50}?)---\n")
_FRONT_FIELD = re.compile(
    r"^(?P<key>title|date|author):\s*[\"']?(?P<value>.*?)[\"']?\s*$", re.MULTILINE
)


def import_markdown(name: str, data: bytes) -> ParsedFile:
    refuse_binary(name, data, _("a Markdown file"))
    decoded = decode_text(name, data)
    text, hints = _front_matter(decoded.text)
    raw = _TokenReader(name).read(MarkdownIt("commonmark").enable("table").parse(text))
    head = [spec.text for spec in raw[:HEAD_LINES]]  # the words, without "*" and "#"
    return ParsedFile(clean_blocks(raw), head, hints, decoded.encoding)


def _front_matter(text: str) -> tuple[str, Hints]:
    found = _FRONT_MATTER.match(text)
    if found is None:
        return text, Hints()
    fields = {m.group("key"): m.group("value") for m in _FRONT_FIELD.finditer(found.group("body"))}
    hints = Hints(
        title=fields.get("title", ""),
        date=parse_date(fields.get("date", "")),
        author=fields.get("author", ""),
    )
    return text[found.end() :], hints


@dataclass
class _Item:
    level: int
    marker: str
    parts: list[str] = field(default_factory=list)
    shown: bool = False


class _TokenReader:
    """Walks markdown-it's token stream, keeping the lists and items it is inside."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.specs: list[BlockSpec] = []
        self.lists: list[list[int | str]] = []  # per open list: [next number, delimiter]
        self.items: list[_Item] = []
        self.cells: list[str] | None = None

    def read(self, tokens: list[Token]) -> list[BlockSpec]:
        for index, token in enumerate(tokens):
            self._token(token, tokens[index + 1] if index + 1 < len(tokens) else None)
        return self.specs

    def _token(self, token: Token, following: Token | None) -> None:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            self._show_item()
            start = int(token.attrGet("start") or 1)
            self.lists.append([start, token.markup] if kind == "ordered_list_open" else [0, ""])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists.pop()
        elif kind == "list_item_open":
            self.items.append(_Item(len(self.lists), self._marker()))
        elif kind == "list_item_close":
            self._show_item()
            self.items.pop()
        elif following is not None and following.type == "inline":
            self._opening(token, following)
        elif kind in ("fence", "code_block"):
            self._paragraph(token.content)
        elif kind == "html_block":
            self.specs += html_fragment_blocks(self.name, token.content)
        else:
            self._table_row(token)

    def _opening(self, token: Token, inline: Token) -> None:
        """A heading, paragraph or table cell, whose words are in the inline token after it."""
        text = _inline_text(inline)
        if token.type == "heading_open":
            self._add(BlockKind.HEADING, text, int(token.tag[1:]))
        elif token.type in ("th_open", "td_open") and self.cells is not None:
            self.cells.append(text)
        elif token.type == "paragraph_open":
            for part in _hand_numbered(_inline_lines(inline)):
                self._paragraph(part)

    def _paragraph(self, text: str) -> None:
        if self.items and not self.items[-1].shown:
            self.items[-1].parts.append(text)
        else:
            self._add(BlockKind.PARAGRAPH, text)

    def _table_row(self, token: Token) -> None:
        """A table row becomes a paragraph of its cells: statements have few tables. (Not
        joined by " | ", which is how breadcrumbs, page furniture, look.)"""
        if token.type == "tr_open":
            self.cells = []
        elif token.type == "tr_close" and self.cells is not None:
            self._add(BlockKind.PARAGRAPH, " — ".join(self.cells))
            self.cells = None

    def _marker(self) -> str:
        current = self.lists[-1]
        if not current[1]:
            return BULLET
        number = int(current[0])
        current[0] = number + 1
        return f"{number}{current[1]}"

    def _show_item(self) -> None:
        if self.items and not self.items[-1].shown:
            item = self.items[-1]
            item.shown = True
            self._add(BlockKind.LIST_ITEM, " ".join(item.parts), item.level, item.marker)

    def _add(self, kind: BlockKind, text: str, level: int = 0, marker: str = "") -> None:
        self.specs.append(BlockSpec(kind, text, level, marker))


def _inline_text(token: Token) -> str:
    return " ".join(_inline_lines(token))


def _inline_lines(token: Token) -> list[str]:
    # Pieces joined once per line: adding each to a growing string copied it every time, and
    # a 15 MB paragraph of 400,000 pieces never finished.
    lines: list[list[str]] = [[]]
    for child in token.children or ():
        if child.type in ("text", "code_inline", "image"):
            lines[-1].append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            lines.append([])
    return ["".join(pieces) for pieces in lines]


def _hand_numbered(lines: list[str]) -> list[str]:
    """The lines of a paragraph, split before each that a number or letter opens ("1.1. ...",
    "(a) ..."), which CommonMark does not take for list items: each becomes an item later."""
    parts = [[lines[0]]]
    for line in lines[1:]:
        marker = match_marker(line.strip())
        if marker is not None and marker.marker != BULLET:
            parts.append([line])
        else:
            parts[-1].append(line)  # joined once below: a paragraph may have 100,000 lines
    return [" ".join(part) for part in parts]
