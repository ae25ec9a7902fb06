"""The schedule as the checks and the week grid read it: the rows, their people's numbers, the
resurspass mark and the covers are what a plain join of the tables says, on a demo unit with
covers, absences and resurspass in it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import and_, select

from enhetschef_app.demo.unit import DemoSpec, generate_demo_unit
from enhetschef_app.domain.actual_schedule import RowShift
from enhetschef_app.domain.shift_kinds import ShiftKind
from enhetschef_app.services.core.workspace import open_workspace
from enhetschef_app.storage.models import Employee, ScheduleRow, ShiftType
from enhetschef_app.storage.queries.schedule_rows import (
    covers_of_rows,
    covers_of_unit_rows,
    row_by_id,
    unit_rows,
)

END = date(2026, 11, 30)


def joined_rows(session: object, unit_id: int, first: date, last: date) -> list[RowShift]:
    """The rows as one join of rows, employees and shift types reads them."""
    found = session.execute(  # type: ignore[attr-defined]
        select(
            ScheduleRow.id,
            ScheduleRow.work_date,
            ScheduleRow.start_time,
            ScheduleRow.end_time,
            ScheduleRow.break_minutes,
            ScheduleRow.shift_code,
            ScheduleRow.employee_id,
            Employee.employee_no,
            ShiftType.kind,
        )
        .outerjoin(Employee, Employee.id == ScheduleRow.employee_id)
        .outerjoin(
            ShiftType,
            and_(
                ShiftType.unit_id == ScheduleRow.unit_id, ShiftType.code == ScheduleRow.shift_code
            ),
        )
        .where(
            ScheduleRow.unit_id == unit_id,
            ScheduleRow.work_date >= first,
            ScheduleRow.work_date <= last,
        )
        .order_by(ScheduleRow.work_date, ScheduleRow.start_time, ScheduleRow.id)
    )
    return [
        RowShift(*r[:8], is_resurspass=r.kind == ShiftKind.RESOURCE.value)  # type: ignore[misc]
        for r in found
    ]


def test_rows_and_covers_read_as_the_tables_join(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    workspace = open_workspace(path)
    try:
        generate_demo_unit(workspace, DemoSpec(staff=20, weeks=10, end=END, seed=3))
    finally:
        workspace.close()
    workspace = open_workspace(path)
    try:
        unit = workspace.require_unit()
        first, last = END - timedelta(days=60), END
        with workspace.transaction() as session:
            rows = unit_rows(session, unit.id, first, last)
            expected = joined_rows(session, unit.id, first, last)
            covers = covers_of_unit_rows(session, unit.id, first, last)
            by_ids = covers_of_rows(session, [r.row_id for r in rows])
            one = row_by_id(session, rows[len(rows) // 2].row_id)
    finally:
        workspace.close()
    assert rows == expected
    assert isinstance(rows[0].work_date, date)
    # The demo has what makes the comparison mean something.
    assert any(r.is_resurspass for r in rows)
    assert any(r.employee_id is None for r in rows)
    assert covers
    assert sorted(covers, key=lambda c: c.row_id) == sorted(by_ids, key=lambda c: c.row_id)
    assert one == rows[len(rows) // 2]
