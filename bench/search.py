"""Search bench: the app's own Whoosh index against Xapian and SQLite FTS5 (and, if asked, a
regex scan), in one run, judged against issue 14's bar.

Xapian's Python bindings are Debian's python3-xapian: `make bench` runs this from .venv-bench,
a venv of Debian's Python that sees them. Without them the Xapian lines say so and fail."""

from __future__ import annotations

import argparse
import cProfile
import json
import math
import os
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import whoosh
from whoosh.analysis import STOP_WORDS

from reader.core.search.aliases import AliasGroup, load_aliases
from reader.core.search.analysis import STEM
from reader.resource_access import resource_path
from search_corpus import (
    KINDS,
    Query,
    make_corpus,
    make_queries,
    passage_texts,
    sentence_pool,
)
from search_engines import AppEngine, Engine, Fts5Engine, ScanEngine, XapianEngine, folder_size
from search_report import BAR_SIZE, LARGE_SIZE, bar_checks, report

OPEN_REPEATS = 5
PROFILE_ROWS = 15
Timing = tuple[float, float]  # wall, CPU of this thread; ms
Samples = dict[str, dict[str, list[list[Timing]]]]  # engine -> kind -> per query -> rounds


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="50000,200000", help="passage counts, comma-separated")
    parser.add_argument("--queries", type=int, default=12, help="distinct queries per kind")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds (app and FTS5)")
    parser.add_argument(
        "--scan-rounds", type=int, default=0, help="timed rounds of a regex scan (slow; 0: none)"
    )
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--json-out", type=Path, help="also write every figure here as JSON")
    parser.add_argument(
        "--profile",
        nargs="?",
        const="failing",
        help="cProfile the app's queries at the bar's size: the failing kinds, or KIND,KIND",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    bar_size = BAR_SIZE if BAR_SIZE in sizes else sizes[-1]
    log("sentence pool and passages ...")
    texts = passage_texts(sizes[-1], sentence_pool(args.seed), args.seed)
    aliases = load_aliases(resource_path("aliases.tsv"))
    meta = environment(args)
    results = []
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix=f"search-bench-{n}-") as work:
            profile = args.profile if n == bar_size else None
            results.append(run_size(texts[:n], args, aliases, Path(work), profile))
    by_size = {r["passages"]: r for r in results}
    if args.json_out:  # first: the figures of a long run outlive a failing report
        args.json_out.write_text(json.dumps({"meta": meta, "sizes": results}), encoding="utf-8")
    checks = bar_checks(by_size[bar_size], by_size.get(LARGE_SIZE))
    print(report(meta, results, checks, bar_size))
    if args.json_out:
        payload = {"meta": meta, "sizes": results, "bar": [asdict(c) for c in checks]}
        args.json_out.write_text(json.dumps(payload, indent=1), encoding="utf-8")
    log(f"done in {time.perf_counter() - started:.0f} s")
    return 0


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def environment(args: argparse.Namespace) -> dict[str, Any]:
    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "whoosh": whoosh.versionstring(),
        "sqlite": sqlite3.sqlite_version,
        "xapian": xapian_version(),
        "queries per kind": args.queries,
        "rounds": args.rounds,
        "scan rounds": args.scan_rounds,
        "seed": args.seed,
        "load average at start": os.getloadavg()[0],
    }


def xapian_version() -> str:
    try:
        import xapian
    except ImportError:
        return ""
    return str(xapian.version_string())


# One corpus size ------------------------------------------------------------------------------
def run_size(
    texts: Sequence[str],
    args: argparse.Namespace,
    aliases: list[AliasGroup],
    work: Path,
    profile: str | None,
) -> dict[str, Any]:
    n = len(texts)
    load_before = os.getloadavg()[0]
    seconds, corpus = timed(make_corpus, texts, args.seed)
    queries = make_queries(texts, args.queries, args.seed + n, STOP_WORDS, STEM, aliases)
    result: dict[str, Any] = {
        "passages": len(corpus.passages),
        "documents": len(corpus.documents),
        "words": sum(len(text.split()) for _, _, text in corpus.passages),
        "corpus_seconds": seconds,
        "queries": {kind: [q.text for q in pool] for kind, pool in queries.items()},
    }
    log(f"{n} passages in {len(corpus.documents)} documents ({seconds:.1f} s); building ...")
    app = AppEngine(work / "app", corpus.documents)
    fts5 = Fts5Engine(work / "fts5.sqlite")
    xapian = XapianEngine(work / "xapian") if xapian_version() else None
    result["build"] = build(app, fts5, xapian, corpus.passages)
    result["open"] = open_app(app, queries["common"][0])
    fts5.open()
    counting = AppEngine(work / "app", corpus.documents, counting=True)
    counting.open()
    engines: list[Engine] = [app, counting, fts5]
    rounds = {"app": args.rounds, "app+counts": args.rounds, "fts5": args.rounds}
    if xapian is not None:
        xapian.open()
        engines.append(xapian)
        rounds["xapian"] = args.rounds
    if args.scan_rounds:
        engines.append(ScanEngine(corpus.passages))
        rounds["scan"] = args.scan_rounds
    counts = warm_up(engines, queries)
    log(f"{n}: timing {sum(map(len, queries.values()))} queries ...")
    samples = measure(engines, queries, rounds, counts)
    result["latency"] = {
        name: {kind: summary(per_query) for kind, per_query in by_kind.items() if per_query}
        for name, by_kind in samples.items()
    }
    result["per_query_p50"] = {
        name: {kind: [median_wall(t) for t in per_query] for kind, per_query in by_kind.items()}
        for name, by_kind in samples.items()
    }
    result["hits"] = counts
    result["mean_hits"] = {
        name: {kind: statistics.mean(c) for kind, c in by_kind.items() if c}
        for name, by_kind in counts.items()
    }
    if profile:
        result["profiles"] = profiles(counting, queries, profile, result, args.rounds)
    app.close()
    counting.close()
    fts5.close()
    if xapian is not None:
        xapian.close()
    result["load average"] = (load_before, os.getloadavg()[0])
    return result


def timed(fn: Callable[..., Any], *args: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    value = fn(*args)
    return time.perf_counter() - started, value


def build(
    app: AppEngine, fts5: Fts5Engine, xapian: XapianEngine | None, records: Sequence[Any]
) -> dict[str, Any]:
    app_s, app_report = timed(app.open)
    app.close()
    fts5_s, _ = timed(fts5.build, records)
    n = len(records)
    figures = {
        "app_seconds": app_s,
        "app_report": app_report,
        "app_rate": n / app_s,
        "app_mb": folder_size(app.folder) / 1e6,
        "fts5_seconds": fts5_s,
        "fts5_rate": n / fts5_s,
        "fts5_mb": folder_size(fts5.path) / 1e6,
        "text_mb": sum(len(text.encode()) for _, _, text in records) / 1e6,
    }
    if xapian is not None:
        xapian_s, _ = timed(xapian.build, records)
        figures |= {
            "xapian_seconds": xapian_s,
            "xapian_rate": n / xapian_s,
            "xapian_mb": folder_size(xapian.path) / 1e6,
        }
    return figures


def open_app(app: AppEngine, first: Query) -> dict[str, Any]:
    """A fresh SearchIndex + sync with nothing changed, then its first query; median of 5."""
    opens, firsts, reports = [], [], set()
    for attempt in range(OPEN_REPEATS):
        app.close()
        seconds, sync_report = timed(app.open)
        opens.append(seconds * 1e3)
        reports.add(sync_report)
        firsts.append(timed(app.search, first)[0] * 1e3)
        if attempt < OPEN_REPEATS - 1:
            app.close()
    if reports != {"unchanged"}:
        log(f"warning: reopening with nothing changed said {sorted(reports)}")
    return {
        "ms": statistics.median(opens),
        "first_query_ms": statistics.median(firsts),
        "first_query_max_ms": max(firsts),
        "first_query": first.text,
        "repeats": OPEN_REPEATS,
        "sync_reports": sorted(reports),
    }


# Timing ---------------------------------------------------------------------------------------
def warm_up(
    engines: list[Engine], queries: dict[str, list[Query]]
) -> dict[str, dict[str, list[int]]]:
    """One untimed pass of each engine but the scan (nothing to warm); their match counts."""
    counts: dict[str, dict[str, list[int]]] = {e.name: {} for e in engines}
    for engine in engines:
        for kind, pool in queries.items():
            if engine.name == "scan":
                counts["scan"][kind] = []  # filled by its first timed round
                continue
            counts[engine.name][kind] = [engine_count(engine, q) for q in pool]
    return counts


def engine_count(engine: Engine, query: Query) -> int:
    """How many passages the engine finds: exactly, not an estimate."""
    count = getattr(engine, "count", None)
    if count is not None:
        return int(count(query))
    return engine.search(query).total or 0


def measure(
    engines: list[Engine],
    queries: dict[str, list[Query]],
    rounds: dict[str, int],
    counts: dict[str, dict[str, list[int]]],
) -> Samples:
    """Every query on every engine, engines taking turns in rotating order to spread noise."""
    samples: Samples = {
        e.name: {kind: [[] for _ in pool] for kind, pool in queries.items()} for e in engines
    }
    for r in range(max(rounds.values())):
        for kind, pool in queries.items():
            for j, query in enumerate(pool):
                turn = (j + r) % len(engines)
                for engine in engines[turn:] + engines[:turn]:
                    if r >= rounds[engine.name]:
                        continue
                    cpu, wall = time.thread_time(), time.perf_counter()
                    answer = engine.search(query)
                    wall, cpu = time.perf_counter() - wall, time.thread_time() - cpu
                    samples[engine.name][kind][j].append((wall * 1e3, cpu * 1e3))
                    if engine.name == "scan" and r == 0:
                        counts["scan"][kind].append(answer.total or 0)
    return samples


def summary(per_query: list[list[Timing]]) -> dict[str, float]:
    walls = [wall for timings in per_query for wall, _ in timings]
    cpus = [cpu for timings in per_query for _, cpu in timings]
    return {
        "p50": statistics.median(walls),
        "p95": percentile(walls, 95),
        "max": max(walls),
        "cpu_p50": statistics.median(cpus),
        "cpu_p95": percentile(cpus, 95),
        "n": len(walls),
    }


def median_wall(timings: list[Timing]) -> float:
    return statistics.median(wall for wall, _ in timings)


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


# Where the time goes --------------------------------------------------------------------------
def profiles(
    app: AppEngine,
    queries: dict[str, list[Query]],
    which: str,
    result: dict[str, Any],
    rounds: int,
) -> dict[str, dict[str, Any]]:
    if which == "failing":
        # the lines of the larger size are left out: not run here, they are infinite
        failing = {
            c.kind for c in bar_checks(result, None) if not c.passed and math.isfinite(c.value)
        }
        kinds = [k for k in KINDS if k in failing]
    else:
        kinds = [k for k in which.split(",") if k in queries]
    return {kind: profile_kind(app, queries[kind], rounds) for kind in kinds}


def profile_kind(app: AppEngine, pool: list[Query], rounds: int) -> dict[str, Any]:
    """The app's functions by own and by cumulative time over the kind's queries (seconds)."""
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(rounds):
        for query in pool:
            app.search(query)
    profiler.disable()
    rows: list[dict[str, Any]] = [
        {
            "own": entry.inlinetime,
            "cumulative": entry.totaltime,
            "calls": entry.callcount,
            "function": where(entry.code),
        }
        for entry in profiler.getstats()
    ]
    return {
        "queries": rounds * len(pool),
        "seconds": sum(r["own"] for r in rows),
        "by_own_time": sorted(rows, key=lambda r: -r["own"])[:PROFILE_ROWS],
        "by_cumulative_time": sorted(rows, key=lambda r: -r["cumulative"])[:PROFILE_ROWS],
    }


def where(code: Any) -> str:
    """package/module.py:line Class.function (or the built-in's name)."""
    if isinstance(code, str):
        return code
    parts = Path(code.co_filename).parts
    for anchor in ("site-packages", "src", "bench"):
        if anchor in parts:
            parts = parts[len(parts) - parts[::-1].index(anchor) :]
            break
    name = getattr(code, "co_qualname", code.co_name)
    return f"{'/'.join(parts[-3:])}:{code.co_firstlineno} {name}"


if __name__ == "__main__":
    sys.exit(main())
