"""The `import` and `remove` commands, and the library every reading command opens."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

from reader import paths
from reader.cli.output import warn
from reader.core.errors import ReaderError
from reader.core.library.catalogue import Catalogue, CatalogueError
from reader.core.library.library import Library
from reader.core.translation import _, ngettext
from reader.core.user_db import UserDatabase
from reader.core.wording import joined, number
from reader.resource_access import resource_folder

MAX_SIZE_ENV = "STATEMENT_READER_MAX_IMPORT_MB"
DEFAULT_MAX_MB = 20.0
EXIT_REFUSED = 1


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    imports = commands.add_parser(
        "import",
        parents=[common],
        help=_("import .txt, .md, .html or .pdf files into the library"),
    )
    imports.add_argument(
        "files", nargs="+", type=Path, metavar="FILE", help=_("the files to import")
    )
    imports.add_argument("--json", action="store_true", help=_("print JSON, one object per file"))
    imports.add_argument(
        "--max-size",
        type=_megabytes,
        metavar="MB",
        help=_("refuse files over MB megabytes (${variable}, else {default})").format(
            variable=MAX_SIZE_ENV, default=f"{DEFAULT_MAX_MB:g}"
        ),
    )
    remove = commands.add_parser(
        "remove", parents=[common], help=_("remove an imported document from the library")
    )
    remove.add_argument("doc", metavar="DOC", help=_("the document's id (see 'list')"))


def open_library(bundled_folder: Path, folders: paths.Folders) -> Library:
    """The bundled statements and the catalogue, if there is a database; reading never
    creates one."""
    try:
        db = UserDatabase.open_existing(folders.data)
    except ReaderError as error:  # say why the imported ones are missing; show the rest
        shown = _("Only the bundled statements are shown.")
        sys.stderr.write(f"{error} {shown}\n")
        db = None
    if db is None:
        return Library.open(bundled_folder)
    try:
        warn(db.notice)
        return Library.open(bundled_folder, db)
    finally:
        db.close()


def run_import(args: argparse.Namespace, folders: paths.Folders, out: TextIO) -> int:
    """0 if every file is in the library afterwards, EXIT_REFUSED if some were refused."""
    from reader.core.library.importing import DUPLICATE, IMPORTED, LibraryContext, import_files

    max_mb = args.max_size if args.max_size is not None else max_megabytes(os.environ)
    db = UserDatabase.open(folders.data)
    try:
        context = LibraryContext(resource_folder(), db, folders.index, int(max_mb * 1024 * 1024))
        results = import_files(args.files, context, on_notice=warn)
    finally:
        db.close()
    if args.json:
        json.dump([r.to_json() for r in results], out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for result in results:
            done = f"{result.id}  {result.title}" if result.status == IMPORTED else result.reason
            out.write(f"{result.status:<9} {result.file}\n          {done}\n")
    in_library = all(r.status in (IMPORTED, DUPLICATE) for r in results)
    return 0 if in_library else EXIT_REFUSED


def run_remove(args: argparse.Namespace, folders: paths.Folders, out: TextIO) -> None:
    """Notes and recommendation choices stay in the database, detached: importing the same
    document again gives it the same id and brings them back."""
    library = open_library(resource_folder(), folders)
    doc = library.get(args.doc)
    if doc.kind != "imported":
        raise CatalogueError(
            _("{doc_id} is bundled with Statement Reader and cannot be removed.").format(
                doc_id=doc.id
            )
        )
    db = UserDatabase.open(folders.data)
    try:
        if db.read_only:
            raise CatalogueError(
                _("{doc_id} cannot be removed: {reason}.").format(
                    doc_id=doc.id, reason=db.read_only
                )
            )
        catalogue = Catalogue(db)
        attached = catalogue.attached_rows(doc.id)
        entry = catalogue.remove(doc.id)
    finally:
        db.close()
    out.write(_("Removed {doc_id} ({title}).").format(doc_id=entry.id, title=entry.title) + "\n")
    if attached:
        out.write(f"{_attached_sentence(attached)}\n")


def max_megabytes(environ: Mapping[str, str]) -> float:
    """The size limit from the environment, else the default."""
    value = environ.get(MAX_SIZE_ENV, "")
    if not value:
        return DEFAULT_MAX_MB
    try:
        return _megabytes(value)
    except argparse.ArgumentTypeError:
        raise CatalogueError(
            _("{variable} must be a number of megabytes above 0, not '{value}'.").format(
                variable=MAX_SIZE_ENV, value=value
            )
        ) from None


def _attached_sentence(attached: Mapping[str, int]) -> str:
    parts = [_attached_rows(table, n) for table, n in attached.items()]
    return ngettext(
        "It had {parts}; it is kept, detached, and comes back if the same document is "
        "imported again.",
        "It had {parts}; they are kept, detached, and come back if the same document is "
        "imported again.",
        sum(attached.values()),
    ).format(parts=joined(parts))


def _attached_rows(table: str, count: int) -> str:
    """What `count` rows of `table` (that refer to a document) hold, in words."""
    if table == "notes":
        words = ngettext("{n} note", "{n} notes", count)
    elif table == "recommendation_overrides":
        words = ngettext("{n} recommendation choice", "{n} recommendation choices", count)
    else:
        words = ngettext("{n} row of {table}", "{n} rows of {table}", count)
    return words.format(n=number(count), table=table)


def _megabytes(value: str) -> float:
    try:
        megabytes = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a number of megabytes").format(value=value)
        ) from None
    if not megabytes > 0:
        raise argparse.ArgumentTypeError(_("must be more than 0"))
    if not math.isfinite(megabytes):  # "inf", "1e400": no number of bytes (int() would overflow)
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a finite number of megabytes").format(value=value)
        )
    return megabytes
