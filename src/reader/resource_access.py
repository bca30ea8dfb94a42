"""The one way to reach files shipped in resources/, in a wheel, an editable install or a bundle."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resource_folder() -> Path:
    return Path(str(files("reader.resources")))


def resource_path(name: str) -> Path:
    return resource_folder() / name
