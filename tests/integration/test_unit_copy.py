"""Moving a unit in (`copy-unit`): a demo unit from a SQLite file to the session's PostgreSQL
server and to another file, checked table by table; refused when the unit is already there; and
all or nothing when the copy fails half-way, by the server's own error or a dropped connection.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from postgres_server import PostgresServer

from enhetschef_app.cli import main
from enhetschef_app.storage.model_registry import metadata

UNIT = "HT-FLYTT"
TODAY = "2026-11-24"
MONTHS = ("2026-10", "2026-11")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo unit with every kind of history (covers, overtime decisions and their
    corrections, incidents, talks, the audit log), made once for the module."""
    path = tmp_path_factory.mktemp("source") / "enhet.sqlite3"
    demo = ["demo", "--unit", UNIT, "--staff", "8", "--weeks", "10", "--today", TODAY]
    assert main(["--db", str(path), *demo]) == 0
    return path


@pytest.fixture
def source(demo_file: Path, tmp_path: Path) -> Path:
    """A private copy of the demo file: a test never changes the module's one."""
    target = tmp_path / "kalla.sqlite3"
    shutil.copyfile(demo_file, target)
    return target


@pytest.fixture
def server_target(postgres_server: PostgresServer, postgres_head_template: str) -> Iterator[str]:
    name = postgres_server.create_database(template=postgres_head_template)
    yield postgres_server.url(name)
    postgres_server.drop_database(name)


def _copy(source: Path, target: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, Any, str]:
    code = main(["--db", str(source), "--unit", UNIT, "copy-unit", "--to", target, "--json"])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else None, err


def _month_figures(db: str, month: str, capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    assert main(["--db", db, "--unit", UNIT, "month-summary", "--month", month, "--json"]) == 0
    figures: dict[str, Any] = json.loads(capsys.readouterr().out)
    return figures


def _server_counts(server: PostgresServer, url: str) -> dict[str, int]:
    database = url.rsplit("/", 1)[1]
    with server.connect(database) as connection:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in metadata.tables
        }


def test_every_table_of_the_models_is_copied_or_listed_as_not_the_units() -> None:
    from enhetschef_app.services.core.unit_copy import copied_tables, not_copied_tables

    copied = copied_tables()
    skipped = not_copied_tables()
    assert len(copied) == len(set(copied))
    assert set(copied).isdisjoint(skipped)
    assert set(copied) | set(skipped) == set(metadata.tables)
    assert all(reason for reason in skipped.values())


def test_a_table_the_rules_cannot_place_stops_the_copy() -> None:
    from sqlalchemy import Column, Integer, MetaData, Table

    from enhetschef_app.storage.unit_copy import copy_plan

    loose = MetaData()
    Table("units", loose, Column("id", Integer, primary_key=True))
    Table("notes_of_nobody", loose, Column("id", Integer, primary_key=True))
    with pytest.raises(RuntimeError, match="notes_of_nobody"):
        copy_plan(loose)


def test_a_unit_moves_to_the_server_with_every_table_checked_and_the_same_figures(
    source: Path,
    server_target: str,
    postgres_server: PostgresServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, report, err = _copy(source, server_target, capsys)

    assert code == 0, err
    assert report["unit"] == UNIT
    assert report["all_match"] is True
    tables = {row["table"]: row for row in report["tables"]}
    assert set(tables) == set(metadata.tables) - {"unit_neighbours", "unit_members"}
    for row in report["tables"]:
        assert row["source_rows"] == row["target_rows"], row
        assert row["checksum_matches"], row
    # The demo's history is there, not only its staff.
    for table in ("schedule_covers", "overtime_decisions", "incident_events", "audit_log"):
        assert tables[table]["source_rows"] > 0, table
    counts = _server_counts(postgres_server, server_target)
    assert counts["units"] == 1
    assert counts["audit_log"] == tables["audit_log"]["source_rows"] + 1  # the move itself

    for month in MONTHS:
        on_file = _month_figures(str(source), month, capsys)
        on_server = _month_figures(server_target, month, capsys)
        assert on_server == on_file, month
        economy = ["--unit", UNIT, "economy", month, "--json"]
        assert main(["--db", str(source), *economy]) == 0
        cost_on_file = json.loads(capsys.readouterr().out)
        assert main(["--db", server_target, *economy]) == 0
        assert json.loads(capsys.readouterr().out) == cost_on_file, month
        assert cost_on_file["lines"], month


def test_a_unit_already_at_the_target_is_refused_and_nothing_changes(
    source: Path,
    server_target: str,
    postgres_server: PostgresServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert _copy(source, server_target, capsys)[0] == 0
    before = _server_counts(postgres_server, server_target)

    code, report, err = _copy(source, server_target, capsys)

    assert code == 2
    assert report is None
    assert f"Enheten {UNIT} finns redan i måldatabasen" in err
    assert "Inget har kopierats" in err
    assert "Traceback" not in err
    assert _server_counts(postgres_server, server_target) == before


def test_a_copy_that_fails_half_way_leaves_the_server_database_as_it_was(
    source: Path,
    server_target: str,
    postgres_server: PostgresServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The server refuses the covers, long after the unit, its staff and schedule went in."""
    database = server_target.rsplit("/", 1)[1]
    with postgres_server.connect(database) as connection:
        connection.execute(
            "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN RAISE EXCEPTION 'refused for the test'; END $$"
        )
        connection.execute(
            "CREATE TRIGGER refuse_covers BEFORE INSERT ON schedule_covers "
            "FOR EACH ROW EXECUTE FUNCTION refuse()"
        )
    before = _server_counts(postgres_server, server_target)

    code, report, err = _copy(source, server_target, capsys)

    assert code == 1  # an error nobody foresaw: a bug, named in the log, not a traceback
    assert report is None
    assert "Traceback" not in err
    assert _server_counts(postgres_server, server_target) == before
    assert before["units"] == 0


def test_a_dropped_connection_mid_copy_is_a_known_error_and_the_retry_succeeds(
    source: Path,
    server_target: str,
    postgres_server: PostgresServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The superuser ends the copy's server session while it writes the schedule."""
    from enhetschef_app.domain.errors import UserError
    from enhetschef_app.services.core.unit_copy import copy_unit
    from enhetschef_app.services.core.workspace import open_workspace
    from enhetschef_app.storage.location import parse_location

    database = server_target.rsplit("/", 1)[1]
    before = _server_counts(postgres_server, server_target)
    ended: list[int] = []

    def end_the_session(table: str, _rows: int) -> None:
        if table != "schedule_rows":
            return
        with postgres_server.connect(autocommit=True) as admin:
            rows = admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND application_name = 'enhetschef'",
                (database,),
            ).fetchall()
        ended.extend(1 for (done,) in rows if done)

    workspace = open_workspace(source, UNIT)
    try:
        with pytest.raises(UserError) as refused:
            copy_unit(workspace, parse_location(server_target), on_table=end_the_session)
    finally:
        workspace.close()

    assert ended
    assert "Anslutningen till databasservern" in refused.value.message
    assert "bröts" in refused.value.message
    assert "Försök igen" in refused.value.message
    assert refused.value.exit_code == 2
    assert _server_counts(postgres_server, server_target) == before

    code, report, err = _copy(source, server_target, capsys)
    assert code == 0, err
    assert report["all_match"] is True


def test_a_workspace_on_the_server_survives_a_dropped_connection(
    source: Path, server_target: str, postgres_server: PostgresServer
) -> None:
    """A save whose session the server ends half-way: the Swedish error, nothing half-written,
    and the same workspace saves on the next attempt (a new connection)."""
    from sqlalchemy import text

    from enhetschef_app.services.core.unit_copy import copy_unit
    from enhetschef_app.services.core.workspace import open_workspace
    from enhetschef_app.storage.errors import ServerConnectionLostError
    from enhetschef_app.storage.location import parse_location

    local = open_workspace(source, UNIT)
    try:
        copy_unit(local, parse_location(server_target))
    finally:
        local.close()
    database = server_target.rsplit("/", 1)[1]
    insert = text(
        "INSERT INTO staffing_needs (unit_id, weekday, band_start, band_end, staff_count) "
        "SELECT id, 6, CAST(:start AS time), '23:59', 1 FROM units"
    )
    workspace = open_workspace(server_target, UNIT)
    try:
        with pytest.raises(ServerConnectionLostError), workspace.transaction() as session:
            session.execute(insert, {"start": "23:00"})
            with postgres_server.connect(autocommit=True) as admin:
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = %s AND application_name = 'enhetschef'",
                    (database,),
                )
            session.execute(text("SELECT 1"))
        assert _needs_at_23(postgres_server, database) == 0

        # An idle pooled connection ended between two saves: the pre-ping replaces it.
        with workspace.transaction() as session:
            session.execute(insert, {"start": "23:10"})
        with postgres_server.connect(autocommit=True) as admin:
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND application_name = 'enhetschef'",
                (database,),
            )
        with workspace.transaction() as session:
            session.execute(insert, {"start": "23:20"})
        assert _needs_at_23(postgres_server, database) == 2
    finally:
        workspace.close()


def _needs_at_23(server: PostgresServer, database: str) -> int:
    with server.connect(database) as connection:
        found = connection.execute(
            "SELECT count(*) FROM staffing_needs WHERE band_start >= '23:00' AND band_end = '23:59'"
        ).fetchone()
    return int(found[0])


def test_a_unit_moves_between_files_and_is_refused_the_second_time_and_onto_itself(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "mal.sqlite3"
    code, report, err = _copy(source, str(target), capsys)
    assert code == 0, err
    assert report["all_match"] is True
    for month in MONTHS:
        assert _month_figures(str(target), month, capsys) == _month_figures(
            str(source), month, capsys
        )

    # Refused at once: the unit is already in the first target.
    assert _copy(source, str(target), capsys)[0] == 2
    # A copy onto itself is refused before anything is opened.
    code, _report, err = _copy(source, str(source), capsys)
    assert code == 2
    assert "samma databas" in err


def test_a_cover_by_a_neighbours_employee_needs_the_neighbour_moved_first(
    source: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The copy stops half-way at the first cover by an employee of another unit that the
    target does not have: a new target file is removed again. With the neighbour moved in
    first, the cover finds its employee there by unit code and employee number."""
    import sqlite3

    demo = ["demo", "--unit", "GRANNE", "--staff", "5", "--weeks", "2", "--today", TODAY]
    assert main(["--db", str(source), *demo]) == 0
    with sqlite3.connect(source) as connection:
        connection.execute(
            "UPDATE schedule_covers SET employee_id = (SELECT e.id FROM employees e "
            "JOIN units u ON u.id = e.unit_id WHERE u.code = 'GRANNE' ORDER BY e.id LIMIT 1) "
            "WHERE id = (SELECT c.id FROM schedule_covers c JOIN units u ON u.id = c.unit_id "
            "WHERE u.code = ? ORDER BY c.id LIMIT 1)",
            (UNIT,),
        )
    connection.close()
    capsys.readouterr()
    target = tmp_path / "mal.sqlite3"

    code, report, err = _copy(source, str(target), capsys)

    assert code == 2
    assert report is None
    assert "Flytta in enheten GRANNE först" in err
    assert not target.exists()
    assert list(tmp_path.glob("mal.sqlite3*")) == []

    assert main(["--db", str(source), "--unit", "GRANNE", "copy-unit", "--to", str(target)]) == 0
    capsys.readouterr()
    code, report, err = _copy(source, str(target), capsys)
    assert code == 0, err
    assert report["all_match"] is True


def test_an_unreachable_server_and_a_refused_login_exit_2_in_swedish(
    source: Path,
    server_target: str,
    postgres_server: PostgresServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from postgres_server import free_port

    unreachable = f"postgresql://ec@127.0.0.1:{free_port()}/omsorg"
    code, _report, err = _copy(source, unreachable, capsys)
    assert code == 2
    assert "Databasservern" in err and "går inte att nå" in err
    assert "Traceback" not in err

    # A login whose password in the passfile is wrong.
    with postgres_server.connect(autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_roles WHERE rolname = 'fel_losen'").fetchone()
        verb = "ALTER" if exists else "CREATE"
        admin.execute(f"{verb} ROLE fel_losen LOGIN PASSWORD 'det-ratta'")
    passfile = tmp_path / "pgpass"
    passfile.write_text(
        postgres_server.passfile.read_text(encoding="utf-8")
        + "127.0.0.1:*:*:fel_losen:det-felaktiga\n"
        + "127.0.0.1:*:*:utan_ratt:det-ratta\n",
        encoding="utf-8",
    )
    passfile.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(passfile))
    wrong = postgres_server.url("postgres", user="fel_losen")
    code, _report, err = _copy(source, wrong, capsys)
    assert code == 2
    assert "nekade inloggningen" in err
    assert "Traceback" not in err

    # A login that gets in but may not touch the database's tables.
    with postgres_server.connect(autocommit=True) as admin:
        exists = admin.execute("SELECT 1 FROM pg_roles WHERE rolname = 'utan_ratt'").fetchone()
        verb = "ALTER" if exists else "CREATE"
        admin.execute(f"{verb} ROLE utan_ratt LOGIN PASSWORD 'det-ratta'")
    database = server_target.rsplit("/", 1)[1]
    code, _report, err = _copy(source, postgres_server.url(database, user="utan_ratt"), capsys)
    assert code == 2
    assert "saknar behörighet" in err
    assert "Traceback" not in err
    assert _server_counts(postgres_server, server_target)["units"] == 0


def test_a_units_schedule_imports_move_with_it_and_are_not_undone_at_the_target(
    tmp_path: Path, samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An import that removed rows keeps them by their old ids: at the target those ids name
    nothing (the items' references are negated), and the undo refuses an import made before
    the move."""
    source = str(tmp_path / "kalla.sqlite3")
    staff = str(samples / "personal-standard.csv")
    assert main(["--db", source, "import-staff", staff, "--unit", "HT-NORR"]) == 0
    export = samples / "schema-export-cp1252.csv"
    assert main(["--db", source, "import-schedule", str(export)]) == 0
    lines = export.read_text(encoding="cp1252").splitlines()
    kept = [lines[0], *(line for line in lines[1:] if "2026-11-16" in line)]
    one_day = tmp_path / "en-dag.csv"
    one_day.write_text("\n".join(kept) + "\n", encoding="cp1252")
    assert main(["--db", source, "import-schedule", str(one_day), "--replace"]) == 0
    capsys.readouterr()

    target = str(tmp_path / "mal.sqlite3")
    code = main(["--db", source, "copy-unit", "--to", target, "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    tables = {row["table"]: row for row in json.loads(out)["tables"]}
    assert tables["import_batch_items"]["source_rows"] > 0
    assert tables["import_batch_items"]["checksum_matches"]

    assert main(["--db", target, "undo-import"]) == 2
    assert "innan enheten flyttades in" in capsys.readouterr().err
    assert main(["--db", source, "undo-import"]) == 0


def test_a_target_table_locked_by_someone_else_is_busy_exit_3_and_nothing_changes(
    source: Path,
    server_target: str,
    postgres_server: PostgresServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Someone holds the units table (a long maintenance job): the copy waits the busy
    timeout, then says the database is busy."""
    database = server_target.rsplit("/", 1)[1]
    with postgres_server.connect(database) as holder:
        holder.execute("LOCK TABLE units IN ACCESS EXCLUSIVE MODE")
        code, report, err = _copy(source, server_target, capsys)
        holder.rollback()

    assert code == 3
    assert report is None
    assert "Databasen används av ett annat program just nu" in err
    assert _server_counts(postgres_server, server_target)["units"] == 0


def test_two_copies_of_one_unit_at_once_give_one_unit_and_one_refusal(
    source: Path, tmp_path: Path, server_target: str, postgres_server: PostgresServer
) -> None:
    import threading

    from enhetschef_app.services.core.unit_copy import UnitExistsAtTarget, copy_unit
    from enhetschef_app.services.core.workspace import open_workspace
    from enhetschef_app.storage.location import parse_location

    second = tmp_path / "andra.sqlite3"
    shutil.copyfile(source, second)
    start = threading.Barrier(2)
    outcomes: list[str] = []

    def copy(path: Path) -> None:
        workspace = open_workspace(path, UNIT)
        try:
            start.wait()
            copy_unit(workspace, parse_location(server_target))
            outcomes.append("copied")
        except UnitExistsAtTarget:
            outcomes.append("refused")
        finally:
            workspace.close()

    threads = [threading.Thread(target=copy, args=(path,)) for path in (source, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert sorted(outcomes) == ["copied", "refused"]
    assert _server_counts(postgres_server, server_target)["units"] == 1
