"""Migration 0002 (covers, remembered column mappings): its tables are what the models say,
and it can be undone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from migration_helpers import schema_names

from enhetschef_app.storage.database import migrate_file, open_database

OWN_TABLES = {"schedule_covers", "import_column_mappings"}


def test_downgrading_to_0001_removes_the_tables_and_keeps_the_schedule(db_path: Path) -> None:
    open_database(db_path).close()
    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute(
            "INSERT INTO units (id, code, name, created_at) VALUES (1, 'A', 'A', '2026-01-01')"
        )
        conn.execute(
            "INSERT INTO schedule_rows (id, unit_id, work_date, start_time, end_time, "
            "break_minutes, shift_code, employee_id, source) VALUES (1, 1, '2026-11-16', "
            "'07:00:00.000000', '15:30:00.000000', 30, 'D', NULL, 'import')"
        )
        conn.execute(
            "INSERT INTO import_column_mappings (kind, layout_key, headers_json, mapping_json, "
            "saved_by, saved_at) VALUES ('schema', 'x', '[]', '{}', 'ec', '2026-01-01')"
        )
    conn.close()
    migrate_file(db_path, "0001", down=True)
    conn = sqlite3.connect(db_path)
    assert not schema_names(db_path) & OWN_TABLES
    assert conn.execute("SELECT count(*) FROM schedule_rows").fetchone() == (1,)
    conn.close()
