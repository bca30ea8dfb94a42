"""One window per data folder: a second start hands its files to the first, and a socket
left by a killed window does not stop the next one."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader import paths
from reader.core.library.library import Library
from reader.resource_access import resource_folder
from tests.cli.running import reader

from reader.ui import settings as S
from reader.ui import single_instance
from reader.ui.app import serve_file_requests
from reader.ui.main_window import MainWindow

TIMEOUT_MS = 30000
STATEMENT = "A Statement on Lunar Cooperation\n\nWe recommend that the agencies share data.\n"
ROOT = Path(__file__).resolve().parents[2]


def start_app(*args: str, cwd: Path) -> subprocess.Popen[str]:
    """`python -m reader ARGS` offscreen, in the test's isolated environment."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-m", "reader", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def folders(tmp_path: Path) -> paths.Folders:
    return paths.resolve(str(tmp_path / "data"))


@pytest.fixture
def statement(tmp_path: Path) -> Path:
    path = tmp_path / "lunar.txt"
    path.write_text(STATEMENT, encoding="utf-8")
    return path


@pytest.fixture
def first(qtbot: QtBot, folders: paths.Folders) -> Iterator[MainWindow]:
    """The first window, listening as the app's start-up makes it listen."""
    server = single_instance.claim(folders.data)
    assert server is not None
    window = MainWindow(
        Library.open(resource_folder()), S.Settings(folders.config / "s.ini"), None, folders.data
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.opener = serve_file_requests(window, server, [])  # type: ignore[attr-defined]
    qtbot.waitUntil(server.listen)  # as after the first paint
    yield window
    server.close()


def test_a_second_start_with_a_file_is_imported_and_shown_by_the_first(
    qtbot: QtBot, first: MainWindow, folders: paths.Folders, statement: Path, tmp_path: Path
) -> None:
    with qtbot.waitSignal(first.opener.opened, timeout=TIMEOUT_MS) as shown:  # type: ignore[attr-defined]
        second = start_app("--data-dir", str(folders.data), statement.name, cwd=tmp_path)
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=TIMEOUT_MS)
    _, errors = second.communicate()
    assert second.returncode == 0, errors
    current = first.current_document()
    assert current is not None and current.id == shown.args[0]
    assert current.metadata.title == "A Statement on Lunar Cooperation"
    assert current.kind == "imported"


def test_a_file_already_in_the_library_is_shown_not_imported_again(
    qtbot: QtBot, first: MainWindow, statement: Path
) -> None:
    opener = first.opener  # type: ignore[attr-defined]
    with qtbot.waitSignal(opener.opened, timeout=TIMEOUT_MS) as imported:
        opener.open([statement])
    first.open_document("elbe-group-2018-naples")
    with qtbot.waitSignal(opener.opened, timeout=TIMEOUT_MS) as again:
        opener.open([statement])
    assert again.args == imported.args
    current = first.current_document()
    assert current is not None and current.id == imported.args[0]
    assert [d.id for d in first.library.library].count(imported.args[0]) == 1


def test_a_file_that_cannot_be_imported_is_one_sentence_in_the_window(
    qtbot: QtBot, first: MainWindow, tmp_path: Path
) -> None:
    picture = tmp_path / "photo.txt"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    opener = first.opener  # type: ignore[attr-defined]
    with qtbot.waitSignal(opener.opened, timeout=TIMEOUT_MS) as shown:
        opener.open([picture])
    assert shown.args == [""]
    message = first.statusBar().currentMessage()
    assert message.startswith("Could not open 1 file: photo.txt ") and message.endswith(".")
    assert message.count("photo.txt") == 1
    assert "Traceback" not in message


def _wait_for_server(path: Path, timeout_s: float = 30) -> None:
    """Until a live server answers at `path` (a stale socket refuses the connection)."""
    deadline = time.monotonic() + timeout_s
    while True:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            try:
                probe.connect(str(path))
                return
            except OSError:
                assert time.monotonic() < deadline, f"no server answered at {path}"
        time.sleep(0.05)


def test_a_killed_window_does_not_block_the_next_start(tmp_path: Path, statement: Path) -> None:
    data = tmp_path / "data"
    name = Path(single_instance.server_name(data))
    killed = start_app("--data-dir", str(data), cwd=tmp_path)
    try:
        _wait_for_server(name)
        killed.send_signal(signal.SIGKILL)
        killed.wait(timeout=10)
    finally:
        killed.kill()
        killed.communicate()
    assert name.exists()  # left behind, as after a crash
    again = start_app("--data-dir", str(data), cwd=tmp_path)
    try:
        _wait_for_server(name)  # it took the stale socket's place
        assert again.poll() is None, again.communicate()
        handed = start_app("--data-dir", str(data), str(statement), cwd=tmp_path)
        _, errors = handed.communicate(timeout=60)
        assert handed.returncode == 0, errors
        listed: list[dict[str, str]] = []
        deadline = time.monotonic() + 30
        while not any(d["kind"] == "imported" for d in listed) and time.monotonic() < deadline:
            time.sleep(0.2)
            listed = json.loads(
                reader("--data-dir", str(data), "list", "--json", cwd=tmp_path).stdout
            )
        assert [d["title"] for d in listed if d["kind"] == "imported"] == [
            "A Statement on Lunar Cooperation"
        ]
    finally:
        again.send_signal(signal.SIGTERM)
        assert again.wait(timeout=30) == 0
        again.communicate()


def test_a_window_that_closes_leaves_no_socket_or_lock_behind(tmp_path: Path) -> None:
    data = tmp_path / "data"
    name = single_instance.server_name(data)
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data), "--exit-after-paint"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert not Path(name).exists() and not Path(f"{name}.lock").exists()


def test_a_second_start_hands_over_without_loading_the_window(
    qtbot: QtBot, first: MainWindow, folders: paths.Folders, tmp_path: Path
) -> None:
    """The hand-over is quick: none of the window's modules is imported for it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-X", "importtime", "-m", "reader", "--data-dir", str(folders.data)]
    second = subprocess.Popen(command, cwd=tmp_path, env=env, stderr=subprocess.PIPE, text=True)
    qtbot.waitUntil(lambda: second.poll() is not None, timeout=TIMEOUT_MS)
    _, imports = second.communicate()
    assert second.returncode == 0, imports
    assert "reader.ui.single_instance" in imports  # the import log is there ...
    assert "reader.ui.main_window" not in imports  # ... and the window is not in it


def test_a_notes_export_given_to_the_window_is_merged_into_the_notes(
    qtbot: QtBot, first: MainWindow, tmp_path: Path
) -> None:
    """The desktop entry offers the app for JSON: a notes export opened is a notes import."""
    elsewhere = str(tmp_path / "other-laptop")
    quote = "The Elbe Group takes its inspiration"
    added = reader("--data-dir", elsewhere, "notes", "add", "elbe-group-2018-naples",
                   "--quote", quote, "--note", "from the other laptop", cwd=tmp_path)  # fmt: skip
    assert added.returncode == 0, added.stderr
    export = tmp_path / "notes.json"
    exported = reader("--data-dir", elsewhere, "notes", "export", "--format", "json",
                      "-o", str(export), cwd=tmp_path)  # fmt: skip
    assert exported.returncode == 0, exported.stderr
    first.opener.open([export])  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: "1 added" in first.statusBar().currentMessage(), timeout=TIMEOUT_MS)
    store = first.notes.service.store
    assert store is not None and [n.text for n in store.list()] == ["from the other laptop"]


def test_the_socket_is_in_the_runtime_folder_unless_its_path_would_be_too_long(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runtime = tmp_path / "run"
    runtime.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert Path(single_instance.server_name(tmp_path / "a")).parent == runtime
    assert single_instance.server_name(tmp_path / "a") != single_instance.server_name(tmp_path)
    deep = runtime / ("d" * 90)
    deep.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(deep))
    name = single_instance.server_name(tmp_path / "a")
    assert Path(name).parent == tmp_path and len(name) <= single_instance.MAX_SOCKET_PATH + 50
