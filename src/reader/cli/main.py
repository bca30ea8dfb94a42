"""The command line: the same library from a terminal, using the core only (never Qt)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn, TextIO

from reader import __version__, paths
from reader.core.documents.document import Document
from reader.core.errors import ReaderError
from reader.core.files import display_name
from reader.core.library.library import Library
from reader.core.translation import _, language_from_environment, use_language
from reader.resource_access import resource_folder

PROG = "statement-reader"
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one sentence and exit code 2, with no usage dump."""

    def error(self, message: str) -> NoReturn:
        sentence = message[0].upper() + message[1:]
        hint = _("Try '{prog} --help'.").format(prog=PROG)
        sys.stderr.write(f"{PROG}: {sentence}. {hint}\n")
        raise SystemExit(EXIT_USAGE)


# Every command's name: with none of them (nor --help) on the line, the window opens, and
# only the small parser below is built, so the window does not wait for the commands'
# modules (recommendations, notes, catalogue: about 35 ms of imports).
COMMANDS = frozenset({
    "list", "show", "search", "index", "recommendations", "topics", "notes", "import", "remove",
    "team",
})  # fmt: skip


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    common = _Parser(add_help=False)  # typed as the subparsers' class, which `parents` expects
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=_("keep all data, settings and caches in DIR (also ${variable})").format(
            variable=paths.DATA_DIR_ENV
        ),
    )
    parser = _Parser(
        prog=PROG,
        parents=[common],
        description=_(
            "Read, search and annotate policy statements. With no command, opens the window "
            "({prog} [FILE...] imports the files, or shows them if already in the library)."
        ).format(prog=PROG),
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument(
        "--exit-after-paint",
        action="store_true",
        help=_("diagnostic: open the window, print the time to its first paint, and exit"),
    )
    desktop = parser.add_mutually_exclusive_group()
    desktop.add_argument(
        "--install-desktop",
        action="store_true",
        help=_("add the app to the desktop's menu and file associations (under $XDG_DATA_HOME)"),
    )
    desktop.add_argument(
        "--uninstall-desktop", action="store_true", help=_("remove what --install-desktop added")
    )
    if not with_commands:
        parser.add_argument(
            "files",
            nargs="*",
            type=Path,
            metavar="FILE",
            help=_("statements to import (or open, if in the library already), or notes to merge"),
        )
        parser.set_defaults(command=None)
        return parser
    _add_commands(parser, common)
    return parser


def _add_commands(parser: argparse.ArgumentParser, common: _Parser) -> None:
    from reader.cli import library as cli_library
    from reader.cli import notes as cli_notes
    from reader.cli import recommendations as cli_recommendations
    from reader.cli import search as cli_search
    from reader.cli import team as cli_team

    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    listing = commands.add_parser(
        "list", parents=[common], help=_("list the documents in the library")
    )
    listing.add_argument("--json", action="store_true", help=_("print JSON"))
    show = commands.add_parser(
        "show", parents=[common], help=_("print a document's canonical text")
    )
    show.add_argument("doc", metavar="DOC", help=_("the document's id (see 'list')"))
    show.add_argument(
        "--json", action="store_true", help=_("print metadata, text, blocks, sentences")
    )
    cli_search.add_commands(commands, common)
    cli_recommendations.add_commands(commands, common)
    cli_notes.add_commands(commands, common)
    cli_library.add_commands(commands, common)
    cli_team.add_commands(commands, common)


def run(args: argparse.Namespace, folders: paths.Folders, out: TextIO = sys.stdout) -> int:
    """Run a command; a ReaderError becomes one sentence on stderr and exit code 2."""
    from reader.cli import library as cli_library
    from reader.cli import notes as cli_notes
    from reader.cli import recommendations as cli_recommendations
    from reader.cli import search as cli_search
    from reader.cli.output import for_terminal, forget_warnings

    forget_warnings()
    out = for_terminal(out)
    try:
        if args.command == "import":
            return cli_library.run_import(args, folders, out)
        if args.command == "remove":
            cli_library.run_remove(args, folders, out)
            return 0
        if args.command == "team":
            from reader.cli import team as cli_team

            return cli_team.run_team(args, folders, out)
        library = cli_library.open_library(resource_folder(), folders)
        if args.command == "list":
            _print_list(library, args.json, out)
        elif args.command == "show":
            _print_document(library.get(args.doc), args.json, out)
        elif args.command == "search":
            cli_search.run_search(args, library, folders, out)
        elif args.command == "index":
            cli_search.run_index(args, library, folders, out)
        elif args.command == "recommendations":
            cli_recommendations.run_recommendations(args, library, folders, out)
        elif args.command == "topics":
            cli_recommendations.run_topics(args, library, folders, out)
        elif args.command == "notes":
            return cli_notes.run_notes(args, library, folders, out)
    except ReaderError as error:
        sys.stderr.write(f"{PROG}: {error}\n")
        return EXIT_USAGE
    return 0


def document_summary(doc: Document) -> dict[str, Any]:
    meta = doc.metadata
    return {
        "id": doc.id,
        "title": meta.title,
        "short_title": meta.short_title,
        "date": meta.date_iso,
        "place": meta.place,
        "organizations": list(meta.organizations),
        "kind": doc.kind,
        "source": meta.source,
        "source_url": meta.source_url,
    }


def document_detail(doc: Document) -> dict[str, Any]:
    detail = document_summary(doc)
    detail["text"] = doc.text
    detail["blocks"] = [
        {"kind": b.kind.value, "level": b.level, "marker": b.marker, "start": b.start, "end": b.end}
        for b in doc.blocks
    ]
    detail["sentences"] = [
        {"start": s.start, "end": s.end, "block": s.block, "text": doc.sentence_text(s)}
        for s in doc.sentences
    ]
    return detail


def _print_list(library: Library, as_json: bool, out: TextIO) -> None:
    if as_json:
        _dump([document_summary(doc) for doc in library], out)
        return
    for doc in library:
        meta = doc.metadata
        details = " · ".join(p for p in (meta.date_label, meta.place, _kind_word(doc.kind)) if p)
        out.write(f"{doc.id}\n    {meta.title}\n    {details}\n")


def _kind_word(kind: str) -> str:
    """Where the document comes from, in words ("bundled", "imported")."""
    return {"bundled": _("bundled"), "imported": _("imported")}.get(kind, kind)


def _print_document(doc: Document, as_json: bool, out: TextIO) -> None:
    if as_json:
        _dump(document_detail(doc), out)
    else:
        out.write(doc.text + "\n")


def _dump(value: object, out: TextIO) -> None:
    import json

    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The command line's arguments; first the language of its sentences, from the
    environment as gettext would choose it (the window chooses again, from its setting)."""
    use_language(language_from_environment())
    words = list(sys.argv[1:] if argv is None else argv)
    args = _plain_window_line(words) or build_parser(
        with_commands=_names_a_command(words)
    ).parse_args(words)
    # Text given as bytes that are not UTF-8 arrives with lone surrogates, which SQLite
    # refuses: each such byte becomes U+FFFD. Paths stay as given, to open the very file:
    # the FILE arguments are Paths, and --data-dir, a str, is one too.
    for key, value in vars(args).items():
        if key == "data_dir":
            continue
        if isinstance(value, str):
            setattr(args, key, display_name(value))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            setattr(args, key, [display_name(v) for v in value])
    return args


def _plain_window_line(words: list[str]) -> argparse.Namespace | None:
    """The window's usual line (--data-dir, --exit-after-paint, files) read without building
    argparse's parser, which took 4-14 ms of the window's start-up; None for anything else
    (help, a command, another option, an error), which the parser reads and answers."""
    args = argparse.Namespace(
        exit_after_paint=False, install_desktop=False, uninstall_desktop=False, command=None
    )
    files: list[str] = []
    split = False  # an option came after files: more files are the parser's error to give
    rest = iter(words)
    for word in rest:
        if word == "--" and not split:
            files.extend(rest)
        elif word == "--exit-after-paint":
            args.exit_after_paint, split = True, bool(files)
        elif word == "--data-dir" or word.startswith("--data-dir="):
            value = word.partition("=")[2] if "=" in word else next(rest, None)
            if not value or value.startswith("-"):
                return None  # the parser says what is missing
            args.data_dir, split = value, bool(files)
        elif word.startswith("-") or word in COMMANDS or split:
            return None
        else:
            files.append(word)
    args.files = [Path(file) for file in files]
    return args


def _names_a_command(words: list[str]) -> bool:
    """True if the line names a command (or asks for help); else the window opens, with the
    other words as files to open, and no command module is loaded."""
    if {"-h", "--help"} & set(words):
        return True
    values = {i + 1 for i, word in enumerate(words) if word == "--data-dir"}
    for i, word in enumerate(words):
        if word == "--":
            return False  # what follows is files, whatever their names
        if not word.startswith("-") and i not in values:
            return word in COMMANDS  # the first word that is no option decides
    return False
