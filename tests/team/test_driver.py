"""Without its driver the team library refuses in a sentence that says what to install: the
`team` extra from a wheel, the system's libpq from the bundle (which carries the driver)."""

from __future__ import annotations

import sys

import pytest

from reader.core.team import connection
from reader.core.team.schema import TeamError


@pytest.fixture
def no_driver(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg raises ImportError


@pytest.mark.usefixtures("no_driver")
def test_without_the_driver_a_wheel_install_is_told_the_extra() -> None:
    with pytest.raises(TeamError, match=r"install statement-reader\[team\]\.$"):
        connection.open_connection("host=localhost dbname=team user=alice")


@pytest.mark.usefixtures("no_driver")
def test_without_libpq_the_bundle_is_told_the_system_package(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    with pytest.raises(TeamError, match=r"install the package libpq5\.$"):
        connection.open_connection("host=localhost dbname=team user=alice")
