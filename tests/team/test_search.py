"""The team archive's search on the server beside the local Whoosh index, on the same
documents (the bundled statements and ../shared/seeds/dev/): the same passages for the same
queries; the team filter applied by search_passages()."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.documents.document import Document
from reader.core.importers import import_file, to_document
from reader.core.library.library import Library
from reader.core.search.index import SearchIndex
from reader.core.team.query import server_query
from reader.core.team.search import (
    PASSAGE_INSERT,
    LocalSearch,
    TeamSearch,
    passage_rows,
    search_rows,
)
from tests.conftest import SEEDS_DIR
from tests.team import cluster as clusters
from tests.team.conftest import TeamServer, open_laptop, psycopg

# Each kind of query the server's language shares with the local one: words (AND), OR,
# phrases, prefixes, names.
SAME = (
    "sanctions",
    "nuclear weapons",
    '"nuclear weapons"',
    '"arms control"',
    "arms control",
    "dialogue",
    "treaty",
    "strateg*",
    "Russia",
    "NATO",
    "trust OR dialogue",
    "stability",
    "Europe",
    "crisis",
    # the local index's aliases, hyphens, possessives and prefixes
    "Kiev",
    "NATO-Russia",
    "Russia's",
    "negotiat*",
    "missile defence",
    '"missile defence"',
    "cooperation",
    "co-operation",
    "defense",
    '"weapons of mass destruction"',
    "WMD",
    "Kyiv OR Kharkiv",
    "NATO-Russia council",
    # both stem by Snowball's English (they parted here while the local index stemmed by
    # Whoosh's Porter, which kept "negotiated" from "negotiate")
    "negotiations",
    "negotiated",
    "associate",
)


@pytest.fixture(scope="module")
def documents(library: Library) -> list[Document]:
    dev = sorted((SEEDS_DIR / "dev").glob("*.txt"))
    if not dev:
        pytest.skip("the shared dev seeds are absent")
    return [*library, *(to_document(import_file(p), f"dev-{i}") for i, p in enumerate(dev))]


@pytest.fixture(scope="module")
def local(
    documents: list[Document], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LocalSearch]:
    index = SearchIndex(tmp_path_factory.mktemp("team-search") / "index")
    index.sync(documents)
    yield LocalSearch(index)
    index.close()


@pytest.fixture(scope="module")
def archive(cluster: clusters.Cluster, documents: list[Document]) -> TeamServer:
    with psycopg.connect(cluster.dsn(dbname="postgres"), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE archive TEMPLATE {clusters.DATABASE}")
    server = TeamServer(cluster, "archive")
    with server.admin() as admin, admin.cursor() as cursor:
        for doc in documents:
            cursor.execute(
                "INSERT INTO documents (team, content_hash, id, title, file_name, file_format,"
                " suffix, imported_at, statement, original) VALUES"
                " ('north', %s, %s, %s, '', 'txt', '.txt', '', '', '')",
                (doc.id, doc.id, doc.metadata.title),
            )
            cursor.executemany(PASSAGE_INSERT, list(passage_rows("north", doc.id, doc)))
    return server


def _both(query: str, local: LocalSearch, archive: TeamServer) -> tuple[set[object], set[object]]:
    here = {(h.doc_id, h.start) for h in local.search(query, limit=10_000).hits}
    with psycopg.connect(archive.dsn("alice"), autocommit=True) as alice:
        found = search_rows(alice, "north", server_query(query), 10_000)
        there = {(r[0], r[3]) for r in found}
    return here, there


@pytest.mark.parametrize("query", SAME)
def test_the_same_query_finds_the_same_passages(
    query: str, local: LocalSearch, archive: TeamServer
) -> None:
    here, there = _both(query, local, archive)
    assert here and here == there


def test_hits_have_snippets_and_say_what_was_searched(tmp_path: Path, archive: TeamServer) -> None:
    from reader.core.team import connection

    db = open_laptop(tmp_path / "a")
    connection.connect_library(db, archive.dsn("alice"), "north")
    backend = TeamSearch(connection.required_link(db))
    results = backend.search('"arms control" treaty', limit=3)
    assert 0 < len(results.hits) <= 3 and results.total >= len(results.hits)
    hit = results.hits[0]
    assert [hit.snippet.text[s:e].lower() for s, e in hit.snippet.marks][:1] in (
        ["arms"], ["treaty"], ["control"],
    )  # fmt: skip
    assert "<<" not in hit.snippet.text and hit.end > hit.start
    assert backend.searched.startswith("the team's archive (north on alice@")
    assert backend.search("over*").total > 0  # a prefix the English configuration would drop


def test_another_team_searches_nothing_and_reads_no_passage(archive: TeamServer) -> None:
    with psycopg.connect(archive.dsn("carol"), autocommit=True) as carol:
        assert search_rows(carol, "north", server_query("Russia"), 10) == []
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            carol.execute("SELECT count(*) FROM passages")
    with psycopg.connect(archive.dsn("bob"), autocommit=True) as bob:
        assert len(search_rows(bob, "north", server_query("Russia"), 10)) == 10
        assert search_rows(bob, "south", server_query("Russia"), 10) == []


def test_the_command_line_says_which_it_searched(archive: TeamServer) -> None:
    from tests.cli.running import run_in_process

    assert run_in_process("team", "connect", archive.dsn("alice"), "--team", "north")[0] == 0
    code, out = run_in_process("search", "--team", "--limit", "2", "Russia")
    assert code == 0
    assert out.count("\n    ") == 2
    where = f"alice@{archive.cluster.socket}/archive"
    assert out.splitlines()[-1].endswith(f"searched the team's archive (north on {where}))")
    code, out = run_in_process("search", "--limit", "2", "Russia")
    assert code == 0 and out.splitlines()[-1].endswith("; searched the local index)")


def _database_at(
    cluster: clusters.Cluster, name: str, version: int, texts: list[str]
) -> psycopg.Connection:
    """The owner's connection to a new database at schema `version`, whose team 'east' has a
    document 'd' of `texts`."""
    from reader.core.team import schema

    with psycopg.connect(cluster.dsn(dbname="postgres"), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    owner = psycopg.connect(cluster.dsn(dbname=name), autocommit=True)
    owner.execute("CREATE TABLE schema_version (version integer)")
    for script in schema.MIGRATIONS[:version]:
        owner.execute(script.encode())
    owner.execute("INSERT INTO schema_version VALUES (%s)", (version,))
    owner.execute("INSERT INTO teams VALUES ('east')")
    owner.execute(
        "INSERT INTO documents (team, content_hash, id, title, file_name, file_format,"
        " suffix, imported_at, statement, original)"
        " VALUES ('east', 'h', 'd', 'T', '', 'txt', '.txt', '', '', '')"
    )
    for n, text in enumerate(texts):
        owner.execute(PASSAGE_INSERT, ("east", "h", "d", "T", "", n, n, n + 1, text))
    return owner


def test_passages_move_into_their_teams_partitions(cluster: clusters.Cluster) -> None:
    """A server at schema 3 keeps its passages, and finds them, once partitioned (migration 4)."""
    from reader.core.team import schema

    with _database_at(cluster, "at3", 3, ["Strategic stability"]) as owner:
        assert schema.migrate(owner) == schema.SCHEMA_VERSION
        schema.add_analyst(owner, "dana", "dana-secret", ("east",))
        partition = owner.execute(
            "SELECT tableoid::regclass::text FROM passages WHERE team = 'east'"
        ).fetchall()
        assert partition == [(f"passages_{hashlib.md5(b'east').hexdigest()}",)]
    with psycopg.connect(cluster.dsn("dana", "dana-secret", dbname="at3")) as dana:
        assert [r[0] for r in search_rows(dana, "east", server_query("stability"), 10)] == ["d"]
        assert [r[0] for r in search_rows(dana, "east", server_query("strat*"), 10)] == ["d"]


def test_a_broad_query_says_its_count_is_where_the_server_stopped(
    cluster: clusters.Cluster, tmp_path: Path
) -> None:
    """The server ranks only its first CANDIDATES matches: past them the count is a floor,
    and the command line says "at least", never a number that looks exact."""
    from reader.cli.search import _print_text
    from reader.core.team import connection
    from reader.core.team.schema import CANDIDATES

    with psycopg.connect(cluster.dsn(dbname="postgres"), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE broad TEMPLATE {clusters.DATABASE}")
    server = TeamServer(cluster, "broad")
    text = "Dialogue on strategic stability must resume."
    with server.admin() as admin, admin.cursor() as cursor:
        cursor.execute(
            "INSERT INTO documents (team, content_hash, id, title, file_name, file_format,"
            " suffix, imported_at, statement, original) VALUES"
            " ('north', 'h', 'many', 'Many', '', 'txt', '.txt', '', '', '')"
        )
        rows = [("north", "h", "many", "Many", "", n, n * 50, n * 50 + 45, text)
                for n in range(CANDIDATES + 5)]  # fmt: skip
        cursor.executemany(PASSAGE_INSERT, rows)
    db = open_laptop(tmp_path / "a")
    connection.connect_library(db, server.dsn("alice"), "north")
    backend = TeamSearch(connection.required_link(db))
    broad, narrow = backend.search("dialogue"), backend.search("nosuchword")
    assert broad.at_least and broad.total == CANDIDATES and len(broad.hits) == 10
    assert not narrow.at_least and narrow.total == 0
    every = backend.search("dialogue", limit=CANDIDATES + 10)  # the server read them all
    assert not every.at_least and every.total == len(every.hits) == CANDIDATES + 5
    out = io.StringIO()
    _print_text(broad, out, backend.searched)
    assert out.getvalue().splitlines()[-1].startswith(f"at least {CANDIDATES:,} passages (")


def _archive_of(cluster: clusters.Cluster, name: str, texts: list[str]) -> TeamServer:
    """A database of its own whose team 'north' has one document, a passage for each text."""
    with psycopg.connect(cluster.dsn(dbname="postgres"), autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name} TEMPLATE {clusters.DATABASE}")
    server = TeamServer(cluster, name)
    with server.admin() as admin, admin.cursor() as cursor:
        cursor.execute(
            "INSERT INTO documents (team, content_hash, id, title, file_name, file_format,"
            " suffix, imported_at, statement, original) VALUES"
            " ('north', 'h', 'd', 'D', '', 'txt', '.txt', '', '', '')"
        )
        rows = [("north", "h", "d", "D", "", n, n, n + 1, text) for n, text in enumerate(texts)]
        cursor.executemany(PASSAGE_INSERT, rows)
    return server


def _found(server: TeamServer, query: str) -> list[int]:
    """The passages (by number) `query` finds, in order."""
    with psycopg.connect(server.dsn("alice"), autocommit=True) as alice:
        return sorted(int(str(r[3])) for r in search_rows(alice, "north", server_query(query), 100))


def test_a_phrase_finds_its_words_in_their_order_only(cluster: clusters.Cluster) -> None:
    """A phrase's words elsewhere in a passage, or in another order, do not match it; two
    words match with stop words between them, as in the local index; a longer phrase, or
    one typed with its stop words, has its words' places checked."""
    server = _archive_of(cluster, "phrases", [
        "Arms control is the aim.",  # 0
        "Control is weak; arms trade grows, arms sold.",  # 1: both words, apart and reversed
        "Arms and control.",  # 2: a stop word between
        "Arms race, then control.",  # 3: another word between
        "Weapons of mass destruction spread.",  # 4
        "Weapons, mass graves and destruction.",  # 5: the words of the longer phrase
        "Weapons beyond mass destruction.",  # 6: a word where the phrase has a stop word
        "Strategic arms control talks resumed.",  # 7
    ])  # fmt: skip
    assert _found(server, '"arms control"') == [0, 2, 7]
    assert _found(server, '"control arms"') == []
    assert _found(server, '"weapons of mass destruction"') == [4]
    assert _found(server, '"strategic arms control"') == [7]
    assert _found(server, '"arms control" -"strategic arms"') == [0, 2]
    assert _found(server, 'race OR "arms control"') == [0, 2, 3, 7]
    assert _found(server, '-"arms control" arms') == [1, 3]
    assert _found(server, '"weapons of mass" OR sold') == [1, 4]


def test_a_passage_too_large_for_its_pairs_is_kept_and_found(cluster: clusters.Cluster) -> None:
    """Its words and their pairs would pass a tsvector's 1 MB: it keeps its words, and a
    phrase finds it through them."""
    words = [f"w{n:06d}{'x' * 24}" for n in range(15_000)]
    server = _archive_of(cluster, "large", [" ".join(words), "Arms control."])
    with server.admin() as admin:
        marked = "SELECT passage_terms(english) @@ $$' '$$ FROM passages ORDER BY block"
        assert admin.execute(marked).fetchall() == [(True,), (False,)]
    assert _found(server, f'"{words[7]} {words[8]}"') == [0]
    assert _found(server, '"arms control"') == [1]


def test_phrases_move_to_their_pairs_on_a_server_at_version_4(cluster: clusters.Cluster) -> None:
    """A server at schema 4 keeps its passages, its analysts and their search (migration 5):
    the English index is replaced by the words and pairs one, and phrases are exact."""
    from reader.core.team import schema

    texts = ["Arms control matters.", "Control the arms."]
    with _database_at(cluster, "at4", 4, texts) as owner:
        schema.add_analyst(owner, "erin", "erin-secret", ("east",))
        assert schema.server_version(owner) == 4
        assert schema.migrate(owner) == schema.SCHEMA_VERSION == 5
        indexes = owner.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'passages'")
        assert {r[0] for r in indexes} == {"passages_pkey", "passages_simple", "passages_terms"}
    with psycopg.connect(cluster.dsn("erin", "erin-secret", dbname="at4")) as erin:
        assert [r[3] for r in search_rows(erin, "east", server_query('"arms control"'), 10)] == [0]
        assert len(search_rows(erin, "east", server_query("arms control"), 10)) == 2


def test_a_session_keeps_its_connection_and_replaces_one_the_server_dropped(
    tmp_path: Path, team_server: TeamServer
) -> None:
    from reader.core.team import connection
    from reader.core.team.search import ServerSession

    db = open_laptop(tmp_path / "a")
    connection.connect_library(db, team_server.dsn("alice"), "north")
    session = ServerSession()
    backend = TeamSearch(connection.required_link(db), session)
    backend.search("Russia")
    first = session._connection
    backend.search("dialogue")
    assert session._connection is first and first is not None
    with team_server.admin() as admin:  # as a server restart or an idle timeout would
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = 'alice'"
        )
    assert backend.search("Russia").query == "Russia"  # answered, on a new connection
    assert session._connection is not first
    session.close()
    assert first.closed
