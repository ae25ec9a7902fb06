"""A förvaltning on the test server: two demo units, A and B, made by the owner, and three
logins: `fv_ec_a` the EC of A, `fv_vc_ab` the VC of both, `fv_vc_a` the VC of A only. Logins
belong to the whole server, so their names are this module's own (test_postgres_access makes
others)."""

from __future__ import annotations

import secrets

from postgres_server import PostgresServer
from psycopg import sql

from enhetschef_app.cli import main

EC_A, VC_AB, VC_A = "fv_ec_a", "fv_vc_ab", "fv_vc_a"
LOGINS = (EC_A, VC_AB, VC_A)
END = "2026-11-30"
MONTH = "2026-11"


def make_logins(server: PostgresServer) -> None:
    """The logins with passwords, as IT makes them: the password goes over the connection
    and into the PGPASSFILE, never onto a command line."""
    with server.connect(autocommit=True) as connection:
        for login in LOGINS:
            password = secrets.token_urlsafe(18)
            exists = connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,))
            verb = "ALTER" if exists.fetchone() else "CREATE"
            connection.execute(
                sql.SQL("{} ROLE {} LOGIN PASSWORD {}").format(
                    sql.SQL(verb), sql.Identifier(login), sql.Literal(password)
                )
            )
            kept = [
                line
                for line in server.passfile.read_text(encoding="utf-8").splitlines()
                if line.split(":")[3] != login
            ]
            server.passfile.write_text(
                "".join(f"{line}\n" for line in [*kept, f"127.0.0.1:*:*:{login}:{password}"]),
                encoding="utf-8",
            )


def make_forvaltning(server: PostgresServer) -> str:
    """The database with units A and B and the three logins' access; returns its name."""
    make_logins(server)
    name = server.create_database()
    url = server.url(name)
    for seed, code in enumerate(("A", "B"), start=1):
        size = ["--staff", "6", "--weeks", "8", "--end", END, "--seed", str(seed)]
        made = main(["--db", url, "demo", "--unit", code, *size])
        assert made == 0
    assert main(["--db", url, "admin", "init"]) == 0
    grants = ((EC_A, "A", "ec"), (VC_AB, "A,B", "vc"), (VC_A, "A", "vc"))
    for user, units, role in grants:
        command = ["admin", "grant", "--user", user, "--units", units, "--role", role]
        assert main(["--db", url, *command]) == 0
    return name
