"""Units and the counts that describe a database."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from enhetschef_app.storage.models import (
    Absence,
    AuditEntry,
    Employee,
    ScheduleRow,
    SettingChange,
    ShiftType,
    StaffingNeed,
    Unit,
)


def all_units(session: Session) -> list[Unit]:
    return list(session.scalars(select(Unit).order_by(Unit.code)))


def unit_by_code(session: Session, code: str) -> Unit | None:
    return session.scalar(select(Unit).where(Unit.code == code))


def row_counts(session: Session) -> dict[str, int]:
    counted = {
        "units": Unit,
        "employees": Employee,
        "shift_types": ShiftType,
        "staffing_needs": StaffingNeed,
        "schedule_rows": ScheduleRow,
        "absences": Absence,
        "setting_changes": SettingChange,
        "audit_log": AuditEntry,
    }
    return {
        name: int(session.scalar(select(func.count()).select_from(model)) or 0)
        for name, model in counted.items()
    }
