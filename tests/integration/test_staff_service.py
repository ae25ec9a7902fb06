from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from enhetschef_app.domain.errors import FieldProblems
from enhetschef_app.domain.staff import EmployeeDraft, EmploymentForm
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.services.staff.employees import list_employees, save_employee
from enhetschef_app.storage.models import AuditEntry


def anna(**changes: object) -> EmployeeDraft:
    values: dict[str, object] = {
        "employee_no": "1001",
        "name": "Anna  Ålund",
        "form": EmploymentForm.PERMANENT,
        "grade_percent": Decimal(75),
        "fulltime_week_hours": None,
        "start": date(2019, 8, 15),
        "end": None,
        "monthly_salary": 31500,
    }
    values.update(changes)
    return EmployeeDraft(**values)  # type: ignore[arg-type]  # the draft checks the overrides


def audit_actions(workspace: Workspace) -> list[str]:
    with workspace.transaction() as session:
        return list(session.scalars(select(AuditEntry.action).order_by(AuditEntry.id)))


def test_a_new_employee_is_saved_with_unit_full_time_and_audited(workspace: Workspace) -> None:
    saved = save_employee(workspace, anna())
    assert saved.name == "Anna Ålund"  # spaces tidied
    assert saved.fulltime_week_hours == Decimal("38.25")
    assert not saved.fulltime_is_own
    assert saved.contract_week_hours == Decimal("28.69")
    assert [e.employee_no for e in list_employees(workspace)] == ["1001"]
    assert audit_actions(workspace)[-1] == "skapa_medarbetare"


def test_an_edit_records_before_and_after(workspace: Workspace) -> None:
    saved = save_employee(workspace, anna())
    save_employee(
        workspace, anna(grade_percent=Decimal(100), fulltime_week_hours=Decimal(40)), saved.id
    )
    with workspace.transaction() as session:
        entry = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "andra_medarbetare")
        ).one()
    assert json.loads(entry.before_json or "")["grade_percent"] == "75"
    assert json.loads(entry.after_json or "")["grade_percent"] == "100"
    assert json.loads(entry.after_json or "")["fulltime_week_minutes"] == 2400
    (view,) = list_employees(workspace)
    assert view.contract_week_hours == Decimal("40.00")


def test_saving_unchanged_values_writes_no_audit(workspace: Workspace) -> None:
    saved = save_employee(workspace, anna())
    before = audit_actions(workspace)
    save_employee(workspace, anna(), saved.id)
    assert audit_actions(workspace) == before


def test_a_taken_number_and_a_bad_draft_are_refused(workspace: Workspace) -> None:
    save_employee(workspace, anna())
    with pytest.raises(FieldProblems) as taken:
        save_employee(workspace, anna(name="Annan Person"))
    assert "finns redan" in taken.value.problems["employee_no"]
    with pytest.raises(FieldProblems) as bad:
        save_employee(workspace, anna(employee_no="1002", grade_percent=Decimal(0)))
    assert set(bad.value.problems) == {"grade_percent"}
    assert len(list_employees(workspace)) == 1


def test_a_leaver_is_inactive_after_the_end_date(workspace: Workspace) -> None:
    save_employee(workspace, anna(end=date(2026, 10, 31)))
    (view,) = list_employees(workspace, as_of=date(2026, 11, 1))
    assert not view.active
    (view,) = list_employees(workspace, as_of=date(2026, 10, 31))
    assert view.active
