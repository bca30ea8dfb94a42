"""What a search of the Search tab answers, from either backend, and the line that says so."""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from reader.core.search.results import SearchResults
from reader.core.search.typing import as_typed

from reader.ui.plurals import plurals

if TYPE_CHECKING:
    from reader.core.search.index import SearchIndex
    from reader.core.team.search import TeamSearch

SUGGESTION_LINK = "suggestion"


@dataclass(frozen=True)
class Answer:
    results: SearchResults
    counts: dict[str, int] | None  # passages per document, whatever the filter; None: uncounted
    searched: str = ""  # where, in words ("the local index"), when the user has a choice
    from_team: bool = False  # the hits are the team archive's, maybe not on this laptop


def search_as_typed(
    text: str, search: Callable[[str], SearchResults], prefix_first: bool = True
) -> SearchResults:
    """The word being typed is the start of a word (typing.py); when that finds nothing, the
    text as it stands answers, with its spelling suggestion. `prefix_first=False` tries the
    text as it stands first, and the prefix only if that finds nothing."""
    typed, whole = as_typed(text), text.strip()
    first, second = (typed, whole) if prefix_first else (whole, typed)
    results = search(first)
    if not results.hits and second != first:
        results = search(second)
    return dataclasses.replace(results, query=whole)


def search_counted(
    text: str, doc_id: str | None, limit: int, index: SearchIndex, topic: str | None = None
) -> Answer:
    """Runs on the index's thread: the (filtered) search, and counts for every document (in
    the topic chosen, if one is)."""
    from reader.core.team.search import LocalSearch

    topics, doc_ids = ([topic] if topic else None), ([doc_id] if doc_id else None)
    asked: list[str] = []

    def search(query: str) -> SearchResults:
        asked.append(query)
        return index.search(query, limit=limit, doc_ids=doc_ids, topics=topics)

    results = search_as_typed(text, search)
    counts = (
        index.search(asked[-1], limit=1, topics=topics).per_document
        if doc_id
        else results.per_document
    )
    return Answer(results, counts, LocalSearch(index).searched)


def search_team(backend: TeamSearch, text: str, doc_id: str | None, limit: int) -> Answer:
    """Runs on the team search's thread: the archive's best passages (TeamSearch counts no
    documents, so there are no counts to show beside them). The words as they stand first:
    the server finds a prefix by a slower index than its words' (reader.core.team.schema),
    and one of two or three letters matches a large part of an archive."""
    doc_ids = [doc_id] if doc_id else None
    results = search_as_typed(
        text, lambda q: backend.search(q, limit=limit, doc_ids=doc_ids), prefix_first=False
    )
    return Answer(results, None, backend.searched, from_team=True)


def status_html(results: SearchResults, searched: str = "") -> str:
    """The line over the results: how many, where, how fast; a notice; or a suggestion."""
    lines = [_found(results) if results.total else _nothing(results)]
    if searched:
        where = QCoreApplication.translate("SearchPanel", "searched {what}")
        lines[0] += " · " + html.escape(where.format(what=searched), quote=False)
    if results.notice:
        lines.append(f"<i>{html.escape(results.notice)}</i>")
    return "<br>".join(lines)


def _found(results: SearchResults) -> str:
    shown = len(results.hits)
    if results.at_least:
        passages = plurals().at_least_passages(results.total)
    else:
        passages = plurals().passages(results.total)
    if results.counted:  # a search that did not count its documents names no number of them
        passages += " " + plurals().in_documents(results.documents)
    best = QCoreApplication.translate("SearchPanel", " (the best {shown} shown)")
    if shown < results.total:
        passages += best.format(shown=shown)
    ms = QCoreApplication.translate("SearchPanel", "{ms} ms")
    return f"{passages} · {ms.format(ms=QLocale().toString(round(results.seconds * 1000)))}"


def _nothing(results: SearchResults) -> str:
    if results.suggestion:
        suggestion = html.escape(results.suggestion)
        return QCoreApplication.translate(
            "SearchPanel", "No passages match. Did you mean: {suggestion}?"
        ).format(suggestion=f'<a href="{SUGGESTION_LINK}">{suggestion}</a>')
    return QCoreApplication.translate("SearchPanel", "No passages match.")
