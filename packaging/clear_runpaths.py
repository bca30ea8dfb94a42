"""Drops the build machine's folders from the bundle's library search paths (RUNPATH):
python packaging/clear_runpaths.py BUNDLE_FOLDER.

A Python built by pyenv gives libpython and its extension modules a RUNPATH such as
/root/.pyenv/versions/3.11.7/lib; on another machine that folder could hold a different
libpython, loaded ahead of the bundle's own. Entries relative to the library ($ORIGIN,
which PySide6 uses to find Qt) stay.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def is_elf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def clear(path: Path) -> bool:
    """True if `path` had a RUNPATH outside the bundle, now gone."""
    shown = subprocess.run(["patchelf", "--print-rpath", str(path)], capture_output=True, text=True)
    entries = [e for e in shown.stdout.strip().split(":") if e] if shown.returncode == 0 else []
    kept = [e for e in entries if e.startswith("$ORIGIN")]
    if kept == entries:
        return False
    if kept:
        subprocess.run(["patchelf", "--set-rpath", ":".join(kept), str(path)], check=True)
    else:
        subprocess.run(["patchelf", "--remove-rpath", str(path)], check=True)
    return True


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit("usage: clear_runpaths.py BUNDLE_FOLDER")
    files = [p for p in Path(sys.argv[1]).rglob("*") if p.is_file() and not p.is_symlink()]
    cleared = sum(clear(p) for p in files if is_elf(p))
    print(f"cleared the build machine's RUNPATH from {cleared} files")


if __name__ == "__main__":
    main()
