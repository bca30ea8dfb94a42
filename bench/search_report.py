"""The search bench's verdict and printout: tables per size, the issue's bar, profiles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from search_corpus import KINDS, LABELS

BAR_SIZE = 50_000
BAR_P95_MS = 50.0  # every kind: app p95 at most this
BAR_SCAN_RATIO = 0.1  # every kind: app p95 / scan p50 at most this
BAR_FTS5_RATIO = 3.0  # these kinds: app p50 / FTS5 p50 at most this
BAR_FTS5_KINDS = ("common", "prefix", "fuzzy")
ENGINES = ("app", "fts5", "scan")
SLOWEST = 4  # queries named per profiled kind
FOOTNOTE = (
    "  (FTS5 and scan run each alias query as the OR of its group's forms; FTS5's porter"
    ' tokenizer folds case and stems, so its "US" also finds "us", "use", "used".)'
)


@dataclass(frozen=True)
class Check:
    """One line of the bar: a figure of one query kind against its limit."""

    kind: str
    what: str
    value: float
    limit: float

    @property
    def passed(self) -> bool:
        return self.value <= self.limit


def bar_checks(result: dict[str, Any]) -> list[Check]:
    latency = result["latency"]
    checks = []
    for kind in KINDS:
        app, fts5, scan = (latency[e].get(kind) for e in ENGINES)
        if not (app and fts5 and scan):
            continue
        checks.append(Check(kind, "app p95 ms", app["p95"], BAR_P95_MS))
        checks.append(Check(kind, "app p95 / scan p50", app["p95"] / scan["p50"], BAR_SCAN_RATIO))
        if kind in BAR_FTS5_KINDS:
            ratio = app["p50"] / fts5["p50"]
            checks.append(Check(kind, "app p50 / FTS5 p50", ratio, BAR_FTS5_RATIO))
    return checks


def report(
    meta: dict[str, Any], results: list[dict[str, Any]], checks: list[Check], bar_size: int
) -> str:
    lines = [
        f"Search bench: Statement Reader's index (Whoosh {meta['whoosh']}) vs SQLite "
        f"{meta['sqlite']} FTS5 vs a regex scan",
        f"Python {meta['python']}, {meta['platform']}, {meta['cpus']} CPUs; "
        f"{meta['queries per kind']} queries per kind, {meta['rounds']} timed rounds "
        f"(scan {meta['scan rounds']}); every query returns its top 10 with snippets",
    ]
    for result in results:
        lines += ["", *size_report(result)]
    lines += ["", *bar_report(checks, bar_size)]
    for result in results:
        for kind, profile in result.get("profiles", {}).items():
            lines += ["", *profile_report(result, kind, profile)]
    return "\n".join(lines)


def size_report(result: dict[str, Any]) -> list[str]:
    b, o = result["build"], result["open"]
    lines = [
        f"{result['passages']:,} passages in {result['documents']:,} statements "
        f"({result['words'] / 1e6:.2f} M words, {b['text_mb']:.1f} MB of text); load average "
        f"{result['load average'][0]:.2f} before, {result['load average'][1]:.2f} after",
        f"  app   build {b['app_seconds']:.1f} s = {b['app_rate']:,.0f} passages/s "
        f"(sync said {b['app_report']!r}), index {b['app_mb']:.1f} MB on disk",
        f"        open {fmt(o['ms'])} ms (fresh SearchIndex + sync said "
        f"{', '.join(o['sync_reports'])}; median of {o['repeats']}), "
        f"then first query {fmt(o['first_query_ms'])} ms "
        f"(max {fmt(o['first_query_max_ms'])}; {o['first_query']!r})",
        f"  FTS5  build {b['fts5_seconds']:.1f} s = {b['fts5_rate']:,.0f} passages/s, "
        f"{b['fts5_mb']:.1f} MB on disk",
        "",
    ]
    return lines + table(latency_rows(result)) + [FOOTNOTE]


def latency_rows(result: dict[str, Any]) -> list[list[str]]:
    lat, hits = result["latency"], result["mean_hits"]
    rows = [
        [
            "query kind", "app p50 / p95 ms", "FTS5 p50 / p95 ms", "scan p50 / p95 ms",
            "app/FTS5 p50", "app p95/scan p50", "app CPU p50 / p95",
            "app+counts p50 / p95", "mean hits app / FTS5 / scan",
        ]
    ]  # fmt: skip
    for kind in KINDS:
        if kind not in lat["app"]:
            continue
        app, fts5, scan = (lat[e][kind] for e in ENGINES)
        rows.append(
            [
                LABELS[kind],
                f"{fmt(app['p50'])} / {fmt(app['p95'])}",
                f"{fmt(fts5['p50'])} / {fmt(fts5['p95'])}",
                f"{fmt(scan['p50'])} / {fmt(scan['p95'])}",
                f"{app['p50'] / fts5['p50']:.2g}x",
                f"{app['p95'] / scan['p50']:.2g}",
                f"{fmt(app['cpu_p50'])} / {fmt(app['cpu_p95'])}",
                _with_counts(lat, kind),
                " / ".join(f"{hits[e][kind]:.0f}" for e in ENGINES),
            ]
        )
    return rows


def _with_counts(lat: dict[str, Any], kind: str) -> str:
    counted = lat.get("app+counts", {}).get(kind)
    return f"{fmt(counted['p50'])} / {fmt(counted['p95'])}" if counted else "-"


def table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
           for row in rows]  # fmt: skip
    out.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return out


def bar_report(checks: list[Check], bar_size: int) -> list[str]:
    lines = [f"The bar (issue 4) at {bar_size:,} passages, top-10 snippets:"]
    if bar_size != BAR_SIZE:
        lines.append(f"  (the bar is set at {BAR_SIZE:,} passages: the lines below are indicative)")
    for c in checks:
        verdict = "PASS" if c.passed else "FAIL"
        figure = f"{c.value:8.3g} <= {c.limit:g}"
        lines.append(f"  {verdict}  {LABELS[c.kind]:<13} {c.what:<19} {figure}")
    failed = [c for c in checks if not c.passed]
    if failed:
        kinds = ", ".join(dict.fromkeys(LABELS[c.kind] for c in failed))
        lines.append(f"  {len(failed)} of {len(checks)} checks fail ({kinds})")
        lines.append("  (--profile shows where the app's time goes)")
    else:
        lines.append(f"  all {len(checks)} checks pass")
    return lines


def profile_report(result: dict[str, Any], kind: str, profile: dict[str, Any]) -> list[str]:
    """The kind's slowest queries, then the functions taking the app's time."""
    texts = result["queries"][kind]
    p50s = result["per_query_p50"]["app"][kind]
    hits = result["hits"]["app"][kind]
    slowest = sorted(range(len(texts)), key=lambda i: -p50s[i])[:SLOWEST]
    lines = [
        f"Where the app's time goes: {LABELS[kind]} at {result['passages']:,} passages "
        f"(cProfile, {profile['queries']} searches, {profile['seconds']:.2f} s profiled)",
        "  slowest (p50 ms, matches): "
        + ", ".join(f"{texts[i]} {fmt(p50s[i])} ({hits[i]:,})" for i in slowest),
    ]
    for order, title in (("by_own_time", "own time"), ("by_cumulative_time", "cumulative")):
        rows = [["own s", "cumul. s", "calls", f"function (by {title})"]]
        rows += [
            [f"{r['own']:.3f}", f"{r['cumulative']:.3f}", f"{r['calls']:,}", r["function"]]
            for r in profile[order]
        ]
        lines += ["", *table(rows)]
    return lines


def fmt(ms: float) -> str:
    if ms >= 100:
        return f"{ms:.0f}"
    if ms >= 10:
        return f"{ms:.1f}"
    return f"{ms:.2f}"
