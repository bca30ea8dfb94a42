"""Where an export command's text goes: the terminal, or with -o FILE that file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO, cast

from reader.core.export import write_export
from reader.core.printable import PrintableWriter
from reader.core.translation import _

BOLD, RESET = "\033[1m", "\033[0m"  # the only control sequences the commands write

# A command opens the user's database more than once; what it notices on opening (a damaged
# file moved aside, a disk too full to write) is news the first time only.
_warned: set[str] = set()


def warn(sentence: str) -> None:
    """`sentence` on stderr, once per command."""
    if sentence and sentence not in _warned:
        _warned.add(sentence)
        sys.stderr.write(sentence + "\n")


def positive_number(value: str) -> int:
    """An argument that counts something: a whole number from 1 (argparse names the type
    function in its own message for a ValueError, so every refusal here is worded)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("'{value}' is not a whole number").format(value=value)
        ) from None
    if number < 1:
        raise argparse.ArgumentTypeError(_("'{value}' is less than 1").format(value=value))
    return number


def forget_warnings() -> None:
    """A new command: every sentence is news again."""
    _warned.clear()


def for_terminal(out: TextIO) -> TextIO:
    """On a terminal, `out` with the control characters of what it is given escaped (text
    from notes and files could retitle or clear the terminal); elsewhere `out` as it is,
    since a pipe or file gets the data itself (JSON escapes its own)."""
    if not out.isatty():
        return out
    return cast(TextIO, PrintableWriter(out, (BOLD, RESET)))


def emit(text: str, output: Path | None, out: TextIO, what: str) -> None:
    """`text` to `out`, or written to `output` (all or nothing) with "`what` written to ..."
    on `out`; a ReaderError if the file cannot be written."""
    if output is None:
        out.write(text)
        return
    write_export(output, text)
    out.write(_("{what} written to {output}").format(what=what, output=output) + "\n")
