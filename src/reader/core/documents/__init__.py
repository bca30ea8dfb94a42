"""Documents: the model every feature reads, one canonical plain text with its blocks,
sentences and sections as ranges into it, and how such a document is built, cited and
searched for a phrase.

Exported (all cheap, so all eager: the standard library's `re` and `dataclasses` only):
`Document`, `Metadata`, `Block`, `BlockKind`, `Section` and the document helpers
`heading_chain`, `section_title` (document.py); `BlockSpec`, `build_document`,
`normalise_space` (builder.py); `split_sentences` (sentences.py); `cite` (citation.py);
`find_all` (text_find.py).
"""

from reader.core.documents.builder import BlockSpec, build_document, normalise_space
from reader.core.documents.citation import cite
from reader.core.documents.document import (
    Block,
    BlockKind,
    Document,
    Metadata,
    Section,
    heading_chain,
    section_title,
)
from reader.core.documents.sentences import split_sentences
from reader.core.documents.text_find import find_all

__all__ = [
    "Block",
    "BlockKind",
    "BlockSpec",
    "Document",
    "Metadata",
    "Section",
    "build_document",
    "cite",
    "find_all",
    "heading_chain",
    "normalise_space",
    "section_title",
    "split_sentences",
]
