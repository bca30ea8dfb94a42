"""Starting the window: no display gives a sentence, and the first-paint diagnostic works."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from reader.ui.app import NO_DISPLAY, display_problem


def test_display_problem_needs_a_display_only_for_window_platforms() -> None:
    assert display_problem({}, "linux") == NO_DISPLAY
    assert display_problem({"QT_QPA_PLATFORM": "xcb"}, "linux") == NO_DISPLAY
    assert display_problem({"DISPLAY": ":0"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({}, "darwin") is None


def _run(
    tmp_path: Path, env_changes: dict[str, str | None], *args: str
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    for key, value in env_changes.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_no_display_is_one_sentence_not_an_abort(tmp_path: Path) -> None:
    result = _run(tmp_path, {"DISPLAY": None, "WAYLAND_DISPLAY": None, "QT_QPA_PLATFORM": None})
    assert result.returncode == 1
    assert result.stderr.strip() == NO_DISPLAY
    assert "Traceback" not in result.stderr


def test_exit_after_paint_prints_the_time(tmp_path: Path) -> None:
    result = _run(tmp_path, {"QT_QPA_PLATFORM": "offscreen"}, "--exit-after-paint")
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert line.startswith("first paint after ") and line.endswith(" s")
    assert 0 < float(line.split()[3]) < 30


def test_whoosh_is_not_imported_before_the_first_paint(tmp_path: Path) -> None:
    """Whoosh costs ~90 ms to import: the search index opens only after the window painted."""
    probe = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "reader", "--data-dir", str(tmp_path)]
        + ["--exit-after-paint"],
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=60,
    )
    assert probe.returncode == 0, probe.stdout
    before_paint = probe.stdout.split("first paint after")[0]
    assert "reader.ui.main_window" in before_paint  # the import log is there ...
    assert "whoosh" not in before_paint  # ... and Whoosh is not in it
