"""Migration 0004 and the immutability of decisions, checked in the database itself: triggers
refuse to change or delete a decision, or the facts of a decided request; a request has one
first decision and each decision at most one correction, of the same request."""

from __future__ import annotations

import sqlite3
from datetime import time
from pathlib import Path

import pytest
from migration_helpers import schema_names
from overtime_helpers import TUESDAY, add_employee, add_row
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from enhetschef_app.domain.overtime_requests import Verdict
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.overtime.requests import (
    RequestDraft,
    decide_overtime,
    request_overtime,
)
from enhetschef_app.storage.database import migrate_file

TABLES = {"overtime_requests", "overtime_decisions"}
TRIGGERS = {
    "overtime_decisions_no_update",
    "overtime_decisions_no_delete",
    "overtime_decisions_same_request",
    "overtime_requests_decided_no_update",
    "overtime_requests_decided_no_delete",
}


def test_a_0003_database_with_data_gains_the_tables_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "0003.sqlite3"
    migrate_file(path, "0003")
    assert not TABLES & schema_names(path)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO units (id, code, name, created_at) VALUES (1, 'HT', 'Hem', "
            "'2026-01-01 08:00:00')"
        )
        conn.execute(
            "INSERT INTO employees (id, unit_id, employee_no, name, employment_form, created_at, "
            "updated_at) VALUES (1, 1, '1', 'Anna', 'tillsvidare', '2026-01-01 08:00:00', "
            "'2026-01-01 08:00:00')"
        )
    conn.close()
    migrate_file(path, "head")
    assert schema_names(path) >= TABLES
    assert schema_names(path, "trigger") >= TRIGGERS
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT name FROM employees").fetchall() == [("Anna",)]
    finally:
        conn.close()


def test_downgrade_removes_the_tables_and_triggers(tmp_path: Path) -> None:
    path = tmp_path / "down.sqlite3"
    migrate_file(path, "0004")
    assert schema_names(path, "trigger") >= TRIGGERS
    migrate_file(path, "0003", down=True)
    assert not TABLES & schema_names(path)
    assert not TRIGGERS & schema_names(path, "trigger")


@pytest.fixture
def decided(any_workspace: Workspace) -> tuple[Workspace, int, int]:
    """A request with an approval, and a second request still waiting, on SQLite and on
    PostgreSQL (whose triggers are functions of their own)."""
    workspace = any_workspace
    anna = add_employee(workspace, "1", "Anna")
    add_row(workspace, TUESDAY, time(7), time(15, 30), anna)
    first = request_overtime(
        workspace, RequestDraft("1", TUESDAY, time(15, 30), time(17), "Kväll")
    ).id
    decide_overtime(workspace, first, Verdict.APPROVED, "Ok")
    waiting = request_overtime(workspace, RequestDraft("1", TUESDAY, time(5), time(7), "Morgon")).id
    return workspace, first, waiting


def _refused(ws: Workspace, sql: str, **params: object) -> str:
    with pytest.raises(IntegrityError) as raised, ws.transaction() as session:
        session.execute(text(sql), params)
    return str(raised.value)


def test_a_decision_cannot_be_changed_or_deleted(decided: tuple[Workspace, int, int]) -> None:
    ws, _first, _waiting = decided
    assert "append-only" in _refused(ws, "UPDATE overtime_decisions SET verdict = 'rejected'")
    assert "append-only" in _refused(ws, "UPDATE overtime_decisions SET reason = 'annat'")
    assert "append-only" in _refused(ws, "DELETE FROM overtime_decisions")
    with ws.transaction() as session:
        verdicts = session.execute(text("SELECT verdict, reason FROM overtime_decisions")).all()
    assert [tuple(v) for v in verdicts] == [("approved", "Ok")]


def test_a_decided_request_keeps_its_facts_and_cannot_be_deleted(
    decided: tuple[Workspace, int, int],
) -> None:
    ws, first, waiting = decided
    assert "cannot change" in _refused(
        ws, "UPDATE overtime_requests SET end_time = '18:00:00.000000' WHERE id = :id", id=first
    )
    assert "cannot be deleted" in _refused(
        ws, "DELETE FROM overtime_requests WHERE id = :id", id=first
    )
    # What it covers may go away (the row is re-imported): that is no change of the facts.
    with ws.transaction() as session:
        session.execute(
            text("UPDATE overtime_requests SET row_id = NULL WHERE id = :id"), {"id": first}
        )
        # A request nobody has decided on is not history yet.
        session.execute(text("DELETE FROM overtime_requests WHERE id = :id"), {"id": waiting})


def test_one_first_decision_and_one_correction_per_decision_of_the_same_request(
    decided: tuple[Workspace, int, int],
) -> None:
    ws, first, waiting = decided
    insert = (
        "INSERT INTO overtime_decisions (request_id, corrects_id, verdict, reason, "
        "limits_passed, decided_by, decided_at, compensation, minutes_hourly, minutes_mertid, "
        "minutes_simple, minutes_qualified, cost_mertid_ore, cost_simple_ore, "
        "cost_qualified_ore, comp_hundredths, segments_json, limits_json) VALUES (:request, "
        ":corrects, 'rejected', 'x', '', 'x', '2026-11-17 08:00:00', 'pengar', 0, 0, 0, 0, 0, 0, "
        "0, 0, '[]', '[]')"
    )
    with ws.transaction() as session:
        first_decision = session.execute(
            text("SELECT id FROM overtime_decisions WHERE request_id = :id"), {"id": first}
        ).scalar_one()
    assert "unique" in _refused(ws, insert, request=first, corrects=None).lower()
    assert "of its request" in _refused(ws, insert, request=waiting, corrects=first_decision)
    decide_overtime(ws, first, Verdict.REJECTED, "Rättelse")
    assert "unique" in _refused(ws, insert, request=first, corrects=first_decision).lower()
    assert (
        "check"
        in _refused(
            ws, insert.replace("'rejected'", "'maybe'"), request=waiting, corrects=None
        ).lower()
    )
