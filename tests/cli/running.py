"""The command line run as a test needs it: in a fresh interpreter, or here, output captured.

`fresh_python` also serves the tests that prove something of a clean start (tests/test_layers.py,
tests/core/test_faces.py): what a first import loads cannot be seen from inside pytest.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from reader import cli, paths


def fresh_python(
    *args: str, cwd: Path | None = None, env: Mapping[str, str] | None = None, timeout: int = 60
) -> subprocess.CompletedProcess[str]:
    """`python ARGS` in a fresh interpreter, with the test's isolated environment (or `env`)."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=dict(os.environ if env is None else env),
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
        check=False,
    )


def reader(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -m reader ARGS` in a fresh interpreter, with the test's isolated environment."""
    return fresh_python("-m", "reader", *args, cwd=cwd)


def run_in_process(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    parsed = cli.parse(list(args))
    code = cli.run(parsed, paths.resolve(getattr(parsed, "data_dir", None)), out=out)
    return code, out.getvalue()
