"""Entry point: `statement-reader` and `python -m reader`. Qt is imported only for the window."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO, cast

from reader import cli, paths
from reader.core.errors import ReaderError, unexpected_error
from reader.core.printable import PrintableWriter
from reader.core.translation import _
from reader.log_setup import log_to_file


def main(argv: Sequence[str] | None = None) -> int:
    stderr = sys.stderr
    # Sentences on stderr quote file names, ids and arguments: no control character of theirs
    # reaches the terminal.
    sys.stderr = cast(TextIO, PrintableWriter(stderr))
    try:
        return _main(argv)
    finally:
        sys.stderr = stderr


def _main(argv: Sequence[str] | None) -> int:
    args = cli.parse(argv)
    try:
        folders = paths.resolve(getattr(args, "data_dir", None))
    except ReaderError as error:
        sys.stderr.write(f"{cli.PROG}: {error}\n")
        return cli.EXIT_USAGE
    try:
        if args.command is None and (args.install_desktop or args.uninstall_desktop):
            from reader.cli import desktop

            return (desktop.install_desktop if args.install_desktop else desktop.uninstall_desktop)(
                sys.stdout
            )
        if args.command is None:
            missing = _missing_files(args.files)
            if missing:
                sys.stderr.write(f"{cli.PROG}: {missing}\n")
                return cli.EXIT_USAGE
            from reader.ui.app import run_gui  # Qt is loaded only for the window

            return run_gui(folders, args.files, exit_after_paint=args.exit_after_paint)
        log_to_file(folders, logging.WARNING)
        return cli.run(args, folders)
    except BrokenPipeError:
        # The reader of our output went away (`| head`); that is not an error.
        sys.stderr.close()
        return 0
    except ReaderError as error:
        sys.stderr.write(f"{cli.PROG}: {error}\n")
        return cli.EXIT_USAGE
    except Exception:
        sys.stderr.write(f"{cli.PROG}: {_report_bug(folders)}\n")
        return 1


def _missing_files(files: Sequence[Path]) -> str:
    """A sentence naming the first file that is not there (a mistyped command, often)."""
    for file in files:
        if not file.exists():
            commands = ", ".join(sorted(cli.COMMANDS))
            return _("{file} is neither a file nor a command (the commands: {commands}).").format(
                file=file, commands=commands
            )
    return ""


def _report_bug(folders: paths.Folders) -> str:
    """Write the traceback to the log file; the sentence says where it went, or, on a full
    disk or a read-only cache, why it could not go there (never the traceback itself)."""
    try:
        paths.ensure(folders.cache)
        with folders.log_file.open("a", encoding="utf-8") as log:
            log.write(traceback.format_exc())
    except (OSError, ReaderError) as failure:
        reason = failure.strerror if isinstance(failure, OSError) else None
        return _(
            "An unexpected error occurred in the command, and its details could not be "
            "written to {log_file} ({reason})."
        ).format(log_file=folders.log_file, reason=reason or str(failure).rstrip("."))
    return unexpected_error(_("the command"), folders.log_file)


if __name__ == "__main__":
    sys.exit(main())
