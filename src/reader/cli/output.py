"""Where an export command's text goes: the terminal, or with -o FILE that file."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from reader.core.export import write_export


def emit(text: str, output: Path | None, out: TextIO, what: str) -> None:
    """`text` to `out`, or written to `output` (all or nothing) with "`what` written to ..."
    on `out`; a ReaderError if the file cannot be written."""
    if output is None:
        out.write(text)
        return
    write_export(output, text)
    out.write(f"{what} written to {output}\n")
