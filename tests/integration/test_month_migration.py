"""Migration 0007: a database of 0006 with data gains the month report's tables and keeps its
rows; the tables match the models; deleting a unit takes its reports and queue with it;
downgrade removes them again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from migration_helpers import schema_names

from enhetschef_app.storage.database import migrate_file, open_database

TABLES = {"month_reports", "month_sync_jobs", "shared_workbook_targets"}


def test_a_0006_database_with_data_gains_the_tables_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "0006.sqlite3"
    migrate_file(path, "0006")
    assert not TABLES & schema_names(path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO units (id, code, name, created_at) VALUES (1, 'HT', 'Hem', "
            "'2026-01-01 08:00:00')"
        )
    conn.close()
    open_database(path).close()
    assert schema_names(path) >= TABLES
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    try:
        assert conn.execute("SELECT code FROM units").fetchall() == [("HT",)]
        with conn:
            conn.execute(
                "INSERT INTO month_reports (unit_id, month, ec_comment) VALUES (1, '2026-10', 'x')"
            )
            conn.execute(
                "INSERT INTO month_sync_jobs (unit_id, month, workbook, state, attempts, "
                "created_at, created_by) VALUES (1, '2026-10', 'f.xlsx', 'waiting', 1, "
                "'2026-11-02 08:00:00', 'ec')"
            )
            conn.execute(
                "INSERT INTO shared_workbook_targets (unit_id, workbook, changed_at, changed_by) "
                "VALUES (1, 'f.xlsx', '2026-11-02 08:00:00', 'ec')"
            )
        with conn:
            conn.execute("DELETE FROM units WHERE id = 1")
        for table in TABLES:
            assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone() == (0,)
    finally:
        conn.close()


def test_downgrade_removes_the_tables(tmp_path: Path) -> None:
    path = tmp_path / "down.sqlite3"
    migrate_file(path, "0007")
    assert schema_names(path) >= TABLES
    migrate_file(path, "0006", down=True)
    assert not TABLES & schema_names(path)
