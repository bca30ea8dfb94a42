"""A throw-away PostgreSQL cluster in a folder, for the team tests and `make team-server`.

Debian's binaries, run as the `postgres` user when we are root (initdb refuses root, which is
why pytest-postgresql's own process fixture fails here); listening on a Unix socket inside the
folder only (no TCP port to collide with another engineer's or to reach from outside); fsync
off, since the data is thrown away. Start to stop takes about a second.

    python -m tests.team.cluster FOLDER   # starts one with a demo team, prints how to connect
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

PORT = 5432  # only names the socket file: the socket folder is the cluster's own
DATABASE = "team"
ADMIN = "postgres"


def postgres_bin() -> Path:
    """The newest installed server's bin folder."""
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if not versions:
        raise RuntimeError(
            "PostgreSQL is not installed: run `make setup` (packaging/system-deps.sh)"
        )
    return versions[-1].parent


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@dataclass
class Cluster:
    folder: Path
    admin_password: str

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def socket(self) -> Path:
        return self.folder / "socket"

    def dsn(self, user: str = ADMIN, password: str | None = None, **more: str) -> str:
        """A libpq connection string (key=value form) for `user`."""
        secret = self.admin_password if password is None and user == ADMIN else password
        parts = {"host": str(self.socket), "port": str(PORT), "dbname": DATABASE, "user": user}
        if secret:
            parts["password"] = secret
        parts.update(more)
        return " ".join(f"{key}='{value}'" for key, value in parts.items())

    def start(self) -> None:
        # fsync off loses data only if the machine itself goes down; synchronous_commit stays
        # on, or a server stopped at once (the interruption tests do) loses commits a laptop
        # was told of.
        options = f"-c listen_addresses='' -k {self.socket} -p {PORT} -c fsync=off"
        self._pg_ctl(
            "start", "-w", "-t", "30", "-l", str(self.folder / "server.log"), "-o", options
        )

    def stop(self) -> None:
        self._pg_ctl("stop", "-w", "-m", "fast")

    def running(self) -> bool:
        result = subprocess.run(
            _as_server_user([str(postgres_bin() / "pg_ctl"), "status", "-D", str(self.data)]),
            capture_output=True,
            check=False,
        )
        return result.returncode == 0

    def kill(self) -> None:
        """The server gone at once, as a dropped connection or a crashed host sees it."""
        pid = int((self.data / "postmaster.pid").read_text().split()[0])
        os.kill(pid, signal.SIGKILL)

    def remove(self) -> None:
        if self.running():
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _pg_ctl(self, *args: str) -> None:
        subprocess.run(
            _as_server_user([str(postgres_bin() / "pg_ctl"), "-D", str(self.data), *args]),
            check=True,
            capture_output=True,
        )


def create(folder: Path | None = None) -> Cluster:
    """A new cluster, started, with the team database migrated."""
    # pytest's tmp_path sits under a 0700 folder of root's that the postgres user cannot
    # enter: the cluster gets a folder of its own.
    base = Path(tempfile.mkdtemp(prefix="statement-reader-pg-")) if folder is None else folder
    base.mkdir(parents=True, exist_ok=True)
    cluster = Cluster(base, secrets.token_urlsafe(16))
    cluster.socket.mkdir(exist_ok=True)
    password_file = base / "admin-password"
    password_file.write_text(cluster.admin_password + "\n")
    password_file.chmod(0o600)
    if os.geteuid() == 0:
        for path in (base, cluster.socket, password_file):
            shutil.chown(path, "postgres", "postgres")
    subprocess.run(
        _as_server_user([
            str(postgres_bin() / "initdb"), "-D", str(cluster.data), "-U", ADMIN,
            "--auth-local=scram-sha-256", "--auth-host=scram-sha-256",
            f"--pwfile={password_file}", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync",
        ]),
        check=True,
        capture_output=True,
    )  # fmt: skip
    password_file.unlink()
    cluster.start()
    import psycopg

    from reader.core.team import schema

    with psycopg.connect(cluster.dsn(dbname="postgres"), autocommit=True) as connection:
        connection.execute(f"CREATE DATABASE {DATABASE}")
    with psycopg.connect(cluster.dsn(), autocommit=True) as connection:
        schema.migrate(connection)
    return cluster


def main(argv: list[str]) -> int:
    folder = Path(argv[0] if argv else "build/team-server").absolute()
    if (folder / "data").exists():
        sys.stderr.write(f"{folder} holds a cluster already; remove it first.\n")
        return 1
    cluster = create(folder)
    import psycopg

    from reader.core.team import schema

    password = secrets.token_urlsafe(12)
    with psycopg.connect(cluster.dsn(), autocommit=True) as connection:
        schema.add_team(connection, "demo")
        schema.add_analyst(connection, "analyst", password, ("demo",))
    print(f"A team server runs in {folder} (the team 'demo', the analyst 'analyst').")
    print("Connect a library to it:")
    print(f'  statement-reader team connect "{cluster.dsn("analyst", password)}" --team demo')
    print(f"Stop it: runuser -u postgres -- {postgres_bin()}/pg_ctl -D {cluster.data} stop")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
