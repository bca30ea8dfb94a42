"""A notes file written or read for the window: the core's export and import, with the
report sentence the status line shows."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from reader.core.documents.document import Document
from reader.core.errors import ReaderError
from reader.core.export import ExportFormat, write_export
from reader.core.notes.agents import Creator
from reader.core.notes.annotation_import import import_annotations, read_annotation_file
from reader.core.notes.export import export_notes
from reader.core.notes.note import Note
from reader.core.notes.store import NotesStore


def write_notes_file(
    path: Path,
    notes: Sequence[Note],
    documents: Mapping[str, Document],
    fmt: ExportFormat,
    creator: Creator,
) -> Path:
    """Write the notes (off the GUI thread: it touches no widget); a ReaderError says why not."""
    write_export(path, export_notes(notes, documents, fmt, creator))
    return path


def import_notes_file(store: NotesStore, path: Path, documents: Mapping[str, Document]) -> str:
    """Merge the notes of the file at `path`; the report, or the one sentence saying why not."""
    return try_import_notes_file(store, path, documents)[0]


def try_import_notes_file(
    store: NotesStore, path: Path, documents: Mapping[str, Document]
) -> tuple[str, bool]:
    """The report and True, or the sentence saying why nothing was imported and False."""
    try:
        text = read_annotation_file(path)  # its sentence names the file
    except ReaderError as error:
        return str(error), False
    try:
        return str(import_annotations(store, text, documents)), True
    except ReaderError as error:
        refused = QCoreApplication.translate("NotesFile", "{name} was not imported: {error}")
        return refused.format(name=path.name, error=error), False
