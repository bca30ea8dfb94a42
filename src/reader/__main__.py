"""Entry point: `statement-reader` and `python -m reader`. The window is imported only when needed."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from reader import cli, paths


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.parse(argv)
    folders = paths.resolve(getattr(args, "data_dir", None))
    if args.command is None:
        from reader.ui.app import run_gui  # Qt is loaded only for the window

        return run_gui(folders, exit_after_paint=args.exit_after_paint)
    try:
        return cli.run(args, folders)
    except BrokenPipeError:
        # The reader of our output went away (`| head`); that is not an error.
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
