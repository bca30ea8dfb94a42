"""The command line run as a test needs it: in a fresh interpreter, or here, output captured."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

from reader import cli, paths


def reader(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -m reader ARGS` in a fresh interpreter, with the test's isolated environment."""
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        cwd=cwd,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )


def run_in_process(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    parsed = cli.parse(list(args))
    code = cli.run(parsed, paths.resolve(getattr(parsed, "data_dir", None)), out=out)
    return code, out.getvalue()
