"""Migration 0002 (covers, remembered column mappings): its tables are what the models say,
and it can be undone."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from enhetschef_app.storage.database import _alembic_config, make_engine, open_database
from enhetschef_app.storage.model_registry import metadata

OWN_TABLES = {"schedule_covers", "import_column_mappings"}


def test_the_tables_match_the_models(db_path: Path) -> None:
    open_database(db_path).close()
    engine = make_engine(db_path)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    engine.dispose()

    # A difference names its table in its repr: ('add_column', None, 'schedule_covers', ...).
    ours = [d for d in differences if any(f"'{t}'" in repr(d) for t in OWN_TABLES)]
    assert ours == []


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
    engine = make_engine(db_path)
    with engine.begin() as connection:
        command.downgrade(_alembic_config(connection), "0001")
    engine.dispose()
    conn = sqlite3.connect(db_path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert not tables & OWN_TABLES
    assert conn.execute("SELECT count(*) FROM schedule_rows").fetchone() == (1,)
    conn.close()
