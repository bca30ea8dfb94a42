"""PDF import bench: how many of a PDF's words the importer keeps, against `pdftotext -layout`
(poppler-utils) and against PDFium's own raw text, on the PDFs of
`shared/data/pdf-sample-files/` that have a text layer.

Recall is over the lower-cased `\\w+` words as a bag with counts: of the words the reference
holds, the share the importer's text holds too (a word twice in the reference must be there
twice). Bar: mean recall against pdftotext at least 0.92, and no file keeping less than 98 %
of the words PDFium itself extracts (the importer's steps after extraction must lose nothing).
A file is left out when pdftotext finds no words in it (a scan, or a password needed).
Times: the importer's per file (`ms`, the whole import: PDFium's characters one by one, the
layout, the metadata) beside PDFium's plain text of every page in the same run.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from reader.core.importers import ImportRefused, import_file, to_document

DATA = Path("data") / "pdf-sample-files"
MEAN_RECALL = 0.92
LEAST_OF_PDFIUM = 0.98
_WORD = re.compile(r"\w+")
_WORST = 5


@dataclass(frozen=True)
class Score:
    name: str
    words: int  # in pdftotext's text
    of_pdftotext: float
    of_pdfium: float
    ms: float  # the importer's time for the file
    raw_ms: float  # PDFium's own text of every page, the baseline the importer builds on


def run(shared: Path) -> bool:
    """Prints the table and the bar's figures; True when the bar is met."""
    folder = shared / DATA
    if not folder.is_dir():
        print(f"PDF bench: {folder} is absent; no PDFs to score (the bar is not checked).")
        return False
    if shutil.which("pdftotext") is None:
        print("PDF bench: pdftotext is not installed (poppler-utils; `make sysdeps`).")
        return False
    scores = [s for s in (_score(path, folder) for path in sorted(folder.rglob("*.pdf"))) if s]
    if not scores:
        print(f"PDF bench: no PDF with a text layer in {folder}.")
        return False
    _print_table(scores)
    mean = sum(s.of_pdftotext for s in scores) / len(scores)
    least = min(scores, key=lambda s: s.of_pdfium)
    print(
        f"\n{len(scores)} PDFs with a text layer; mean recall vs pdftotext {mean:.3f} "
        f"(bar {MEAN_RECALL}); least vs PDFium {least.of_pdfium:.3f} in {least.name} "
        f"(bar {LEAST_OF_PDFIUM})"
    )
    print("Worst vs pdftotext:")
    for score in sorted(scores, key=lambda s: s.of_pdftotext)[:_WORST]:
        print(f"  {score.of_pdftotext:.3f}  {score.name}")
    met = mean >= MEAN_RECALL and least.of_pdfium >= LEAST_OF_PDFIUM
    print("PDF bar met." if met else "PDF bar NOT met.")
    return met


def _score(path: Path, folder: Path) -> Score | None:
    reference = _words(_pdftotext(path))
    if not reference:
        return None
    started = time.perf_counter()
    try:
        text = to_document(import_file(path), "bench").text
    except ImportRefused:
        text = ""
    ms = (time.perf_counter() - started) * 1000
    ours = _words(text)
    started = time.perf_counter()
    raw_text = _pdfium_text(path)
    raw_ms = (time.perf_counter() - started) * 1000
    raw = _words(raw_text)
    return Score(
        str(path.relative_to(folder)),
        sum(reference.values()),
        _recall(ours, reference),
        _recall(ours, raw) if raw else 1.0,
        ms,
        raw_ms,
    )


def _pdftotext(path: Path) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        check=False,
        timeout=120,
    )
    return done.stdout.decode("utf-8", "replace") if done.returncode == 0 else ""


def _pdfium_text(path: Path) -> str:
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError:
        return ""
    try:
        parts = []
        for page in document:
            textpage = page.get_textpage()
            parts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(parts)
    finally:
        document.close()


def _words(text: str) -> Counter[str]:
    # PDFium marks a hyphen that breaks a word at a line end: the word is one word.
    joined = re.sub("[\x02\ufffe\xad]\r?\n?", "", text)
    return Counter(_WORD.findall(joined.lower()))


def _recall(ours: Counter[str], reference: Counter[str]) -> float:
    total = sum(reference.values())
    return sum((ours & reference).values()) / total if total else 1.0


def _print_table(scores: list[Score]) -> None:
    width = max(len(s.name) for s in scores)
    print(
        f"{'PDF':<{width}}  {'words':>6}  {'pdftotext':>9}  {'PDFium':>6}  {'ms':>7}"
        f"  {'PDFium ms':>9}"
    )
    for s in scores:
        print(
            f"{s.name:<{width}}  {s.words:>6}  {s.of_pdftotext:>9.3f}  {s.of_pdfium:>6.3f}"
            f"  {s.ms:>7.1f}  {s.raw_ms:>9.1f}"
        )
    print(
        f"{'all':<{width}}  {sum(s.words for s in scores):>6}  {'':>9}  {'':>6}"
        f"  {sum(s.ms for s in scores):>7.1f}  {sum(s.raw_ms for s in scores):>9.1f}"
    )


if __name__ == "__main__":
    checkout = Path(__file__).resolve().parents[1]
    sys.exit(0 if run(checkout.parent / "shared") else 1)
