"""A real PostgreSQL server for the test session: Debian's server binaries (scripts/system-
packages.sh installs them), a cluster made by `initdb` in a temporary folder, `pg_ctl` on
127.0.0.1 and a free port, scram-sha-256 logins.

`initdb` refuses to run as root (CI runs as root), so there the server runs as the `postgres`
system user the package creates, through `runuser`. The superuser's password reaches `initdb`
through a file and the clients through a PGPASSFILE (mode 0600): never on a command line, where
any user of the machine could read it. Missing binaries are an error, not a reason to skip:
a test that asks for the server and gets none has not passed.
"""

from __future__ import annotations

import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import count
from pathlib import Path
from typing import Any

SERVER_USER = "postgres"  # the system user Debian's package creates
SUPERUSER = "enhetschef_test"
START_TRIES = 3  # a free port found can be taken by another process before the server binds it
_database_numbers = count(1)


class PostgresUnavailable(RuntimeError):
    """The server could not be started: the message says what to install or look at."""


def server_binaries(debian_folder: Path = Path("/usr/lib/postgresql")) -> tuple[Path, Path]:
    """`initdb` and `pg_ctl`: on PATH, or in Debian's versioned folder (newest first), which is
    not on PATH unless something linked them."""
    found = [shutil.which("initdb"), shutil.which("pg_ctl")]
    if all(found):
        return Path(found[0] or ""), Path(found[1] or "")
    for folder in sorted(debian_folder.glob("*/bin"), reverse=True):
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder / "initdb", folder / "pg_ctl"
    raise PostgresUnavailable(
        "PostgreSQL's server programs (initdb, pg_ctl) are not installed: run "
        "scripts/system-packages.sh (Debian's 'postgresql' package)."
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class PostgresServer:
    folder: Path
    port: int
    passfile: Path
    host: str = "127.0.0.1"
    user: str = SUPERUSER
    _pg_ctl: Path = field(default=Path("pg_ctl"), repr=False)
    _as_server_user: list[str] = field(default_factory=list, repr=False)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str, *, user: str | None = None) -> str:
        """The program's form of a database address: no password, libpq finds it."""
        return f"postgresql+psycopg://{user or self.user}@{self.host}:{self.port}/{database}"

    def connect(self, database: str = "postgres", **kwargs: Any) -> Any:
        """A plain psycopg connection as the superuser (for setting up and for checking what
        the program wrote, from outside the program)."""
        import psycopg

        return psycopg.connect(
            host=self.host,
            port=self.port,
            user=kwargs.pop("user", self.user),
            dbname=database,
            passfile=str(self.passfile),
            **kwargs,
        )

    def make_login(self, login: str) -> str:
        """A login with a new password, as IT makes one: the password goes to the server over
        the connection and into the PGPASSFILE the clients use, never onto a command line.
        Logins belong to the whole server: one made before gets the new password."""
        import secrets

        from psycopg import sql

        password = secrets.token_urlsafe(18)
        with self.connect(autocommit=True) as connection:
            exists = connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,))
            verb = "ALTER" if exists.fetchone() else "CREATE"
            connection.execute(
                sql.SQL("{} ROLE {} LOGIN PASSWORD {}").format(
                    sql.SQL(verb), sql.Identifier(login), sql.Literal(password)
                )
            )
        # libpq takes the first matching line: an older one for the login goes.
        kept = [
            line
            for line in self.passfile.read_text(encoding="utf-8").splitlines()
            if line.split(":")[3] != login
        ]
        self.passfile.write_text(
            "".join(f"{line}\n" for line in [*kept, f"{self.host}:*:*:{login}:{password}"]),
            encoding="utf-8",
        )
        return password

    def create_database(self, template: str | None = None) -> str:
        name = f"test_{os.getpid()}_{next(_database_numbers)}"
        with self.connect(autocommit=True) as connection:
            clause = f" TEMPLATE {template}" if template else ""
            connection.execute(f"CREATE DATABASE {name}{clause}")
        return name

    def drop_database(self, name: str) -> None:
        # FORCE ends connections a failed test left open: the next test is not blocked.
        with self.connect(autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def stop(self) -> None:
        subprocess.run(
            [*self._as_server_user, str(self._pg_ctl), "-D", str(self.data), "-m", "fast",
             "-w", "stop"],
            capture_output=True,
            check=False,
        )  # fmt: skip
        shutil.rmtree(self.folder, ignore_errors=True)


def _server_user_prefix() -> tuple[list[str], int | None, int | None]:
    """The command prefix that runs a server program, and whose the folder must be."""
    if os.geteuid() != 0:
        return [], None, None
    try:
        account = pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise PostgresUnavailable(
            f"Running as root, and there is no '{SERVER_USER}' user to run the server as: "
            "install Debian's 'postgresql' package (scripts/system-packages.sh)."
        ) from None
    runuser = shutil.which("runuser")
    if runuser is None:
        raise PostgresUnavailable("Running as root without 'runuser' (util-linux).")
    return [runuser, "-u", SERVER_USER, "--"], account.pw_uid, account.pw_gid


def _run(command: list[str], what: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise PostgresUnavailable(f"{what} failed ({done.returncode}):\n{done.stdout}{done.stderr}")


def start_server() -> PostgresServer:
    initdb, pg_ctl = server_binaries()
    prefix, uid, gid = _server_user_prefix()
    # Not under pytest's tmp_path: that folder is root's and closed to the server's user.
    folder = Path(tempfile.mkdtemp(prefix="enhetschef-pg-"))
    try:
        if uid is not None and gid is not None:
            os.chown(folder, uid, gid)
        password = secrets.token_urlsafe(24)
        password_file = folder / "initdb-password"
        _write_private(password_file, password + "\n", uid, gid)
        _run(
            [*prefix, str(initdb), "-D", str(folder / "data"), "-U", SUPERUSER,
             f"--pwfile={password_file}", "--auth=scram-sha-256", "--encoding=UTF8",
             # C: text sorts by code point, as SQLite's default collation does.
             "--locale=C", "--no-sync"],
            "initdb",
        )  # fmt: skip
        password_file.unlink()
        passfile = folder / "pgpass"
        # The client's copy: the test process's own (libpq ignores a group- or world-readable
        # one); root reads it in the server user's folder all the same.
        _write_private(passfile, f"127.0.0.1:*:*:{SUPERUSER}:{password}\n", None, None)
        for attempt in range(START_TRIES):
            port = free_port()
            _configure(folder / "data", port, uid, gid)
            done = subprocess.run(
                [*prefix, str(pg_ctl), "-D", str(folder / "data"), "-l",
                 str(folder / "server.log"), "-w", "-t", "30", "start"],
                capture_output=True, text=True, check=False,
            )  # fmt: skip
            if done.returncode == 0:
                server = PostgresServer(folder=folder, port=port, passfile=passfile)
                server._pg_ctl = pg_ctl
                server._as_server_user = prefix
                return server
            if attempt == START_TRIES - 1:
                log = folder / "server.log"
                text = log.read_text(errors="replace") if log.exists() else ""
                raise PostgresUnavailable(f"pg_ctl start failed:\n{done.stderr}\n{text}")
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    raise AssertionError("unreachable")


def _configure(data: Path, port: int, uid: int | None, gid: int | None) -> None:
    """The settings of a throw-away server: loopback only, no socket file, no waiting for
    the disk (the cluster is deleted after the session anyway)."""
    settings = (
        "listen_addresses = '127.0.0.1'\n"
        f"port = {port}\n"
        "unix_socket_directories = ''\n"
        "fsync = off\n"
        "synchronous_commit = off\n"
        "full_page_writes = off\n"
        "max_connections = 60\n"
    )
    _write_private(data / "postgresql.auto.conf", settings, uid, gid)


def _write_private(path: Path, text: str, uid: int | None, gid: int | None) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(text)
    path.chmod(0o600)
    if uid is not None and gid is not None:
        os.chown(path, uid, gid)


@contextmanager
def running_server() -> Iterator[PostgresServer]:
    server = start_server()
    try:
        yield server
    finally:
        server.stop()
