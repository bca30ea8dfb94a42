"""Index generations on disk: build aside in a fresh folder, then switch to it atomically.

Layout under the index folder: CURRENT (the name of the live generation), gen-000001/ ...
Each generation holds the Whoosh files and manifest.json (schema version, passage count,
a fingerprint per document and one of them all), written after the Whoosh commit it describes.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from reader.core.errors import DataFolderError
from reader.core.translation import _

CURRENT = "CURRENT"
MANIFEST = "manifest.json"
PREFIX = "gen-"


@dataclass
class Manifest:
    schema: int
    passages: int = 0
    docs: dict[str, str] = field(default_factory=dict)
    library: str = ""  # library_fingerprint of the documents as written (passages.py)


def current_generation(root: Path) -> Path | None:
    try:
        name = (root / CURRENT).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    # Only a generation's own name ("gen-000012"): "gen-x/../.." would point out of the index.
    if not (name.startswith(PREFIX) and _is_number(name[len(PREFIX) :])):
        return None
    folder = root / name
    return folder if folder.is_dir() else None


def read_manifest(generation: Path) -> Manifest | None:
    try:
        raw = json.loads((generation / MANIFEST).read_text(encoding="utf-8"))
        docs, library = dict(raw["docs"]), str(raw.get("library", ""))
        return Manifest(int(raw["schema"]), int(raw["passages"]), docs, library)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_manifest(generation: Path, manifest: Manifest) -> None:
    data = {
        "schema": manifest.schema,
        "passages": manifest.passages,
        "library": manifest.library,
        "docs": manifest.docs,
    }
    _write_atomically(generation / MANIFEST, json.dumps(data, indent=0))


def new_build_folder(root: Path) -> Path:
    """A private folder to build the next generation in (never seen by readers)."""
    _make(root)
    folder = root / f"building-{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    _make(folder)
    return folder


def publish(root: Path, built: Path) -> Path:
    """Give `built` the next generation number and make it current; other processes may race."""
    number = _highest_number(root) + 1
    while True:
        target = root / f"{PREFIX}{number:06d}"
        try:
            built.rename(target)
            break
        except OSError:
            if not target.exists():
                raise
            number += 1  # another process published this number first
    _write_atomically(root / CURRENT, target.name)
    return target


def remove_old_generations(root: Path, keep: Path) -> None:
    """Best effort: a reader that still has an old generation open keeps its files on POSIX."""
    for folder in root.glob(f"{PREFIX}*"):
        if folder != keep and folder.name < keep.name:
            shutil.rmtree(folder, ignore_errors=True)
    for folder in root.glob("building-*"):
        if not _pid_alive(folder.name.removeprefix("building-")):
            shutil.rmtree(folder, ignore_errors=True)


def _highest_number(root: Path) -> int:
    numbers = [
        int(p.name[len(PREFIX) :])
        for p in root.glob(f"{PREFIX}*")
        if _is_number(p.name[len(PREFIX) :])
    ]
    return max(numbers, default=0)


def _write_atomically(path: Path, text: str) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _make(folder: Path) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise DataFolderError(
            _("The index folder {folder} cannot be created: {reason}.").format(
                folder=folder, reason=error.strerror
            )
        ) from error


def _is_number(text: str) -> bool:
    """ASCII digits: isdigit() alone takes "²", which int() does not."""
    return text.isascii() and text.isdigit()


def _pid_alive(pid: str) -> bool:
    if not _is_number(pid):
        return False
    try:
        os.kill(int(pid), 0)
    except (ProcessLookupError, OverflowError):  # OverflowError: no process has that number
        return False
    except PermissionError:
        return True
    return True


def why_no_index_here(root: Path) -> str:
    """Why `root` can hold no index ("" if it can): it has none and cannot be written to.

    A folder with an index is left to its own sentences: its trouble is the user's to know.
    """
    if current_generation(root) is not None:
        return ""
    try:
        _make(root)
        probe, name = tempfile.mkstemp(prefix=".probe-", dir=root)
        os.close(probe)
        os.unlink(name)
    except DataFolderError as error:
        return str(error)
    except OSError as error:
        return _("The index folder {folder} cannot be written to: {reason}.").format(
            folder=root, reason=error.strerror
        )
    return ""
