"""A small unit for the Övertid tests, written straight to a real database file."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal

from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.storage.models import Absence, Employee, ScheduleRow

TUESDAY = date(2026, 11, 17)


def add_employee(
    ws: Workspace,
    number: str,
    name: str,
    *,
    grade: str | None = "100",
    salary: int | None = 31500,
    week_minutes: int | None = 2295,
    form: str | None = None,
) -> int:
    with ws.transaction() as session:
        employee = Employee(
            unit_id=ws.require_unit().id,
            employee_no=number,
            name=name,
            employment_form=form or ("timavlonad" if grade is None else "tillsvidare"),
            grade_percent=None if grade is None else Decimal(grade),
            fulltime_week_minutes=week_minutes,
            monthly_salary=salary,
        )
        session.add(employee)
        session.flush()
        return employee.id


def add_row(
    ws: Workspace,
    day: date,
    start: time,
    end: time,
    employee_id: int | None,
    code: str = "D",
    rast: int = 30,
) -> int:
    with ws.transaction() as session:
        row = ScheduleRow(
            unit_id=ws.require_unit().id,
            work_date=day,
            start_time=start,
            end_time=end,
            break_minutes=rast,
            shift_code=code,
            employee_id=employee_id,
        )
        session.add(row)
        session.flush()
        return row.id


def add_absence(ws: Workspace, employee_id: int, first: date, last: date | None) -> int:
    with ws.transaction() as session:
        absence = Absence(employee_id=employee_id, kind="sjuk", start_date=first, end_date=last)
        session.add(absence)
        session.flush()
        return absence.id
