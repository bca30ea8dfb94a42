"""Where an export command's text goes: the terminal, or with -o FILE that file."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO, cast

from reader.core.export import write_export
from reader.core.printable import PrintableWriter

BOLD, RESET = "\033[1m", "\033[0m"  # the only control sequences the commands write


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
    out.write(f"{what} written to {output}\n")
