"""`statement-reader team ...`: connect, status, share, sync, disconnect against a real server;
the password kept out of the settings, a sentence (not a traceback) for every refusal."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from reader.core.team import connection, schema
from reader.core.user_db import FILE_NAME
from tests.cli.running import run_in_process
from tests.team import cluster as clusters
from tests.team.conftest import PASSWORDS, TeamServer, psycopg


def test_connect_share_sync_status_disconnect(
    isolated_user_folders: Path, team_server: TeamServer, capsys: pytest.CaptureFixture[str]
) -> None:
    data = isolated_user_folders
    code, out = run_in_process("team", "connect", team_server.dsn("alice"), "--team", "north")
    assert code == 0, capsys.readouterr().err
    assert out.startswith("Connected to the team 'north' on alice@") and " as alice." in out
    passfile = data / connection.PASSFILE
    assert stat.S_IMODE(passfile.stat().st_mode) == 0o600
    assert PASSWORDS["alice"] in passfile.read_text()
    for path in data.rglob("*"):
        if path.is_file() and path != passfile:
            assert PASSWORDS["alice"].encode() not in path.read_bytes(), path

    code, out = run_in_process(
        "notes", "add", "elbe-group-2018-naples", "--quote", "Elbe", "--note", "for the team"
    )
    assert code == 0
    code, out = run_in_process("notes", "list", "--json")
    note_id = json.loads(out)[0]["id"]
    code, out = run_in_process("team", "share", note_id)
    assert (code, out) == (0, f"Shared with the team from the next sync: {note_id}.\n")

    code, out = run_in_process("team", "status")
    assert code == 0
    assert "Team: north, on alice@" in out and "Server: reachable" in out
    assert "Waiting to be sent: 1" in out and "Last sync: never" in out

    code, out = run_in_process("team", "sync")
    assert code == 0
    assert out.startswith("Sent 1 notes, 0 documents, 0 choices;")
    with team_server.admin() as admin:
        assert admin.execute("SELECT id, creator FROM notes").fetchall() == [(note_id, "alice")]

    code, out = run_in_process("team", "disconnect")
    assert (code, out) == (0, "The library is no longer connected to a team.\n")
    assert not passfile.exists()
    code, out = run_in_process("team", "status")
    assert out == "Not connected to a team.\n"
    assert capsys.readouterr().err == ""


def test_refusals_are_sentences(
    team_server: TeamServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out = run_in_process("team", "sync")
    assert code == 2
    assert capsys.readouterr().err == (
        "statement-reader: This library is not connected to a team: use 'team connect' first.\n"
    )
    code, _out = run_in_process("team", "connect", "postgresql://al:hunter2@[bad", "--team", "x")
    err = capsys.readouterr().err
    assert code == 2 and "is not a PostgreSQL connection string" in err
    assert "hunter2" not in err and "Traceback" not in err

    nowhere = tmp_path / "no-server"
    nowhere.mkdir()
    dsn = f"host={nowhere} dbname=team user=alice password=hunter2"
    code, _out = run_in_process("team", "connect", dsn, "--team", "north")
    err = capsys.readouterr().err
    assert code == 2
    assert (
        err.startswith("statement-reader: The team server (alice@") and "cannot be used now" in err
    )
    assert "hunter2" not in err and "Traceback" not in err and err.count("\n") == 1

    code, _out = run_in_process("team", "share")
    assert code == 2 and "Name the notes by id, or give --tag." in capsys.readouterr().err


@pytest.mark.parametrize(
    ("dsn", "warned"),
    [
        ("postgresql://a@db.example.org/team", True),
        ("host=db.example.org,localhost dbname=team", True),
        ("postgresql://a@db.example.org/team?sslmode=verify-full", False),
        ("postgresql://a@db.example.org/team?sslmode=require", False),
        ("postgresql://a@localhost/team", False),
        ("postgresql://a@127.0.0.1/team", False),
        ("postgresql://a@[::1]/team", False),
        ("host=/run/postgresql dbname=team", False),
        ("dbname=team", False),
    ],
)
def test_a_connection_without_tls_beyond_this_machine_is_warned_of(dsn: str, warned: bool) -> None:
    warning = connection.tls_warning(connection.parse_dsn(dsn))
    assert bool(warning) == warned
    if warned:
        assert "db.example.org" in warning and "sslmode=verify-full" in warning


def test_the_settings_hold_no_password(tmp_path: Path, team_server: TeamServer) -> None:
    from reader.core.user_db import UserDatabase

    db = UserDatabase.open(tmp_path / "data")
    uri_dsn = team_server.dsn("bob")
    link, warning = connection.connect_library(db, uri_dsn, "north")
    assert warning == "" and "password" not in link.dsn
    assert PASSWORDS["bob"] not in str(connection.read_settings(db))
    db.close()
    assert PASSWORDS["bob"].encode() not in (tmp_path / "data" / FILE_NAME).read_bytes()


def test_the_owner_sets_up_a_server_from_the_command_line(
    cluster: clusters.Cluster, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with psycopg.connect(cluster.dsn(dbname="postgres"), autocommit=True) as admin:
        admin.execute("DROP DATABASE IF EXISTS fresh")
        admin.execute("CREATE DATABASE fresh")
    owner = cluster.dsn(dbname="fresh")
    assert run_in_process("team", "migrate", owner) == (
        0, f"The server's schema is at version {schema.SCHEMA_VERSION}.\n"
    )  # fmt: skip
    assert run_in_process("team", "migrate", owner)[0] == 0  # again: nothing to do
    assert run_in_process("team", "add-team", owner, "east") == (
        0, "The team 'east' is on the server.\n"
    )  # fmt: skip
    monkeypatch.setenv("STATEMENT_READER_ANALYST_PASSWORD", "dora-secret")
    assert run_in_process("team", "add-analyst", owner, "dora", "--team", "east") == (
        0, "dora can connect, as a member of east.\n"
    )  # fmt: skip
    analyst = cluster.dsn("dora", "dora-secret", dbname="fresh")
    code, out = run_in_process("team", "connect", analyst, "--team", "east")
    assert code == 0 and out.startswith("Connected to the team 'east'")

    code, _out = run_in_process("team", "add-team", analyst, "mine")
    err = capsys.readouterr().err
    assert code == 2 and "refused: permission denied for table teams" in err
    assert "Traceback" not in err and "dora-secret" not in err
