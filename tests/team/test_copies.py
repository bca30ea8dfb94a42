"""Which document of this laptop holds a document the archive's search found: by content,
as the sync knows documents, whatever id each laptop gave it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.importers import import_file
from reader.core.library.catalogue import Catalogue
from reader.core.team import connection
from reader.core.team.copies import local_copy
from reader.core.team.schema import TeamError
from reader.core.user_db import UserDatabase
from tests.conftest import SEEDS_DIR
from tests.team.conftest import TeamServer, open_laptop

FAIL_SAFE, RESET = (
    "03_easlg-2023-nuclear-fail-safe.txt",
    "06_former-ambassadors-2010-reflections-on-reset.txt",
)


def _laptop(folder: Path, dsn: str) -> UserDatabase:
    db = open_laptop(folder)
    connection.connect_library(db, dsn, "north")
    return db


def _add(db: UserDatabase, name: str, reserved: tuple[str, ...] = ()) -> str:
    source = SEEDS_DIR / "dev" / name
    if not source.exists():
        pytest.skip("the shared seeds are absent")
    return Catalogue(db).add(import_file(source), source, reserved).id


def test_the_same_file_is_found_under_the_id_it_has_here(
    tmp_path: Path, team_server: TeamServer
) -> None:
    from reader.core.team import sync

    alice = _laptop(tmp_path / "a", team_server.dsn("alice"))
    theirs = _add(alice, FAIL_SAFE)
    sync.sync(alice)
    bob = _laptop(tmp_path / "b", team_server.dsn("bob"))
    link = connection.required_link(bob)
    assert local_copy(bob, link, theirs) is None  # not pulled, not imported here
    mine = _add(bob, FAIL_SAFE, reserved=(theirs,))  # the same file, another id
    assert mine != theirs
    assert local_copy(bob, link, theirs) == mine


def test_another_file_under_the_same_id_is_not_it(tmp_path: Path, team_server: TeamServer) -> None:
    from reader.core.team import sync

    alice = _laptop(tmp_path / "a", team_server.dsn("alice"))
    theirs = _add(alice, FAIL_SAFE)
    sync.sync(alice)
    bob = _laptop(tmp_path / "b", team_server.dsn("bob"))
    other = _add(bob, RESET)
    with bob.transaction() as local:  # another file that took the same id here
        local.execute("UPDATE catalogue SET id = ? WHERE id = ?", (theirs, other))
    assert local_copy(bob, connection.required_link(bob), theirs) is None


def test_a_server_that_cannot_say_is_a_team_error(tmp_path: Path, team_server: TeamServer) -> None:
    bob = _laptop(tmp_path / "b", team_server.dsn("bob"))
    link = connection.required_link(bob)
    gone = connection.TeamLink(link.dsn.replace(team_server.database, "nowhere"), "north", "bob",
                               link.passfile)  # fmt: skip
    with pytest.raises(TeamError, match="cannot be used now"):
        local_copy(bob, gone, "any")
