"""Where the user's data, settings and caches live: flag, then environment, then the platform."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import DataFolderError
from reader.core.translation import _

APP_DIR_NAME = "statement-reader"
DATA_DIR_ENV = "STATEMENT_READER_DATA_DIR"


@dataclass(frozen=True)
class Folders:
    data: Path
    config: Path
    cache: Path
    overridden: bool = False

    @property
    def index(self) -> Path:
        return self.cache / "index"

    @property
    def log_file(self) -> Path:
        return self.cache / "statement-reader.log"


def resolve(data_dir: str | None, environ: Mapping[str, str] = os.environ) -> Folders:
    """Nothing is created here: folders are made when first written (see ensure)."""
    if data_dir is not None and not data_dir.strip():
        # An empty --data-dir (an unset variable in a script) must not mean the real folders.
        raise DataFolderError(_("--data-dir needs a folder; it was given an empty one."))
    chosen = data_dir or environ.get(DATA_DIR_ENV)
    if chosen:
        base = Path(chosen).expanduser().absolute()
        return Folders(base, base / "config", base / "cache", overridden=True)
    import platformdirs  # only for the platform's folders: a given folder needs none of it

    return Folders(
        platformdirs.user_data_path(APP_DIR_NAME),
        platformdirs.user_config_path(APP_DIR_NAME),
        platformdirs.user_cache_path(APP_DIR_NAME),
    )


def ensure(folder: Path) -> Path:
    """Create `folder` (private to the user) if needed, or say in a sentence why it cannot be."""
    missing = [folder, *(p for p in folder.parents if not p.exists())]
    try:
        # Each missing level gets 0700: mkdir(parents=True) would make the parents 0755.
        for level in reversed([p for p in missing if not p.exists()]):
            level.mkdir(mode=0o700, exist_ok=True)
    except OSError as error:
        reason = error.strerror or str(error)
        raise DataFolderError(
            _("The folder {folder} cannot be created: {reason}.").format(
                folder=folder, reason=reason
            )
        ) from error
    return folder
