"""The team tests' real PostgreSQL server (tests/team/conftest.py), for the window's tests."""

from tests.team.conftest import cluster, team_server  # noqa: F401
