"""Migration 0003: a database of 0002 with absences gains the talk tables and keeps its rows;
the tables match the models; downgrade removes them again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from migration_helpers import schema_names

from enhetschef_app.storage.database import migrate_file, open_database

TABLES = {"care_talks", "care_talk_snoozes"}


def test_a_0002_database_with_absences_gains_the_tables_and_keeps_its_rows(
    tmp_path: Path,
) -> None:
    path = tmp_path / "0002.sqlite3"
    migrate_file(path, "0002")
    assert not TABLES & schema_names(path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO units (id, code, name, created_at) VALUES (1, 'HT', 'Hem', "
            "'2026-01-01 08:00:00')"
        )
        conn.execute(
            "INSERT INTO employees (id, unit_id, employee_no, name, employment_form, created_at, "
            "updated_at) VALUES (1, 1, '1001', 'Anna', 'tillsvidare', '2026-01-01 08:00:00', "
            "'2026-01-01 08:00:00')"
        )
        conn.execute(
            "INSERT INTO absences (employee_id, kind, start_date, end_date, extent_percent, "
            "created_at) VALUES (1, 'sjuk', '2026-03-02', NULL, 100, '2026-03-02 08:00:00')"
        )
    conn.close()
    open_database(path).close()
    assert schema_names(path) >= TABLES
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT kind, start_date FROM absences").fetchall() == [
            ("sjuk", "2026-03-02")
        ]
        conn.execute("PRAGMA foreign_keys=ON")
        with conn:
            conn.execute(
                "INSERT INTO care_talks (unit_id, employee_id, state, signal_date, occasions, "
                "covers_through, invitations, created_at, updated_at) VALUES (1, 1, 'inbjuden', "
                "'2026-11-24', 3, '2026-09-14', 1, '2026-11-24 08:00:00', '2026-11-24 08:00:00')"
            )
            conn.execute(
                "INSERT INTO care_talk_snoozes (unit_id, employee_id, made_on, until, reason, "
                "created_by, created_at) VALUES (1, 1, '2026-11-24', '2026-12-08', 'x', 'ec', "
                "'2026-11-24 08:00:00')"
            )
        with conn:  # an employee removed takes their talks and snoozes along
            conn.execute("DELETE FROM employees WHERE id = 1")
        assert conn.execute("SELECT COUNT(*) FROM care_talks").fetchone() == (0,)
        assert conn.execute("SELECT COUNT(*) FROM care_talk_snoozes").fetchone() == (0,)
    finally:
        conn.close()


def test_downgrade_removes_the_tables(tmp_path: Path) -> None:
    path = tmp_path / "down.sqlite3"
    migrate_file(path, "0003")
    assert schema_names(path) >= TABLES
    migrate_file(path, "0002", down=True)
    assert not TABLES & schema_names(path)
