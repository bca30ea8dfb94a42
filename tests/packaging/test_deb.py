"""The Debian package that `make deb` built: lintian accepts it, and its bundle, unpacked
into a scratch root, runs a command and opens the window offscreen with no Python around."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader import __version__
from reader.desktop_files import desktop_files

REPO = Path(__file__).resolve().parents[2]
DEB = REPO / "dist" / f"statement-reader_{__version__}_amd64.deb"
PROGRAM = Path("/opt/statement-reader/statement-reader")

pytestmark = [pytest.mark.slow, pytest.mark.deb]


def run(command: list[str | Path], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(c) for c in command], capture_output=True, text=True,
                            timeout=600, check=False, **kwargs)  # type: ignore[call-overload]  # fmt: skip
    assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def deb() -> Path:
    if not DEB.is_file():
        pytest.fail(f"{DEB} is missing: run `make check-dist`, which builds it first")
    return DEB


@pytest.fixture(scope="module")
def root(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The package unpacked as dpkg would install it, into a scratch root; removed after."""
    scratch = tmp_path_factory.mktemp("deb-root")
    run(["dpkg-deb", "-x", deb, scratch])
    yield scratch
    shutil.rmtree(scratch)
    assert not scratch.exists()


def bare_env(tmp_path: Path) -> dict[str, str]:
    """No PATH to any Python, no Python variables: what a desktop starts a program with."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    return {"PATH": str(empty), "HOME": str(tmp_path / "home"), "LC_ALL": "C.UTF-8"}


def test_lintian_accepts_the_package(deb: Path) -> None:
    result = subprocess.run(["lintian", "--fail-on", "error", str(deb)], capture_output=True,
                            text=True, timeout=900, check=False)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert not re.findall(r"^E: .*$", result.stdout, re.MULTILINE)


def test_the_package_lays_out_opt_usr_bin_and_usr_share(root: Path, deb: Path) -> None:
    link = root / "usr/bin/statement-reader"
    assert link.is_symlink() and Path(os.readlink(link)) == PROGRAM
    assert (root / PROGRAM.relative_to("/")).is_file()
    for item in desktop_files():
        assert (root / "usr/share" / item.target).is_file(), item.target
    fields = run(["dpkg-deb", "--field", deb, "Depends"]).stdout
    # Every package it depends on is one this machine has, and the bundle ran with.
    for package in re.findall(r"([a-z0-9.+-]+)(?: \([^)]*\))?(?:,|$)", fields.strip()):
        run(["dpkg-query", "-W", package])


def test_the_bundle_carries_qts_own_words_in_the_apps_languages_only(root: Path) -> None:
    """A Russian window's file dialogs and message boxes speak Russian too: Qt reads its
    translations from the folder beside its libraries, where the bundle keeps qtbase's."""
    qt = root / PROGRAM.relative_to("/").parent / "_internal" / "PySide6" / "Qt"
    assert (qt / "lib" / "libQt6Core.so.6").is_file()
    languages = sorted(f.stem.rsplit("_", 1)[1] for f in (REPO / "resources").glob("*.qm"))
    kept = sorted(f.name for f in (qt / "translations").iterdir())
    assert kept == [f"qtbase_{language}.qm" for language in languages]


def test_the_installed_bundle_lists_the_statements_offline(root: Path, tmp_path: Path) -> None:
    program = root / PROGRAM.relative_to("/")
    result = run([program, "--data-dir", tmp_path / "data", "list", "--json"],
                 env=bare_env(tmp_path), cwd=tmp_path)  # fmt: skip
    listed = [entry["id"] for entry in json.loads(result.stdout)]
    assert listed == ["elbe-group-2018-naples", "ac-riac-2013-washington"]


def test_the_installed_bundle_paints_its_window_offscreen(root: Path, tmp_path: Path) -> None:
    program = root / PROGRAM.relative_to("/")
    env = bare_env(tmp_path) | {"QT_QPA_PLATFORM": "offscreen"}
    result = run([program, "--data-dir", tmp_path / "data", "--exit-after-paint"], env=env,
                 cwd=tmp_path)  # fmt: skip
    assert re.fullmatch(r"first paint after \d+\.\d+ s\n", result.stdout), result.stdout
    assert "Traceback" not in result.stderr


def test_the_installed_bundle_syncs_a_shared_note_with_a_team_server(
    root: Path, tmp_path: Path
) -> None:
    """The team library works from the package: its driver over the system's libpq (libpq5,
    which the package depends on), against a real server."""
    psycopg = pytest.importorskip("psycopg")
    from reader.core.team import schema
    from tests.team import cluster as clusters

    server = clusters.create()
    try:
        with psycopg.connect(server.dsn(), autocommit=True) as admin:
            schema.add_team(admin, "north")
            schema.add_analyst(admin, "alice", "alice-secret", ("north",))
        program = root / PROGRAM.relative_to("/")
        data, env = ["--data-dir", tmp_path / "data"], bare_env(tmp_path)

        def bundle(*command: str | Path) -> str:
            return run([program, *data, *command], env=env, cwd=tmp_path).stdout

        dsn = server.dsn("alice", "alice-secret")
        assert bundle("team", "connect", dsn, "--team", "north").startswith(
            "Connected to the team 'north'"
        )
        bundle("notes", "add", "elbe-group-2018-naples", "--quote", "Elbe", "--note", "shared")
        note_id = json.loads(bundle("notes", "list", "--json"))[0]["id"]
        bundle("team", "share", note_id)
        assert bundle("team", "sync").startswith("Sent 1 notes,")
        assert "Server: reachable" in bundle("team", "status")
        with psycopg.connect(server.dsn(), autocommit=True) as admin:
            rows = admin.execute("SELECT id, creator FROM notes").fetchall()
        assert rows == [(note_id, "alice")]
    finally:
        server.remove()
