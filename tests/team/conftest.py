"""A real PostgreSQL server for the team tests: one cluster for the session (about 1 s to
start), and for each test a database of its own, copied from a template that has the schema,
the teams 'north' and 'south', and their analysts (alice and bob in north, carol in south)."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.core.library.library import Library
from reader.core.team import schema
from reader.core.user_db import UserDatabase
from reader.resource_access import resource_folder

psycopg = pytest.importorskip("psycopg")
from tests.team import cluster as clusters  # noqa: E402

PASSWORDS = {"alice": "alice-secret", "bob": "bob-secret", "carol": "carol-secret"}
TEAMS = {"alice": ("north",), "bob": ("north",), "carol": ("south",)}
_numbers = itertools.count(1)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "team_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.team)


def prepare(cluster: clusters.Cluster) -> None:
    """Teams and analysts in the template database."""
    with psycopg.connect(cluster.dsn(), autocommit=True) as admin:
        for team in ("north", "south"):
            schema.add_team(admin, team)
        for role, teams in TEAMS.items():
            schema.add_analyst(admin, role, PASSWORDS[role], teams)


@pytest.fixture(scope="session")
def cluster() -> Iterator[clusters.Cluster]:
    server = clusters.create()
    prepare(server)
    yield server
    server.remove()


@dataclass
class TeamServer:
    cluster: clusters.Cluster
    database: str

    def dsn(self, role: str, password: str | None = None, **more: str) -> str:
        """`role`'s connection string, with its password unless another is given ("": none)."""
        secret = PASSWORDS[role] if password is None else password
        return self.cluster.dsn(role, secret, dbname=self.database, **more)

    def admin(self) -> psycopg.Connection:
        return psycopg.connect(self.cluster.dsn(dbname=self.database), autocommit=True)


@pytest.fixture
def team_server(cluster: clusters.Cluster) -> Iterator[TeamServer]:
    name = f"t{next(_numbers)}"
    with psycopg.connect(cluster.dsn(dbname="postgres"), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name} TEMPLATE {clusters.DATABASE}")
    yield TeamServer(cluster, name)
    if cluster.running():
        with psycopg.connect(cluster.dsn(dbname="postgres"), autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(scope="session")
def bundled() -> Library:
    return Library.open(resource_folder())


def open_laptop(folder: Path) -> UserDatabase:
    folder.mkdir(parents=True, exist_ok=True)
    return UserDatabase.open(folder)
