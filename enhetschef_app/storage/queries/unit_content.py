"""What one unit already holds: asked before something is generated into it."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from enhetschef_app.storage.models import Absence, Employee, ScheduleRow, ShiftType, StaffingNeed


def unit_row_counts(session: Session, unit_id: int) -> dict[str, int]:
    """Rows of the unit's own tables: employees, shift types, staffing need and schedule."""
    columns = {
        "employees": Employee.unit_id,
        "shift_types": ShiftType.unit_id,
        "staffing_needs": StaffingNeed.unit_id,
        "schedule_rows": ScheduleRow.unit_id,
    }
    return {
        name: int(session.scalar(select(func.count()).where(column == unit_id)) or 0)
        for name, column in columns.items()
    }


def unit_absence_count(session: Session, unit_id: int) -> int:
    """Absence records of the unit's employees (an absence has no unit of its own)."""
    count = session.scalar(
        select(func.count())
        .select_from(Absence)
        .join(Employee, Employee.id == Absence.employee_id)
        .where(Employee.unit_id == unit_id)
    )
    return int(count or 0)
