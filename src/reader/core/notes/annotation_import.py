"""Importing notes from W3C Web Annotation JSON (a backup, another laptop's export, another
tool's annotations) or a Hypothesis export file; which of the two is told by its shape.

Notes are matched by id: a note already here is replaced only by a newer copy (by
`modified`), so importing the same file twice changes nothing, and a deleted note (a
tombstone) comes back only if the file has a copy changed after the deletion.

Notes on documents that are not in the library are kept (shown as detached, with their
document's id) and counted in the report, never dropped: the document may be imported
later, and the notes then find their place by their quotes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reader.core.documents.document import Document
from reader.core.errors import ReaderError
from reader.core.files import FileTooLarge, NotARegularFile, read_regular
from reader.core.notes.annotation_fields import load_json
from reader.core.notes.hypothesis import is_hypothesis_file, parse_hypothesis
from reader.core.notes.note import Note, is_newer
from reader.core.notes.store import NotesStore
from reader.core.notes.web_annotation_parse import notes_from
from reader.core.translation import _


@dataclass(frozen=True)
class ImportReport:
    added: int = 0
    updated: int = 0  # replaced by a newer copy (a tombstone included)
    unchanged: int = 0  # the copy here is as new or newer
    kept_deleted: int = 0  # deleted here after the file's copy was made: left deleted
    unknown_documents: tuple[str, ...] = ()  # documents not in the library, named

    def __str__(self) -> str:
        text = _(
            "Notes imported: {added} added, {updated} updated, {unchanged} unchanged, "
            "{kept_deleted} left deleted."
        ).format(
            added=self.added,
            updated=self.updated,
            unchanged=self.unchanged,
            kept_deleted=self.kept_deleted,
        )
        if self.unknown_documents:
            ids = ", ".join(self.unknown_documents)
            text += " " + _(
                "Some are on documents not in the library ({ids}); they are kept as detached."
            ).format(ids=ids)
        return text


MAX_FILE_BYTES = 256 * 1024 * 1024  # some 250,000 notes; a larger file is not an export of ours


def read_annotation_file(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The text of a Web Annotation JSON file the user chose, or a ReaderError saying why
    not: a folder, a pipe or device (which would block or never end), too large, not UTF-8."""
    try:
        data = read_regular(path, max_bytes)
    except IsADirectoryError:
        raise ReaderError(_("The file {path} is a folder, not a file.").format(path=path)) from None
    except NotARegularFile:
        raise ReaderError(_("The file {path} is not a regular file.").format(path=path)) from None
    except FileTooLarge:
        raise ReaderError(
            _("The file {path} is over the {limit} MB limit for notes.").format(
                path=path, limit=max_bytes // (1024 * 1024)
            )
        ) from None
    except OSError as error:
        reason = error.strerror or str(error)
        raise ReaderError(
            _("The file {path} cannot be read: {reason}.").format(path=path, reason=reason)
        ) from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ReaderError(
            _("The file {path} is not Web Annotation JSON: it is not UTF-8 text.").format(path=path)
        ) from None


def import_annotations(
    store: NotesStore, json_text: str, documents: Mapping[str, Document]
) -> ImportReport:
    """Merge the notes of a Web Annotation JSON export into `store`, in one transaction.

    `documents`: the library's documents by id (`Library.by_id()`), to place the notes
    and count those on documents it does not hold. A file that is not
    such JSON raises AnnotationFormatError (a ReaderError) and changes nothing.
    """
    notes, titles = read_notes(json_text, documents)
    incoming = _newest_by_id(notes)
    counts, to_write = merge(store, incoming)
    if to_write:
        store.write_imported(to_write)
    unknown = {n.doc_id for n in incoming if n.doc_id not in documents}
    named = tuple(sorted(_named(doc_id, titles.get(doc_id, "")) for doc_id in unknown))
    return ImportReport(**counts, unknown_documents=named)


def read_notes(
    json_text: str, documents: Mapping[str, Document]
) -> tuple[list[Note], dict[str, str]]:
    """The notes of a W3C or Hypothesis file, and the titles the file gives documents that
    are not in the library; AnnotationFormatError (one sentence) if it cannot be read whole."""
    value = load_json(json_text)
    if is_hypothesis_file(value):
        return parse_hypothesis(value, documents)
    return notes_from(value, documents), {}


def _named(doc_id: str, title: str) -> str:
    return f"“{title}” ({doc_id})" if title and title != doc_id else doc_id


def merge(store: NotesStore, notes: list[Note]) -> tuple[dict[str, int], list[Note]]:
    """What merging `notes` (one per id) into `store` comes to: the counts of each outcome,
    and the notes to write. The team sync merges by these same rules, inside its own
    transaction (the store's reads take part in it)."""
    counts = {"added": 0, "updated": 0, "unchanged": 0, "kept_deleted": 0}
    to_write = []
    for note in notes:
        outcome = merge_outcome(store.get(note.id, include_deleted=True), note)
        counts[outcome] += 1
        if outcome in ("added", "updated"):
            to_write.append(note)
    return counts, to_write


def merge_outcome(local: Note | None, incoming: Note) -> str:
    """The rule: a note not here is added; one here is replaced only by a newer copy, a
    tombstone included (a deletion is a change like any other, and newer wins)."""
    if local is None:
        return "added"
    if is_newer(incoming.modified, local.modified):
        return "updated"
    return "kept_deleted" if local.deleted else "unchanged"


def _newest_by_id(notes: list[Note]) -> list[Note]:
    """One note per id (the newest, should a file hold several copies), in file order."""
    newest: dict[str, Note] = {}
    for note in notes:
        held = newest.get(note.id)
        if held is None or is_newer(note.modified, held.modified):
            newest[note.id] = note
    return list(newest.values())
