"""Access by unit on the server, checked the way someone with a database tool and a login would
try it: raw SQL as each login, not through the program. Two demo units, A and B; `ec_a` is the
EC of A, `vc_ab` the VC of both, `vc_a` the VC of A only."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from postgres_server import PostgresServer
from sqlalchemy import Table

from enhetschef_app.cli import main
from enhetschef_app.storage.model_registry import metadata

LOGINS = ("ec_a", "vc_ab", "vc_a")
# Tables of the models that hold no unit's or person's data: every other table must be
# protected by row-level security, a table added later included.
SHARED = {"units", "import_column_mappings", "intro_items", "training_kinds"}


@pytest.fixture(scope="module")
def logins(postgres_server: PostgresServer) -> tuple[str, ...]:
    """The three logins with passwords, as IT would make them: the password goes to the server
    over the connection and to the PGPASSFILE the session's clients use, never on a command
    line. Logins belong to the whole server, so they are made once."""
    for login in LOGINS:
        postgres_server.make_login(login)
    return LOGINS


@pytest.fixture(scope="module")
def access_db(postgres_server: PostgresServer, logins: tuple[str, ...]) -> Iterator[str]:
    name = postgres_server.create_database()
    url = postgres_server.url(name)
    for code in ("A", "B"):
        assert main(["--db", url, "demo", "--unit", code, "--staff", "6", "--weeks", "6"]) == 0
    with postgres_server.connect(name) as connection:
        connection.execute(
            "INSERT INTO unit_neighbours (unit_id, neighbour_id) "
            "SELECT a.id, b.id FROM units a, units b WHERE a.code <> b.code"
        )
    assert main(["--db", url, "admin", "init"]) == 0
    assert (
        main(["--db", url, "admin", "grant", "--user", "ec_a", "--units", "A", "--role", "ec"]) == 0
    )
    assert (
        main(["--db", url, "admin", "grant", "--user", "vc_ab", "--units", "A,B", "--role", "vc"])
        == 0
    )
    assert (
        main(["--db", url, "admin", "grant", "--user", "vc_a", "--units", "a", "--role", "vc"]) == 0
    )
    yield name
    postgres_server.drop_database(name)


def _one(connection: Any, query: str, params: tuple[Any, ...] = ()) -> Any:
    row = connection.execute(query, params).fetchone()
    assert row is not None
    return row[0]


def _unit_of(table: Table, alias: str) -> str | None:
    """The SQL for a row's unit, from the models' foreign keys alone (not from the migration
    under test): its unit_id, or its parent row's unit."""
    if "unit_id" in table.c:
        return f"{alias}.unit_id"
    for fk in sorted(table.foreign_keys, key=lambda f: f.parent.name):
        parent = fk.column.table
        if parent.name in (table.name, "units"):
            continue
        inner = _unit_of(parent, alias + "p")
        if inner is not None:
            return (
                f"(SELECT {inner} FROM {parent.name} {alias}p "
                f"WHERE {alias}p.{fk.column.name} = {alias}.{fk.parent.name})"
            )
    return None


def _unit_ids(server: PostgresServer, database: str) -> dict[str, int]:
    with server.connect(database) as connection:
        return dict(connection.execute("SELECT code, id FROM units").fetchall())


def test_every_table_of_a_unit_or_a_person_is_protected_by_the_server(
    postgres_server: PostgresServer, access_db: str
) -> None:
    with postgres_server.connect(access_db) as connection:
        rows = connection.execute(
            "SELECT relname FROM pg_class WHERE relkind = 'r' AND NOT relrowsecurity "
            "AND relnamespace = 'public'::regnamespace"
        ).fetchall()
    unprotected = {row[0] for row in rows} & set(metadata.tables)
    assert unprotected == SHARED


def test_the_ec_of_a_sees_only_as_rows_in_every_table(
    postgres_server: PostgresServer, access_db: str
) -> None:
    units = _unit_ids(postgres_server, access_db)
    a, b = units["A"], units["B"]
    tables_of_b = set()
    checked = []
    with (
        postgres_server.connect(access_db) as owner,
        postgres_server.connect(access_db, user="ec_a") as ec,
    ):
        for table in metadata.sorted_tables:
            if table.name in SHARED or table.name == "unit_members":
                continue
            unit = _unit_of(table, "t")
            assert unit is not None, table.name
            mine = f"{unit} = %s"
            if table.name == "setting_changes":
                mine = f"({unit} = %s OR {unit} IS NULL)"
            if table.name == "unit_neighbours":
                mine = "(t.unit_id = %s OR t.neighbour_id = %s)"
            params = (a, a) if table.name == "unit_neighbours" else (a,)
            expected = _one(owner, f"SELECT count(*) FROM {table.name} t WHERE {mine}", params)
            if _one(owner, f"SELECT count(*) FROM {table.name} t WHERE {unit} = %s", (b,)):
                tables_of_b.add(table.name)
            assert _one(ec, f"SELECT count(*) FROM {table.name}") == expected, table.name
            checked.append(table.name)
        assert ec.execute("SELECT user_name, role FROM unit_members").fetchall() == [("ec_a", "ec")]
    # B has rows to hide in most tables: the demo filled them.
    assert len(tables_of_b) >= 15, sorted(tables_of_b)
    assert {"absences", "care_talks", "delegations", "incident_events"} <= set(checked)


def test_raw_sql_as_the_ec_of_a(postgres_server: PostgresServer, access_db: str) -> None:
    units = _unit_ids(postgres_server, access_db)
    a, b = units["A"], units["B"]
    with postgres_server.connect(access_db) as owner:
        counts = {
            table: dict(
                owner.execute(
                    f"SELECT e.unit_id, count(*) FROM {table} t JOIN employees e "
                    "ON e.id = t.employee_id GROUP BY e.unit_id"
                ).fetchall()
            )
            for table in ("absences", "schedule_rows")
        }
        employees = dict(owner.execute("SELECT unit_id, count(*) FROM employees GROUP BY 1"))
        b_employee = _one(owner, "SELECT min(id) FROM employees WHERE unit_id = %s", (b,))
    assert counts["absences"][b] > 0 and counts["schedule_rows"][b] > 0

    with postgres_server.connect(access_db, user="ec_a") as ec:
        assert _one(ec, "SELECT count(*) FROM employees") == employees[a]
        assert _one(ec, "SELECT count(*) FROM absences") == counts["absences"][a]
        assert (
            _one(ec, "SELECT count(*) FROM schedule_rows WHERE employee_id IS NOT NULL")
            == (counts["schedule_rows"][a])
        )
        assert _one(ec, "SELECT count(*) FROM absences WHERE employee_id = %s", (b_employee,)) == 0
        assert ec.execute("UPDATE employees SET name = 'x' WHERE unit_id = %s", (b,)).rowcount == 0
        assert (
            ec.execute("DELETE FROM absences WHERE employee_id = %s", (b_employee,)).rowcount == 0
        )
        insert = (
            "INSERT INTO employees (unit_id, employee_no, name, employment_form, created_at, "
            "updated_at) VALUES (%s, 'X1', 'Ny Person', 'tillsvidare', now(), now())"
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege), ec.transaction():
            ec.execute(insert, (b,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege), ec.transaction():
            ec.execute(
                "INSERT INTO absences (employee_id, kind, start_date, extent_percent, "
                "created_at) VALUES (%s, 'sjuk', current_date, 100, now())",
                (b_employee,),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege), ec.transaction():
            ec.execute("UPDATE employees SET unit_id = %s WHERE unit_id = %s", (b, a))
        # Her own unit she writes as the program does.
        ec.execute(insert, (a,))
        assert _one(ec, "SELECT count(*) FROM employees") == employees[a] + 1
        ec.rollback()


def test_the_vcs_read_their_units_and_write_nothing_but_their_comment(
    postgres_server: PostgresServer, access_db: str
) -> None:
    units = _unit_ids(postgres_server, access_db)
    a = units["A"]
    with postgres_server.connect(access_db) as owner:
        employees = dict(owner.execute("SELECT unit_id, count(*) FROM employees GROUP BY 1"))
        absences = _one(owner, "SELECT count(*) FROM absences")
        absences_a = _one(
            owner,
            "SELECT count(*) FROM absences JOIN employees e ON e.id = employee_id "
            "WHERE e.unit_id = %s",
            (a,),
        )
        owner.execute(
            "INSERT INTO month_reports (unit_id, month, ec_comment) VALUES (%s, '2001-01', 'EC')",
            (a,),
        )
    with postgres_server.connect(access_db, user="vc_ab") as vc:
        assert _one(vc, "SELECT count(*) FROM employees") == sum(employees.values())
        assert _one(vc, "SELECT count(*) FROM absences") == absences
        for statement in (
            "UPDATE employees SET name = 'x'",
            "DELETE FROM absences",
            "UPDATE month_reports SET ec_comment = 'VC skrev'",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege), vc.transaction():
                vc.execute(statement)
        for table in sorted(set(metadata.tables) - SHARED):
            with pytest.raises(psycopg.errors.InsufficientPrivilege), vc.transaction():
                vc.execute(f"DELETE FROM {table}")
        vc.execute("UPDATE month_reports SET vc_comment = 'Bra jobbat'")
    with postgres_server.connect(access_db, user="vc_a") as vc:
        assert _one(vc, "SELECT count(*) FROM employees") == employees[a]
        assert _one(vc, "SELECT count(*) FROM absences") == absences_a
    with postgres_server.connect(access_db) as owner:
        assert owner.execute(
            "SELECT ec_comment, vc_comment FROM month_reports WHERE month = '2001-01'"
        ).fetchall() == [("EC", "Bra jobbat")]
        assert _one(owner, "SELECT count(*) FROM month_reports WHERE ec_comment = 'VC skrev'") == 0
        assert _one(owner, "SELECT count(*) FROM absences") == absences  # the owner sees all


def test_neighbours_availability_without_their_absences(
    postgres_server: PostgresServer, access_db: str
) -> None:
    units = _unit_ids(postgres_server, access_db)
    with postgres_server.connect(access_db) as owner:
        active_b = _one(
            owner,
            "SELECT count(*) FROM employees WHERE unit_id = %s "
            "AND (end_date IS NULL OR end_date >= current_date)",
            (units["B"],),
        )
    with postgres_server.connect(access_db, user="ec_a") as ec:
        staff = ec.execute("SELECT * FROM neighbour_staff").fetchall()
        columns = [
            c.name for c in ec.execute("SELECT * FROM neighbour_staff LIMIT 0").description or []
        ]
        shift_units = {
            row[0] for row in ec.execute("SELECT DISTINCT unit_id FROM neighbour_shifts")
        }
        qualified = _one(ec, "SELECT count(*) FROM neighbour_qualifications")
    assert len(staff) == active_b > 0
    assert columns == ["employee_id", "name", "unit_id", "unit_code"]
    assert shift_units == {units["B"]}
    assert qualified > 0
    with (
        postgres_server.connect(access_db, user="vc_ab") as vc,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        vc.execute("SELECT * FROM neighbour_staff")


def test_members_lists_the_grants_and_revoke_removes_access(
    postgres_server: PostgresServer, access_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres_server.url(access_db)
    capsys.readouterr()
    assert main(["--db", url, "admin", "members", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {"user": "ec_a", "unit": "A", "role": "ec"},
        {"user": "vc_a", "unit": "A", "role": "vc"},
        {"user": "vc_ab", "unit": "A", "role": "vc"},
        {"user": "vc_ab", "unit": "B", "role": "vc"},
    ]
    assert main(["--db", url, "admin", "revoke", "--user", "vc_ab", "--units", "B"]) == 0
    with postgres_server.connect(access_db, user="vc_ab") as vc:
        assert _one(vc, "SELECT count(DISTINCT unit_id) FROM employees") == 1
    assert main(["--db", url, "admin", "revoke", "--user", "vc_ab", "--units", "A"]) == 0
    with (
        postgres_server.connect(access_db, user="vc_ab") as vc,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        vc.execute("SELECT count(*) FROM employees")  # no group role left: no table at all
    assert (
        main(["--db", url, "admin", "grant", "--user", "vc_ab", "--units", "A,B", "--role", "vc"])
        == 0
    )
    capsys.readouterr()
    assert main(["--db", url, "admin", "members", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 4


def test_grant_makes_a_login_without_a_password_and_names_an_unknown_unit(
    postgres_server: PostgresServer, access_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = postgres_server.url(access_db)
    assert (
        main(["--db", url, "admin", "grant", "--user", "ec_ny", "--units", "A,X9", "--role", "ec"])
        == 2
    )
    assert "X9" in capsys.readouterr().err
    with postgres_server.connect(access_db) as owner:
        assert owner.execute("SELECT 1 FROM pg_roles WHERE rolname = 'ec_ny'").fetchone() is None
    assert (
        main(["--db", url, "admin", "grant", "--user", "ec_ny", "--units", "B", "--role", "ec"])
        == 0
    )
    assert "utan lösenord" in capsys.readouterr().out
    with postgres_server.connect(access_db) as owner:
        row = owner.execute(
            "SELECT rolcanlogin, rolpassword IS NULL FROM pg_authid WHERE rolname = 'ec_ny'"
        ).fetchone()
        assert row == (True, True)
    assert main(["--db", url, "admin", "revoke", "--user", "ec_ny", "--units", "B"]) == 0


def test_admin_init_is_idempotent_and_a_file_has_no_access_rules(
    postgres_server: PostgresServer,
    access_db: str,
    tmp_path: Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--db", postgres_server.url(access_db), "admin", "init"]) == 0
    assert "enhetschef_ec, enhetschef_vc" in capsys.readouterr().out
    file = tmp_path / "enhet.sqlite3"
    for command in (
        ["init"],
        ["members", "--json"],
        ["grant", "--user", "u", "--units", "A", "--role", "ec"],
    ):
        assert main(["--db", str(file), "admin", *command]) == 2
        assert "bara på en serverdatabas" in capsys.readouterr().err
    assert not file.exists()


def test_an_ec_of_one_unit_who_is_vc_of_another_writes_only_the_comment_there(
    postgres_server: PostgresServer, access_db: str
) -> None:
    units = _unit_ids(postgres_server, access_db)
    url = postgres_server.url(access_db)
    assert (
        main(["--db", url, "admin", "grant", "--user", "ec_a", "--units", "B", "--role", "vc"]) == 0
    )
    try:
        with postgres_server.connect(access_db, user="ec_a") as ec:
            b_reports = _one(
                ec, "SELECT count(*) FROM month_reports WHERE unit_id = %s", (units["B"],)
            )
            assert b_reports > 0
            with pytest.raises(psycopg.errors.InsufficientPrivilege), ec.transaction():
                ec.execute(
                    "UPDATE month_reports SET ec_comment = 'x' WHERE unit_id = %s", (units["B"],)
                )
            # What she only reads is not hers to delete: the policy leaves no row to delete.
            deleted = ec.execute("DELETE FROM employees WHERE unit_id = %s", (units["B"],))
            assert deleted.rowcount == 0
            done = ec.execute(
                "UPDATE month_reports SET vc_comment = 'Sett' WHERE unit_id = %s", (units["B"],)
            )
            assert done.rowcount == b_reports
            ec.rollback()
    finally:
        assert main(["--db", url, "admin", "revoke", "--user", "ec_a", "--units", "B"]) == 0
