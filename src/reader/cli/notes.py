"""The `notes` command: add, list, export, import and delete the user's notes from a terminal,
and build a memo from them (notes_memo.py).

Reading (list, export) never creates a database and works in a read-only data folder;
writing there fails with a sentence that says why, and exit code 1 (the request was
right, the folder is not); a bad request is exit code 2, as everywhere in the CLI.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from reader import paths
from reader.cli.notes_memo import add_memo, run_memo
from reader.cli.output import emit, positive_number, warn
from reader.core.documents.document import Document
from reader.core.documents.text_find import find_all
from reader.core.export import ExportFormat
from reader.core.library.library import Library
from reader.core.notes.agents import creator_named
from reader.core.notes.anchoring import Anchoring, Placement
from reader.core.notes.annotation_import import import_annotations, read_annotation_file
from reader.core.notes.export import NOTE_FORMATS, export_notes
from reader.core.notes.note import COLORS, DEFAULT_COLOR, NoteError
from reader.core.notes.store import NotesStore
from reader.core.translation import _, ngettext
from reader.core.user_db import DatabaseError, UserDatabase
from reader.core.wording import number

EXIT_NOT_SAVED = 1
PROG = "statement-reader"
_PREVIEW = 100  # characters of a quote or note shown by `notes list`


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    notes = commands.add_parser(
        "notes", parents=[common], help=_("add, list, export, import or delete notes; a memo")
    )
    actions = notes.add_subparsers(
        dest="notes_command", metavar="ACTION", required=True, parser_class=type(notes)
    )
    _add_add(actions, common)
    listing = actions.add_parser("list", parents=[common], help=_("list the notes"))
    listing.add_argument("--doc", metavar="ID", help=_("only the notes of this document"))
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    _add_export(actions, common)
    imports = actions.add_parser(
        "import", parents=[common],
        help=_("import notes from Web Annotation JSON (an export) or a Hypothesis export file"),
    )  # fmt: skip
    imports.add_argument("file", metavar="FILE", type=Path)
    delete = actions.add_parser("delete", parents=[common], help=_("delete a note"))
    delete.add_argument("id", metavar="ID", help=_("the note's id (see 'notes list')"))
    add_memo(actions, common)


def _add_add(actions: Any, common: argparse.ArgumentParser) -> None:
    add = actions.add_parser("add", parents=[common], help=_("highlight a passage, with a note"))
    add.add_argument("doc", metavar="DOC", help=_("the document's id (see 'list')"))
    add.add_argument(
        "--quote", required=True, metavar="TEXT", help=_("the passage, as the text has it")
    )
    add.add_argument(
        "--occurrence",
        type=positive_number,
        default=1,
        metavar="N",
        help=_("the Nth place it occurs (1)"),
    )
    add.add_argument("--note", default="", metavar="TEXT", help=_("the note (Markdown allowed)"))
    add.add_argument(
        "--color", type=str.lower, choices=COLORS, default=DEFAULT_COLOR, metavar="NAME",
        help=_("the highlight's colour: {colors} ({default})").format(
            colors=", ".join(COLORS), default=DEFAULT_COLOR),
    )  # fmt: skip
    add.add_argument(
        "--tag", action="append", default=[], metavar="TAG", help=_("a tag (repeatable)")
    )


def _add_export(actions: Any, common: argparse.ArgumentParser) -> None:
    export = actions.add_parser("export", parents=[common], help=_("export notes"))
    export.add_argument("--format", required=True, choices=[f.value for f in NOTE_FORMATS])
    export.add_argument("--doc", metavar="ID", help=_("only the notes of this document"))
    export.add_argument("--tag", metavar="TAG", help=_("only the notes with this tag"))
    export.add_argument("-o", "--output", metavar="FILE", type=Path, help=_("write to FILE"))
    export.add_argument(
        "--creator", metavar="NAME", default="",
        help=_("the notes' author in json and hypothesis (default: your full name on this system)"),
    )  # fmt: skip


def run_notes(
    args: argparse.Namespace, library: Library, folders: paths.Folders, out: TextIO
) -> int:
    """Run a `notes` action; the exit code (ReaderErrors are left to the caller)."""
    if args.notes_command == "list":
        _print_list(_placements(library, folders, args.doc), args.json, out)
    elif args.notes_command == "export":
        _export(args, library, folders, out)
    elif args.notes_command == "memo":
        run_memo(args, [p.note for p in _placements(library, folders, None)], library, folders, out)
    else:
        return _change(args, library, folders, out)
    return 0


def _change(args: argparse.Namespace, library: Library, folders: paths.Folders, out: TextIO) -> int:
    if args.notes_command == "add":
        doc = library.get(args.doc)
        start, end = _find_quote(doc, args.quote, args.occurrence)
    try:
        with _writable_store(folders) as store:
            if args.notes_command == "add":
                note = store.add(doc, start, end, args.color, args.note, args.tag)
                out.write(note.id + "\n")
            elif args.notes_command == "import":
                text = read_annotation_file(args.file)
                out.write(f"{import_annotations(store, text, library.by_id())}\n")
            elif args.notes_command == "delete":
                store.delete(args.id)
                out.write(_("Note {note_id} deleted.").format(note_id=args.id) + "\n")
    except DatabaseError as error:
        sys.stderr.write(f"{PROG}: {error}\n")
        return EXIT_NOT_SAVED
    return 0


@contextmanager
def _writable_store(folders: paths.Folders) -> Iterator[NotesStore]:
    db = UserDatabase.open(folders.data)
    try:
        warn(db.notice)
        if db.read_only:
            raise DatabaseError(
                _("The notes cannot be changed: {reason}.").format(reason=db.read_only)
            )
        yield NotesStore(db)
    finally:
        db.close()


def _find_quote(doc: Document, quote: str, occurrence: int) -> tuple[int, int]:
    """The `occurrence`th place of `quote` in the text, white space collapsed; exact case
    first, then any case."""
    places = find_all(doc.text, quote, case_sensitive=True) or find_all(doc.text, quote)
    if not places:
        raise NoteError(
            _("The quote “{quote}” is not in the document {doc_id}.").format(
                quote=quote, doc_id=doc.id
            )
        )
    if occurrence > len(places):
        raise NoteError(
            ngettext(
                "The quote “{quote}” occurs {n} time in {doc_id}, not {occurrence}.",
                "The quote “{quote}” occurs {n} times in {doc_id}, not {occurrence}.",
                len(places),
            ).format(quote=quote, n=number(len(places)), doc_id=doc.id, occurrence=occurrence)
        )
    return places[occurrence - 1]


def _placements(library: Library, folders: paths.Folders, doc_id: str | None) -> list[Placement]:
    """The live notes (of one document, or all), placed in the texts as they stand now."""
    docs = [library.get(doc_id)] if doc_id else list(library)
    db = UserDatabase.open_existing(folders.data)  # reading never creates a database
    if db is None:
        return []
    try:
        warn(db.notice)
        store = NotesStore(db)
        placed = [p for doc in docs for p in store.for_document(doc)]
        if doc_id is None:  # notes on documents not in the library: kept, shown detached
            known = set(library.ids())
            orphans = [n for n in store.list() if n.doc_id not in known]
            placed += [Placement(n, Anchoring.DETACHED) for n in orphans]
        return placed
    finally:
        db.close()


def _print_list(placements: list[Placement], as_json: bool, out: TextIO) -> None:
    if as_json:
        value = [_note_json(p) for p in placements]
        out.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")
        return
    for placement in placements:
        note = placement.note
        tags = "".join(f"  #{tag}" for tag in note.tags)
        state = "  " + _("(detached)") if placement.detached else ""
        out.write(
            f"{note.id}  {note.doc_id} [{note.start}-{note.end}]  {note.color}{tags}{state}\n"
        )
        out.write(f"    “{_preview(note.quote)}”\n")
        if note.text.strip():
            out.write(f"    {_preview(note.text)}\n")
    out.write(_notes_counted(len(placements)) + "\n")


def _note_json(placement: Placement) -> dict[str, Any]:
    note, candidate = placement.note, placement.candidate
    return {
        "id": note.id,
        "doc_id": note.doc_id,
        "start": note.start,
        "end": note.end,
        "quote": note.quote,
        "prefix": note.prefix,
        "suffix": note.suffix,
        "color": note.color,
        "text": note.text,
        "tags": list(note.tags),
        "created": note.created,
        "modified": note.modified,
        "anchoring": placement.anchoring.value,
        "candidate": candidate and {
            "start": candidate.start, "end": candidate.end, "score": candidate.score
        },
    }  # fmt: skip


def _export(
    args: argparse.Namespace, library: Library, folders: paths.Folders, out: TextIO
) -> None:
    notes = [p.note for p in _placements(library, folders, args.doc)]
    if args.tag:
        notes = [n for n in notes if args.tag.casefold() in {t.casefold() for t in n.tags}]
    creator = creator_named(args.creator)
    text = export_notes(notes, library.by_id(), ExportFormat(args.format), creator)
    emit(text, args.output, out, _notes_counted(len(notes)))


def _notes_counted(count: int) -> str:
    return ngettext("{n} note", "{n} notes", count).format(n=number(count))


def _preview(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _PREVIEW else flat[: _PREVIEW - 1] + "…"
