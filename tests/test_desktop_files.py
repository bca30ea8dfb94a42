"""The desktop's files: valid for desktop-file-validate and appstreamcli, the icon in every
size, and --install-desktop / --uninstall-desktop under the user's XDG data folder."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from reader import desktop_files
from reader.desktop_files import APP_ID, ICON_SIZES
from reader.resource_access import resource_path
from tests.cli.running import reader

MIME_TYPES = {"text/plain", "text/markdown", "text/html", "application/pdf", "application/json"}


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: `make test` installs it (packaging/system-deps.sh)")
    return found


def entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys keep their case
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def validate_desktop(path: Path) -> None:
    result = subprocess.run([tool("desktop-file-validate"), str(path)], capture_output=True,
                            text=True, check=False)  # fmt: skip
    # It exits 0 on hints and on errors it calls "fatal in the future": no output is the bar.
    assert (result.returncode, result.stdout + result.stderr) == (0, "")


def test_the_desktop_entry_is_valid_and_opens_every_kind_of_file() -> None:
    path = resource_path(desktop_files.DESKTOP_FILE)
    validate_desktop(path)
    section = entry(path)
    assert MIME_TYPES <= set(section["MimeType"].rstrip(";").split(";"))
    assert section["Exec"] == "statement-reader %F"
    assert section["Icon"] == APP_ID


def test_the_metainfo_is_valid_with_screenshots_releases_and_a_content_rating() -> None:
    path = resource_path(desktop_files.METAINFO_FILE)
    command = [tool("appstreamcli"), "validate", "--no-net", "--pedantic", "--strict", str(path)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    root = ET.parse(path).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == desktop_files.DESKTOP_FILE
    assert root.find("description/p") is not None
    assert root.findall("screenshots/screenshot/image")
    assert root.find("releases/release/description") is not None
    assert root.find("content_rating") is not None


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_the_icon_is_scalable_and_rendered_in_every_size() -> None:
    svg = ET.parse(resource_path(f"{APP_ID}.svg")).getroot()
    assert svg.tag == "{http://www.w3.org/2000/svg}svg" and svg.get("viewBox")
    for size in ICON_SIZES:
        assert png_size(resource_path(f"icon-{size}.png")) == (size, size)


def installed(data_home: Path) -> list[Path]:
    return sorted(p for p in data_home.rglob("*") if p.is_file() and APP_ID in p.name)


def test_install_desktop_writes_the_files_under_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(data_home))
    result = reader("--install-desktop", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    expected = sorted(data_home / f.target for f in desktop_files.desktop_files())
    assert installed(data_home) == expected
    assert result.stdout == f"Installed {len(expected)} desktop files under {data_home}.\n"
    launcher = data_home / "applications" / desktop_files.DESKTOP_FILE
    validate_desktop(launcher)
    command = entry(launcher)["Exec"]
    assert command.endswith(" -m reader %F") and Path(command.split()[0]).is_absolute()

    removed = reader("--uninstall-desktop", cwd=tmp_path)
    assert removed.returncode == 0, removed.stderr
    assert installed(data_home) == []
    assert removed.stdout == f"Removed {len(expected)} desktop files from {data_home}.\n"


def test_the_exec_line_quotes_a_path_with_spaces() -> None:
    text = desktop_files.with_command("Exec=x %F\nTryExec=x\n", ["/opt/my apps/sr", "-m", "r"])
    assert text.splitlines() == ['Exec="/opt/my apps/sr" -m r %F', "TryExec=/opt/my apps/sr"]


def test_xdg_data_home_unset_or_relative_means_local_share() -> None:
    home = {"HOME": "/home/a"}
    assert desktop_files.user_data_home(home) == Path("/home/a/.local/share")
    relative = {**home, "XDG_DATA_HOME": "rel"}
    assert desktop_files.user_data_home(relative) == Path("/home/a/.local/share")
    assert desktop_files.user_data_home({**home, "XDG_DATA_HOME": "/x"}) == Path("/x")


def test_an_unwritable_data_home_is_one_sentence(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    with pytest.raises(desktop_files.ReaderError, match="cannot be written under"):
        desktop_files.install(blocked, ["/bin/true"])
