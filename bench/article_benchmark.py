"""The article-extraction-benchmark (MIT, 181 news and blog pages with their article text)
and its score: bag-of-words F1 of lower-cased `\\w+` tokens, with counts, against
`articleBody`, averaged per page. Imports nothing of the app, so bench/html_libraries.py
can score the field's libraries in a venv of their own.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

FOLDER = Path("data") / "article-extraction-benchmark"
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Page:
    key: str
    data: bytes  # the page as it was saved
    body: str  # the article's text, as the benchmark's annotators gave it

    @property
    def html(self) -> str:
        """The page as text for a library: every page of the benchmark is UTF-8."""
        return self.data.decode("utf-8", "replace")


@dataclass(frozen=True)
class Score:
    f1: float
    precision: float
    recall: float


def benchmark_folder(shared: Path) -> Path | None:
    folder = shared / FOLDER
    return folder if (folder / "ground-truth.json").is_file() else None


def pages(folder: Path) -> Iterator[Page]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        data = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        yield Page(key, data, truth[key]["articleBody"])


def score(got: str, want: str) -> Score:
    found, wanted = Counter(_WORD.findall(got.lower())), Counter(_WORD.findall(want.lower()))
    common = sum((found & wanted).values())
    if not common:
        return Score(0.0, 0.0, 0.0)
    precision, recall = common / sum(found.values()), common / sum(wanted.values())
    return Score(2 * precision * recall / (precision + recall), precision, recall)
