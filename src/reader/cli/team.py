"""The `team` command: link the library to a team on a PostgreSQL server, sync, share.

    team connect DSN --team NAME   check the server and the membership, keep the link
    team status                    the link, what waits to be sent, whether the server answers
    team sync                      push, then pull
    team share ID... | --tag TAG   let the team read these notes (unshare: private again)
    team disconnect                forget the link and its password; the library keeps all

The password in DSN is written to a file only the user can read (reader.core.team.connection)
and never printed; an unreachable server or a refusal is one sentence and exit code 2.
"""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from reader import paths
from reader.cli.output import warn
from reader.core.translation import _
from reader.core.user_db import UserDatabase


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    team = commands.add_parser(
        "team", parents=[common], help=_("share the library with a team on a PostgreSQL server")
    )
    actions = team.add_subparsers(
        dest="team_command", metavar="ACTION", required=True, parser_class=type(team)
    )
    connect = actions.add_parser(
        "connect", parents=[common], help=_("link the library to a team on a server")
    )
    connect.add_argument(
        "dsn", metavar="DSN", help=_("the server: postgresql://role[:password]@host/database")
    )
    connect.add_argument("--team", required=True, metavar="NAME", help=_("the team's name"))
    actions.add_parser("status", parents=[common], help=_("show the team link and what waits"))
    actions.add_parser("sync", parents=[common], help=_("send changes to the team, fetch theirs"))
    actions.add_parser(
        "disconnect", parents=[common], help=_("forget the team link (the library keeps all)")
    )
    _add_owner_commands(actions, common)
    for name, help_text in (
        ("share", _("let the team read notes, by id or by tag")),
        ("unshare", _("make notes private again, by id or by tag")),
    ):
        share = actions.add_parser(name, parents=[common], help=help_text)
        share.add_argument("ids", nargs="*", metavar="ID", help=_("notes' ids (see 'notes list')"))
        share.add_argument(
            "--tag", metavar="TAG", help=_("every note with this tag, now and later")
        )


def _add_owner_commands(actions: Any, common: argparse.ArgumentParser) -> None:
    """What the database's owner (a DBA) runs: the schema, teams, analysts' roles."""
    owner_dsn = _("the server, connected to as the database's owner")
    migrate = actions.add_parser(
        "migrate", parents=[common], help=_("owner: create or update the server's schema")
    )
    migrate.add_argument("dsn", metavar="DSN", help=owner_dsn)
    add_team = actions.add_parser("add-team", parents=[common], help=_("owner: add a team"))
    add_team.add_argument("dsn", metavar="DSN", help=owner_dsn)
    add_team.add_argument("name", metavar="NAME", help=_("the team's name"))
    analyst = actions.add_parser(
        "add-analyst",
        parents=[common],
        help=_("owner: give an analyst a role of their own in teams (password: ${variable})")
        .format(variable=PASSWORD_ENV),
    )  # fmt: skip
    analyst.add_argument("dsn", metavar="DSN", help=owner_dsn)
    analyst.add_argument("role", metavar="ROLE", help=_("the analyst's role (login name)"))
    analyst.add_argument(
        "--team", action="append", required=True, metavar="NAME", help=_("a team (repeatable)")
    )


PASSWORD_ENV = "STATEMENT_READER_ANALYST_PASSWORD"
OWNER_COMMANDS = frozenset({"migrate", "add-team", "add-analyst"})


def _run_owner(args: argparse.Namespace, out: TextIO) -> int:
    import getpass
    import os

    from reader.core.team import connection, schema

    with connection.open_connection(args.dsn) as server, connection.refusals(args.dsn):
        if args.team_command == "migrate":
            version = schema.migrate(server)
            out.write(_("The server's schema is at version {version}.").format(version=version))
        elif args.team_command == "add-team":
            schema.add_team(server, args.name)
            out.write(_("The team '{team}' is on the server.").format(team=args.name))
        else:
            password = os.environ.get(PASSWORD_ENV) or getpass.getpass(
                _("Password for {role}: ").format(role=args.role)
            )
            schema.add_analyst(server, args.role, password, tuple(args.team))
            out.write(
                _("{role} can connect, as a member of {teams}.").format(
                    role=args.role, teams=", ".join(args.team)
                )
            )
    out.write("\n")
    return 0


def run_team(args: argparse.Namespace, folders: paths.Folders, out: TextIO) -> int:
    from reader.core.team import connection, sync

    if args.team_command in OWNER_COMMANDS:
        return _run_owner(args, out)
    db = UserDatabase.open(paths.ensure(folders.data))
    try:
        warn(db.notice)
        action = args.team_command
        if action == "connect":
            link, warning = connection.connect_library(db, args.dsn, args.team)
            warn(warning)
            out.write(
                _("Connected to the team '{team}' on {server} as {role}.").format(
                    team=link.team, server=connection.describe(link.dsn), role=link.role
                )
                + "\n"
            )
        elif action == "status":
            _status(db, out)
        elif action == "sync":
            linked = connection.link(db)
            if linked is not None:
                warn(connection.tls_warning(connection.parse_dsn(linked.dsn)))
            report = sync.sync(db, reserved=_bundled_ids())
            if report.pulled["document"]:
                _update_index(db, folders)
            out.write(f"{report}\n")
        elif action == "disconnect":
            if connection.disconnect_library(db):
                out.write(_("The library is no longer connected to a team.") + "\n")
            else:
                out.write(_("The library was not connected to a team.") + "\n")
        else:
            _share(db, args, action == "share", out)
    finally:
        db.close()
    return 0


def _status(db: UserDatabase, out: TextIO) -> None:
    from reader.core.team import connection, sync
    from reader.core.team.schema import TeamError

    link = connection.link(db)
    if link is None:
        out.write(_("Not connected to a team.") + "\n")
        return
    settings = connection.read_settings(db)
    lines = [
        _("Team: {team}, on {server}, as {role}").format(
            team=link.team, server=connection.describe(link.dsn), role=link.role
        ),
        _("Last sync: {time}").format(time=settings.get("last_sync", _("never"))),
        _("Waiting to be sent: {count}").format(count=sync.pending(db)),
        _("Tags shared: {tags}").format(tags=", ".join(sync.shared_tags(db)) or _("none")),
    ]
    try:
        with connection.open_connection(link.dsn, passfile=link.passfile) as server:
            connection.check_server(server, link.team)
        lines.append(_("Server: reachable"))
    except TeamError as error:
        lines.append(_("Server: {reason}").format(reason=error))
    warn(connection.tls_warning(connection.parse_dsn(link.dsn)))
    out.write("\n".join(lines) + "\n")


def _share(db: UserDatabase, args: argparse.Namespace, shared: bool, out: TextIO) -> None:
    from reader.core.notes.note import NoteError
    from reader.core.notes.store import NotesStore
    from reader.core.team import sync

    if not args.ids and not args.tag:
        raise NoteError(_("Name the notes by id, or give --tag."))
    store = NotesStore(db)
    for note_id in args.ids:
        if store.get(note_id, include_deleted=True) is None:
            raise NoteError(_("There is no note with the id '{note_id}'.").format(note_id=note_id))
    if args.ids:
        sync.share_notes(db, args.ids, shared)
    if args.tag:
        count = sync.share_tag(db, args.tag, shared)
        out.write(
            (
                _("Notes tagged '{tag}' are shared with the team ({count} now).")
                if shared
                else _("Notes tagged '{tag}' are no longer shared by their tag ({count} now).")
            ).format(tag=args.tag, count=count)
            + "\n"
        )
    if args.ids:
        out.write(
            (
                _("Shared with the team from the next sync: {ids}.")
                if shared
                else _("Private again from the next sync: {ids}.")
            ).format(ids=", ".join(args.ids))
            + "\n"
        )


def _bundled_ids() -> list[str]:
    from reader.core.library.bundled import load_bundled
    from reader.resource_access import resource_folder

    return [doc.id for doc in load_bundled(resource_folder())]


def _update_index(db: UserDatabase, folders: paths.Folders) -> None:
    """Documents received are searchable at once, as imported ones are."""
    from reader.core.library.importing import LibraryContext, update_index
    from reader.resource_access import resource_folder

    update_index(LibraryContext(resource_folder(), db, folders.index))
