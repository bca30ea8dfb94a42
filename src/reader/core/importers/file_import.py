"""Importing a user's file: its format from its extension, its blocks, metadata and content hash."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.core.documents.builder import BlockSpec, build_document, canonical_text
from reader.core.documents.document import Document, Metadata
from reader.core.files import display_name
from reader.core.importers.html_import import import_html
from reader.core.importers.markdown_import import import_markdown
from reader.core.importers.metadata_detection import detect_metadata
from reader.core.importers.parsed import ParsedFile
from reader.core.importers.pdf_import import import_pdf
from reader.core.importers.raw_file import read_bytes
from reader.core.importers.refusal import ImportRefused
from reader.core.importers.text_import import import_text
from reader.core.translation import _

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
}
_READERS: dict[str, Callable[[str, bytes], ParsedFile]] = {
    "text": import_text,
    "markdown": import_markdown,
    "html": import_html,
    "pdf": import_pdf,
}


@dataclass(frozen=True)
class ImportedStatement:
    """A user's file read into blocks and metadata, not yet given an id or stored anywhere."""

    file_name: str
    file_format: str  # "text", "markdown", "html" or "pdf"
    metadata: Metadata
    blocks: tuple[BlockSpec, ...]
    content_hash: str  # sha256 of the canonical text: the same words imported twice match
    encoding: str = ""  # the encoding the text was read in ("utf-8", "cp1251"); "" for PDF


def import_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> ImportedStatement:
    """Read `path` into a statement, or raise ImportRefused saying in one sentence why not."""
    name = display_name(path.name)
    file_format = FORMATS.get(path.suffix.lower())
    if file_format is None:
        raise ImportRefused(
            name,
            _(
                "{name} is not a kind of file Statement Reader can import (.txt, .md, .html, .pdf)."
            ).format(name=name),
        )
    parsed = _READERS[file_format](name, read_bytes(path, max_bytes))
    if not parsed.blocks:
        raise ImportRefused(name, _("{name} holds no text to import.").format(name=name))
    metadata = detect_metadata(parsed.blocks, parsed.head, name, parsed.hints)
    blocks = tuple(parsed.blocks)
    return ImportedStatement(
        name, file_format, metadata, blocks, content_hash(blocks), parsed.encoding
    )


def to_document(imported: ImportedStatement, doc_id: str) -> Document:
    blocks = list(imported.blocks)
    return build_document(doc_id, "imported", imported.metadata, blocks, imported.content_hash)


def content_hash(blocks: tuple[BlockSpec, ...]) -> str:
    """sha256 of the canonical text the blocks lay out into (metadata and file name aside)."""
    text = canonical_text(list(blocks))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
