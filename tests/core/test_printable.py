"""Text from users and files is printed with its control characters escaped."""

import io
import logging

import pytest

from reader.core.printable import PrintableFormatter, PrintableWriter, printable

BOLD, RESET = "\033[1m", "\033[0m"


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b]0;pwned\x07", "\\x1b]0;pwned\\x07"),  # retitle the terminal
        ("\x1b]52;c;ZXZpbA==\x07", "\\x1b]52;c;ZXZpbA==\\x07"),  # set the clipboard
        ("\x1b[2J\x1b[H", "\\x1b[2J\\x1b[H"),  # clear the screen
        ("\x9b2J", "\\x9b2J"),  # the same, as one C1 character
        ("fake\rreal", "fake\\x0dreal"),  # overwrite the line
        ("abc\u202edcba", "abc\\u202edcba"),  # reorder what follows
        ("\x00\x7f", "\\x00\\x7f"),
    ],
)
def test_control_characters_are_shown_not_sent(text: str, shown: str) -> None:
    assert printable(text) == shown


def test_ordinary_text_lines_and_tabs_are_untouched() -> None:
    text = "Élan, 中文, «quotes» — and\ta tab\nand a line"
    assert printable(text) == text


def test_a_writer_lets_only_its_own_sequences_through() -> None:
    out = io.StringIO()
    PrintableWriter(out, (BOLD, RESET)).write(f"{BOLD}cue{RESET} \x1b]0;x\x07")
    assert out.getvalue() == f"{BOLD}cue{RESET} \\x1b]0;x\\x07"


def test_log_messages_are_escaped_but_their_traceback_keeps_its_lines() -> None:
    formatter = PrintableFormatter("%(levelname)s %(message)s")
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.LogRecord("r", logging.ERROR, __file__, 1, "file %s", ("a\x1b[2Jb",), True)
        import sys

        record.exc_info = sys.exc_info()
    line = formatter.format(record)
    assert line.startswith("ERROR file a\\x1b[2Jb\n") and "Traceback" in line
