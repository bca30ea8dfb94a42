"""Importing one very long paragraph: a 1 MB and a 4 MB single-paragraph .txt file, each
through `python -m reader import` into a fresh data folder whose index is already built.

The files are made at bench time from the statements in ../shared/seeds/dev, all white
space folded to single spaces, under a one-line heading. Each run copies a data folder
prepared once (the bundled statements indexed by a first search), so a run times what a
user waits for: start-up, parsing, storing, the extractor on the new document and the
incremental index update. Wall-clock seconds are the figure the bars are about (the
1 MB file in at most 2 s; 4 times the text in at most 5 times the time, minimum against
minimum); the child's CPU seconds are shown beside them, as other work on a shared
machine stretches the wall clock but hardly the CPU time.

With --against CHECKOUT the same files are imported by another checkout (its src/ first
on PYTHONPATH) in the same alternating runs, e.g. a `git worktree` of the commit before a
change.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "dev"
SIZES = {"1 MB": 1_000_000, "4 MB": 4_000_000}
BAR_SECONDS = 2.0  # the 1 MB import
BAR_RATIO = 5.0  # the 4 MB import's time over the 1 MB import's
HEADING = "A long paragraph"


@dataclass
class Side:
    """One checkout being timed: its environment, its prepared data folder, its runs."""

    name: str
    env: dict[str, str]
    template: Path | None = None
    wall: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, list[float]] = field(default_factory=dict)


def make_files(folder: Path) -> dict[str, Path]:
    """The single-paragraph files, one per size: the seeds' words repeated and cut."""
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        raise SystemExit(f"no seed statements in {SEEDS}")
    words = re.sub(r"\s+", " ", " ".join(p.read_text(encoding="utf-8") for p in seeds))
    files = {}
    for label, size in SIZES.items():
        path = folder / f"long-paragraph-{size // 1_000_000}mb.txt"
        text = (words * (size // len(words) + 1))[:size]
        path.write_text(f"{HEADING}\n\n{text}\n", encoding="utf-8")
        files[label] = path
    return files


def reader(data_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args]


def run(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Run `command` to its end; its wall-clock and CPU seconds (user and system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def prepare(side: Side, work: Path) -> None:
    """A data folder with the bundled statements indexed; the first run writes any .pyc."""
    side.template = work / f"template-{side.name}"
    run(reader(side.template, "search", "treaty"), side.env, work)


def import_once(side: Side, label: str, file: Path, work: Path) -> None:
    assert side.template is not None
    data = work / f"data-{side.name}"
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(side.template, data)
    wall, cpu = run(reader(data, "import", str(file)), side.env, work)
    side.wall.setdefault(label, []).append(wall)
    side.cpu.setdefault(label, []).append(cpu)
    shutil.rmtree(data, ignore_errors=True)


def measure(sides: list[Side], files: dict[str, Path], runs: int, work: Path) -> None:
    """One untimed import each, then `runs` timed ones, alternating sides and sizes."""
    for side in sides:
        prepare(side, work)
        import_once(side, "1 MB", files["1 MB"], work)
        side.wall.clear()
        side.cpu.clear()
    for number in range(runs):
        for side in sides:
            for label, file in files.items():
                import_once(side, label, file, work)
        log(f"  run {number + 1}/{runs} done")


def side_stats(side: Side) -> dict[str, Any]:
    stats: dict[str, Any] = {
        label: {
            "min_s": min(side.wall[label]),
            "median_s": statistics.median(side.wall[label]),
            "cpu_min_s": min(side.cpu[label]),
            "cpu_median_s": statistics.median(side.cpu[label]),
            "samples_s": side.wall[label],
        }
        for label in SIZES
    }
    one, four = stats["1 MB"], stats["4 MB"]
    stats["ratio"] = four["min_s"] / one["min_s"]
    stats["cpu_ratio"] = four["cpu_min_s"] / one["cpu_min_s"]
    stats["meets_time_bar"] = one["min_s"] <= BAR_SECONDS
    stats["meets_ratio_bar"] = stats["ratio"] <= BAR_RATIO
    return stats


def print_table(stats: dict[str, dict[str, Any]], header: str) -> None:
    print(header)
    print()
    print(f"{'side':<6} {'file':<5} {'wall min':>9} {'median':>8} {'cpu min':>8} {'median':>8}")
    for name, side in stats.items():
        for label in SIZES:
            row = side[label]
            cells = (row["min_s"], row["median_s"], row["cpu_min_s"], row["cpu_median_s"])
            print(f"{name:<6} {label:<5} " + " ".join(f"{c:8.2f}" for c in cells))
    print()
    for name, side in stats.items():
        time_ok = "meets" if side["meets_time_bar"] else "DOES NOT MEET"
        ratio_ok = "meets" if side["meets_ratio_bar"] else "DOES NOT MEET"
        print(
            f"{name}: 1 MB in {side['1 MB']['min_s']:.2f} s ({time_ok} the bar, <= "
            f"{BAR_SECONDS:g} s); 4 MB / 1 MB {side['ratio']:.2f}x ({ratio_ok} the bar, <= "
            f"{BAR_RATIO:g}x; CPU {side['cpu_ratio']:.2f}x)"
        )
    print("(seconds; wall: launch to exit, min and median of the runs; cpu: the child's")
    print("user + system time)")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs per file (default 5)")
    parser.add_argument("--json-out", type=Path, metavar="FILE", help="also write results as JSON")
    parser.add_argument(
        "--against",
        type=Path,
        metavar="CHECKOUT",
        help="also time another checkout (its src/ first on PYTHONPATH) in the same runs",
    )
    args = parser.parse_args(argv)
    if args.against is not None and not (args.against / "src" / "reader").is_dir():
        parser.error(f"--against {args.against}: no src/reader in it")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the first run writes any missing .pyc
    env.pop("STATEMENT_READER_DATA_DIR", None)
    sides = [Side("this", env)]
    if args.against is not None:
        src = str((args.against / "src").resolve())
        sides.append(Side("other", {**env, "PYTHONPATH": src}))
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-long-paragraph-") as tmp:
        work = Path(tmp)
        files = make_files(work)
        measure(sides, files, args.runs, work)
    stats = {side.name: side_stats(side) for side in sides}
    print_table(
        stats,
        f"Importing one long paragraph, {args.runs} runs per file and side after 1 untimed "
        f"each\npython {sys.version.split()[0]}, {os.cpu_count()} cores, load average "
        f"{load_before:.2f} before / {os.getloadavg()[0]:.2f} after",
    )
    if args.json_out:
        args.json_out.write_text(json.dumps(stats, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
