"""The driver-level bulk insert stores what the ORM stores, gives the ids in the rows' order and
fills in the columns' own defaults."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path

from sqlalchemy import select, text

from enhetschef_app.services.core.workspace import Workspace, ensure_unit, open_workspace
from enhetschef_app.storage.bulk import insert_rows
from enhetschef_app.storage.models import AuditEntry, Employee, ScheduleRow


def _opened(tmp_path: Path) -> Workspace:
    workspace = open_workspace(tmp_path / "bulk.db")
    return workspace.with_unit(ensure_unit(workspace, "BULK"))


def _stored(workspace: Workspace, table: str, ids: list[int]) -> list[tuple[object, ...]]:
    """The rows as SQLite holds them, the text of every value, without the id."""
    with workspace.transaction() as session:
        found = session.execute(
            text(f"SELECT * FROM {table} WHERE id IN ({','.join(map(str, ids))}) ORDER BY id")
        ).all()
    return [tuple(row)[1:] for row in found]


def test_rows_are_stored_exactly_as_the_orm_stores_them(tmp_path: Path) -> None:
    workspace = _opened(tmp_path)
    unit_id = workspace.require_unit().id
    values = [
        {
            "unit_id": unit_id,
            "work_date": date(2026, 11, 22),
            "start_time": time(7, 0),
            "end_time": time(15, 30),
            "break_minutes": 30,
            "shift_code": "D",
            "employee_id": None,
            "source": "import",
        },
        {
            "unit_id": unit_id,
            "work_date": date(2026, 11, 22),
            "start_time": time(21, 15, 5),
            "end_time": time(7, 0),
            "break_minutes": 0,
            "shift_code": "N",
            "employee_id": None,
            "source": "import",
        },
    ]
    with workspace.transaction() as session:
        orm_rows = [ScheduleRow(**row) for row in values]
        session.add_all(orm_rows)
        session.flush()
        orm_ids = [row.id for row in orm_rows]
    with workspace.transaction() as session:
        bulk_ids = insert_rows(session, ScheduleRow, values, return_ids=True)
    assert len(bulk_ids) == 2 and bulk_ids[0] < bulk_ids[1]
    assert _stored(workspace, "schedule_rows", bulk_ids) == _stored(
        workspace, "schedule_rows", orm_ids
    )
    with workspace.transaction() as session:
        found = session.scalars(select(ScheduleRow).where(ScheduleRow.id.in_(bulk_ids))).all()
        assert sorted((r.shift_code, r.start_time) for r in found) == [
            ("D", time(7, 0)),
            ("N", time(21, 15, 5)),
        ]
    workspace.close()


def test_ids_follow_the_rows_and_defaults_are_filled(tmp_path: Path) -> None:
    workspace = _opened(tmp_path)
    unit_id = workspace.require_unit().id
    before = datetime.now(UTC)
    rows = [
        {
            "unit_id": unit_id,
            "employee_no": f"{1000 + n}",
            "name": f"Person {n}",
            "employment_form": "tillsvidare",
            "grade_percent": Decimal("75.5") if n % 2 else Decimal("100"),
        }
        for n in range(300)
    ]
    with workspace.transaction() as session:
        ids = insert_rows(session, Employee, rows, return_ids=True)
    with workspace.transaction() as session:
        by_id = {e.id: e for e in session.scalars(select(Employee))}
        assert [by_id[i].employee_no for i in ids] == [row["employee_no"] for row in rows]
        assert by_id[ids[1]].grade_percent == Decimal("75.5")
        assert by_id[ids[0]].grade_percent == Decimal("100")
        assert all(before <= by_id[i].created_at <= datetime.now(UTC) for i in ids)
    workspace.close()


def test_audit_entries_written_in_bulk_read_back_with_their_details(tmp_path: Path) -> None:
    from enhetschef_app.storage import audit

    workspace = _opened(tmp_path)
    with workspace.transaction() as session:
        written = audit.record_many(
            session,
            actor="ec",
            action="skapa_medarbetare",
            entity="medarbetare",
            unit_id=None,
            entries=[(7, None, {"start": date(2026, 1, 2), "fte": Decimal("50.0")})],
        )
    assert written == 1
    with workspace.transaction() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "skapa_medarbetare")
        ).one()
        assert entry.employee_id == 7
        assert entry.after_json == '{"fte": "50.0", "start": "2026-01-02"}'
        assert entry.at is not None
    workspace.close()


def test_rows_naming_different_columns_get_the_defaults_of_the_ones_they_leave_out(
    tmp_path: Path,
) -> None:
    workspace = _opened(tmp_path)
    unit_id = workspace.require_unit().id
    common = {"unit_id": unit_id, "work_date": date(2026, 11, 23), "end_time": time(16)}
    rows = [
        {**common, "start_time": time(7), "break_minutes": 15},
        {**common, "start_time": time(8)},  # no break given: the column's default, 0
    ]
    with workspace.transaction() as session:
        ids = insert_rows(session, ScheduleRow, rows, return_ids=True)
    with workspace.transaction() as session:
        found = [session.get(ScheduleRow, i) for i in ids]
        assert [(r.start_time, r.break_minutes, r.source) for r in found if r] == [
            (time(7), 15, "import"),
            (time(8), 0, "import"),
        ]
    workspace.close()
