"""Migration 0010: a database of 0007 with data gains the budget table and the employees'
timlön column and keeps its rows; deleting a unit takes its budget with it; downgrade removes
them again and keeps the employees."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from migration_helpers import schema_names

from enhetschef_app.storage.database import migrate_file, open_database


def _columns(path: Path, table: str) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    finally:
        conn.close()


def test_a_0007_database_with_data_gains_the_budget_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "0007.sqlite3"
    migrate_file(path, "0007")
    assert "budget_months" not in schema_names(path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO units (id, code, name, created_at) VALUES (1, 'HT', 'Hem', "
            "'2026-01-01 08:00:00')"
        )
        conn.execute(
            "INSERT INTO employees (id, unit_id, employee_no, name, employment_form, "
            "monthly_salary, created_at, updated_at) VALUES (7, 1, '1001', 'Anna', 'timavlonad', "
            "NULL, '2026-01-01 08:00:00', '2026-01-01 08:00:00')"
        )
    conn.close()
    open_database(path).close()
    assert "budget_months" in schema_names(path)
    assert "hourly_rate_ore" in _columns(path, "employees")
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    try:
        assert conn.execute("SELECT name, hourly_rate_ore FROM employees").fetchall() == [
            ("Anna", None)
        ]
        with conn:
            conn.execute("UPDATE employees SET hourly_rate_ore = 18550 WHERE id = 7")
            conn.execute(
                "INSERT INTO budget_months (unit_id, month, cost_ore, fte, outcome_ore, "
                "changed_at, changed_by) VALUES (1, '2026-10', 123456750, '21.5', NULL, "
                "'2026-11-02 08:00:00', 'ec')"
            )
        with conn:
            conn.execute("DELETE FROM units WHERE id = 1")
        assert conn.execute("SELECT COUNT(*) FROM budget_months").fetchone() == (0,)
    finally:
        conn.close()


def test_downgrade_removes_the_budget_and_the_column(tmp_path: Path) -> None:
    path = tmp_path / "down.sqlite3"
    migrate_file(path, "0010")
    assert "budget_months" in schema_names(path)
    migrate_file(path, "0007", down=True)
    assert "budget_months" not in schema_names(path)
    assert "hourly_rate_ore" not in _columns(path, "employees")
