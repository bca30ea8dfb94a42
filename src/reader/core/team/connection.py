"""The link from a library to a team server: what is kept of it, and opening a connection.

The connection string is kept in the local database without its password; the password goes
to `team.pgpass` in the data folder, a libpq password file (`*:*:database:user:password`)
that only the user can read (0600), named to libpq as `passfile`, so it is never in the
settings, in a log or on a command line after `team connect`. `sslmode` is whatever the
connection string says; a connection without TLS to anything but this machine is warned of.
"""

from __future__ import annotations

import ipaddress
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.core.team.schema import SCHEMA_VERSION, TeamError, newer_schema, server_version
from reader.core.translation import _
from reader.core.user_db import UserDatabase

if TYPE_CHECKING:
    import psycopg

PASSFILE = "team.pgpass"
CONNECT_TIMEOUT_S = 5  # a laptop offline should hear so quickly, not after libpq's minutes
_TLS_MODES = frozenset({"require", "verify-ca", "verify-full"})


@dataclass(frozen=True)
class TeamLink:
    """A library's team: the server (a connection string without password), the team, and
    the role the analyst connects as."""

    dsn: str
    team: str
    role: str
    passfile: Path


def parse_dsn(dsn: str) -> dict[str, str]:
    """The parameters of a libpq connection string (URI or key=value), or a TeamError."""
    conninfo = _psycopg().conninfo
    try:
        return {k: str(v) for k, v in conninfo.conninfo_to_dict(dsn).items() if v is not None}
    except _psycopg().ProgrammingError:
        raise TeamError(
            _(
                "'{dsn}' is not a PostgreSQL connection string (postgresql://user@host/database)."
            ).format(dsn=_without_password(dsn))
        ) from None


def tls_warning(parameters: dict[str, str]) -> str:
    """A sentence if the connection may go over the network unencrypted, else ""."""
    if parameters.get("sslmode", "prefer") in _TLS_MODES:
        return ""
    hosts = [h for h in parameters.get("host", "").split(",") if h and not _is_local(h)]
    hosts += [a for a in parameters.get("hostaddr", "").split(",") if a and not _is_local(a)]
    if not hosts:
        return ""
    return _(
        "The connection to {host} does not require TLS: the notes and the password may cross "
        "the network readable; add sslmode=verify-full (or require) to the connection string."
    ).format(host=", ".join(hosts))


def _is_local(host: str) -> bool:
    if host.startswith("/") or host.startswith("@") or host == "localhost":
        return True  # a Unix socket, or this machine
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def link(db: UserDatabase) -> TeamLink | None:
    """The library's team link, or None if it is not connected to one."""
    settings = read_settings(db)
    if "dsn" not in settings:
        return None
    return TeamLink(settings["dsn"], settings["team"], settings["role"], db.path.parent / PASSFILE)


def required_link(db: UserDatabase) -> TeamLink:
    found = link(db)
    if found is None:
        raise TeamError(_("This library is not connected to a team: use 'team connect' first."))
    return found


def read_settings(db: UserDatabase) -> dict[str, str]:
    return {row["name"]: row["value"] for row in db.query("SELECT name, value FROM team_settings")}


def connect_library(db: UserDatabase, dsn: str, team: str) -> tuple[TeamLink, str]:
    """Link the library to `team` on the server of `dsn`, after checking that the server can
    be reached, has a schema this version knows, and counts the role among the team's
    members. Returns the link and a warning ("" if none). Everything already in the library
    is then due to be pushed (its private notes stay here)."""
    parameters = parse_dsn(dsn)
    password = parameters.pop("password", None)
    if not parameters.get("user"):
        raise TeamError(_("The connection string names no user: add the analyst's role."))
    clean = _psycopg().conninfo.make_conninfo("", **parameters)
    with open_connection(clean, password=password) as connection:
        role = check_server(connection, team)
    passfile = db.path.parent / PASSFILE
    if password is not None:
        write_passfile(passfile, parameters.get("dbname", "*"), parameters["user"], password)
    with db.transaction() as local:
        local.execute("DELETE FROM team_settings")
        local.executemany(
            "INSERT INTO team_settings (name, value) VALUES (?, ?)",
            [("dsn", clean), ("team", team), ("role", role)],
        )
        # Rows saved before the library had a team were never put in the outbox.
        local.execute("INSERT INTO team_outbox (kind, key) SELECT 'note', id FROM notes")
        local.execute("INSERT INTO team_outbox (kind, key) SELECT 'document', id FROM catalogue")
        local.execute(
            "INSERT INTO team_outbox (kind, key) SELECT 'choice',"
            ' json_array(doc_id, start, "end", sentence) FROM recommendation_overrides'
        )
    return TeamLink(clean, team, role, passfile), tls_warning(parameters)


def disconnect_library(db: UserDatabase) -> bool:
    """Forget the team link and its password; the library keeps everything it holds.
    Returns False if there was no link."""
    had = link(db) is not None
    with db.transaction() as local:
        local.execute("DELETE FROM team_settings")
    (db.path.parent / PASSFILE).unlink(missing_ok=True)
    return had


def check_server(connection: psycopg.Connection, team: str) -> str:
    """The role connected, once the schema and the team's membership are known to be right."""
    version = server_version(connection)
    if version > SCHEMA_VERSION:
        raise TeamError(newer_schema(version))
    if version < SCHEMA_VERSION:
        raise TeamError(
            _(
                "The team server's schema is version {version}; this version of Statement "
                "Reader needs {known}: its owner must run the migrations (see the README)."
            ).format(version=version, known=SCHEMA_VERSION)
        )
    row = connection.execute(
        "SELECT current_user, EXISTS (SELECT 1 FROM members WHERE team = %s)", (team,)
    ).fetchone()
    assert row is not None
    if not row[1]:
        raise TeamError(
            _("The role {role} is not a member of the team '{team}' on this server.").format(
                role=row[0], team=team
            )
        )
    return str(row[0])


def write_passfile(path: Path, dbname: str, user: str, password: str) -> None:
    """The password where libpq looks for it, readable by the user alone from its first byte."""
    line = ":".join(("*", "*", _escaped(dbname), _escaped(user), _escaped(password)))
    temporary = path.with_name(path.name + ".partial")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(descriptor, 0o600)  # an older file of other mode keeps its mode otherwise
        os.write(descriptor, (line + "\n").encode("utf-8"))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    os.replace(temporary, path)


def _escaped(field: str) -> str:
    return field.replace("\\", "\\\\").replace(":", "\\:")


def open_connection(
    dsn: str, passfile: Path | None = None, password: str | None = None
) -> psycopg.Connection:
    """A connection to the server, or a TeamError that says in a sentence why there is none."""
    psycopg = _psycopg()
    extra: dict[str, str | int] = {
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": "statement-reader",
    }
    if password is not None:
        extra["password"] = password
    elif passfile is not None and passfile.exists():
        extra["passfile"] = str(passfile)
    try:
        # Autocommit: every change is made in an explicit `with connection.transaction()`.
        return psycopg.connect(dsn, autocommit=True, **extra)
    except psycopg.OperationalError as error:
        raise TeamError(unreachable(dsn, error)) from None


@contextmanager
def refusals(dsn: str) -> Iterator[None]:
    """The server's refusals (no privilege, a broken connection) as a TeamError's sentence."""
    psycopg = _psycopg()
    try:
        yield
    except psycopg.OperationalError as error:
        raise TeamError(unreachable(dsn, error)) from None
    except psycopg.Error as error:
        reason = " ".join(str(error).split()) or type(error).__name__
        raise TeamError(
            _("The team server ({server}) refused: {reason}").format(
                server=describe(dsn), reason=reason
            )
        ) from None


def unreachable(dsn: str, error: Exception) -> str:
    reason = " ".join(str(error).split()) or type(error).__name__
    return _("The team server ({server}) cannot be used now: {reason}").format(
        server=describe(dsn), reason=reason
    )


def describe(dsn: str) -> str:
    """user@host/database, for messages: never the password."""
    try:
        parameters = parse_dsn(dsn)
    except TeamError:
        return _without_password(dsn)
    host = parameters.get("host") or parameters.get("hostaddr") or "localhost"
    return f"{parameters.get('user', '')}@{host}/{parameters.get('dbname', '')}"


def _without_password(dsn: str) -> str:
    """The string as typed, less anything that looks like a password (for a refusal)."""
    import re

    dsn = re.sub(r"(://[^:/@]*):[^@]*@", r"\1:***@", dsn)
    return re.sub(r"(password\s*=\s*)('[^']*'|\S+)", r"\1***", dsn)


def _psycopg() -> Any:
    """The driver, loaded only for a team (the app works without it), or a TeamError."""
    try:
        import psycopg
    except ImportError:
        if getattr(sys, "frozen", False):
            # The bundle carries the driver, over the system's libpq (the .deb depends on it).
            raise TeamError(
                _(
                    "The team library needs PostgreSQL's client library libpq, which is not "
                    "installed: install the package libpq5."
                )
            ) from None
        raise TeamError(
            _(
                "The team library needs the PostgreSQL driver psycopg, which is not installed: "
                "install statement-reader[team]."
            )
        ) from None
    return psycopg
