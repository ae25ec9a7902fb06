"""Migration 0005: a database of 0004 with data gains the avvikelse tables and keeps its rows;
the tables match the models; downgrade removes them again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from migration_helpers import schema_names

from enhetschef_app.storage.database import migrate_file, open_database

TABLES = {"incidents", "incident_actions", "incident_events", "incident_number_series"}


def test_a_0004_database_with_data_gains_the_tables_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "0004.sqlite3"
    migrate_file(path, "0004")
    assert not TABLES & schema_names(path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO units (id, code, name, created_at) VALUES (1, 'HT', 'Hem', "
            "'2026-01-01 08:00:00')"
        )
    conn.close()
    database = open_database(path)
    database.close()
    assert schema_names(path) >= TABLES
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT code FROM units").fetchall() == [("HT",)]
        conn.execute("PRAGMA foreign_keys=ON")
        with conn:
            conn.execute(
                "INSERT INTO incident_number_series (unit_id, year, last_sequence) "
                "VALUES (1, 2026, 1)"
            )
            conn.execute(
                "INSERT INTO incidents (id, unit_id, year, sequence, occurred_on, occurred_at, "
                "reported_on, reporter, category, track, state, description, immediate_action, "
                "investigation_note, created_by, created_at, updated_at) VALUES (1, 1, 2026, 1, "
                "'2026-11-02', '14:30:00.000000', '2026-11-02', 'x', 'fall', 'ovrigt', 'ny', "
                "'x', '', '', 'test', '2026-11-02 08:00:00', '2026-11-02 08:00:00')"
            )
            conn.execute(
                "INSERT INTO incident_actions (incident_id, description, owner, due_on, "
                "created_at) VALUES (1, 'a', 'b', '2026-11-20', '2026-11-02 08:00:00')"
            )
        with conn:  # deleting the unit takes its reports and their actions with it
            conn.execute("DELETE FROM units WHERE id = 1")
        assert conn.execute("SELECT COUNT(*) FROM incident_actions").fetchone() == (0,)
    finally:
        conn.close()


def test_downgrade_removes_the_tables(tmp_path: Path) -> None:
    path = tmp_path / "down.sqlite3"
    migrate_file(path, "0005")
    assert schema_names(path) >= TABLES
    migrate_file(path, "0004", down=True)
    assert not TABLES & schema_names(path)
