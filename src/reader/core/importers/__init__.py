"""Importers: a user's .txt, .md, .html or .pdf file read into the bundled statements' model."""

from reader.core.importers.file_import import (
    DEFAULT_MAX_BYTES,
    FORMATS,
    ImportedStatement,
    content_hash,
    import_file,
    to_document,
)
from reader.core.importers.refusal import ImportRefused

__all__ = [
    "DEFAULT_MAX_BYTES",
    "FORMATS",
    "ImportRefused",
    "ImportedStatement",
    "content_hash",
    "import_file",
    "to_document",
]
