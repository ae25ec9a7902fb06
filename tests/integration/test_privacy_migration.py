"""Migration 0009: a database of 0007 with audit entries gains who-and-where columns, the
gallring runs and the month aggregates, keeps its rows, and its audit log stays append-only;
downgrade removes them and the plain append-only trigger comes back."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from migration_helpers import schema_names

from enhetschef_app.storage.audit_culling import MARKER
from enhetschef_app.storage.database import migrate_file, open_database

TABLES = {"gallring_runs", "month_aggregates"}


def _columns(path: Path, table: str) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    finally:
        conn.close()


def _with_entries(path: Path) -> None:
    migrate_file(path, "0007")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO units (id, code, name, created_at) VALUES (1, 'HT', 'Hem', "
            "'2026-01-01 08:00:00')"
        )
        conn.execute(
            "INSERT INTO audit_log (at, actor, unit_id, action, entity, entity_id, after_json) "
            "VALUES ('2026-01-02 09:00:00', 'ec', 1, 'skapa_franvaro', 'franvaro', '7', "
            '\'{"kind": "sjuk"}\')'
        )
    conn.close()


def test_a_0007_database_with_entries_gains_the_columns_and_tables(tmp_path: Path) -> None:
    path = tmp_path / "0007.sqlite3"
    _with_entries(path)
    assert not TABLES & schema_names(path)
    open_database(path).close()
    assert schema_names(path) >= TABLES
    assert {"os_user", "machine", "employee_id"} <= _columns(path, "audit_log")
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT actor, after_json, os_user FROM audit_log").fetchall() == [
            ("ec", '{"kind": "sjuk"}', None)
        ]
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute(f"UPDATE audit_log SET after_json = '{MARKER}'")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("DELETE FROM audit_log")
        with conn:
            conn.execute(
                "INSERT INTO month_aggregates (unit_id, month, summary_json, recorded_at) "
                "VALUES (1, '2024-02', '{}', '2026-12-04 10:00:00')"
            )
            conn.execute("PRAGMA foreign_keys = ON")
        with pytest.raises(sqlite3.IntegrityError), conn:
            conn.execute(
                "INSERT INTO month_aggregates (unit_id, month, summary_json, recorded_at) "
                "VALUES (1, '2024-02', '{}', '2026-12-04 10:00:00')"
            )
    finally:
        conn.close()


def test_downgrade_removes_them_and_keeps_the_log_append_only(tmp_path: Path) -> None:
    path = tmp_path / "down.sqlite3"
    _with_entries(path)
    migrate_file(path, "0009")
    migrate_file(path, "0007", down=True)
    assert not TABLES & schema_names(path)
    assert not {"os_user", "machine", "employee_id"} & _columns(path, "audit_log")
    assert {"audit_log_no_update", "audit_log_no_delete"} <= schema_names(path, "trigger")
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT COUNT(*) FROM audit_log").fetchone() == (1,)
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            conn.execute("UPDATE audit_log SET actor = 'x'")
    finally:
        conn.close()
