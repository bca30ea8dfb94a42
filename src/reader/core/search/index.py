"""The persistent full-text index: one Whoosh record per passage, kept in step with the library."""

from __future__ import annotations

import dataclasses
import heapq
import logging
import operator
import threading
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterable
from contextlib import suppress
from pathlib import Path
from typing import Any

from whoosh import index as windex
from whoosh.index import LockError

from reader.core.documents.document import Document
from reader.core.errors import ReaderError
from reader.core.search import bulk_writing, whole_postings
from reader.core.search.aliases import AliasGroup, load_aliases
from reader.core.search.analysis import IndexTerms, make_analyzer
from reader.core.search.block_max import best_of_term
from reader.core.search.bulk_build import write_topics_last
from reader.core.search.bulk_writing import BulkWriter
from reader.core.search.fuzzy import FuzzyExpander
from reader.core.search.index_store import (
    Manifest,
    current_generation,
    new_build_folder,
    publish,
    read_manifest,
    remove_old_generations,
    write_manifest,
)
from reader.core.search.near_phrases import with_near_phrases
from reader.core.search.parallel_topics import topics_in_order
from reader.core.search.passage_documents import passage_documents
from reader.core.search.passage_topics import PassageTopics, bundled_passage_topics
from reader.core.search.passages import fingerprint, library_fingerprint, passages
from reader.core.search.phrases import with_pair_terms
from reader.core.search.prefixes import best, is_plain_prefix, prefix_matches
from reader.core.search.query import (
    AliasExpander,
    ParsedQuery,
    QueryError,
    make_parser,
    parse,
    too_complex,
    without_surrogates,
)
from reader.core.search.query_notices import nothing_to_search, notice_for_nothing_found
from reader.core.search.query_terms import highlight_words, restriction
from reader.core.search.results import Hit, SearchResults
from reader.core.search.schema import (
    SCHEMA_VERSION,
    TOPIC,
    Records,
    make_schema,
    open_generation,
)
from reader.core.search.scoring import ListedLengthsBM25F
from reader.core.search.snippets import make_snippet
from reader.core.search.spelling import suggest
from reader.core.search.statement_counts import StatementRuns
from reader.core.search.writing import open_writer
from reader.core.translation import _

log = logging.getLogger(__name__)

LOCK_WAIT_SECONDS = 5.0
OPEN_ATTEMPTS = 3
NO_INDEX = "there was no index yet"
Progress = Callable[[int, int], None]


class IndexUnavailableError(ReaderError):
    """The index cannot be built, updated or read; the sentence says why."""


class SearchIndex:
    """Opens, builds and updates the index under `folder`; searches it. Thread-safe."""

    def __init__(
        self,
        folder: Path,
        aliases: list[AliasGroup] | None = None,
        topics: PassageTopics | None = None,
    ) -> None:
        self.folder = folder
        self._topics = topics if topics is not None else bundled_passage_topics()
        groups = aliases if aliases is not None else _bundled_aliases()
        self._analyzer = make_analyzer(groups)
        self._terms = IndexTerms(self._analyzer)
        self._records = Records(self._analyzer)
        self._schema = make_schema(self._analyzer)
        self._parser = make_parser(self._schema)
        self._expander = AliasExpander(groups, self._analyzer)
        self._fuzzy = FuzzyExpander("text")
        self._lock = threading.RLock()
        self._ix: Any = None
        self._searcher: Any = None
        self._manifest: Manifest | None = None
        self._documents: dict[str, Document] = {}
        self._statement_runs: StatementRuns | None = None

    # Keeping in step -----------------------------------------------------------------------
    def sync(
        self, documents: Iterable[Document], progress: Progress | None = None, rebuild: bool = False
    ) -> str:
        """Bring the index in line with `documents`; says what was done ("unchanged", ...)."""
        with self._lock:
            self._documents = {doc.id: doc for doc in documents}
            reason = "a rebuild was asked for" if rebuild else self._open_live()
            if reason:
                self._build(progress)
                return "built" if reason == NO_INDEX else f"rebuilt: {reason}"
            return self._update(progress)

    def open_current(self) -> str:
        """Open the index as it stands, without updating it: "" if it can be searched, else why not.

        For searching the old index while another process brings it up to date.
        """
        with self._lock:
            return self._open_live()

    def _open_live(self) -> str:
        """Open the current generation; "" if it is sound, else why it must be rebuilt."""
        self._close_live()
        generation = current_generation(self.folder)
        if generation is None:
            return NO_INDEX
        manifest = read_manifest(generation)
        if manifest is None:
            return "its description was missing or damaged"
        if manifest.schema != SCHEMA_VERSION:
            return "it was made by another version of Statement Reader"
        opened = open_generation(generation)
        if isinstance(opened, str):
            return opened
        ix, searcher, count = opened
        if count != manifest.passages:
            searcher.close()
            ix.close()
            return "it was incomplete"
        self._ix, self._searcher, self._manifest = ix, searcher, manifest
        self._forget_caches()
        return ""

    def _build(self, progress: Progress | None) -> None:
        try:
            build = new_build_folder(self.folder)
            ix = windex.create_in(str(build), self._schema)
            writer = BulkWriter(ix, late=(TOPIC,))
            count = self._write(ix, writer, list(self._documents.values()), [], progress)
            ix.close()
            prints, library = self._fingerprints(), self._library_fingerprint()
            write_manifest(build, Manifest(SCHEMA_VERSION, count, prints, library))
            generation = publish(self.folder, build)
        except OSError as error:
            raise self._unwritable(error) from error
        # Another process may publish (and clear away ours) meanwhile: any current one will do.
        for _attempt in range(OPEN_ATTEMPTS):
            if not self._open_live():
                break
        else:
            raise IndexUnavailableError(
                _("The search index just built in {folder} cannot be read.").format(
                    folder=generation
                )
            )
        remove_old_generations(self.folder, Path(self._ix.storage.folder))

    def _update(self, progress: Progress | None) -> str:
        assert self._manifest is not None
        library = self._library_fingerprint()
        if library == self._manifest.library:
            return "unchanged"
        known = self._manifest.docs
        prints = self._fingerprints()
        changed = [
            doc for doc_id, doc in self._documents.items() if known.get(doc_id) != prints[doc_id]
        ]
        removed = [doc_id for doc_id in known if doc_id not in self._documents]
        if not changed and not removed:  # the same documents, in another order, say
            with suppress(OSError):  # next time the one digest tells
                self._manifest = dataclasses.replace(self._manifest, library=library)
                write_manifest(Path(self._ix.storage.folder), self._manifest)
            return "unchanged"
        try:
            writer = open_writer(self._ix, timeout=LOCK_WAIT_SECONDS)
        except LockError as error:
            raise IndexUnavailableError(
                _("The search index is being updated by another window; try again shortly.")
            ) from error
        except OSError as error:
            raise IndexUnavailableError(
                _("The search index in {folder} is read-only: {reason}.").format(
                    folder=self.folder, reason=error.strerror
                )
            ) from error
        count = self._write(self._ix, writer, changed, removed + [d.id for d in changed], progress)
        self._manifest = Manifest(SCHEMA_VERSION, count, prints, library)
        try:
            write_manifest(Path(self._ix.storage.folder), self._manifest)
        except OSError as error:  # the next opening finds the manifest stale and catches up
            raise self._unwritable(error) from error
        # A new searcher, not refresh(): refresh() kept a commit's deletions out of sight.
        self._searcher.close()
        self._searcher = self._ix.searcher(weighting=ListedLengthsBM25F())
        self._forget_caches()
        return f"updated: {len(changed)} added or changed, {len(removed)} removed"

    def _write(
        self,
        ix: Any,
        writer: Any,
        added: list[Document],
        deleted: list[str],
        progress: Progress | None,
    ) -> int:
        """Delete, add and commit in one writer; cancel on any failure (it would keep the lock)."""
        try:
            for doc_id in deleted:
                writer.delete_by_term("doc_id", doc_id)
            if isinstance(writer, bulk_writing.BulkWriter) and TOPIC in writer.late:
                write_topics_last(writer, added, self._topics, self._records, progress)
            else:
                found = topics_in_order(added, self._topics)
                for number, (doc, topics) in enumerate(zip(added, found, strict=True), 1):
                    for passage in passages(doc, topics):
                        writer.add_document(**self._records(passage))
                    if progress is not None:
                        progress(number, len(added))
            writer.commit()
        except BaseException as error:
            # WORKAROUND: Whoosh 2.7 keeps the write lock after a failed commit. On a full disk
            # the cancel can fail as well, and must not hide why the commit did.
            with suppress(Exception):
                writer.cancel()
            if isinstance(error, OSError):
                raise self._unwritable(error) from error
            raise
        with ix.searcher() as searcher:
            return int(searcher.doc_count())

    def _unwritable(self, error: OSError) -> IndexUnavailableError:
        reason = error.strerror or str(error)
        return IndexUnavailableError(
            _("The search index cannot be written in {folder}: {reason}.").format(
                folder=self.folder, reason=reason
            )
        )

    def _library_fingerprint(self) -> str:
        return library_fingerprint(self._documents.values(), self._topics.signature)

    def _fingerprints(self) -> dict[str, str]:
        signature = self._topics.signature
        return {doc_id: fingerprint(doc, signature) for doc_id, doc in self._documents.items()}

    # Searching ----------------------------------------------------------------------------
    def search(
        self,
        text: str,
        limit: int = 10,
        doc_ids: Collection[str] | None = None,
        topics: Collection[str] | None = None,
        count: bool = True,
    ) -> SearchResults:
        """The best `limit` passages; with `count`, also how many match in each document."""
        started = time.perf_counter()
        text = without_surrogates(text)
        parsed = parse(text, self._parser, self._expander)
        if parsed is None:
            return SearchResults(text, notice=nothing_to_search() if text.strip() else "")
        with self._lock:
            if self._searcher is None:
                raise IndexUnavailableError(_("The search index is not ready yet."))
            try:
                results = self._run(text, parsed, limit, doc_ids, topics, count)
            except (LockError, ReaderError):
                raise
            except RecursionError as error:  # the query's doing, not damage: no rebuild
                raise QueryError(too_complex()) from error
            except Exception:  # damage deep in a segment shows only when a query reads it
                log.exception("Search failed; rebuilding the index")
                self._build(None)
                results = self._run(text, parsed, limit, doc_ids, topics, count)
        if not results.hits and not results.notice:
            notice = notice_for_nothing_found(text, self._topics.topic_ids())
            results = dataclasses.replace(results, notice=notice)
        return _timed(results, started)

    def _run(
        self,
        text: str,
        parsed: ParsedQuery,
        limit: int,
        doc_ids: Collection[str] | None,
        topics: Collection[str] | None,
        count: bool,
    ) -> SearchResults:
        reader = self._searcher.reader()
        expanded = self._fuzzy.expand(parsed.query, reader)
        restrict = restriction(doc_ids, topics)
        words = highlight_words(expanded, reader)
        if is_plain_prefix(expanded, "text"):
            found, matched = self._prefix_hits(expanded, restrict, limit)
        else:
            phrase_words = self._expander.phrase_words
            paired = with_pair_terms(expanded, phrase_words)
            exact = with_near_phrases(paired, "text", phrase_words)
            found, matched = self._ranked_hits(exact, restrict, limit, count)
        hits = tuple(self._hit(fields, score, words) for fields, score in found)
        per_document = self._runs().count(matched) if count else {}
        total = sum(per_document.values()) if count else len(hits)
        suggestion = None if hits else self._suggest(text)
        return SearchResults(text, hits, total, per_document, count, parsed.notice, suggestion)

    def _ranked_hits(
        self, q: Any, restrict: Any, limit: int, count: bool
    ) -> tuple[list[tuple[dict[str, Any], float]], Iterable[int]]:
        stored = self._searcher.stored_fields
        best = best_of_term(self._searcher, q, limit) if restrict is None else None
        if best is not None:
            best_top, numbers = best
            return [(stored(n), s) for n, s in best_top], numbers
        scored = whole_postings.scores(self._searcher, q)
        if scored is not None:
            if restrict is not None:
                allowed = set(self._searcher.docs_for_query(restrict))
                scored = {n: s for n, s in scored.items() if n in allowed}
            # Whoosh's order: the higher score first, then the lower passage number (pairs
            # compared in C, not a key function called for each of 16,000 matches).
            ranked = zip(scored.values(), map(operator.neg, scored), strict=True)
            return [(stored(-n), s) for s, n in heapq.nlargest(limit, ranked)], scored.keys()
        # Neither terms=True nor groupedby: either makes Whoosh score every match instead of
        # skipping blocks that cannot reach the top; both cost 5-10x on common words.
        results = self._searcher.search(q, limit=limit, filter=restrict)
        found = [(hit.fields(), float(hit.score)) for hit in results]
        return found, self._matching(q, restrict) if count else ()

    def _prefix_hits(
        self, q: Any, restrict: Any, limit: int
    ) -> tuple[list[tuple[dict[str, Any], float]], Iterable[int]]:
        matches = prefix_matches(self._searcher.reader(), q)
        if restrict is not None:
            allowed = set(self._searcher.docs_for_query(restrict))
            matches = Counter({n: k for n, k in matches.items() if n in allowed})
        stored = self._searcher.stored_fields
        found = [(stored(n), float(k) * q.boost) for n, k in best(matches, limit)]
        return found, matches.keys()

    def _matching(self, q: Any, restrict: Any) -> Iterable[int]:
        """Every matching passage number, unscored."""
        matched = self._searcher.docs_for_query(q)
        if restrict is None:
            return matched
        allowed = set(self._searcher.docs_for_query(restrict))
        return (n for n in matched if n in allowed)

    def _runs(self) -> StatementRuns:
        """Each statement's runs of passage numbers, read once per searcher."""
        if self._statement_runs is None:
            self._statement_runs = StatementRuns(passage_documents(self._searcher.reader()))
        return self._statement_runs

    def _hit(self, stored: dict[str, Any], score: float, words: frozenset[str]) -> Hit:
        text, start = stored["text"], stored["start"]
        spans = self._terms.spans(text, words)
        return Hit(
            doc_id=stored["doc_id"],
            doc_title=stored["title"],
            section=stored["section"],
            start=start,
            end=stored["end"],
            score=score,
            snippet=make_snippet(text, spans),
            terms=tuple(dict.fromkeys(text[s:e] for s, e in spans)),
            matches=tuple((start + s, start + e) for s, e in spans),
        )

    def _suggest(self, text: str) -> str | None:
        return suggest(self._searcher, self._analyzer, self._fuzzy, text)

    def _forget_caches(self) -> None:
        self._fuzzy.forget()
        self._statement_runs = None

    def close(self) -> None:
        with self._lock:
            self._close_live()

    def _close_live(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
        if self._ix is not None:
            self._ix.close()
        self._ix = self._searcher = self._manifest = None


def _timed(results: SearchResults, started: float) -> SearchResults:
    from dataclasses import replace

    return replace(results, seconds=time.perf_counter() - started)


def _bundled_aliases() -> list[AliasGroup]:
    from reader.resource_access import resource_path

    return load_aliases(resource_path("aliases.tsv"))


__all__ = ["SCHEMA_VERSION", "IndexUnavailableError", "SearchIndex"]
