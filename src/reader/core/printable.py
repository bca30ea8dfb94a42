"""One rule for text we print that came from a user or a file: control characters are shown
as escapes, never sent, so a note or a file name cannot retitle or clear a terminal, fake
output, set the clipboard (OSC 52) or reorder a line (bidirectional overrides)."""

from __future__ import annotations

import logging
import re
from typing import TextIO

# C0 but for tab and line feed, DEL, C1, the bidirectional embeddings and isolates, and lone
# surrogates (bytes of a file name that were not UTF-8: no terminal can be sent them).
_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every control character written as a visible escape (\\x1b, \\u202e)."""
    return _CONTROL.sub(_escape, text)


class PrintableWriter:
    """A text stream that passes on what is written with its control characters escaped,
    but for `allowed`: the exact sequences the program itself writes (bold, reset)."""

    def __init__(self, stream: TextIO, allowed: tuple[str, ...] = ()) -> None:
        self._stream = stream
        self._allowed = re.compile("|".join(re.escape(a) for a in allowed)) if allowed else None

    def write(self, text: str) -> int:
        if self._allowed is None:
            return self._stream.write(printable(text))
        pieces, last = [], 0
        for match in self._allowed.finditer(text):
            pieces += [printable(text[last : match.start()]), match.group()]
            last = match.end()
        pieces.append(printable(text[last:]))
        return self._stream.write("".join(pieces))

    def isatty(self) -> bool:
        return self._stream.isatty()

    def flush(self) -> None:
        self._stream.flush()

    def __getattr__(self, name: str) -> object:
        return getattr(self._stream, name)  # fileno, encoding ...


class PrintableFormatter(logging.Formatter):
    """Log lines with the control characters of their messages escaped (a log is read on a
    terminal too); the traceback below a line is left as it is."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        return printable(super().formatMessage(record))
