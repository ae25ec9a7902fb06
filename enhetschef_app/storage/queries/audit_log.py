"""The audit log as it is read back: the unit's entries, newest first, and whom they name."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from enhetschef_app.storage.models import AuditEntry, Employee


def employees_by_name(session: Session, unit_id: int) -> list[tuple[int, str, str]]:
    """(id, name, employee_no) of the unit's employees, by name."""
    rows = session.execute(
        select(Employee.id, Employee.name, Employee.employee_no)
        .where(Employee.unit_id == unit_id)
        .order_by(Employee.name)
    )
    return [(int(i), name, number) for i, name, number in rows]


def newest_entries(
    session: Session, unit_id: int, *, employee_id: int | None, who: str, limit: int
) -> list[tuple[AuditEntry, str | None]]:
    """The unit's entries and those of no unit, newest first, each with the name of the
    employee it is about; narrowed to one employee, and to `who` as part of the actor, the
    account or the machine, before the limit."""
    query = (
        select(AuditEntry, Employee.name)
        .outerjoin(Employee, Employee.id == AuditEntry.employee_id)
        .where(or_(AuditEntry.unit_id == unit_id, AuditEntry.unit_id.is_(None)))
        .order_by(AuditEntry.id.desc())
        .limit(limit)
    )
    if employee_id is not None:
        query = query.where(AuditEntry.employee_id == employee_id)
    if who:
        pattern = f"%{who}%"
        query = query.where(
            or_(
                AuditEntry.actor.ilike(pattern),
                AuditEntry.os_user.ilike(pattern),
                AuditEntry.machine.ilike(pattern),
            )
        )
    return [(entry, name) for entry, name in session.execute(query)]
