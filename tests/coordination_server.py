"""Sambandscentral on the test server: two demo units, A and B, neighbours of each other, made
by the owner, and four logins: `sc_ec_ab` the EC of both (the coordinator), `sc_ec_a` the EC of
A only, `sc_ec_b` the EC of B only, `sc_vc_b` the VC of B (EC of nothing). Logins belong to the
whole server, so their names are this module's own."""

from __future__ import annotations

from datetime import date

from postgres_server import PostgresServer

from enhetschef_app.cli import main

EC_AB, EC_A, EC_B, VC_B = "sc_ec_ab", "sc_ec_a", "sc_ec_b", "sc_vc_b"
LOGINS = (EC_AB, EC_A, EC_B, VC_B)
END = "2026-11-30"
DAY = date(2026, 11, 25)  # a Wednesday with empty rows in both demo units
TODAY = date(2026, 11, 25)


def make_coordination(server: PostgresServer) -> str:
    """The database with units A and B, linked as neighbours, and the logins' access."""
    for login in LOGINS:
        server.make_login(login)
    name = server.create_database()
    url = server.url(name)
    for seed, code in enumerate(("A", "B"), start=1):
        size = ["--staff", "6", "--weeks", "8", "--end", END, "--seed", str(seed)]
        assert main(["--db", url, "demo", "--unit", code, *size]) == 0
    assert main(["--db", url, "--unit", "A", "unit-neighbours", "--add", "B"]) == 0
    assert main(["--db", url, "admin", "init"]) == 0
    grants = ((EC_AB, "A,B", "ec"), (EC_A, "A", "ec"), (EC_B, "B", "ec"), (VC_B, "B", "vc"))
    for user, units, role in grants:
        command = ["admin", "grant", "--user", user, "--units", units, "--role", role]
        assert main(["--db", url, *command]) == 0
    return name
