"""The engines the search bench compares: the app's index, Xapian, SQLite FTS5, a regex scan."""

from __future__ import annotations

import heapq
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from reader.core.documents.document import Document
from reader.core.search.aliases import is_acronym
from reader.core.search.index import SearchIndex
from search_corpus import Query, edits1, within1

MARK = ("<b>", "</b>")
_TOKEN = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Answer:
    """The top hits as (doc id, snippet with the matched words marked); total if known."""

    hits: list[tuple[str, str]]
    total: int | None = None


class Engine(Protocol):
    name: str

    def search(self, query: Query) -> Answer: ...


def folder_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


class AppEngine:
    """Statement Reader's own SearchIndex: build, reopen with nothing changed, search.

    With `counting`, each search also counts every match per document (the app's default,
    what the command line and the Search tab show); without, it returns the top hits and
    their snippets only, which is what the bar times against FTS5 and the scan.
    """

    def __init__(self, folder: Path, documents: list[Document], counting: bool = False) -> None:
        self.name = "app+counts" if counting else "app"
        self.counting = counting
        self.folder = folder
        self.documents = documents
        self.index: SearchIndex | None = None

    def open(self) -> str:
        """A fresh SearchIndex on the folder, synced with the documents; what sync said."""
        self.close()
        self.index = SearchIndex(self.folder)
        return self.index.sync(self.documents)

    def close(self) -> None:
        if self.index is not None:
            self.index.close()
        self.index = None

    def search(self, query: Query) -> Answer:
        assert self.index is not None
        results = self.index.search(query.text, limit=10, count=self.counting)
        return Answer([(h.doc_id, _as_text(h.snippet)) for h in results.hits], results.total)


def _as_text(snippet: Any) -> str:
    """The snippet as a string: the app returns a Snippet with marks (or, by contract, a str)."""
    return snippet if isinstance(snippet, str) else snippet.marked(*MARK)


class Fts5Engine:
    """SQLite FTS5, porter unicode61 tokenizer, ranked by bm25, snippet() for the excerpt."""

    name = "fts5"
    SEARCH = (
        "SELECT doc_id, snippet(passages, 2, '<b>', '</b>', '…', 24) FROM passages"
        " WHERE passages MATCH ? ORDER BY rank LIMIT 10"
    )

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db: sqlite3.Connection | None = None
        self.vocabulary: list[str] | None = None

    def build(self, records: Sequence[tuple[str, str, str]]) -> None:
        db = sqlite3.connect(self.path)
        db.execute(
            "CREATE VIRTUAL TABLE passages USING fts5(doc_id UNINDEXED, section UNINDEXED, text,"
            " tokenize='porter unicode61')"
        )
        db.execute("CREATE VIRTUAL TABLE vocabulary USING fts5vocab('passages', 'row')")
        with db:
            db.executemany("INSERT INTO passages VALUES (?, ?, ?)", records)
        with db:
            db.execute("INSERT INTO passages(passages) VALUES ('optimize')")
        db.execute("VACUUM")
        db.close()

    def open(self) -> None:
        self.close()
        self.db = sqlite3.connect(self.path)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
        self.db = None
        self.vocabulary = None

    def match(self, query: Query) -> str | None:
        words = query.words
        if query.kind == "and2":
            return f"{_quote(words[0])} AND {_quote(words[1])}"
        if query.kind in ("phrase", "phrase4"):
            return _quote(" ".join(words))
        if query.kind == "prefix":
            return _quote(words[0]) + " *"
        if query.kind == "alias":
            return " OR ".join(_quote(form) for form in words)
        if query.kind == "fuzzy":  # FTS5 has no fuzzy syntax: the app would OR near terms
            near = [term for term in self._vocabulary() if within1(words[0], term)]
            return " OR ".join(_quote(term) for term in near) or None
        return _quote(words[0])

    def _vocabulary(self) -> list[str]:
        if self.vocabulary is None:
            assert self.db is not None
            self.vocabulary = [row[0] for row in self.db.execute("SELECT term FROM vocabulary")]
        return self.vocabulary

    def search(self, query: Query) -> Answer:
        assert self.db is not None
        match = self.match(query)
        if match is None:
            return Answer([])
        return Answer(self.db.execute(self.SEARCH, (match,)).fetchall())

    def count(self, query: Query) -> int:
        assert self.db is not None
        match = self.match(query)
        if match is None:
            return 0
        sql = "SELECT count(*) FROM passages WHERE passages MATCH ?"
        return int(self.db.execute(sql, (match,)).fetchone()[0])


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


class XapianEngine:
    """Xapian 1.4 (Recoll's engine) through Debian's python3-xapian: English stems for every
    word (STEM_SOME, stop words indexed, positions kept), ranked by BM25, top 10 with
    MSet.snippet(). `xapian` is imported here only: the bench runs without it."""

    name = "xapian"

    def __init__(self, path: Path) -> None:
        import xapian

        self.xapian = xapian
        self.path = path
        self.db: Any = None
        self.parser: Any = None
        self.stemmer = xapian.Stem("english")
        self.vocabulary: list[str] | None = None

    def build(self, records: Sequence[tuple[str, str, str]]) -> None:
        xapian = self.xapian
        db = xapian.WritableDatabase(str(self.path), xapian.DB_CREATE_OR_OVERWRITE)
        generator = xapian.TermGenerator()
        generator.set_stemmer(self.stemmer)
        generator.set_stemming_strategy(generator.STEM_SOME)
        for doc_id, _, text in records:
            doc = xapian.Document()
            generator.set_document(doc)
            generator.index_text(text)
            doc.set_data(text)
            doc.add_value(0, doc_id)
            db.add_document(doc)
        db.commit()
        db.close()

    def open(self) -> None:
        xapian = self.xapian
        self.close()
        self.db = xapian.Database(str(self.path))
        parser = xapian.QueryParser()
        parser.set_stemmer(self.stemmer)
        parser.set_stemming_strategy(parser.STEM_SOME)
        parser.set_database(self.db)
        parser.set_default_op(xapian.Query.OP_AND)
        self.parser = parser

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
        self.db = self.parser = self.vocabulary = None

    def match(self, query: Query) -> Any:
        xapian, words = self.xapian, query.words
        flags = self.parser.FLAG_PHRASE | self.parser.FLAG_BOOLEAN | self.parser.FLAG_WILDCARD
        if query.kind == "fuzzy":  # Xapian 1.4 has no fuzzy syntax: the app would OR near terms
            near = [xapian.Query(t) for t in self._vocabulary() if within1(words[0], t)]
            return xapian.Query(xapian.Query.OP_OR, near) if near else None
        if query.kind == "alias":
            forms = [self.parser.parse_query(f'"{form}"', flags) for form in words]
            return xapian.Query(xapian.Query.OP_OR, forms)
        if query.kind in ("phrase", "phrase4"):
            return self.parser.parse_query('"' + " ".join(words) + '"', flags)
        if query.kind == "prefix":
            return self.parser.parse_query(words[0] + "*", flags)
        return self.parser.parse_query(" ".join(words), flags)

    def _vocabulary(self) -> list[str]:
        if self.vocabulary is None:
            terms = (item.term.decode("utf-8") for item in self.db.allterms())
            self.vocabulary = [t for t in terms if t[:1].islower()]  # not "Zstem" terms
        return self.vocabulary

    def _enquire(self, query: Query) -> Any:
        match = self.match(query)
        if match is None:
            return None
        enquire = self.xapian.Enquire(self.db)
        enquire.set_query(match)
        return enquire

    def search(self, query: Query) -> Answer:
        enquire = self._enquire(query)
        if enquire is None:
            return Answer([])
        mset = enquire.get_mset(0, 10)
        hits = []
        for item in mset:
            document = item.document
            text = document.get_data().decode("utf-8")
            snippet = mset.snippet(text, 200, self.stemmer, mset.SNIPPET_EXHAUSTIVE, *MARK, "…")
            hits.append((document.get_value(0).decode("utf-8"), snippet))
        return Answer(hits, mset.get_matches_estimated())

    def count(self, query: Query) -> int:
        enquire = self._enquire(query)
        if enquire is None:
            return 0
        return int(enquire.get_mset(0, 0, self.db.get_doccount()).get_matches_estimated())


class ScanEngine:
    """Every passage tested with regular expressions; score = number of matches.

    Words match as word prefixes (a poor man's stemming), a phrase as w1\\W+w2, fuzzy as any
    token within one edit, an alias as any form of its group (acronyms as written).
    """

    name = "scan"

    def __init__(self, records: Sequence[tuple[str, str, str]]) -> None:
        self.records = records

    def search(self, query: Query) -> Answer:
        scored, patterns = self._matches(query)
        hits = []
        for _, negated in heapq.nlargest(10, scored):
            doc_id, _, text = self.records[-negated]
            hits.append((doc_id, _snippet(text, patterns or _variant_patterns(query, text))))
        return Answer(hits, len(scored))

    def _matches(self, query: Query) -> tuple[list[tuple[int, int]], list[re.Pattern[str]]]:
        scored = []
        if query.kind == "fuzzy":
            variants = edits1(query.words[0])
            for i, (_, _, text) in enumerate(self.records):
                found = sum(1 for t in _TOKEN.findall(text.lower()) if t in variants)
                if found:
                    scored.append((found, -i))
            return scored, []
        patterns = scan_patterns(query)
        for i, (_, _, text) in enumerate(self.records):
            if all(p.search(text) for p in patterns):
                scored.append((sum(len(p.findall(text)) for p in patterns), -i))
        return scored, patterns


def scan_patterns(query: Query) -> list[re.Pattern[str]]:
    words = [re.escape(w) for w in query.words]
    if query.kind == "and2":
        return [re.compile(rf"\b{w}\w*", re.I) for w in words]
    if query.kind in ("phrase", "phrase4"):
        return [re.compile(r"\b" + r"\W+".join(words) + r"\b", re.I)]
    if query.kind == "alias":
        forms = "|".join(_alias_form(form) for form in query.words)
        return [re.compile(rf"\b(?:{forms})")]  # \b outside: 4x faster than inside each form
    return [re.compile(rf"\b{words[0]}\w*", re.I)]


def _alias_form(form: str) -> str:
    """An acronym as written ("U.S."), any other form as words in any case ("united states")."""
    body = r"\s+".join(re.escape(word) for word in form.split())
    end = r"\b" if form[-1].isalnum() else ""
    return body + end if is_acronym(form) else f"(?i:{body}{end})"


def _variant_patterns(query: Query, text: str) -> list[re.Pattern[str]]:
    variants = edits1(query.words[0])
    found = sorted({t for t in _TOKEN.findall(text.lower()) if t in variants})
    return [re.compile(r"\b(?:" + "|".join(map(re.escape, found)) + r")\b", re.I)]


def _snippet(text: str, patterns: list[re.Pattern[str]]) -> str:
    """200 characters around the first match, every match marked."""
    first = patterns[0].search(text)
    start = max(0, first.start() - 80) if first else 0
    window = text[start : start + 200]
    for pattern in patterns:
        window = pattern.sub(lambda m: MARK[0] + m.group(0) + MARK[1], window)
    return window
