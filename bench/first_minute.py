"""Memory over the app's first minute, against the bare PySide6 window's peak (issue 17).

bench/startup.py stops the app at its first paint; what loads after it (the catalogue, the
recommendations, and, once searched, the index) shows only here. The app runs untouched in
a fresh data folder, sampled every SAMPLE_S, then closed with SIGTERM as a session would be.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from startup import BARE_SCRIPT, MEMORY_BAR, app_command, child_env, run_once

SAMPLE_S = 0.25


def memory_mb(pid: int) -> tuple[float, float]:
    """The process's peak resident set so far (VmHWM) and its PSS now, in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    hwm = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
        pss = re.search(r"^Pss:\s+(\d+) kB", rollup, re.MULTILINE)
    except OSError:
        pss = None
    return (int(hwm.group(1)) / 1024 if hwm else 0.0), (int(pss.group(1)) / 1024 if pss else 0.0)


def watch_app(
    program: Sequence[str], seconds: float, env: dict[str, str]
) -> list[tuple[float, float, float]]:
    """(seconds since launch, peak RSS so far, PSS) every SAMPLE_S for `seconds`."""
    tmp = Path(tempfile.mkdtemp(prefix="bench-first-minute-"))
    command = [arg for arg in app_command(tmp, program) if arg != "--exit-after-paint"]
    proc = subprocess.Popen(command, env=env, cwd=tmp, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)  # fmt: skip
    samples = []
    start = time.perf_counter()
    try:
        while (elapsed := time.perf_counter() - start) < seconds and proc.poll() is None:
            samples.append((elapsed, *memory_mb(proc.pid)))
            time.sleep(SAMPLE_S)
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    return samples


def bare_peak_mb(runs: int, env: dict[str, str]) -> float:
    """The median of the bare window's peak resident set, over `runs` launches."""
    cwd = Path(tempfile.gettempdir())
    peaks = [run_once([sys.executable, str(BARE_SCRIPT)], env, cwd, 60).peak_rss_mb
             for _ in range(runs)]  # fmt: skip
    return statistics.median(peaks)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=60.0, help="how long to watch (60)")
    parser.add_argument("--bare-runs", type=int, default=5, help="bare window launches (5)")
    parser.add_argument("--program", type=Path, metavar="EXE",
                        help="an installed app (the bundle's executable, a wheel venv's "
                        "script) instead of this checkout's `python -m reader`")  # fmt: skip
    args = parser.parse_args(argv)
    env = child_env("offscreen")
    program = (str(args.program.absolute()),) if args.program else (sys.executable, "-m", "reader")
    bare = bare_peak_mb(args.bare_runs, env)
    samples = watch_app(program, args.seconds, env)
    if not samples:
        print("the app ended before its first sample", file=sys.stderr)
        return 1
    print(f"load average {os.getloadavg()[0]:.2f}; bare window's peak {bare:.1f} MB (median)")
    for at in (0.5, 1, 2, 5, 10, 30, 60):
        row = next((s for s in samples if s[0] >= at), None)
        if row is not None:
            print(f"  {row[0]:5.1f} s  peak so far {row[1]:6.1f} MB  PSS {row[2]:6.1f} MB")
    peak = max(s[1] for s in samples)
    ratio = peak / bare
    answer = "MEETS" if ratio <= MEMORY_BAR else "DOES NOT MEET"
    print(f"peak over {samples[-1][0]:.0f} s: {peak:.1f} MB, {ratio:.2f}x bare "
          f"-> {answer} the bar (<= {MEMORY_BAR})")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
