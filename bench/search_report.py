"""The search bench's verdict and printout: tables per size, the issue's bar, profiles."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from search_corpus import KINDS, LABELS

LINES = {**LABELS, "build": "index build", "open": "opening"}

BAR_SIZE = 50_000
LARGE_SIZE = 200_000
BAR_P95_MS = 10.0  # every kind at BAR_SIZE: app p95 with snippets and counts at most this
BAR_XAPIAN_RATIO = 3.0  # every kind at BAR_SIZE: app+counts p50 / Xapian p50 at most this
LARGE_P95_MS = 25.0  # every kind at LARGE_SIZE: app p95 with snippets and counts
BAR_BUILD_RATE = 2000.0  # passages/s at BAR_SIZE
BAR_OPEN_MS = 30.0  # at BAR_SIZE: open + first query
TIMED = "app+counts"  # the bar times what the Search tab asks: top 10, snippets, counts
ENGINES = ("app", "app+counts", "xapian", "fts5", "scan")
SLOWEST = 4  # queries named per profiled kind
FOOTNOTE = (
    "  (Xapian and FTS5 run each alias query as the OR of its group's forms, and a fuzzy one as\n"
    "  the OR of their words one edit away; FTS5's porter tokenizer folds case and stems, so its\n"
    '  "US" also finds "us", "use", "used". Xapian counts are exact (check_at_least), its timed\n'
    "  queries take its estimate, as it does by default.)"
)


@dataclass(frozen=True)
class Check:
    """One line of the bar: a figure of one query kind against its limit."""

    kind: str
    what: str
    value: float
    limit: float
    at_least: bool = False

    @property
    def passed(self) -> bool:
        return self.value >= self.limit if self.at_least else self.value <= self.limit


def bar_checks(result: dict[str, Any], large: dict[str, Any] | None) -> list[Check]:
    """Issue 14's bar: `result` at BAR_SIZE, `large` at LARGE_SIZE (None: not run, failed)."""
    latency = result["latency"]
    checks = []
    for kind in KINDS:
        app, xapian = latency[TIMED].get(kind), latency.get("xapian", {}).get(kind)
        if app is None:
            continue
        checks.append(Check(kind, "p95 ms", app["p95"], BAR_P95_MS))
        ratio = app["p50"] / xapian["p50"] if xapian else math.inf
        checks.append(Check(kind, "p50 / Xapian p50", ratio, BAR_XAPIAN_RATIO))
        # a kind may have no queries at the larger size (no word in 2-5 passages, say)
        at_large = large["latency"][TIMED].get(kind) if large else None
        large_p95 = at_large["p95"] if at_large else math.inf
        checks.append(Check(kind, f"p95 ms at {LARGE_SIZE // 1000}k", large_p95, LARGE_P95_MS))
    build, opened = result["build"], result["open"]
    checks.append(Check("build", "passages/s", build["app_rate"], BAR_BUILD_RATE, at_least=True))
    first = opened["ms"] + opened["first_query_ms"]
    checks.append(Check("open", "open + 1st query ms", first, BAR_OPEN_MS))
    return checks


def report(
    meta: dict[str, Any], results: list[dict[str, Any]], checks: list[Check], bar_size: int
) -> str:
    lines = [
        f"Search bench: Statement Reader's index (Whoosh {meta['whoosh']}) vs Xapian "
        f"{meta['xapian'] or '(not installed: python3-xapian)'} vs SQLite {meta['sqlite']} FTS5",
        f"Python {meta['python']}, {meta['platform']}, {meta['cpus']} CPUs; "
        f"{meta['queries per kind']} queries per kind, {meta['rounds']} timed rounds "
        f"(scan {meta['scan rounds']}); every query returns its top 10 with snippets; load average "
        f"{meta['load average at start']:.2f} at start (other work shares the machine)",
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
    ]
    if "xapian_rate" in b:
        lines.append(
            f"  Xapian build {b['xapian_seconds']:.1f} s = {b['xapian_rate']:,.0f} passages/s, "
            f"{b['xapian_mb']:.1f} MB on disk"
        )
    lines.append("")
    return lines + table(latency_rows(result)) + [FOOTNOTE]


def latency_rows(result: dict[str, Any]) -> list[list[str]]:
    lat, hits = result["latency"], result["mean_hits"]
    engines = [e for e in ENGINES if e in lat]
    header = ["query kind", *(f"{e} p50 / p95 ms" for e in engines)]
    header += ["app+counts / Xapian p50", "app+counts CPU p50 / p95"]
    header.append("mean hits " + " / ".join(e for e in engines if e != "app"))
    rows = [header]
    for kind in KINDS:
        if kind not in lat[TIMED]:
            continue
        row = [LABELS[kind]]
        row += [_p50_p95(lat[e].get(kind)) for e in engines]
        xapian = lat.get("xapian", {}).get(kind)
        counted = lat[TIMED][kind]
        row.append(f"{counted['p50'] / xapian['p50']:.2g}x" if xapian else "-")
        row.append(f"{fmt(counted['cpu_p50'])} / {fmt(counted['cpu_p95'])}")
        row.append(
            " / ".join(
                f"{hits[e][kind]:.0f}" if kind in hits.get(e, {}) else "-"
                for e in engines
                if e != "app"
            )
        )
        rows.append(row)
    return rows


def _p50_p95(figures: dict[str, float] | None) -> str:
    return f"{fmt(figures['p50'])} / {fmt(figures['p95'])}" if figures else "-"


def table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = ["| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
           for row in rows]  # fmt: skip
    out.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return out


def bar_report(checks: list[Check], bar_size: int) -> list[str]:
    lines = [
        f"The bar (issue 14) at {bar_size:,} passages ({LARGE_SIZE:,} where it says), "
        "app with top-10 snippets and per-statement counts:"
    ]
    if bar_size != BAR_SIZE:
        lines.append(f"  (the bar is set at {BAR_SIZE:,} passages: the lines below are indicative)")
    for c in checks:
        verdict = "PASS" if c.passed else "FAIL"
        sign = ">=" if c.at_least else "<="
        value = "not run" if math.isinf(c.value) else f"{c.value:8.3g}"
        lines.append(f"  {verdict}  {LINES[c.kind]:<13} {c.what:<21} {value:>8} {sign} {c.limit:g}")
    failed = [c for c in checks if not c.passed]
    if failed:
        kinds = ", ".join(dict.fromkeys(LINES[c.kind] for c in failed))
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
