"""The `search` and `index` commands: the persistent index from a terminal."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reader import paths
from reader.cli.output import BOLD, RESET, positive_number
from reader.core.library.library import Library
from reader.core.search.results import Hit, SearchResults
from reader.core.team.search import LocalSearch
from reader.core.translation import _, ngettext
from reader.core.wording import number

if TYPE_CHECKING:  # Whoosh only for the commands that need it
    from reader.core.search.index import SearchIndex
    from reader.core.team.search import TeamSearch


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    search = commands.add_parser("search", parents=[common], help=_("search every document"))
    search.add_argument(
        "query", metavar="QUERY", help=_('words, "phrases", AND/OR/NOT, prefix*, fuzzy~')
    )
    search.add_argument(
        "--limit", type=positive_number, default=10, metavar="N", help=_("at most N hits (10)")
    )
    search.add_argument(
        "--doc", action="append", metavar="ID", help=_("only in this document (repeatable)")
    )
    search.add_argument("--json", action="store_true", help=_("print JSON"))
    search.add_argument(
        "--team",
        action="store_true",
        help=_("search the team's archive on its server (see 'team connect')"),
    )
    index = commands.add_parser(
        "index", parents=[common], help=_("bring the search index up to date")
    )
    index.add_argument("--rebuild", action="store_true", help=_("rebuild it from scratch"))
    index.add_argument("--progress", action="store_true", help=_("print 'progress N/M' lines"))


def run_search(
    args: argparse.Namespace, library: Library, folders: paths.Folders, out: TextIO
) -> None:

    if args.team:
        backend = _team_backend(folders)
        results = backend.search(args.query, limit=args.limit, doc_ids=args.doc)
        searched = backend.searched
    else:
        for doc_id in args.doc or ():
            library.get(doc_id)  # an unknown id is an error, not an empty result
        with _synced_index(folders.index, library) as index:
            local = LocalSearch(index)
            results = local.search(args.query, limit=args.limit, doc_ids=args.doc)
            searched = local.searched
    if results.notice:
        sys.stderr.write(results.notice + "\n")
    if args.json:
        _print_json(results, out)
    else:
        _print_text(results, out, searched)


def _team_backend(folders: paths.Folders) -> TeamSearch:
    from reader.core.team.connection import required_link
    from reader.core.team.search import TeamSearch
    from reader.core.user_db import UserDatabase

    db = UserDatabase.open(paths.ensure(folders.data))
    try:
        return TeamSearch(required_link(db))
    finally:
        db.close()


@contextmanager
def _synced_index(folder: Path, library: Library) -> Iterator[SearchIndex]:
    """The index, brought up to date; a temporary one if the data folder cannot hold one."""
    from reader.core.search.temporary_index import synced_index

    synced = synced_index(folder, library)
    if synced.notice:
        sys.stderr.write(synced.notice + "\n")
    try:
        yield synced.index
    finally:
        synced.index.close()


def run_index(
    args: argparse.Namespace, library: Library, folders: paths.Folders, out: TextIO
) -> None:
    from reader.core.search.index import SearchIndex

    def progress(done: int, total: int) -> None:
        out.write(f"progress {done}/{total}\n")
        out.flush()

    index = SearchIndex(folders.index)
    report = index.sync(library, progress if args.progress else None, rebuild=args.rebuild)
    index.close()
    out.write(f"index {report}\n")


def hit_json(hit: Hit) -> dict[str, Any]:
    return {
        "doc_id": hit.doc_id,
        "doc_title": hit.doc_title,
        "section": hit.section,
        "start": hit.start,
        "end": hit.end,
        "score": round(hit.score, 4),
        "snippet": hit.snippet.marked(),
        "terms": list(hit.terms),
    }


def _print_json(results: SearchResults, out: TextIO) -> None:
    import json

    hits = [hit_json(hit) for hit in results.hits]
    value: object = hits if hits else {"hits": [], "suggestion": results.suggestion}
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _print_text(results: SearchResults, out: TextIO, searched: str) -> None:
    bold = out.isatty()
    for hit in results.hits:
        where = " · ".join(p for p in (hit.doc_id, hit.section) if p)
        snippet = hit.snippet.marked(BOLD, RESET) if bold else hit.snippet.marked()
        out.write(f"{where}  [{hit.start}-{hit.end}]\n    {snippet}\n")
    if not results.hits and results.suggestion:
        suggestion = _("No passage matches. Did you mean: {suggestion}")
        out.write(suggestion.format(suggestion=results.suggestion) + "\n")
    elif not results.hits:
        out.write(_("No passage matches.") + "\n")
    if results.at_least:
        passages = ngettext("at least {n} passage", "at least {n} passages", results.total)
    else:
        passages = ngettext("{n} passage", "{n} passages", results.total)
    passages = passages.format(n=number(results.total))
    elapsed = _("{ms} ms").format(ms=f"{results.seconds * 1000:.0f}")
    where = _("searched {what}").format(what=searched)
    if results.counted:
        documents = ngettext("in {n} document", "in {n} documents", results.documents)
        passages += " " + documents.format(n=number(results.documents))
    out.write(f"{passages} ({elapsed}; {where})\n")
