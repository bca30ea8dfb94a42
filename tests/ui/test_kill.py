"""A note whose dialog was accepted survives SIGKILL of the window's process right after."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.running import reader
from tests.ui.note_then_wait import NOTE_TEXT, QUOTE

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("delay_ms", [0, 10, 50])
def test_a_saved_note_survives_a_kill_within_50_ms(tmp_path: Path, delay_ms: int) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    errors = tmp_path / "stderr.txt"
    with (
        errors.open("w") as stderr,
        subprocess.Popen(
            [sys.executable, "-m", "tests.ui.note_then_wait", str(tmp_path / "data")],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
        ) as child,
    ):
        try:
            assert child.stdout is not None
            line = child.stdout.readline()  # once the dialog is accepted (or the child ends)
            assert line == "accepted\n", errors.read_text()
            time.sleep(delay_ms / 1000)
            child.send_signal(signal.SIGKILL)
            assert child.wait(timeout=10) == -signal.SIGKILL
        finally:
            if child.poll() is None:
                child.kill()

    listed = reader("--data-dir", str(tmp_path / "data"), "notes", "list", "--json", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    [note] = json.loads(listed.stdout)
    assert (note["quote"], note["text"]) == (QUOTE, NOTE_TEXT)
