"""Plain text (.txt) to blocks: furniture lines out, then headings, lists and paragraphs."""

from __future__ import annotations

from reader.core.documents.builder import BlockSpec
from reader.core.importers.cleanup import clean_blocks
from reader.core.importers.encoding import decode_text
from reader.core.importers.furniture import default_furniture
from reader.core.importers.parsed import ParsedFile, head_of
from reader.core.importers.raw_file import refuse_binary
from reader.core.importers.text_layout import lay_out
from reader.core.translation import _


def import_text(name: str, data: bytes) -> ParsedFile:
    refuse_binary(name, data, _("a text file"))
    decoded = decode_text(name, data)
    return ParsedFile(text_blocks(decoded.text), head_of(decoded.text), encoding=decoded.encoding)


def text_blocks(text: str) -> list[BlockSpec]:
    """The blocks of a decoded plain text (line ends already "\\n")."""
    furniture = default_furniture()
    lines = furniture.remove_from_lines(text.split("\n"))
    return clean_blocks(lay_out("\n".join(lines)), furniture)
