"""Where data lives: flag, then environment, then the platform; folders made private, lazily."""

import os
import stat
from pathlib import Path

import platformdirs
import pytest

from reader import paths
from reader.core.errors import DataFolderError


def test_flag_wins_over_environment(tmp_path: Path) -> None:
    environ = {paths.DATA_DIR_ENV: str(tmp_path / "from-env")}
    folders = paths.resolve(str(tmp_path / "from-flag"), environ)
    assert folders.data == tmp_path / "from-flag"
    assert folders.config == tmp_path / "from-flag" / "config"
    assert folders.cache == tmp_path / "from-flag" / "cache"
    assert folders.index == tmp_path / "from-flag" / "cache" / "index"
    assert folders.overridden


def test_environment_wins_over_platform(tmp_path: Path) -> None:
    folders = paths.resolve(None, {paths.DATA_DIR_ENV: str(tmp_path / "from-env")})
    assert (folders.data, folders.overridden) == (tmp_path / "from-env", True)


def test_platform_default_follows_xdg(tmp_path: Path) -> None:
    """With neither flag nor variable, the platform's folders (here the test's XDG ones)."""
    folders = paths.resolve(None, {})
    assert folders.data == platformdirs.user_data_path("statement-reader")
    assert folders.config == platformdirs.user_config_path("statement-reader")
    assert folders.cache == platformdirs.user_cache_path("statement-reader")
    assert not folders.overridden
    assert folders.data.is_relative_to(tmp_path)  # the isolation fixture is in force


def test_relative_and_home_paths_become_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert paths.resolve("portable", {}).data == tmp_path / "portable"
    assert paths.resolve("~/data", {}).data == Path.home() / "data"


def test_resolve_creates_nothing(tmp_path: Path) -> None:
    folders = paths.resolve(str(tmp_path / "lazy"), {})
    assert not folders.data.exists() and not folders.cache.exists()


def test_ensure_creates_a_private_folder(tmp_path: Path) -> None:
    folder = paths.ensure(tmp_path / "data" / "cache")
    assert folder.is_dir()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert paths.ensure(folder) == folder  # already there: fine


def test_ensure_under_a_file_is_a_sentence(tmp_path: Path) -> None:
    """A folder that cannot be made (here under a regular file, which fails even for root)."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(DataFolderError) as caught:
        paths.ensure(blocker / "data")
    assert str(caught.value) == f"The folder {blocker / 'data'} cannot be created: Not a directory."


def test_ensure_on_a_read_only_parent(tmp_path: Path) -> None:
    parent = tmp_path / "read-only"
    parent.mkdir()
    parent.chmod(0o500)
    try:
        if os.access(parent, os.W_OK):
            pytest.skip("chmod 0o500 does not stop root; the test under a file covers this")
        with pytest.raises(DataFolderError, match=r"cannot be created: Permission denied\.$"):
            paths.ensure(parent / "data")
    finally:
        parent.chmod(0o700)  # let pytest clean tmp_path up


def test_ensure_makes_every_missing_level_private(tmp_path: Path) -> None:
    folder = tmp_path / "portable" / "config"
    paths.ensure(folder)
    assert (tmp_path / "portable").stat().st_mode & 0o777 == 0o700
    assert folder.stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize("given", ["", "  "])
def test_an_empty_data_dir_is_refused_not_taken_for_the_real_folders(given: str) -> None:
    with pytest.raises(DataFolderError, match="--data-dir needs a folder"):
        paths.resolve(given, {})


def test_an_empty_data_dir_on_the_command_line_is_one_sentence(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from reader.__main__ import main

    assert main(["list", "--data-dir", ""]) == 2
    assert capsys.readouterr().err == (
        "statement-reader: --data-dir needs a folder; it was given an empty one.\n"
    )
