"""Recommendation extraction: its quality against the gold, the sentence splitter's speed,
and its cost against the app's start-up (the bar: under 5% of cold start).

Quality (printed first, and alone with --report-only): precision, recall and topic
accuracy per statement on the bundled statements and the development set
(../shared/seeds/dev), with the misses and false positives by category; the measuring is
tests/core/recommendations/quality.py, the one test_quality.py holds to the bar.
Splitter: split_sentences over the bundled and development texts repeated to 1 MB, in
milliseconds per 100 KB (the bar: 10).

The costs of the extractor, all on the two bundled statements:
  extract   extracting both, rules and taxonomy loaded once before (median of many runs):
            the figure the bar is about;
  load      reading the rules file and the taxonomy and compiling their patterns, with
            Python's cache of compiled patterns emptied first (median of many runs);
  fresh     in a new interpreter (median of a few): importing the extractor's modules,
            then loading, then the first extraction; what the window would pay once.
Each is set against the app's cold start to first paint (bench/startup.py's measurement:
`python -m reader --exit-after-paint` in a fresh data folder, after one warm-up launch).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from reader.core.documents.sentences import split_sentences
from reader.core.library.library import Library
from reader.core.recommendations.extraction import extract
from reader.core.recommendations.rules import load_rules
from reader.core.recommendations.taxonomy import load_taxonomy
from reader.resource_access import resource_folder, resource_path
from startup import Side, app_command, child_env, measure, side_stats

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"
BAR = 0.05
SPLITTER_BAR_MS = 10.0  # per 100 KB
FRESH_PROBE = """
import time
from reader.core.library.library import Library
from reader.resource_access import resource_folder, resource_path
library = Library.open(resource_folder())
started = time.perf_counter()
from reader.core.recommendations.rules import load_rules
from reader.core.recommendations.extraction import extract
from reader.core.recommendations.taxonomy import load_taxonomy
imported = time.perf_counter()
rules = load_rules(resource_path("recommendation_rules.json"))
taxonomy = load_taxonomy(resource_path("topics.tsv"))
loaded = time.perf_counter()
found = sum(len(extract(doc, rules, taxonomy)) for doc in library)
print(imported - started, loaded - imported, time.perf_counter() - loaded)
"""


def median_seconds(work: Callable[[], object], runs: int) -> float:
    """The median wall time of `runs` calls of `work`, after one untimed call."""
    work()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def in_process(runs: int) -> dict[str, float]:
    library = list(Library.open(resource_folder()))
    rules = load_rules(resource_path("recommendation_rules.json"))
    taxonomy = load_taxonomy(resource_path("topics.tsv"))
    found = sum(len(extract(doc, rules, taxonomy)) for doc in library)

    def extract_both() -> None:
        for doc in library:
            extract(doc, rules, taxonomy)

    def load_both() -> None:
        re.purge()  # else re's cache of compiled patterns hides the real cost
        load_rules(resource_path("recommendation_rules.json"))
        load_taxonomy(resource_path("topics.tsv"))

    return {
        "extract_s": median_seconds(extract_both, runs),
        "load_s": median_seconds(load_both, max(runs // 4, 5)),
        "recommendations": found,
    }


def fresh_process(runs: int) -> dict[str, float]:
    """Imports, load and first extraction in a new interpreter: medians of each."""
    samples = []
    for _ in range(runs + 1):  # the first writes any missing .pyc; it is not counted
        result = subprocess.run(
            [sys.executable, "-c", FRESH_PROBE], capture_output=True, text=True, check=True
        )
        samples.append([float(value) for value in result.stdout.split()])
    names = ("fresh_import_s", "fresh_load_s", "fresh_extract_s")
    return {name: statistics.median(s[n] for s in samples[1:]) for n, name in enumerate(names)}


def startup_seconds(runs: int, timeout: float) -> float | None:
    side = Side("app", app_command)
    measure([side], runs, child_env("offscreen"), timeout)
    stats = side_stats(side)
    if side.error or not stats["runs"]:
        print(f"the app could not be timed:\n{side.error}", file=sys.stderr)
        return None
    return float(stats["launch_to_first_paint_s"]["median"])


def report(figures: dict[str, Any]) -> None:
    startup = figures["startup_s"]
    print(
        f"Extraction of both bundled statements ({figures['recommendations']} recommendations),"
        f" python {sys.version.split()[0]}"
    )
    rows = [
        ("extract (rules loaded)", figures["extract_s"]),
        ("load rules and taxonomy (compiling)", figures["load_s"]),
        ("fresh process: import modules", figures["fresh_import_s"]),
        ("fresh process: load", figures["fresh_load_s"]),
        ("fresh process: first extraction", figures["fresh_extract_s"]),
    ]
    for name, seconds in rows:
        share = f"{seconds / startup:6.2%} of start-up" if startup else "start-up not timed"
        print(f"  {name:<38} {seconds * 1000:8.2f} ms  {share}")
    if startup:
        print(f"  {'app cold start to first paint':<38} {startup * 1000:8.1f} ms (median)")
        verdict = "MEETS" if figures["extract_s"] / startup < BAR else "DOES NOT MEET"
        print(f"\nextraction of both statements {verdict} the bar (< {BAR:.0%} of start-up)")


def quality(seeds: Path) -> None:
    """Print the extractor's figures on the bundled statements and the development set."""
    sys.path.insert(0, str(REPO))  # the measuring is shared with the tests
    from tests.core.recommendations.quality import measured, unfindable
    from tests.core.recommendations.statement_captures import dev_documents, load_gold

    rules = load_rules(resource_path("recommendation_rules.json"))
    taxonomy = load_taxonomy(resource_path("topics.tsv"))
    sets = [("bundled statements", list(Library.open(resource_folder())), seeds)]
    sets.append(("development statements", dev_documents(seeds / "dev"), seeds / "dev"))
    for name, docs, folder in sets:
        gold = load_gold(next(folder.glob("*.gold.tsv")))
        for sentence in unfindable(docs, gold):
            print(f"  gold row that is not one sentence: {sentence[:120]}")
        measured(f"Recommendations, {name}:", docs, gold, rules, taxonomy)


def splitter_ms_per_100kb(seeds: Path, runs: int) -> tuple[float, float, int]:
    """The splitter's median and best time per 100 KB over ~1 MB of statement text, and the
    text's size. The bar is judged on the best run: on a shared machine other processes
    only ever add time, and the median moves with them."""
    texts = [doc.text for doc in Library.open(resource_folder())]
    texts += [p.read_text(encoding="utf-8") for p in sorted((seeds / "dev").glob("*.txt"))]
    base = "\n\n".join(texts)
    text = base * (1_000_000 // len(base) + 1)
    split_sentences(text)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        split_sentences(text)
        times.append(time.perf_counter() - started)
    scale = 1000 * 100_000 / len(text)
    return statistics.median(times) * scale, min(times) * scale, len(text)


def report_splitter(median_ms: float, best_ms: float, size: int) -> None:
    verdict = "MEETS" if best_ms <= SPLITTER_BAR_MS else "DOES NOT MEET"
    print(
        f"\nSentence splitter over {size / 1000:.0f} KB of statement text:"
        f" {best_ms:.2f} ms per 100 KB (best run), {median_ms:.2f} (median)"
    )
    print(f"the splitter {verdict} the bar (<= {SPLITTER_BAR_MS:.0f} ms per 100 KB)\n")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200, help="in-process runs (200)")
    parser.add_argument("--fresh-runs", type=int, default=5, help="fresh processes (5)")
    parser.add_argument("--startup-runs", type=int, default=10, help="app launches (10)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds per app launch")
    parser.add_argument("--json-out", type=Path, metavar="FILE", help="also write JSON")
    parser.add_argument(
        "--report-only", action="store_true", help="quality and splitter only, no timing"
    )
    parser.add_argument("--seeds", type=Path, default=SEEDS, help=f"the seeds folder ({SEEDS})")
    args = parser.parse_args(argv)
    if min(args.runs, args.fresh_runs, args.startup_runs) < 1:
        parser.error("every number of runs must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.seeds.is_dir():
        quality(args.seeds)
    else:
        print(f"no quality report: the seeds folder {args.seeds} is absent")
    median_ms, best_ms, size = splitter_ms_per_100kb(args.seeds, max(args.runs // 10, 5))
    report_splitter(median_ms, best_ms, size)
    if args.report_only:
        return 0 if best_ms <= SPLITTER_BAR_MS else 1
    figures: dict[str, Any] = in_process(args.runs)
    figures["splitter_ms_per_100kb"] = {"best": best_ms, "median": median_ms}
    figures.update(fresh_process(args.fresh_runs))
    figures["startup_s"] = startup_seconds(args.startup_runs, args.timeout)
    report(figures)
    if args.json_out:
        args.json_out.write_text(json.dumps(figures, indent=2) + "\n")
    return 0 if figures["startup_s"] else 1


if __name__ == "__main__":
    sys.exit(main())
