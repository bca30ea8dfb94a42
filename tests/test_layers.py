"""The core and the command line never import Qt: proved in a fresh interpreter."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

PROBE = textwrap.dedent(
    """
    import importlib, io, pkgutil, sys

    import reader.core
    from reader import cli, paths

    names = [m.name for m in pkgutil.walk_packages(reader.core.__path__, "reader.core.")]
    names += ["reader.cli", "reader.paths", "reader.resource_access", "reader.__main__"]
    for name in names:
        importlib.import_module(name)
    out = io.StringIO()
    assert cli.run(cli.parse(["list"]), paths.resolve(None), out=out) == 0, "list failed"
    assert "elbe-group-2018-naples" in out.getvalue()
    qt = sorted(m for m in sys.modules if m.split(".")[0] in {"PySide6", "shiboken6"})
    print(len(names), qt)
    """
)


def test_core_and_cli_never_import_qt(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=tmp_path,
        env=dict(os.environ),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    count, qt_modules = result.stdout.split(" ", 1)
    assert qt_modules.strip() == "[]"
    assert int(count) >= 10  # every core module was walked, not an empty list
