"""Importing the staff list: every row checked first, then one transaction, idempotent.

Employees are matched by employee number within the unit. A row for a new number creates an
employee, a row that differs from what is stored updates it, and a row that matches changes
nothing and leaves no trace in the audit log, so importing the same file twice is harmless.
Employees the file does not mention are left as they are (a staff list may be one team's).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from enhetschef_app.domain.errors import ImportFormatError, RowProblem, UserError
from enhetschef_app.domain.staff import EmployeeDraft, validate_employee
from enhetschef_app.excel.staff_file import StaffRecord, read_staff_file
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import UnitRef, Workspace, ensure_unit, list_units
from enhetschef_app.services.staff.employees import (
    apply_draft,
    draft_values,
    employee_snapshot,
    to_view,
)
from enhetschef_app.storage import audit
from enhetschef_app.storage.bulk import insert_rows
from enhetschef_app.storage.models import Employee
from enhetschef_app.storage.queries.staff import employees_of_unit
from enhetschef_app.storage.session import Session


@dataclass(frozen=True)
class StaffImportSummary:
    file: str
    unit: str
    unit_created: bool
    rows: int
    created: int
    updated: int
    unchanged: int
    not_in_file: int = 0  # the unit's employees the file does not mention; left as they are

    def describe(self) -> str:
        text = (
            f"Personallistan {self.file}: {_count(self.rows, 'rad', 'rader')}, "
            f"{_count(self.created, 'ny', 'nya')}, {_count(self.updated, 'ändrad', 'ändrade')}, "
            f"{_count(self.unchanged, 'oförändrad', 'oförändrade')} (enhet {self.unit})."
        )
        if self.unit_created:
            text += f" Enheten {self.unit} är ny och skapades."
        if self.not_in_file:
            text += (
                f" {self.not_in_file} medarbetare i enheten finns inte i filen "
                "och lämnades som förut."
            )
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "unit": self.unit,
            "unit_created": self.unit_created,
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


def import_staff(
    workspace: Workspace, path: Path, unit_code: str | None = None, sheet: str | None = None
) -> StaffImportSummary:
    """Imports the staff list into the unit (`unit_code` is created if new; else the open one)."""
    path = Path(path)
    records = read_staff_file(path, sheet)  # a bad file stops here, before the database
    unit, unit_created = _target_unit(workspace, unit_code, path.name, records)
    workspace = workspace.with_unit(unit)
    unit_fulltime = rule_settings(workspace).decimal("unit.fulltime_week_hours")
    created = updated = unchanged = 0
    with workspace.transaction() as session:
        stored = {e.employee_no: e for e in employees_of_unit(session, unit.id)}
        plans = [
            (record, stored.get(record.draft.employee_no), _merged(record, stored, unit_fulltime))
            for record in records
        ]
        _check_merged(path.name, plans)
        new: list[dict[str, Any]] = []
        changed: list[tuple[Employee, dict[str, Any]]] = []
        for _record, existing, draft in plans:
            if existing is None:
                new.append(draft_values(draft))
                continue
            before = employee_snapshot(existing)
            # Setting equal values leaves nothing to write: the row and its updated_at stay.
            apply_draft(existing, draft)
            if employee_snapshot(existing) == before:
                unchanged += 1
                continue
            changed.append((existing, before))
        # The new rows and their audit entries in one executemany each, not an ORM object
        # and a flush per row (a 50 000-row list took minutes so).
        ids = insert_rows(
            session, Employee, [{**values, "unit_id": unit.id} for values in new], return_ids=True
        )
        audit.record_many(
            session,
            actor=workspace.actor,
            action="skapa_medarbetare",
            entity="medarbetare",
            unit_id=unit.id,
            entries=((i, None, values) for i, values in zip(ids, new, strict=True)),
        )
        for employee, before in changed:
            _audit(workspace, session, employee, unit, before=before)
        created, updated = len(new), len(changed)
        mentioned = {record.draft.employee_no for record in records}
        not_in_file = sum(1 for number in stored if number not in mentioned)
    return StaffImportSummary(
        file=path.name,
        unit=unit.code,
        unit_created=unit_created,
        rows=len(records),
        created=created,
        updated=updated,
        unchanged=unchanged,
        not_in_file=not_in_file,
    )


def _target_unit(
    workspace: Workspace, unit_code: str | None, file_name: str, records: list[StaffRecord]
) -> tuple[UnitRef, bool]:
    if unit_code is None:
        if workspace.unit is None:
            raise UserError(
                "Databasen har ingen enhet än. Ange enhetens kod (--unit KOD) så skapas enheten "
                "när personallistan importeras."
            )
        return workspace.unit, False
    known = {unit.code for unit in list_units(workspace)}
    if unit_code.strip().upper() not in known:
        # Every row of a new unit is a new employee: check them all before the unit is made,
        # so that a refused file leaves no empty unit behind.
        _check_merged(file_name, [(record, None, record.draft) for record in records])
    unit = ensure_unit(workspace, unit_code)
    return unit, unit.code not in known


def _merged(
    record: StaffRecord, stored: dict[str, Employee], unit_fulltime: Decimal
) -> EmployeeDraft:
    """The row over what is stored: a field without a column in the file keeps its value."""
    existing = stored.get(record.draft.employee_no)
    if existing is None:
        return record.draft
    # The day passed to to_view only decides whether the view is active; a draft has no such field.
    kept = to_view(existing, unit_fulltime, date.min).as_draft()
    merged = replace(kept, **{field: getattr(record.draft, field) for field in record.columns})
    if merged.end is None and merged.end_reason is not None:
        # The file says the employment goes on, so the stored reason for leaving no longer holds.
        merged = replace(merged, end_reason=None)
    return merged


def _check_merged(
    file_name: str, plans: list[tuple[StaffRecord, Employee | None, EmployeeDraft]]
) -> None:
    """The rules once more on each row as it will be saved: the file's columns over what is
    stored. The file was checked as read; this catches a rule on a column the file lacks."""
    problems: list[RowProblem] = [
        record.problem(field, message)
        for record, _existing, draft in plans
        for field, message in validate_employee(draft).items()
    ]
    if problems:
        raise ImportFormatError(
            file_name,
            problems,
            f"Personallistan {file_name} importerades inte: {len(problems)} fel. Filen saknar "
            "kolumner som behövs för raderna nedan; lägg till dem och importera igen. Inget har "
            "ändrats.",
        )


def _audit(
    workspace: Workspace,
    session: Session,
    employee: Employee,
    unit: UnitRef,
    *,
    before: dict[str, Any] | None,
) -> None:
    audit.record(
        session,
        actor=workspace.actor,
        action="skapa_medarbetare" if before is None else "andra_medarbetare",
        entity="medarbetare",
        entity_id=employee.id,
        unit_id=unit.id,
        before=before,
        after=employee_snapshot(employee),
    )
