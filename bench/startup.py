"""Cold start to first paint: the real app against a bare PySide6 window, same run, alternating."""

from __future__ import annotations

import argparse
import functools
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

HERE = Path(__file__).resolve().parent
BARE_SCRIPT = HERE / "bare_window.py"
FLOOR_SCRIPT = HERE / "floor_window.py"
FLOOR_STEPS = ("library", "text", "reader")  # as floor_window.STEPS, which imports Qt
PAINT_LINE = re.compile(rb"first paint after ([0-9]+(?:\.[0-9]*)?) s")
IMPORT_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( +)(\S+)")
BAR = 1.2  # cold start to the document shown, app over bare (issue 17)
MEMORY_BAR = 1.5  # peak resident memory up to the first paint, app over bare
MIN_RUNS_FOR_BAR = 10
STDERR_TAIL = 3000


class RunFailed(Exception):
    """A child did not print its first paint, or did not exit with status 0."""


@dataclass
class Run:
    """One timed launch; all figures in seconds."""

    to_paint: float  # wall clock, launch until the "first paint after" line arrived
    to_exit: float  # wall clock, launch until the process ended
    inside: float  # the child's own printed figure
    peak_rss_mb: float = 0.0  # the child's peak resident set up to its exit (ru_maxrss), MB
    paint_rss_mb: float = 0.0  # its peak resident set when the paint line arrived (VmHWM), MB


@dataclass
class Side:
    """One of the two things being compared, with its runs or the reason it could not run."""

    name: str
    command: Callable[[Path], list[str]]  # argv, given a fresh temporary folder
    runs: list[Run] = field(default_factory=list)
    error: str | None = None
    env: dict[str, str] = field(default_factory=dict)  # added to the shared environment


def app_command(tmp: Path, program: Sequence[str] = (sys.executable, "-m", "reader")) -> list[str]:
    return [*program, "--exit-after-paint", "--data-dir", str(tmp / "data")]


def bare_command(tmp: Path) -> list[str]:
    return [sys.executable, str(BARE_SCRIPT)]


def floor_command(tmp: Path, step: str) -> list[str]:
    return [sys.executable, str(FLOOR_SCRIPT), step]


def child_env(platform: str) -> dict[str, str]:
    """Same environment for both sides; unbuffered so the paint line arrives when printed."""
    env = dict(os.environ, QT_QPA_PLATFORM=platform, PYTHONUNBUFFERED="1")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # the warm-up run writes any missing .pyc
    env.pop("STATEMENT_READER_DATA_DIR", None)
    return env


def read_until_paint(stream: IO[bytes], start: float) -> tuple[float, float]:
    """Read lines until the paint line; return when it arrived and the child's own figure."""
    for line in iter(stream.readline, b""):
        arrived = time.perf_counter() - start
        match = PAINT_LINE.search(line)
        if match:
            return arrived, float(match.group(1))
    raise RunFailed("the process ended without printing 'first paint after ... s'")


def describe_failure(cmd: Sequence[str], reason: str, code: int | None, err: IO[bytes]) -> str:
    err.seek(0)
    tail = err.read().decode(errors="replace")[-STDERR_TAIL:].rstrip()
    status = "unknown exit status" if code is None else f"exit status {code}"
    return f"{' '.join(cmd)}\n  {reason}; {status}\n  stderr:\n{tail or '  (empty)'}"


def settle(proc: subprocess.Popen[bytes]) -> int | None:
    """Wait a little for the child to end on its own, then kill it; return its exit status."""
    try:
        return proc.wait(timeout=5)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return None


def high_water_mb(pid: int) -> float:
    """The process's peak resident set so far (VmHWM), in MB; 0 if it cannot be read."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.MULTILINE)
    return int(match.group(1)) / 1024 if match else 0.0


def finish(proc: subprocess.Popen[bytes], start: float) -> Run:
    """Time the paint line and the exit of a launched child."""
    assert proc.stdout is not None
    to_paint, inside = read_until_paint(proc.stdout, start)
    # The app starts its after-paint work (database, catalogue, recommendations) as it
    # quits: the peak at the paint line is the one at the document shown.
    at_paint = high_water_mb(proc.pid)
    proc.stdout.read()  # drain, so the child can never block on a full pipe
    # wait4, not wait: it also gives the child's peak memory (Popen's wait then returns at once).
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise RunFailed("it printed its first paint but did not exit cleanly")
    return Run(to_paint, time.perf_counter() - start, inside, usage.ru_maxrss / 1024, at_paint)


def run_once(cmd: list[str], env: dict[str, str], cwd: Path, timeout: float) -> Run:
    """Launch `cmd`, time its first paint line and its exit; RunFailed says what went wrong."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, env=env, cwd=cwd)
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        try:
            return finish(proc, start)
        except RunFailed as failure:
            timed_out = time.perf_counter() - start >= timeout
            reason = f"killed after {timeout:g} s without finishing" if timed_out else str(failure)
            raise RunFailed(describe_failure(cmd, reason, settle(proc), err)) from None
        finally:
            killer.cancel()
            settle(proc)


def run_side(side: Side, env: dict[str, str], timeout: float, keep: bool) -> None:
    """One launch of `side` in a fresh temporary folder; a failure marks the side as failed."""
    if side.error is not None:
        return
    tmp = Path(tempfile.mkdtemp(prefix=f"bench-startup-{side.name}-"))
    try:
        run = run_once(side.command(tmp), {**env, **side.env}, tmp, timeout)
        if keep:
            side.runs.append(run)
    except (RunFailed, OSError) as failure:
        side.error = str(failure)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def measure(sides: list[Side], runs: int, env: dict[str, str], timeout: float) -> None:
    """One untimed warm-up each, then `runs` timed launches, alternating between the sides."""
    for side in sides:
        run_side(side, env, timeout, keep=False)
    for _ in range(runs):
        for side in sides:
            run_side(side, env, timeout, keep=True)


def nearest_rank(ordered: Sequence[float], fraction: float) -> float:
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def summary(values: Sequence[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "median": statistics.median(ordered),
        "p90": nearest_rank(ordered, 0.9),
        "min": ordered[0],
        "max": ordered[-1],
    }


def side_stats(side: Side) -> dict[str, Any]:
    if not side.runs:
        return {"runs": 0, "error": side.error}
    return {
        "runs": len(side.runs),
        "error": side.error,
        "launch_to_first_paint_s": summary([r.to_paint for r in side.runs]),
        "launch_to_exit_s": summary([r.to_exit for r in side.runs]),
        "own_figure_s": summary([r.inside for r in side.runs]),
        "peak_rss_mb": summary([r.peak_rss_mb for r in side.runs]),
        "paint_rss_mb": summary([r.paint_rss_mb for r in side.runs]),
        "samples": [vars(r) for r in side.runs],
    }


def verdict(stats: dict[str, dict[str, Any]], runs: int) -> dict[str, Any]:
    """The ratio of the medians of launch-to-first-paint, app over bare, against the bar."""
    if any(s["error"] or not s["runs"] for s in stats.values()):
        return {"ratio": None, "bar": BAR, "meets_bar": None, "valid": False}
    app = stats["app"]["launch_to_first_paint_s"]["median"]
    bare = stats["bare"]["launch_to_first_paint_s"]["median"]
    ratio = app / bare
    memory = stats["app"]["peak_rss_mb"]["median"] / stats["bare"]["peak_rss_mb"]["median"]
    at_paint = stats["app"]["paint_rss_mb"]["median"] / stats["bare"]["peak_rss_mb"]["median"]
    return {
        "ratio": ratio,
        "bar": BAR,
        "meets_bar": ratio <= BAR,
        "memory_ratio": memory,
        "memory_bar": MEMORY_BAR,
        "meets_memory_bar": memory <= MEMORY_BAR,
        "memory_ratio_at_paint": at_paint,
        "valid": runs >= MIN_RUNS_FOR_BAR,
    }


def ms(value: float) -> str:
    return f"{value * 1000:7.0f}"


def table_row(name: str, stats: dict[str, Any]) -> str:
    if not stats["runs"]:
        return f"{name:<7} {'FAILED - see below':>38}"
    paint = stats["launch_to_first_paint_s"]
    cells = [ms(paint[k]) for k in ("median", "p90", "min", "max")]
    cells += [ms(stats["launch_to_exit_s"]["median"]), ms(stats["own_figure_s"]["median"])]
    cells.append(f"{stats['paint_rss_mb']['median']:7.0f}")
    cells.append(f"{stats['peak_rss_mb']['median']:7.0f}")
    return f"{name:<7} {stats['runs']:>4} " + " ".join(cells)


def print_table(stats: dict[str, dict[str, Any]], header: str) -> None:
    print(header)
    print()
    print(
        f"{'':<7} {'':>4} {'launch -> first paint (ms)':^31} {'exit':>7} {'own':>7}"
        f" {'@paint':>7} {'peak':>7}"
    )
    heads = ("median", "p90", "min", "max", "median", "median", "MB", "MB")
    print(f"{'side':<7} {'runs':>4} " + " ".join(f"{h:>7}" for h in heads))
    for name, side in stats.items():
        print(table_row(name, side))
    print()
    print("exit: launch until the process ended; own: the figure the child printed itself")
    print("(measured inside the process, so without interpreter start-up and early imports);")
    print("@paint: the peak resident memory when the paint line arrived (VmHWM); peak: the")
    print("peak up to the exit (ru_maxrss), which for the app includes its after-paint work.")


def print_against(stats: dict[str, dict[str, Any]]) -> None:
    """The other tree's ratio to the bare window, beside the app's, from the same run."""
    if "other" not in stats or any(not stats[k]["runs"] for k in ("app", "other", "bare")):
        return
    bare = stats["bare"]["launch_to_first_paint_s"]["median"]
    ratios = {k: stats[k]["launch_to_first_paint_s"]["median"] / bare for k in ("app", "other")}
    print(
        f"\nratio to bare: this tree {ratios['app']:.2f}, the other tree {ratios['other']:.2f}"
        f" ({ratios['app'] / ratios['other']:.3f}x)"
    )


def print_floor(stats: dict[str, dict[str, Any]]) -> None:
    """Each step of the floor window over the bare one: what showing the real statement
    costs before anything else of the app is built."""
    steps = [step for step in FLOOR_STEPS if step in stats and stats[step]["runs"]]
    if not steps or not stats["bare"]["runs"]:
        return
    bare = stats["bare"]["launch_to_first_paint_s"]["median"]
    print("\nfloor (bench/floor_window.py) over bare, medians of launch -> first paint:")
    for step in steps:
        ratio = stats[step]["launch_to_first_paint_s"]["median"] / bare
        print(f"  {step:<8} {ratio:.2f}")


def print_verdict(result: dict[str, Any], runs: int) -> None:
    if result["ratio"] is None:
        print("\nratio app/bare: not available, a side failed to run (details below)")
        return
    answer = "MEETS" if result["meets_bar"] else "DOES NOT MEET"
    print(
        f"\nratio app/bare (medians of launch -> first paint): {result['ratio']:.2f}"
        f"  -> {answer} the bar (<= {BAR})"
    )
    answer = "MEETS" if result["meets_memory_bar"] else "DOES NOT MEET"
    print(
        f"ratio app/bare (medians of peak memory to exit): {result['memory_ratio']:.2f}"
        f"  -> {answer} the bar (<= {MEMORY_BAR}); at the paint: "
        f"{result['memory_ratio_at_paint']:.2f}"
    )
    if not result["valid"]:
        print(
            f"note: only {runs} runs per side; the bar asks for a median of at least "
            f"{MIN_RUNS_FOR_BAR}"
        )


def parse_importtime(lines: Sequence[str]) -> list[dict[str, Any]]:
    """`-X importtime` lines as dicts: module, self and cumulative microseconds, nesting depth."""
    rows = []
    for line in lines:
        match = IMPORT_LINE.match(line)
        if match:
            self_us, cumulative_us, indent, module = match.groups()
            rows.append(
                {
                    "module": module,
                    "self_us": int(self_us),
                    "cumulative_us": int(cumulative_us),
                    "depth": (len(indent) - 1) // 2,
                }
            )
    return rows


def import_profile(env: dict[str, str], timeout: float) -> dict[str, Any]:
    """One app launch under `-X importtime`; only the imports done before its first paint."""
    tmp = Path(tempfile.mkdtemp(prefix="bench-startup-importtime-"))
    cmd = [sys.executable, "-X", "importtime", *app_command(tmp)[1:]]
    try:
        proc = subprocess.run(
            cmd,
            env=env,
            cwd=tmp,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            timeout=timeout,
            check=False,
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    output = proc.stdout.decode(errors="replace").splitlines()
    paint_at = next((i for i, line in enumerate(output) if PAINT_LINE.search(line.encode())), None)
    if proc.returncode != 0 or paint_at is None:
        return {"error": f"exit status {proc.returncode}; output tail:\n" + "\n".join(output[-30:])}
    before, after = parse_importtime(output[:paint_at]), parse_importtime(output[paint_at:])
    return {"before_paint": before, "after_paint": [row["module"] for row in after]}


def print_import_profile(profile: dict[str, Any], top: int) -> None:
    if "error" in profile:
        print(f"\nimport profile failed: {profile['error']}")
        return
    before = profile["before_paint"]
    total = sum(row["cumulative_us"] for row in before if row["depth"] == 0)
    print(
        f"\nImports before first paint (python -X importtime): {len(before)} modules, "
        f"{total / 1000:.0f} ms in total; top {top} by cumulative time:"
    )
    for row in sorted(before, key=lambda r: r["cumulative_us"], reverse=True)[:top]:
        print(
            f"  {row['cumulative_us'] / 1000:7.1f} ms  (self {row['self_us'] / 1000:5.1f})"
            f"  {row['module']}"
        )
    early_whoosh = sorted(r["module"] for r in before if r["module"].split(".")[0] == "whoosh")
    print("whoosh imported before first paint: " + (", ".join(early_whoosh[:5]) or "no"))
    print(f"modules imported after first paint: {len(profile['after_paint'])}")


def header_line(args: argparse.Namespace, load_before: float) -> str:
    import PySide6  # only for its version; the children import it on their own

    return (
        f"Cold start to first paint, QT_QPA_PLATFORM={args.platform}, {args.runs} alternating "
        f"runs per side after 1 untimed warm-up each\npython {sys.version.split()[0]} "
        f"({sys.executable}), PySide6 {PySide6.__version__}, load average "
        f"{load_before:.2f} before / {os.getloadavg()[0]:.2f} after"
    )


def report_failures(sides: Sequence[Side]) -> None:
    for side in sides:
        if side.error is not None:
            print(
                f"\n{side.name}: FAILED after {len(side.runs)} timed runs:\n{side.error}",
                file=sys.stderr,
            )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15, help="timed runs per side (default 15)")
    parser.add_argument(
        "--platform",
        choices=["offscreen", "xcb"],
        default="offscreen",
        help="QT_QPA_PLATFORM for both sides (xcb needs a DISPLAY)",
    )
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds allowed per launch")
    parser.add_argument(
        "--import-top",
        type=int,
        default=10,
        metavar="N",
        help="show the app's N costliest imports before first paint (0: skip)",
    )
    parser.add_argument("--json-out", type=Path, metavar="FILE", help="also write results as JSON")
    parser.add_argument(
        "--against",
        type=Path,
        metavar="CHECKOUT",
        help="also time another checkout of the app (its src/ first on PYTHONPATH), "
        "e.g. a `git worktree` of the commit before a change, in the same alternating runs",
    )
    parser.add_argument(
        "--program",
        type=Path,
        metavar="EXE",
        help="time this installed app instead of this checkout's `python -m reader`: the "
        "bundle's dist/bundle/statement-reader/statement-reader, or a wheel venv's script",
    )
    parser.add_argument(
        "--against-program",
        type=Path,
        metavar="EXE",
        help="also time another installed app (a bundle or a wheel venv's script built from "
        "the commit before a change) in the same alternating runs",
    )
    parser.add_argument(
        "--floor",
        action="store_true",
        help="also time bench/floor_window.py's steps (the library, the statement's text, "
        "the statement in the app's reader view, each in the bare window) in the same runs",
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count the instructions to the first paint of this checkout's app and of "
        "the bare window under valgrind's callgrind (steady where the clock is not)",
    )
    args = parser.parse_args(argv)
    if args.against is not None and args.against_program is not None:
        parser.error("--against and --against-program each name the other side: give one")
    if args.against is not None and not (args.against / "src" / "reader").is_dir():
        parser.error(f"--against {args.against}: no src/reader in it")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.platform == "xcb" and not os.environ.get("DISPLAY"):
        parser.error("--platform xcb needs a DISPLAY; there is none")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    env = child_env(args.platform)
    load_before = os.getloadavg()[0]
    program = (str(args.program.absolute()),) if args.program else (sys.executable, "-m", "reader")
    sides = [
        Side("app", functools.partial(app_command, program=program)),
        Side("bare", bare_command),
    ]
    if args.against is not None:
        src = str((args.against / "src").resolve())
        sides.append(Side("other", app_command, env={"PYTHONPATH": src}))
    if args.against_program is not None:
        other = (str(args.against_program.absolute()),)
        sides.append(Side("other", functools.partial(app_command, program=other)))
    if args.floor:
        pythonpath = os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH")]))
        sides += [
            Side(step, functools.partial(floor_command, step=step), env={"PYTHONPATH": pythonpath})
            for step in FLOOR_STEPS
        ]
    measure(sides, args.runs, env, args.timeout)
    stats = {side.name: side_stats(side) for side in sides}
    result = verdict(stats, args.runs)
    print_table(stats, header_line(args, load_before))
    print_verdict(result, args.runs)
    print_against(stats)
    print_floor(stats)
    profile = {}
    if args.import_top > 0 and sides[0].error is None:
        profile = import_profile(env, args.timeout)
        print_import_profile(profile, args.import_top)
    counted: list[Any] = []
    if args.instructions:
        import startup_instructions

        problem = startup_instructions.available()
        if problem:
            print(f"\nInstructions not counted: {problem}")
        else:
            floor = FLOOR_STEPS if args.floor else ()
            counted = startup_instructions.measure(env, args.timeout * 10, floor=floor)
            startup_instructions.report(counted, BAR)
    report_failures(sides)
    if args.json_out:
        payload = {"platform": args.platform, "sides": stats, "verdict": result, "imports": profile}
        payload["instructions"] = {c.name: c.instructions or c.error for c in counted}
        args.json_out.write_text(json.dumps(payload, indent=2) + "\n")
    return 1 if any(side.error for side in sides) else 0


if __name__ == "__main__":
    sys.exit(main())
