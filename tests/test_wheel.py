"""The built wheel, installed into a fresh virtual environment, lists and shows both statements."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
WHEELHOUSE = REPO / ".wheelhouse"
# Generated or private folders that a build must neither need nor see.
NOT_SOURCES = shutil.ignore_patterns(
    ".git",
    ".venv",
    ".wheelhouse",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".*cache",
    ".hypothesis",
)

pytestmark = pytest.mark.slow


def run(command: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run a step; on failure, fail the test with the step's own output."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "PYTHONHOME"}}
    env |= {"PIP_DISABLE_PIP_VERSION_CHECK": "1", "PIP_NO_INPUT": "1"}
    result = subprocess.run(
        [str(part) for part in command],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    if result.returncode != 0:
        pytest.fail(f"{command} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv holding only the wheel built from this checkout and its dependencies."""
    if not WHEELHOUSE.is_dir():
        pytest.fail(
            f"{WHEELHOUSE} is missing: run `make test`, which fills it with wheels of every "
            "dependency so that this test can install offline."
        )
    work = tmp_path_factory.mktemp("wheel")
    # Built from a copy: an in-tree build would write build/ and *.egg-info into the checkout.
    source = work / "source"
    shutil.copytree(REPO, source, ignore=NOT_SOURCES)
    dist = work / "dist"
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            dist,
            source,
        ],
        cwd=work,
    )
    (wheel,) = dist.glob("statement_reader-*.whl")
    venv = work / "venv"
    run([sys.executable, "-m", "venv", venv], cwd=work)
    run(
        [
            venv / "bin" / "python",
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-index",
            "--find-links",
            WHEELHOUSE,
            wheel,
        ],
        cwd=work,
    )
    return venv


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def test_list_from_the_installed_wheel(installed: Path, elsewhere: Path) -> None:
    result = run([installed / "bin" / "statement-reader", "list", "--json"], cwd=elsewhere)
    listing = {entry["id"]: entry for entry in json.loads(result.stdout)}
    assert list(listing) == ["elbe-group-2018-naples", "ac-riac-2013-washington"]
    elbe, ac_riac = listing.values()
    assert (elbe["title"], elbe["date"], elbe["place"], elbe["organizations"]) == (
        "Elbe Group Joint Statement",
        "2018-03-15/2018-03-16",
        "Naples, Italy",
        ["Elbe Group"],
    )
    assert (ac_riac["date"], ac_riac["place"], ac_riac["organizations"]) == (
        "2013-04-08",
        "Washington, D.C.",
        ["Atlantic Council", "Russian International Affairs Council"],
    )
    assert {elbe["kind"], ac_riac["kind"]} == {"bundled"}


def test_show_from_the_installed_wheel(installed: Path, elsewhere: Path) -> None:
    result = run(
        [installed / "bin" / "statement-reader", "show", "elbe-group-2018-naples"], cwd=elsewhere
    )
    assert result.stdout.startswith("Elbe Group Joint Statement\n\nNaples, Italy: March 15-16")
    assert "On Syria\n\nThe sides believe" in result.stdout


def test_resources_come_from_the_wheel(installed: Path, elsewhere: Path) -> None:
    probe = "import reader.resource_access as r; print(r.resource_folder())"
    result = run([installed / "bin" / "python", "-c", probe], cwd=elsewhere)
    folder = Path(result.stdout.strip())
    assert folder.is_relative_to(installed), folder
    assert sorted(p.name for p in folder.glob("*.json")) == [
        "ac-riac-2013-washington.json",
        "elbe-group-2018-naples.json",
        "recommendation_rules.json",
    ]
    assert (folder / "topics.tsv").is_file()
    # The compiled translations, which `make translations` builds before the wheel.
    assert (folder / "statement_reader_ru.qm").is_file()
    assert (folder / "statement_reader_en.qm").is_file()
    assert (folder / "statement_reader_core_ru.mo").is_file()


IMPORT_PROBE = """
import sys
from pathlib import Path
from reader.core.importers import import_file
for name in sys.argv[1:]:
    imported = import_file(Path(name))
    print(imported.file_format, imported.metadata.title, len(imported.blocks))
"""


def test_imports_with_the_installed_wheel(installed: Path, elsewhere: Path) -> None:
    """The importers' libraries and data files (furniture, organisations) came with the wheel."""
    page = elsewhere / "page.html"
    page.write_text("<title>T</title><h1>A Statement</h1><p>We agree.</p><nav>Menu</nav>")
    text = elsewhere / "statement.txt"
    text.write_text("Print\nShare this article\n\nA Statement\n\nWe agree.\n", encoding="utf-8")
    result = run([installed / "bin" / "python", "-c", IMPORT_PROBE, page, text], cwd=elsewhere)
    assert result.stdout.splitlines() == ["html A Statement 2", "text A Statement 2"]
