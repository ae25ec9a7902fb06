"""Small builders for the absence tests: staff through the services, schedule rows straight
into the database (the schedule import is another area's), absences through the service."""

from __future__ import annotations

from datetime import date, time, timedelta
from decimal import Decimal

from enhetschef_app.domain.absences import AbsenceDraft
from enhetschef_app.domain.staff import EmployeeDraft, EmploymentForm
from enhetschef_app.services.absence.absences import AbsenceView, save_absence
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.staff.employees import save_employee
from enhetschef_app.storage.models import ScheduleRow


def employee(
    workspace: Workspace,
    number: str,
    name: str,
    form: EmploymentForm = EmploymentForm.PERMANENT,
    end: date | None = None,
) -> int:
    draft = EmployeeDraft(
        employee_no=number,
        name=name,
        form=form,
        grade_percent=None if form is EmploymentForm.HOURLY else Decimal(100),
        fulltime_week_hours=None,
        start=date(2020, 1, 1),
        end=end,
    )
    return save_employee(workspace, draft).id


def absence(
    workspace: Workspace,
    employee_id: int,
    start: str,
    end: str | None,
    kind: str = "sjuk",
    extent: int = 100,
) -> AbsenceView:
    return save_absence(
        workspace,
        AbsenceDraft(
            employee_id,
            kind,
            date.fromisoformat(start),
            date.fromisoformat(end) if end else None,
            extent,
        ),
    )


def shifts(
    workspace: Workspace,
    employee_id: int | None,
    days: list[date],
    start: time = time(7, 0),
    end: time = time(15, 30),
    break_minutes: int = 30,
) -> None:
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        session.add_all(
            ScheduleRow(
                unit_id=unit.id,
                work_date=day,
                start_time=start,
                end_time=end,
                break_minutes=break_minutes,
                shift_code="D",
                employee_id=employee_id,
                source="test",
            )
            for day in days
        )


def weekdays(first: date, last: date) -> list[date]:
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    return [d for d in days if d.weekday() < 5]
