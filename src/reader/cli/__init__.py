"""The command line: `statement-reader COMMAND ...`. It uses the core only, never Qt.

The face is what `__main__` needs; each command's module is imported only when it runs.
"""

from reader.cli.main import COMMANDS, EXIT_USAGE, PROG, parse, run

__all__ = ["COMMANDS", "EXIT_USAGE", "PROG", "parse", "run"]
