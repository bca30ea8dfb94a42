"""One small search interface, two backends: the laptop's Whoosh index, and the team's
archive in PostgreSQL's full-text search, for archives past what a laptop's index serves.

The server reads a query as the local index does, with its aliases and hyphenated words,
and stems with PostgreSQL's English configuration (reader.core.team.query); a word ending in
* is a prefix, searched unstemmed through the `simple` configuration. Both backends answer
with the same SearchResults, and say what they searched.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from reader.core.search.results import Hit, SearchResults
from reader.core.search.snippets import Snippet
from reader.core.team.connection import TeamLink, describe, open_connection, unreachable
from reader.core.team.query import ServerQuery, server_query
from reader.core.team.schema import CANDIDATES, TeamError
from reader.core.translation import _

Row = tuple[object, ...]

if TYPE_CHECKING:
    import psycopg

    from reader.core.documents.document import Document
    from reader.core.search.index import SearchIndex

_MARK = re.compile(r"<<(.*?)>>", re.DOTALL)


class SearchBackend(Protocol):
    @property
    def searched(self) -> str:
        """What a search looks through, in words: "the local index", "the team's archive"."""
        ...

    def search(
        self, text: str, limit: int = 10, doc_ids: Collection[str] | None = None
    ) -> SearchResults: ...


@dataclass
class LocalSearch:
    """The laptop's index (reader.core.search.index)."""

    index: SearchIndex

    @property
    def searched(self) -> str:
        return _("the local index")

    def search(
        self, text: str, limit: int = 10, doc_ids: Collection[str] | None = None
    ) -> SearchResults:
        return self.index.search(text, limit=limit, doc_ids=doc_ids)


class ServerSession:
    """One connection kept for searches made one after another on one thread (the Search
    tab's): connecting is about half of a search over a local socket (18 of 35 ms), and
    more over TLS to a remote server. A connection the server dropped since (a restart, an
    idle timeout) is replaced once, in the same search."""

    def __init__(self) -> None:
        self._connection: psycopg.Connection | None = None
        self._link: TeamLink | None = None

    def rows(self, link: TeamLink, run: Callable[[psycopg.Connection], list[Row]]) -> list[Row]:
        import psycopg

        kept = self._connection is not None and self._link == link
        try:
            return run(self._connected(link))
        except psycopg.OperationalError:
            self.close()
            if not kept:
                raise
        return run(self._connected(link))  # the kept one had gone: once more, on a new one

    def _connected(self, link: TeamLink) -> psycopg.Connection:
        if self._link != link or self._connection is None or self._connection.closed:
            self.close()
            self._connection = open_connection(link.dsn, passfile=link.passfile)
            self._link = link
        return self._connection

    def close(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(Exception):  # closing what is already gone
                self._connection.close()
        self._connection, self._link = None, None


@dataclass
class TeamSearch:
    """The team's archive on its server, through search_passages(), which applies the team
    filter itself (see reader.core.team.schema, migration 2). With a session, the connection
    outlives the search; without one (the command line), each search connects."""

    link: TeamLink
    session: ServerSession | None = field(default=None, compare=False)

    @property
    def searched(self) -> str:
        return _("the team's archive ({team} on {server})").format(
            team=self.link.team, server=describe(self.link.dsn)
        )

    def search(
        self, text: str, limit: int = 10, doc_ids: Collection[str] | None = None
    ) -> SearchResults:
        started = time.perf_counter()
        query = server_query(text)
        if query.empty:
            return SearchResults(text)
        import psycopg

        def run(server: psycopg.Connection) -> list[Row]:
            return search_rows(server, self.link.team, query, limit, doc_ids)

        try:
            if self.session is not None:
                rows = self.session.rows(self.link, run)
            else:
                with open_connection(self.link.dsn, passfile=self.link.passfile) as server:
                    rows = run(server)
        except psycopg.OperationalError as error:
            raise TeamError(unreachable(self.link.dsn, error)) from None
        hits = tuple(_hit(row) for row in rows)
        total = int(str(rows[0][7])) if rows else 0
        # The server reads no more matches than this (search_passages: greatest(wanted,
        # CANDIDATES)): a total that reaches it is where it stopped counting.
        read_at_most = max(_wanted(limit, doc_ids), CANDIDATES)
        per_document: dict[str, int] = {}
        for hit in hits:
            per_document[hit.doc_id] = per_document.get(hit.doc_id, 0) + 1
        return SearchResults(
            text,
            hits,
            total,
            per_document,
            counted=False,
            at_least=total >= read_at_most,
            seconds=time.perf_counter() - started,
        )


def search_rows(
    server: psycopg.Connection,
    team: str | None,
    query: ServerQuery,
    limit: int,
    doc_ids: Collection[str] | None = None,
) -> list[tuple[object, ...]]:
    """search_passages()'s rows for `query` in `team` (None: every team of the role's)."""
    wanted = _wanted(limit, doc_ids)
    tree = json.dumps(query.tree) if query.tree is not None else None
    rows = server.execute(SEARCH_PASSAGES, (team, tree, query.prefixes, wanted)).fetchall()
    if doc_ids:
        kept = set(doc_ids)
        rows = [row for row in rows if row[0] in kept][:limit]
    return rows


SEARCH_PASSAGES = "SELECT * FROM search_passages(%s, %s::jsonb, %s, %s)"


def _wanted(limit: int, doc_ids: Collection[str] | None) -> int:
    """The rows asked of the server: more when some are filtered out here afterwards."""
    return limit if not doc_ids else max(limit * 50, 1000)


def _hit(row: tuple[object, ...]) -> Hit:
    doc_id, title, section, start, end, score, headline = (str(v) for v in row[:7])
    marks, plain, last = [], [], 0
    for match in _MARK.finditer(headline):
        plain.append(headline[last : match.start()])
        begin = sum(len(p) for p in plain)
        plain.append(match.group(1))
        marks.append((begin, begin + len(match.group(1))))
        last = match.end()
    plain.append(headline[last:])
    text = "".join(plain)
    terms = tuple(dict.fromkeys(text[s:e] for s, e in marks))
    return Hit(
        doc_id, title, section, int(start), int(end), float(score),
        Snippet(text, tuple(marks)), terms, (),
    )  # fmt: skip


def passage_rows(team: str, content_hash: str, doc: Document) -> Iterable[tuple[object, ...]]:
    """A document's passages as the server keeps them: cut as the local index cuts them."""
    from reader.core.search.passages import passages

    for passage in passages(doc):
        yield (
            team, content_hash, passage.doc_id, passage.doc_title, passage.section,
            passage.block, passage.start, passage.end, passage.text,
        )  # fmt: skip


PASSAGE_INSERT = (
    'INSERT INTO passages (team, content_hash, doc_id, doc_title, section, block, start, "end",'
    " text) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING"
)
