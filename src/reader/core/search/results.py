"""What a search returns: ranked passages with snippets, counts per document, and advice."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.core.search.snippets import Snippet


@dataclass(frozen=True)
class Hit:
    doc_id: str
    doc_title: str
    section: str
    start: int  # the passage's range in the document's canonical text
    end: int
    score: float
    snippet: Snippet
    terms: tuple[str, ...]  # the matched words as the text writes them
    matches: tuple[tuple[int, int], ...]  # where they are, in the canonical text


@dataclass(frozen=True)
class SearchResults:
    query: str
    hits: tuple[Hit, ...] = ()
    total: int = 0  # passages matched, of which `hits` are the best
    per_document: dict[str, int] = field(default_factory=dict)
    counted: bool = True  # False: the search skipped counting; total is len(hits)
    notice: str = ""  # e.g. the query was read as plain words
    suggestion: str | None = None  # "did you mean", when nothing matched
    seconds: float = 0.0
    at_least: bool = False  # True: the search stopped counting at `total` matches

    @property
    def documents(self) -> int:
        return len(self.per_document)
