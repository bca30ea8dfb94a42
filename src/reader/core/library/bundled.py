"""Reads the statements shipped in resources/: structured JSON made from the web captures."""

from __future__ import annotations

from pathlib import Path

from reader.core.documents.document import Document
from reader.core.errors import ResourceError
from reader.core.library.statement_record import document_from_json
from reader.core.translation import _

BUNDLED_IDS = ("elbe-group-2018-naples", "ac-riac-2013-washington")


def load_bundled(folder: Path) -> list[Document]:
    """The bundled statements, in their fixed order."""
    return [load_statement(folder / f"{doc_id}.json") for doc_id in BUNDLED_IDS]


def load_statement(path: Path) -> Document:
    try:
        return document_from_json(path.read_text(encoding="utf-8"), "bundled")
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise ResourceError(
            _(
                "The bundled statement {name} cannot be read ({reason}); reinstall the application."
            ).format(name=path.name, reason=_reason(error))
        ) from error


def _reason(error: Exception) -> str:
    """What went wrong, in words: "No such file or directory", not "[Errno 2] ... '/long/path'"."""
    if isinstance(error, KeyError):
        return _("the entry {entry} is missing").format(entry=error)
    if isinstance(error, OSError) and error.strerror:
        return error.strerror
    return str(error)
