"""The one way to reach files shipped in resources/, in a wheel, an editable install or a bundle."""

from __future__ import annotations

import functools
from importlib.util import find_spec
from pathlib import Path


@functools.cache  # the import system's search, ~0.2 ms, ran once per icon before the paint
def resource_folder() -> Path:
    """The folder of the reader.resources package, as the import system finds it.

    Not importlib.resources.files(): it gives the same folder for every install this app
    supports (on disk: wheel, editable, PyInstaller), but imports tempfile, shutil, lzma and
    bz2 on the way, 10-40 ms before the window's first paint.
    """
    spec = find_spec("reader.resources")
    assert spec is not None and spec.submodule_search_locations, "reader.resources is missing"
    return Path(next(iter(spec.submodule_search_locations)))


def resource_path(name: str) -> Path:
    return resource_folder() / name
