"""Shared test set-up: Qt off screen, `gui` marking, user folders and caches kept out of reach."""

import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything can import Qt

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import platformdirs  # noqa: E402
import pytest  # noqa: E402
from hypothesis.configuration import set_hypothesis_home_dir  # noqa: E402

from reader import paths  # noqa: E402
from reader.core import translation  # noqa: E402
from reader.core.library.library import Library  # noqa: E402
from reader.resource_access import resource_folder  # noqa: E402

GUI_FIXTURES = frozenset({"qtbot", "qapp"})
_HYPOTHESIS_HOME = pytest.StashKey[Path]()

# The real user folders of the app, worked out once from the real environment, before any
# test changes HOME or XDG_*: no test may create them.
REAL_USER_FOLDERS = tuple(
    find(paths.APP_DIR_NAME)
    for find in (
        platformdirs.user_data_path,
        platformdirs.user_config_path,
        platformdirs.user_cache_path,
    )
)
_PREEXISTING = frozenset(folder for folder in REAL_USER_FOLDERS if folder.exists())

SEEDS_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def pytest_configure(config: pytest.Config) -> None:
    """Hypothesis caches in ./.hypothesis (even with no database, at collection): use tmp."""
    config.stash[_HYPOTHESIS_HOME] = Path(tempfile.mkdtemp(prefix="statement-reader-hypothesis-"))
    set_hypothesis_home_dir(config.stash[_HYPOTHESIS_HOME])


def pytest_unconfigure(config: pytest.Config) -> None:
    if _HYPOTHESIS_HOME in config.stash:
        set_hypothesis_home_dir(None)
        shutil.rmtree(config.stash[_HYPOTHESIS_HOME], ignore_errors=True)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if GUI_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.gui)


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point HOME, XDG_* and the app's data folder into tmp_path; fail if the real ones appear."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for variable, folder in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        monkeypatch.setenv(variable, str(home / folder))
    # The one-instance socket and lock (a killed window's among them) stay in the test's folder.
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    data = tmp_path / "data"
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(data))
    yield data
    created = [f for f in REAL_USER_FOLDERS if f not in _PREEXISTING and f.exists()]
    assert not created, f"the test created real user folders: {created}"


@pytest.fixture(autouse=True)
def english_sentences(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The core and the command line speak English in every test, whatever the machine's
    locale says (a developer's LANG=ru_RU would turn the CLI's output Russian), and a test
    that switches to Russian leaves English behind."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        if os.environ.get(variable, "")[:2].lower() in translation.LANGUAGES[1:]:
            monkeypatch.setenv(variable, "C.UTF-8")
    yield
    translation.use_language("en")


@pytest.fixture
def seeds_dir() -> Path:
    """The raw web captures the bundled statements were made from (../shared/seeds)."""
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"the shared seeds folder {SEEDS_DIR} is absent (it sits beside the checkout)")
    return SEEDS_DIR


@pytest.fixture(scope="session")
def library() -> Library:
    """The bundled statements, as the app opens them."""
    return Library.open(resource_folder())
