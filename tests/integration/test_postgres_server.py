"""The test session's own PostgreSQL server: reachable on loopback with the password from the
PGPASSFILE only, each test in a database of its own."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import psycopg
import pytest
from postgres_server import PostgresServer, PostgresUnavailable, server_binaries


def test_a_login_needs_the_password_from_the_passfile(postgres_server: PostgresServer) -> None:
    passfile = Path(os.environ["PGPASSFILE"])
    assert passfile == postgres_server.passfile
    assert stat.S_IMODE(passfile.stat().st_mode) == 0o600

    with postgres_server.connect() as connection:
        row = connection.execute("SELECT current_setting('password_encryption')").fetchone()
        assert row == ("scram-sha-256",)
        host = connection.execute("SELECT inet_server_addr()::text").fetchone()
        assert host == ("127.0.0.1/32",)

    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(
            host=postgres_server.host,
            port=postgres_server.port,
            user=postgres_server.user,
            dbname="postgres",
            password="fel-lösenord",
            passfile=os.devnull,
        )


def test_each_test_gets_an_empty_database_of_its_own(
    postgres_server: PostgresServer, postgres_url: str
) -> None:
    name = postgres_url.rsplit("/", 1)[1]
    with postgres_server.connect(name) as connection:
        tables = connection.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone()
        assert tables == (0,)
        connection.execute("CREATE TABLE marker (id integer)")
        connection.commit()
    other = postgres_server.create_database()
    try:
        with postgres_server.connect(other) as connection:
            row = connection.execute("SELECT to_regclass('public.marker')").fetchone()
            assert row == (None,)
    finally:
        postgres_server.drop_database(other)


def test_without_the_server_programs_the_fixture_fails_and_names_the_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))

    with pytest.raises(PostgresUnavailable, match=r"system-packages\.sh"):
        server_binaries(tmp_path / "no-postgresql")
