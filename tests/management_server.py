"""A förvaltning on the test server: two demo units, A and B, made by the owner, and three
logins: `fv_ec_a` the EC of A, `fv_vc_ab` the VC of both, `fv_vc_a` the VC of A only. Logins
belong to the whole server, so their names are this module's own (test_postgres_access makes
others)."""

from __future__ import annotations

from postgres_server import PostgresServer

from enhetschef_app.cli import main

EC_A, VC_AB, VC_A = "fv_ec_a", "fv_vc_ab", "fv_vc_a"
LOGINS = (EC_A, VC_AB, VC_A)
END = "2026-11-30"
MONTH = "2026-11"


def make_logins(server: PostgresServer) -> None:
    for login in LOGINS:
        server.make_login(login)


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
