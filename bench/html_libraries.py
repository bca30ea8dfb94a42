"""The field's article extractors on the article-extraction-benchmark, as chosen between for
html_region.py: trafilatura (as the importer calls it, and with favor_precision),
readability-lxml, Resiliparse and jusText; mean and median F1, precision, recall, ms a page.

readability-lxml 0.9 needs chardet below 6, which the app's own chardet 7 rules out, so this
runs in a venv of its own, without the app:
    python3 -m venv /tmp/extractors
    /tmp/extractors/bin/pip install trafilatura readability-lxml resiliparse justext
    /tmp/extractors/bin/python bench/html_libraries.py
"""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from article_benchmark import FOLDER, Page, benchmark_folder, pages, score

Extractor = Callable[[str], str]


def extractors() -> dict[str, Extractor]:
    import justext
    import lxml.html
    import readability
    import trafilatura
    from resiliparse.extract.html2text import extract_plain_text
    from resiliparse.parse.html import HTMLTree

    def traf(html: str, precision: bool = False) -> str:
        text = trafilatura.extract(html, include_comments=False, favor_precision=precision)
        return text or ""

    def readability_lxml(html: str) -> str:
        summary = readability.Document(html).summary(html_partial=True)
        return lxml.html.fromstring(summary).text_content() if summary.strip() else ""

    def resiliparse(html: str) -> str:
        return str(extract_plain_text(HTMLTree.parse(html), main_content=True))

    def jus_text(html: str) -> str:
        found = justext.justext(html.encode(), justext.get_stoplist("English"))
        return "\n".join(p.text for p in found if not p.is_boilerplate)

    return {
        "trafilatura": traf,
        "trafilatura (favor_precision)": lambda html: traf(html, precision=True),
        "readability-lxml": readability_lxml,
        "resiliparse": resiliparse,
        "justext": jus_text,
    }


def measure(name: str, extract: Extractor, all_pages: list[Page]) -> str:
    scores, seconds = [], 0.0
    extract(all_pages[0].html)  # first-call costs out
    for page in all_pages:
        html = page.html
        started = time.perf_counter()
        text = extract(html)
        seconds += time.perf_counter() - started
        scores.append(score(text, page.body))
    f1 = [s.f1 for s in scores]
    return (
        f"{name:<30} F1 mean {statistics.mean(f1):.3f}  median {statistics.median(f1):.3f}"
        f"  precision {statistics.mean(s.precision for s in scores):.3f}"
        f"  recall {statistics.mean(s.recall for s in scores):.3f}"
        f"  {1000 * seconds / len(scores):6.1f} ms/page"
    )


def main() -> int:
    shared = Path(__file__).resolve().parents[2] / "shared"
    folder = benchmark_folder(shared)
    if folder is None:
        print(f"No benchmark at {shared / FOLDER}, so nothing is measured.")
        return 1
    all_pages = list(pages(folder))
    for name, extract in extractors().items():
        print(measure(name, extract, all_pages), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
