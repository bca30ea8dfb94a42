"""`--install-desktop` and `--uninstall-desktop`: the app in the user's desktop menu and file
associations, for an install (a wheel, a virtual environment) that has no package to do it."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import TextIO

from reader import desktop_files
from reader.core.translation import ngettext


def own_command() -> list[str]:
    """How the desktop should start this very app: the bundle's executable, the script that
    is running, or this Python with -m reader."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).absolute())]
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name == "statement-reader" and script.is_file():
        return [str(script.absolute())]
    return [str(Path(sys.executable).absolute()), "-m", "reader"]


def install_desktop(out: TextIO) -> int:
    home = desktop_files.user_data_home()
    written = desktop_files.install(home, own_command())
    _refresh_caches(home)
    count = len(written)
    out.write(
        ngettext(
            "Installed {count} desktop file under {home}.",
            "Installed {count} desktop files under {home}.",
            count,
        ).format(count=count, home=home)
        + "\n"
    )
    return 0


def uninstall_desktop(out: TextIO) -> int:
    home = desktop_files.user_data_home()
    removed = desktop_files.uninstall(home)
    _refresh_caches(home)
    count = len(removed)
    out.write(
        ngettext(
            "Removed {count} desktop file from {home}.",
            "Removed {count} desktop files from {home}.",
            count,
        ).format(count=count, home=home)
        + "\n"
    )
    return 0


def _refresh_caches(home: Path) -> None:
    """Tell the desktop at once, where its tools are installed (they are optional: menus
    and file managers also rescan by themselves)."""
    for tool, folder in (
        ("update-desktop-database", home / "applications"),
        ("gtk-update-icon-cache", home / "icons" / "hicolor"),
    ):
        if shutil.which(tool) and folder.is_dir():
            subprocess.run([tool, "-q", str(folder)], check=False, capture_output=True)
