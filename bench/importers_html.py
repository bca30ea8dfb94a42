"""The HTML importer on the whole article-extraction-benchmark, beside trafilatura alone.

Both read every page in one run, alternately (the library first on even pages, the
importer first on odd ones), so a busy machine slows both alike. The importer is timed end
to end, as a user waits for it (`import_file` on the saved page: reading, decoding, parsing,
trafilatura, the blocks, cleaning, metadata); trafilatura is timed on the page's text, called
as the importer calls it (`html_region.extracted_text`: no comments, tables in).

Scores: bag-of-words F1 against the annotated article text (article_benchmark.py), mean and
median over the pages; the bars are a mean F1 of at least 0.95 and at most 3 times
trafilatura's time. The statement's title heading counts as its text; as the annotators'
`articleBody` (schema.org's) has no headline, nor has trafilatura's text, the importer is
also scored less that heading, like for like (no bar). Structure: of the page's own
headings (h1-h6) and list items (<li> without a list inside) that are lines of the
annotated article (two words at least), the share the importer gives as a heading, or a
list item, of the same words: of those it imported at all (the faithfulness of the blocks,
once the region is chosen), and of all.
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from article_benchmark import FOLDER, Page, Score, benchmark_folder, pages, score
from reader.core.documents.document import BlockKind
from reader.core.importers import ImportRefused, import_file
from reader.core.importers.html_region import extracted_text

F1_BAR = 0.95
TIME_BAR = 3.0  # the importer's time over trafilatura's
_WORD = re.compile(r"\w+")


@dataclass
class Side:
    name: str
    scores: list[Score] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        f1 = [s.f1 for s in self.scores]
        return (
            f"{self.name:<16} F1 mean {statistics.mean(f1):.3f}  median {statistics.median(f1):.3f}"
            f"  precision {statistics.mean(s.precision for s in self.scores):.3f}"
            f"  recall {statistics.mean(s.recall for s in self.scores):.3f}"
            f"  {1000 * self.seconds / len(self.scores):6.1f} ms/page"
        )


@dataclass
class Kept:
    """Of the page's headings or list items that are the article's, how many came out so."""

    expected: int = 0
    imported: int = 0  # came out as a block of any kind: inside the region chosen
    kept: int = 0  # came out as a block of the same kind

    def add(self, wanted: Iterable[str], same_kind: Iterable[str], any_kind: Iterable[str]) -> None:
        kind_left, any_left = Counter(same_kind), Counter(any_kind)
        for text in wanted:
            self.expected += 1
            if any_left[text] > 0:
                any_left[text] -= 1
                self.imported += 1
            if kind_left[text] > 0:
                kind_left[text] -= 1
                self.kept += 1

    def share(self) -> str:
        if not self.imported:
            return "-"
        return (
            f"{100 * self.kept / self.imported:.1f} % of the {self.imported} imported"
            f" ({100 * self.kept / self.expected:.1f} % of all {self.expected})"
        )


def run(shared: Path) -> bool:
    folder = benchmark_folder(shared)
    if folder is None:
        print(f"HTML: no benchmark at {shared / FOLDER}, so the web page importer is not scored.")
        return False
    library, importer = Side("trafilatura"), Side("HTML importer")
    untitled = Side("  less its title")
    headings, items = Kept(), Kept()
    refused: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        all_pages = list(pages(folder))
        _warm_up(Path(scratch), all_pages[0])
        for number, page in enumerate(all_pages):
            path = Path(scratch) / f"{page.key}.html"
            path.write_bytes(page.data)
            if number % 2 == 0:
                _time_library(library, page)
                found = _time_importer(importer, path)
            else:
                found = _time_importer(importer, path)
                _time_library(library, page)
            if found is None:
                refused.append(page.key)
            blocks, title = found or ([], "")
            importer.scores.append(score("\n".join(t for _, t in blocks), page.body))
            body = [text for _, text in blocks]
            if title in body:
                body.remove(title)
            untitled.scores.append(score("\n".join(body), page.body))
            wanted_headings, wanted_items = _article_structure(page)
            texts = [_norm(t) for _, t in blocks]
            headings.add(wanted_headings, _of_kind(blocks, BlockKind.HEADING), texts)
            items.add(wanted_items, _of_kind(blocks, BlockKind.LIST_ITEM), texts)
    ratio = importer.seconds / library.seconds
    mean_f1 = statistics.mean(s.f1 for s in importer.scores)
    print(f"HTML: {len(importer.scores)} pages of {folder}")
    print(f"  {library.line()}")
    print(f"  {importer.line()}")
    print(f"  {untitled.line().split('  precision')[0]}")
    print(f"  time: importer / trafilatura = {ratio:.2f} (bar: at most {TIME_BAR:.0f})")
    print(f"  headings kept as headings: {headings.share()}")
    print(f"  list items kept as list items: {items.share()}")
    if refused:
        print(f"  refused: {len(refused)} pages ({', '.join(k[:12] for k in refused[:5])})")
    ok = mean_f1 >= F1_BAR and ratio <= TIME_BAR
    print(f"  bar (mean F1 >= {F1_BAR}, time <= {TIME_BAR:.0f}x): {'met' if ok else 'NOT met'}")
    return ok


def _time_importer(side: Side, path: Path) -> tuple[list[tuple[BlockKind, str]], str] | None:
    """The page's blocks as the importer gives them and its title, None if it refused it."""
    started = time.perf_counter()
    try:
        imported = import_file(path)
    except ImportRefused:
        return None
    finally:
        side.seconds += time.perf_counter() - started
    return [(block.kind, block.text) for block in imported.blocks], imported.metadata.title


def _time_library(side: Side, page: Page) -> None:
    html = page.html
    started = time.perf_counter()
    text = extracted_text(html)
    side.seconds += time.perf_counter() - started
    side.scores.append(score(text, page.body))


def _warm_up(scratch: Path, page: Page) -> None:
    """One import first: the first call of each loads modules and tables no page should pay."""
    path = scratch / "warm-up.html"
    path.write_bytes(page.data)
    import_file(path)
    extracted_text(page.html)


def _article_structure(page: Page) -> tuple[list[str], list[str]]:
    """The page's headings and innermost list items that are lines of the annotated article."""
    lines = Counter(_norm(line) for line in page.body.splitlines())
    tree = LexborHTMLParser(page.html)

    def wanted(selector: str) -> list[str]:
        found = []
        for node in tree.css(selector):
            if node.tag == "li" and node.css_first("ul, ol"):
                continue
            text = _norm(node.text(separator=" "))
            if len(text.split()) >= 2 and lines[text] > 0:
                lines[text] -= 1
                found.append(text)
        return found

    return wanted("h1, h2, h3, h4, h5, h6"), wanted("li")


def _of_kind(blocks: list[tuple[BlockKind, str]], kind: BlockKind) -> list[str]:
    return [_norm(text) for found, text in blocks if found is kind]


def _norm(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


if __name__ == "__main__":
    sys.exit(0 if run(Path(__file__).resolve().parents[2] / "shared") else 1)
