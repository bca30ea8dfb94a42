"""The desktop's files for the app (launcher entry, AppStream metainfo, icons) and where each
goes under a data folder: /usr/share for the Debian package, XDG_DATA_HOME for a user."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from reader import APP_ID, ICON_SIZES
from reader.core.errors import ReaderError
from reader.core.translation import _
from reader.resource_access import resource_path

DESKTOP_FILE = f"{APP_ID}.desktop"
METAINFO_FILE = f"{APP_ID}.metainfo.xml"


@dataclass(frozen=True)
class DesktopFile:
    source: Path  # in resources/
    target: str  # relative to the data folder (share/)


def desktop_files() -> list[DesktopFile]:
    """Every file the desktop needs, from the app's resources."""
    icons = [
        DesktopFile(resource_path(f"icon-{size}.png"),
                    f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png")
        for size in ICON_SIZES
    ]  # fmt: skip
    return [
        DesktopFile(resource_path(DESKTOP_FILE), f"applications/{DESKTOP_FILE}"),
        DesktopFile(resource_path(METAINFO_FILE), f"metainfo/{METAINFO_FILE}"),
        DesktopFile(resource_path(f"{APP_ID}.svg"), f"icons/hicolor/scalable/apps/{APP_ID}.svg"),
        *icons,
    ]


def user_data_home(environ: Mapping[str, str] = os.environ) -> Path:
    """XDG_DATA_HOME, or ~/.local/share when it is unset or not absolute (as the spec says)."""
    chosen = environ.get("XDG_DATA_HOME", "")
    if chosen and Path(chosen).is_absolute():
        return Path(chosen)
    return Path(environ.get("HOME") or Path.home()) / ".local" / "share"


def with_command(entry: str, command: list[str]) -> str:
    """The desktop entry with Exec and TryExec naming `command` (a wheel's script or a
    venv's python need not be on the PATH a desktop session starts programs with)."""
    lines = []
    for line in entry.splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + " ".join(_exec_quoted(part) for part in command) + " %F"
        elif line.startswith("TryExec="):
            line = "TryExec=" + command[0]
        lines.append(line)
    return "\n".join(lines) + "\n"


def _exec_quoted(argument: str) -> str:
    """Quoted as the Desktop Entry spec wants: in double quotes when it holds a reserved
    character, with ", `, $ and \\ escaped (and % doubled, a field code otherwise)."""
    import shlex  # only here: --install-desktop is the one caller

    argument = argument.replace("%", "%%")
    if argument == shlex.quote(argument):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'


def install(data_home: Path, command: list[str]) -> list[Path]:
    """Write the files under `data_home`, the entry starting `command`; the paths written."""
    written = []
    try:
        for item in desktop_files():
            target = data_home / item.target
            target.parent.mkdir(parents=True, exist_ok=True)
            if item.target.startswith("applications/"):
                text = with_command(item.source.read_text(encoding="utf-8"), command)
                target.write_text(text, encoding="utf-8")
            else:
                target.write_bytes(item.source.read_bytes())
            written.append(target)
    except OSError as error:
        raise ReaderError(
            _("The desktop files cannot be written under {folder}: {reason}.").format(
                folder=data_home, reason=error.strerror or error
            )
        ) from error
    return written


def uninstall(data_home: Path) -> list[Path]:
    """Remove the files `install` wrote; the paths removed (none if there were none)."""
    removed = []
    for item in desktop_files():
        target = data_home / item.target
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise ReaderError(
                _("{target} cannot be removed: {reason}.").format(
                    target=target, reason=error.strerror or error
                )
            ) from error
        removed.append(target)
    return removed
