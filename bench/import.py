"""Import bench: 2,500 statement-sized .txt files made at bench time, imported through
`python -m reader import --json` in batches, then through the window (File > Import's code
path, offscreen, in this process), then phase by phase through the core API (parse, store,
index, extract).

End to end is what a user waits for: parsing, storing, the incremental index update and
the extractor (which files each passage under its recommendations' topics). The index size
is the index folder on disk after the command-line import.

The GUI half imports the same files through the window's import controller while a 10 ms
timer ticks (the longest gap between ticks is the longest stall of the event loop; the bar
is 100 ms) and the Search tab asks for "strategic stability" every second (answers with hits
from the documents imported so far show that search keeps working during the import).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reader.core.documents.builder import BlockSpec
from reader.core.documents.document import BlockKind
from reader.core.importers import import_file
from reader.core.library.catalogue import Catalogue
from reader.core.library.importing import LibraryContext, update_index
from reader.core.library.library import Library
from reader.core.recommendations.extraction import extract
from reader.core.user_db import UserDatabase
from reader.resource_access import resource_folder
from search_corpus import PASSAGES_PER_DOC, document_specs, passage_texts, sentence_pool
from search_engines import folder_size

DOCUMENTS = 2500
BATCH = 500  # files per command: keeps argv well under the system's limit
SEED = 7
MONTHS = "January February March April May June July August September October November December"
PLACES = ("Geneva", "Vienna", "Helsinki", "Moscow", "Washington, D.C.", "Berlin", "Rome")
SUBJECTS = ("Strategic Stability", "Arms Control", "European Security", "Nuclear Risks")
# Recommending sentences, so the extractor has something to find, as in real statements.
URGINGS = (
    "We urge both governments to resume a regular dialogue on strategic stability.",
    "The parties must agree on measures to reduce the risk of an accidental launch.",
    "We recommend that military hotlines be kept open at all times.",
)


def make_statements(folder: Path, count: int = DOCUMENTS, seed: int = SEED) -> list[Path]:
    """`count` statement files in `folder`: a title, a dateline, headings and paragraphs."""
    folder.mkdir(parents=True, exist_ok=True)
    pool = sentence_pool(seed)
    texts = passage_texts(count * (PASSAGES_PER_DOC[1] + 1), pool, seed)
    rnd = random.Random(seed)
    files = []
    for number, specs in enumerate(document_specs(texts, seed)[:count]):
        path = folder / f"statement-{number:05d}.txt"
        path.write_text(_statement_text(number, specs, rnd), encoding="utf-8")
        files.append(path)
    return files


def _statement_text(number: int, specs: list[BlockSpec], rnd: random.Random) -> str:
    title = f"Joint Statement No. {number + 1} on {rnd.choice(SUBJECTS)}"
    month = MONTHS.split()[rnd.randrange(12)]
    lines = [
        title,
        "",
        f"{rnd.choice(PLACES)}, {rnd.randint(1, 28)} {month} {rnd.randint(1990, 2024)}",
    ]
    for spec in specs:
        words = spec.text
        if spec.kind is BlockKind.PARAGRAPH and rnd.random() < 0.3:
            words += " " + rnd.choice(URGINGS)
        lines += ["", words]
    return "\n".join(lines) + "\n"


def cli_import(files: Sequence[Path], data_dir: Path, batch: int) -> dict[str, Any]:
    """Every file through the command line, `batch` per process; end-to-end seconds."""
    started = time.perf_counter()
    statuses: dict[str, int] = {}
    for at in range(0, len(files), batch):
        chunk = [str(path) for path in files[at : at + batch]]
        command = [sys.executable, "-m", "reader", "--data-dir", str(data_dir), "import", "--json"]
        done = subprocess.run(command + chunk, capture_output=True, text=True, check=False)
        if done.returncode not in (0, 1):
            raise SystemExit(f"import failed ({done.returncode}): {done.stderr}")
        for result in json.loads(done.stdout):
            statuses[result["status"]] = statuses.get(result["status"], 0) + 1
        log(f"  {at + len(chunk)}/{len(files)} imported ({time.perf_counter() - started:.0f} s)")
    seconds = time.perf_counter() - started
    index = data_dir / "cache" / "index"
    return summarise(len(files), seconds, statuses, folder_size(index))


TICK_MS = 10
SEARCH_EVERY_MS = 1000
SEARCH_WORDS = "strategic stability"
STALL_BAR_MS = 100


INDEX_TIMEOUT_MS = 15 * 60 * 1000


def gui_import(files: Sequence[Path], data_dir: Path) -> dict[str, Any]:
    """Every file through the window's import controller; end to end, stalls, searches."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from reader import paths

    from reader.ui import settings as S
    from reader.ui.library import import_dialogs
    from reader.ui.main_window import MainWindow
    from reader.ui.search.index_service import IndexService, index_command
    from reader.ui.side_panel import Tab

    app = QApplication.instance() or QApplication(sys.argv[:1])
    folders = paths.resolve(str(data_dir))
    settings = S.Settings(paths.ensure(folders.config) / "settings.ini")
    library = Library.open(resource_folder())
    service = IndexService(folders.index, list(library), index_command(folders))
    window = MainWindow(library, settings, service, folders.data)
    window.show()
    import_dialogs.show_import_summary = lambda *_: None  # no modal summary in a bench
    _wait(app, window.library.start, service.is_searchable)
    window.side_panel.setCurrentIndex(Tab.SEARCH)
    panel = window.ensure_search_panel()
    assert panel is not None
    panel.box.setText(SEARCH_WORDS)
    watch = _Watch()
    panel.model.modelReset.connect(lambda: watch.answered(panel.model.results().total))
    ticker, asker = QTimer(interval=TICK_MS), QTimer(interval=SEARCH_EVERY_MS)
    ticker.timeout.connect(watch.tick)
    asker.timeout.connect(lambda: (watch.asked(), panel.search_now()))
    controller = window.library.imports
    results: list[Any] = []
    controller.import_finished.connect(results.extend)
    loop = QEventLoop()
    controller.import_finished.connect(loop.quit)
    # Connected before the import: a small import is indexed at once, before loop.exec() returns.
    refreshed: list[bool] = []
    service.refreshed.connect(lambda: refreshed.append(True))
    started = time.perf_counter()
    watch.last = watch.started = started
    ticker.start()
    asker.start()
    controller.start(list(files))
    loop.exec()
    imported = time.perf_counter() - started
    # End to end includes the index: a large import is indexed by the separate index
    # process after the files are in; the window reopens the index when it is done.
    indexed = QEventLoop()
    service.refreshed.connect(indexed.quit)
    QTimer.singleShot(INDEX_TIMEOUT_MS, indexed.quit)
    if not refreshed:
        indexed.exec()
    seconds = time.perf_counter() - started
    ticker.stop()
    asker.stop()
    statuses: dict[str, int] = {}
    for result in results:
        statuses[result.status] = statuses.get(result.status, 0) + 1
    report = summarise(len(files), seconds, statuses, folder_size(folders.index))
    report["files_stored_seconds"] = round(imported, 2)
    report["index_in_process"] = True
    report.update(watch.report())
    window.close()
    return report


class _Watch:
    """The gaps between timer ticks, and the searches asked and answered."""

    def __init__(self) -> None:
        self.last = self.started = time.perf_counter()
        self.longest = self.longest_at = 0.0
        self.ticks = 0
        self.questions = self.answers = self.with_hits = 0

    def tick(self) -> None:
        now = time.perf_counter()
        if now - self.last > self.longest:
            self.longest, self.longest_at = now - self.last, now - self.started
        self.last, self.ticks = now, self.ticks + 1

    def asked(self) -> None:
        self.questions += 1

    def answered(self, total: int) -> None:
        self.answers += 1
        self.with_hits += total > 0

    def report(self) -> dict[str, Any]:
        longest_ms = round(self.longest * 1000, 1)
        return {
            "longest_stall_ms": longest_ms,
            "longest_stall_at_s": round(self.longest_at, 2),
            "stall_bar_ms": STALL_BAR_MS,
            "stall_within_bar": longest_ms <= STALL_BAR_MS,
            "ticks": self.ticks,
            "searches_asked": self.questions,
            "searches_answered": self.answers,
            "answers_with_hits": self.with_hits,
        }


def _wait(app: Any, start: Any, ready: Any, timeout: float = 120) -> None:
    start()
    deadline = time.perf_counter() + timeout
    while not ready():
        if time.perf_counter() > deadline:
            raise SystemExit("the window's search index did not open")
        app.processEvents()
        time.sleep(0.01)


def summarise(
    count: int, seconds: float, statuses: dict[str, int], index_bytes: int
) -> dict[str, Any]:
    return {
        "documents": count,
        "seconds": round(seconds, 2),
        "documents_per_second": round(count / seconds, 1),
        "statuses": statuses,
        "index_mb": round(index_bytes / (1024 * 1024), 1),
    }


def core_phases(files: Sequence[Path], data_dir: Path) -> dict[str, float]:
    """The same import phase by phase through the core API; seconds per phase."""
    times: dict[str, float] = {}
    started = time.perf_counter()
    parsed = [import_file(path) for path in files]
    times["parse"] = time.perf_counter() - started
    db = UserDatabase.open(data_dir)
    try:
        catalogue, reserved = Catalogue(db), Library.open(resource_folder()).ids()
        started = time.perf_counter()
        for statement, path in zip(parsed, files, strict=True):
            catalogue.add(statement, path, reserved)
        times["store"] = time.perf_counter() - started
        times.update(_index_and_extract(db, data_dir))
    finally:
        db.close()
    return {phase: round(seconds, 2) for phase, seconds in times.items()}


def _index_and_extract(db: UserDatabase, data_dir: Path) -> dict[str, float]:
    from reader.core.recommendations.rules import bundled_rules
    from reader.core.recommendations.taxonomy import bundled_taxonomy

    context = LibraryContext(resource_folder(), db, data_dir / "cache" / "index")
    started = time.perf_counter()
    update_index(context)  # passages and their topics: the extractor runs inside
    index = time.perf_counter() - started
    rules, taxonomy = bundled_rules(), bundled_taxonomy()
    documents = Library.open(resource_folder(), db).imported()
    started = time.perf_counter()
    found = sum(len(extract(doc, rules, taxonomy)) for doc in documents)
    log(f"  the extractor found {found} recommendations")
    return {"index (extraction included)": index, "extract alone": time.perf_counter() - started}


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=DOCUMENTS)
    parser.add_argument("--batch", type=int, default=BATCH)
    parser.add_argument("--skip-phases", action="store_true", help="no phase-by-phase run")
    parser.add_argument("--skip-cli", action="store_true", help="no command-line import")
    parser.add_argument("--skip-gui", action="store_true", help="no import through the window")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="statement-reader-import-bench-") as tmp:
        work = Path(tmp)
        log(f"making {args.documents} statements ...")
        files = make_statements(work / "files", args.documents)
        size = sum(path.stat().st_size for path in files) / len(files)
        report: dict[str, Any] = {"mean_file_kb": round(size / 1024, 1)}
        if not args.skip_cli:
            log(f"importing through the command line, {args.batch} per process ...")
            report["cli"] = cli_import(files, work / "cli", args.batch)
        if not args.skip_gui:
            log("importing through the window (offscreen) ...")
            report["gui"] = gui_import(files, work / "gui")
        if not args.skip_phases:
            log("the same, phase by phase through the core ...")
            report["phases_seconds"] = core_phases(files, work / "core")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    os.environ.pop("STATEMENT_READER_DATA_DIR", None)  # --data-dir decides, not the caller's
    sys.exit(main())
