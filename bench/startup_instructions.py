"""Instructions to the first paint, counted by valgrind's callgrind: the app against the bare
window, one launch each. On a shared two-core machine the wall-clock medians of
bench/startup.py move by 10-20 % between runs; an instruction count moves by less than
0.1 %, so a change of a few milliseconds shows (they are not milliseconds: cache misses and
waits are not counted, and Qt's threads are).

Each side runs under a wrapper that ends the process at the reader's first Paint event
(os._exit), so what follows the paint (the after-paint work, the exit) is not counted."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
COLLECTED = re.compile(rb"Collected : (\d+)")

_EXIT_AT_PAINT = """
import os, sys
from PySide6.QtCore import QEvent
def _exit_at_paint(self, watched, event):
    if event.type() == QEvent.Type.Paint:
        os._exit(0)
    return False
"""
APP_WRAPPER = (
    _EXIT_AT_PAINT
    + """
import reader.ui.app
reader.ui.app._FirstPaint.eventFilter = _exit_at_paint
from reader.__main__ import main
sys.exit(main(sys.argv[1:]))
"""
)
BARE_WRAPPER = (
    _EXIT_AT_PAINT
    + f"""
sys.path.insert(0, {str(HERE)!r})
import bare_window
bare_window.FirstPaint.eventFilter = _exit_at_paint
sys.exit(bare_window.main())
"""
)

FLOOR_WRAPPER = (
    _EXIT_AT_PAINT
    + f"""
sys.path.insert(0, {str(HERE)!r})
import bare_window, floor_window
bare_window.FirstPaint.eventFilter = _exit_at_paint
sys.argv[1:] = [STEP]
sys.exit(floor_window.main())
"""
)


@dataclass
class Count:
    name: str
    instructions: int = 0
    error: str = ""


def available() -> str:
    """'' if callgrind can run here, else why not."""
    return "" if shutil.which("valgrind") else "valgrind is not installed (make bench installs it)"


def count(name: str, argv: list[str], env: dict[str, str], timeout: float) -> Count:
    with tempfile.TemporaryDirectory(prefix=f"bench-startup-ir-{name}-") as tmp:
        out = Path(tmp) / "callgrind.out"
        cmd = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *argv]
        try:
            done = subprocess.run(
                cmd, env=env, cwd=tmp, capture_output=True, timeout=timeout, check=False
            )
        except subprocess.TimeoutExpired:
            return Count(name, error=f"killed after {timeout:g} s under callgrind")
        found = COLLECTED.findall(done.stderr)
        if done.returncode != 0 or not found:
            tail = done.stderr.decode(errors="replace")[-1500:]
            return Count(name, error=f"exit status {done.returncode}; stderr tail:\n{tail}")
        return Count(name, int(found[-1]))


def measure(
    env: dict[str, str],
    timeout: float,
    python: str = sys.executable,
    floor: tuple[str, ...] = (),
) -> list[Count]:
    """The app (this checkout's `python -m reader`, a fresh data folder) and the bare window,
    each once after an untimed launch that writes any missing .pyc; then each step of
    `floor` (bench/floor_window.py's), counted the same way."""
    env = dict(env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="bench-startup-ir-data-") as data:
        app = [python, "-c", APP_WRAPPER, "--exit-after-paint", "--data-dir"]
        subprocess.run([*app, f"{data}/warm"], env=env, capture_output=True, timeout=timeout)
        counts = [
            count("app", [*app, f"{data}/counted"], env, timeout),
            count("bare", [python, "-c", BARE_WRAPPER], env, timeout),
        ]
    for step in floor:
        wrapper = FLOOR_WRAPPER.replace("STEP", repr(step))
        subprocess.run([python, "-c", wrapper], env=env, capture_output=True, timeout=timeout)
        counts.append(count(step, [python, "-c", wrapper], env, timeout))
    return counts


def report(counts: list[Count], bar: float) -> None:
    print("\nInstructions to the first paint (valgrind --tool=callgrind, one launch each):")
    for side in counts:
        figure = f"{side.instructions / 1e6:9.1f} M" if not side.error else f"failed: {side.error}"
        print(f"  {side.name:7} {figure}")
    app, bare, *floor = counts
    if not (app.error or bare.error):
        ratio = app.instructions / bare.instructions
        print(f"ratio app/bare (instructions): {ratio:.3f} (a guide to the time bar, {bar})")
    for step in floor:
        if not (step.error or bare.error):
            ratio = step.instructions / bare.instructions
            print(f"ratio {step.name}/bare (instructions): {ratio:.3f}")


if __name__ == "__main__":
    floor_steps = ("library", "text", "reader") if "--floor" in sys.argv[1:] else ()
    counted = measure(dict(os.environ, QT_QPA_PLATFORM="offscreen"), 300.0, floor=floor_steps)
    report(counted, 1.2)
    sys.exit(1 if any(c.error for c in counted) else 0)
