"""The unit's staff: the list the Personal page shows, and saving one employee."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from enhetschef_app.domain.calendar import today
from enhetschef_app.domain.economy import kronor_of_ore, ore_of_kronor
from enhetschef_app.domain.errors import FieldProblems, NotFoundError
from enhetschef_app.domain.identifiers import normalise_identifier, normalise_text
from enhetschef_app.domain.staff import (
    FIELD_LABELS,
    EmployeeDraft,
    Employment,
    EmploymentForm,
    EndReason,
    hours_to_minutes,
    minutes_to_hours,
    validate_employee,
)
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.storage import audit
from enhetschef_app.storage.models import Employee
from enhetschef_app.storage.queries.staff import employee_by_number, employees_of_unit
from enhetschef_app.storage.versions import check_version


@dataclass(frozen=True)
class EmployeeView:
    id: int
    employee_no: str
    name: str
    form: EmploymentForm
    grade_percent: Decimal | None
    fulltime_week_hours: Decimal
    fulltime_is_own: bool  # False: the unit's setting is used
    contract_week_hours: Decimal | None
    monthly_salary: int | None
    hourly_rate: Decimal | None
    start: date | None
    end: date | None
    end_reason: EndReason | None
    active: bool
    version: int = 1  # as read: a save of another version is refused (ChangedByOtherError)

    def as_draft(self) -> EmployeeDraft:
        return EmployeeDraft(
            employee_no=self.employee_no,
            name=self.name,
            form=self.form,
            grade_percent=self.grade_percent,
            fulltime_week_hours=self.fulltime_week_hours if self.fulltime_is_own else None,
            start=self.start,
            end=self.end,
            monthly_salary=self.monthly_salary,
            end_reason=self.end_reason,
            hourly_rate=self.hourly_rate,
        )


def to_view(employee: Employee, unit_fulltime: Decimal, as_of: date) -> EmployeeView:
    own = employee.fulltime_week_minutes
    fulltime = minutes_to_hours(own) if own is not None else unit_fulltime
    employment = Employment(
        form=EmploymentForm(employee.employment_form),
        grade_percent=employee.grade_percent,
        fulltime_week_hours=fulltime,
        start=employee.start_date,
        end=employee.end_date,
    )
    return EmployeeView(
        id=employee.id,
        employee_no=employee.employee_no,
        name=employee.name,
        form=employment.form,
        grade_percent=employee.grade_percent,
        fulltime_week_hours=fulltime,
        fulltime_is_own=own is not None,
        contract_week_hours=employment.contract_week_hours,
        monthly_salary=employee.monthly_salary,
        hourly_rate=kronor_of_ore(employee.hourly_rate_ore),
        start=employee.start_date,
        end=employee.end_date,
        end_reason=EndReason(employee.end_reason) if employee.end_reason else None,
        active=employment.is_employed_on(as_of),
        version=employee.version,
    )


@use_case
def list_employees(workspace: Workspace, as_of: date | None = None) -> list[EmployeeView]:
    unit = workspace.require_unit()
    fulltime = rule_settings(workspace).decimal("unit.fulltime_week_hours")
    day = as_of or today()
    with workspace.transaction() as session:
        return [to_view(e, fulltime, day) for e in employees_of_unit(session, unit.id)]


def employee_snapshot(employee: Employee) -> dict[str, Any]:
    """The saved fields, as the audit log records them before and after a change."""
    return {
        "employee_no": employee.employee_no,
        "name": employee.name,
        "employment_form": employee.employment_form,
        "grade_percent": employee.grade_percent,
        "fulltime_week_minutes": employee.fulltime_week_minutes,
        "monthly_salary": employee.monthly_salary,
        "hourly_rate_ore": employee.hourly_rate_ore,
        "start_date": employee.start_date,
        "end_date": employee.end_date,
        "end_reason": employee.end_reason,
    }


def draft_values(draft: EmployeeDraft) -> dict[str, Any]:
    """The columns the draft sets, by name: the same keys as `employee_snapshot`."""
    return {
        "employee_no": normalise_identifier(draft.employee_no),
        "name": normalise_text(draft.name),
        "employment_form": draft.form.value,
        "grade_percent": None if draft.form is EmploymentForm.HOURLY else draft.grade_percent,
        "fulltime_week_minutes": (
            hours_to_minutes(draft.fulltime_week_hours)
            if draft.fulltime_week_hours is not None
            else None
        ),
        "monthly_salary": draft.monthly_salary,
        "hourly_rate_ore": ore_of_kronor(draft.hourly_rate),
        "start_date": draft.start,
        "end_date": draft.end,
        "end_reason": draft.end_reason.value if draft.end_reason else None,
    }


def apply_draft(employee: Employee, draft: EmployeeDraft) -> None:
    for column, value in draft_values(draft).items():
        setattr(employee, column, value)


@use_case
def save_employee(
    workspace: Workspace,
    draft: EmployeeDraft,
    employee_id: int | None = None,
    *,
    version: int | None = None,
) -> EmployeeView:
    """Creates (no id) or updates one employee; the change goes to the audit log. An update of
    `version` is refused when someone else has changed the employee since (ChangedByOtherError)."""
    unit = workspace.require_unit()
    problems = validate_employee(draft)
    if problems:
        raise FieldProblems("Medarbetaren sparades inte.", problems, FIELD_LABELS)
    fulltime = rule_settings(workspace).decimal("unit.fulltime_week_hours")
    with workspace.transaction() as session:
        clash = employee_by_number(session, unit.id, normalise_identifier(draft.employee_no))
        if clash is not None and clash.id != employee_id:
            taken = f"Anställningsnummer {draft.employee_no} finns redan ({clash.name})."
            raise FieldProblems("Medarbetaren sparades inte.", {"employee_no": taken}, FIELD_LABELS)
        if employee_id is None:
            employee = Employee(unit_id=unit.id)
            before = None
            session.add(employee)
        else:
            found = session.get(Employee, employee_id)
            if found is None or found.unit_id != unit.id:
                raise NotFoundError("Medarbetaren finns inte längre. Uppdatera listan (F5).")
            check_version(session, found, version)
            employee = found
            before = employee_snapshot(employee)
        apply_draft(employee, draft)
        after = employee_snapshot(employee)
        if before != after:
            session.flush()
            audit.record(
                session,
                actor=workspace.actor,
                action="skapa_medarbetare" if before is None else "andra_medarbetare",
                entity="medarbetare",
                entity_id=employee.id,
                unit_id=unit.id,
                before=before,
                after=after,
            )
        session.flush()
        return to_view(employee, fulltime, today())
