"""What one unit already holds: asked before something is generated into it."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from enhetschef_app.storage.models import Employee, ScheduleRow, ShiftType, StaffingNeed


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
