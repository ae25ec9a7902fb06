"""Migration 0008: a database of 0007 with data gains the import batch tables and keeps its
rows; deleting a unit takes its batches and their items with it; downgrade removes them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from migration_helpers import schema_names

from enhetschef_app.storage.database import migrate_file, open_database

TABLES = {"import_batches", "import_batch_items"}


def test_a_0007_database_with_data_gains_the_tables_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "0007.sqlite3"
    migrate_file(path, "0007")
    assert not TABLES & schema_names(path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO units (id, code, name, created_at) VALUES (1, 'HT', 'Hem', "
            "'2026-01-01 08:00:00')"
        )
        conn.execute(
            "INSERT INTO schedule_rows (id, unit_id, work_date, start_time, end_time, "
            "break_minutes, source) VALUES (5, 1, '2026-11-16', '07:00:00.000000', "
            "'15:30:00.000000', 30, 'import')"
        )
    conn.close()
    open_database(path).close()
    assert schema_names(path) >= TABLES
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    try:
        assert conn.execute("SELECT id, work_date FROM schedule_rows").fetchall() == [
            (5, "2026-11-16")
        ]
        with conn:
            conn.execute(
                "INSERT INTO import_batches (id, unit_id, kind, file, imported_by, imported_at) "
                "VALUES (1, 1, 'schema', 'v47.xlsx', 'ec', '2026-11-16 08:00:00')"
            )
            conn.execute(
                "INSERT INTO import_batch_items (batch_id, row_id, change, before_json) "
                "VALUES (1, 5, 'removed', '{}')"
            )
        with conn:
            conn.execute("DELETE FROM units WHERE id = 1")
        for table in TABLES:
            assert conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone() == (0,)
    finally:
        conn.close()


def test_downgrade_removes_the_tables(tmp_path: Path) -> None:
    path = tmp_path / "down.sqlite3"
    migrate_file(path, "0008")
    assert schema_names(path) >= TABLES
    migrate_file(path, "0007", down=True)
    assert not TABLES & schema_names(path)
