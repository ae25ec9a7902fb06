"""Every migration on PostgreSQL: up to the newest schema and back down, with the database's
own guards (the append-only audit log, decisions that cannot change) as on SQLite, checked
with plain SQL from outside the program, as someone with a database tool would try."""

from __future__ import annotations

import threading

import psycopg
import pytest
from postgres_server import PostgresServer
from privacy_helpers import build_leaver_unit

from enhetschef_app.cli import main
from enhetschef_app.services.core.settings import change_settings
from enhetschef_app.services.core.workspace import ensure_unit, open_workspace
from enhetschef_app.storage.audit_culling import MARKER
from enhetschef_app.storage.database import migrate_file, open_database
from enhetschef_app.storage.file_check import head_revision
from enhetschef_app.storage.location import parse_location
from enhetschef_app.storage.model_registry import metadata

AUDIT_TRIGGERS = {"audit_log_no_update", "audit_log_no_delete", "audit_log_no_truncate"}


def _database(url: str) -> str:
    return url.rsplit("/", 1)[1]


def _tables(server: PostgresServer, database: str) -> set[str]:
    with server.connect(database) as connection:
        rows = connection.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        return {row[0] for row in rows}


def _triggers(server: PostgresServer, database: str) -> set[str]:
    with server.connect(database) as connection:
        rows = connection.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
        return {row[0] for row in rows}


def test_the_command_line_makes_a_new_server_database_at_the_newest_schema(
    postgres_server: PostgresServer, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", postgres_url, "info", "--json"]) == 2  # empty: nothing to describe yet
    assert "är tom" in capsys.readouterr().err

    assert main(["--db", postgres_url, "demo", "--staff", "6"]) == 0
    capsys.readouterr()
    assert main(["--db", postgres_url, "info", "--json"]) == 0
    out = capsys.readouterr().out
    assert postgres_url in out
    assert f'"schema_version": "{head_revision()}"' in out

    name = _database(postgres_url)
    assert _tables(postgres_server, name) >= set(metadata.tables) | {"alembic_version"}
    assert _triggers(postgres_server, name) >= AUDIT_TRIGGERS


def test_every_migration_goes_down_and_up_again(
    postgres_server: PostgresServer, postgres_url: str
) -> None:
    location = parse_location(postgres_url)
    name = _database(postgres_url)
    migrate_file(location, "head")
    migrate_file(location, "base", down=True)
    assert _tables(postgres_server, name) == {"alembic_version"}
    assert _triggers(postgres_server, name) == set()
    with postgres_server.connect(name) as connection:
        functions = connection.execute(
            "SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace"
        ).fetchone()
        assert functions == (0,)
    migrate_file(location, "head")
    assert _tables(postgres_server, name) >= set(metadata.tables)


def test_a_server_database_with_other_tables_is_refused_and_left_alone(
    postgres_server: PostgresServer, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    name = _database(postgres_url)
    with postgres_server.connect(name) as connection:
        connection.execute("CREATE TABLE lonelista (id integer)")

    assert main(["--db", postgres_url, "demo", "--staff", "5"]) == 2

    assert "inte en Enhetschef-databas" in capsys.readouterr().err
    assert _tables(postgres_server, name) == {"lonelista"}


def test_a_newer_server_database_is_refused(
    postgres_server: PostgresServer, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    open_database(postgres_url).close()
    name = _database(postgres_url)
    with postgres_server.connect(name) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")

    assert main(["--db", postgres_url, "info"]) == 2

    assert "nyare version av Enhetschef" in capsys.readouterr().err


def test_a_refused_login_says_so(
    postgres_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    address = postgres_url.replace("enhetschef_test@", "okand_anvandare@")
    assert main(["--db", address, "info"]) == 2
    assert "nekade inloggningen" in capsys.readouterr().err


def _audit_entry(server: PostgresServer, database: str) -> None:
    with server.connect(database) as connection:
        connection.execute(
            "INSERT INTO audit_log (at, actor, action, entity, after_json) "
            "VALUES (now(), 'ec', 'test', 'enhet', '{\"a\": 1}')"
        )


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_log SET actor = 'någon annan'",
        "DELETE FROM audit_log",
        "TRUNCATE audit_log",
    ],
)
def test_the_audit_log_cannot_be_rewritten_on_the_server(
    postgres_server: PostgresServer, postgres_url: str, statement: str
) -> None:
    open_database(postgres_url).close()
    name = _database(postgres_url)
    _audit_entry(postgres_server, name)

    with (
        pytest.raises(psycopg.errors.IntegrityError, match="append-only"),
        postgres_server.connect(name) as connection,
    ):
        connection.execute(statement)

    with postgres_server.connect(name) as connection:
        assert connection.execute("SELECT actor FROM audit_log").fetchall() == [("ec",)]


def test_gallring_may_only_blank_an_entrys_details_while_its_run_is_open(
    postgres_server: PostgresServer, postgres_url: str
) -> None:
    open_database(postgres_url).close()
    name = _database(postgres_url)
    _audit_entry(postgres_server, name)
    blank = "UPDATE audit_log SET after_json = '{\"gallrad\": true}'"

    with (
        pytest.raises(psycopg.errors.IntegrityError, match="append-only"),
        postgres_server.connect(name) as connection,
    ):
        connection.execute(blank)  # no run open

    with postgres_server.connect(name) as connection:
        connection.execute("INSERT INTO units (code, name, created_at) VALUES ('HT', 'H', now())")
        connection.execute(
            "INSERT INTO gallring_runs (unit_id, as_of, started_at, actor, counts_json) "
            "SELECT id, current_date, now(), 'ec', '{}' FROM units"
        )
        # A savepoint: the refused statement undoes only itself.
        with (
            pytest.raises(psycopg.errors.IntegrityError, match="append-only"),
            connection.transaction(),
        ):
            connection.execute(blank.replace("SET after_json", "SET actor = 'x', after_json"))
        connection.execute(blank)
        connection.execute("UPDATE gallring_runs SET finished_at = now()")
        assert connection.execute("SELECT after_json FROM audit_log").fetchall() == [
            ('{"gallrad": true}',)
        ]


def test_gallring_on_the_server_keeps_the_log_and_blanks_what_it_deleted(
    postgres_server: PostgresServer, postgres_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """The whole path through the program: the server's trigger lets gallring's one change
    of the audit log through, and the log keeps every entry."""
    workspace = open_workspace(postgres_url)
    try:
        workspace = workspace.with_unit(ensure_unit(workspace, "HT-TEST", "Hemtjänst Test"))
        leavers = build_leaver_unit(workspace)
        change_settings(workspace, {"privacy.retention_months": 12})
    finally:
        workspace.close()
    name = _database(postgres_url)
    count = "SELECT count(*) FROM audit_log"
    with postgres_server.connect(name) as connection:
        entries = connection.execute(count).fetchone()
    assert entries is not None

    assert main(["--db", postgres_url, "gallring", "--yes", "--date", "2026-12-04"]) == 0

    with postgres_server.connect(name) as connection:
        # Every entry is still there, and one more tells of the run itself.
        assert connection.execute(count).fetchone() == (entries[0] + 1,)
        details = dict(
            connection.execute(
                "SELECT entity_id, after_json FROM audit_log WHERE entity = 'franvaro'"
            ).fetchall()
        )
        open_runs = connection.execute(
            "SELECT count(*) FROM gallring_runs WHERE finished_at IS NULL"
        ).fetchone()
    assert open_runs == (0,)
    culled = [details[str(i)] for i in leavers.absences["F"]]
    assert culled and all(after == MARKER for after in culled)
    kept = details[str(leavers.absences["H"][0])]
    assert kept != MARKER and '"2026-01-12"' in kept


def test_two_programs_opening_a_new_server_database_at_once_both_get_it_migrated_once(
    postgres_server: PostgresServer, postgres_url: str
) -> None:
    """The second waits for the first's migration and finds the newest schema, instead of
    running the migrations again over tables that are half there."""
    start = threading.Barrier(3)
    outcomes: list[object] = []

    def open_it() -> None:
        start.wait()
        try:
            database = open_database(postgres_url)
            outcomes.append(database.revision)
            database.close()
        except Exception as exc:
            outcomes.append(exc)

    openers = [threading.Thread(target=open_it) for _ in range(3)]
    for opener in openers:
        opener.start()
    for opener in openers:
        opener.join(timeout=60)

    assert outcomes == [head_revision()] * 3
    with postgres_server.connect(_database(postgres_url)) as connection:
        assert connection.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,)
