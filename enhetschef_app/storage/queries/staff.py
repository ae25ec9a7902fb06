"""Staff lists and headcounts."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.orm import Session

from enhetschef_app.storage.models import Employee


def employees_of_unit(session: Session, unit_id: int) -> list[Employee]:
    return list(
        session.scalars(
            select(Employee).where(Employee.unit_id == unit_id).order_by(Employee.employee_no)
        )
    )


def employee_by_number(session: Session, unit_id: int, employee_no: str) -> Employee | None:
    return session.scalar(
        select(Employee).where(Employee.unit_id == unit_id, Employee.employee_no == employee_no)
    )


def employed_on(day: date) -> ColumnElement[bool]:
    return and_(
        or_(Employee.start_date.is_(None), Employee.start_date <= day),
        or_(Employee.end_date.is_(None), Employee.end_date >= day),
    )


def staff_employed_on(session: Session, unit_id: int, day: date) -> list[tuple[int, str, str]]:
    """(id, employee_no, name) of the unit's staff employed on `day`."""
    rows = session.execute(
        select(Employee.id, Employee.employee_no, Employee.name).where(
            Employee.unit_id == unit_id,
            employed_on(day),
        )
    )
    return [(int(i), number, name) for i, number, name in rows]


def headcount_by_form(session: Session, unit_id: int, day: date) -> dict[str, int]:
    rows = session.execute(
        select(Employee.employment_form, func.count())
        .where(Employee.unit_id == unit_id, employed_on(day))
        .group_by(Employee.employment_form)
    )
    return {form: int(count) for form, count in rows}
