"""Absences of the unit's staff: the list the page shows, and registering, editing, ending and
deleting one record. Every change goes to the audit log (dates, kind and extent; there is no
other field to record: never a diagnosis)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from enhetschef_app.domain.absence_occasions import AbsenceRecord
from enhetschef_app.domain.absences import (
    FIELD_LABELS,
    AbsenceDraft,
    describe_period,
    kind_label,
    overlap_problem,
    validate_absence,
)
from enhetschef_app.domain.errors import FieldProblems, NotFoundError, UserError
from enhetschef_app.services.core.workspace import UnitRef, Workspace, use_case
from enhetschef_app.storage import audit
from enhetschef_app.storage.models import Absence, Employee
from enhetschef_app.storage.queries.absences import (
    AbsenceRow,
    absence_of_unit,
    absence_rows,
    absences_of_employee,
)
from enhetschef_app.storage.session import Session
from enhetschef_app.storage.versions import check_version

ENTITY = "franvaro"


@dataclass(frozen=True)
class AbsenceView:
    id: int
    employee_id: int
    employee_no: str
    employee_name: str
    kind: str
    start: date
    end: date | None
    extent_percent: int
    version: int = 1  # as read: a save of another version is refused (ChangedByOtherError)

    @property
    def kind_label(self) -> str:
        return kind_label(self.kind)

    @property
    def ongoing(self) -> bool:
        return self.end is None

    def days(self, as_of: date) -> int:
        """Calendar days, both ends counted; an ongoing spell up to `as_of`."""
        last = self.end if self.end is not None else max(as_of, self.start)
        return (last - self.start).days + 1

    def period(self) -> str:
        return describe_period(self.start, self.end)

    def as_draft(self) -> AbsenceDraft:
        return AbsenceDraft(self.employee_id, self.kind, self.start, self.end, self.extent_percent)


def _view(row: AbsenceRow) -> AbsenceView:
    return AbsenceView(
        id=row.id,
        employee_id=row.employee_id,
        employee_no=row.employee_no,
        employee_name=row.employee_name,
        kind=row.kind,
        start=row.start,
        end=row.end,
        extent_percent=row.extent_percent,
        version=row.version,
    )


def _view_of(absence: Absence, employee: Employee) -> AbsenceView:
    return AbsenceView(
        id=absence.id,
        employee_id=employee.id,
        employee_no=employee.employee_no,
        employee_name=employee.name,
        kind=absence.kind,
        start=absence.start_date,
        end=absence.end_date,
        extent_percent=absence.extent_percent,
        version=absence.version,
    )


@use_case
def list_absences(
    workspace: Workspace,
    *,
    employee_id: int | None = None,
    kind: str | None = None,
    period: tuple[date | None, date | None] = (None, None),
    ongoing_on: date | None = None,
) -> list[AbsenceView]:
    """The unit's absences, newest first, filtered as the page's filters say."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        rows = absence_rows(
            session,
            unit.id,
            employee_id=employee_id,
            kinds=None if kind is None else (kind,),
            period=period,
            ongoing_on=ongoing_on,
        )
    return [_view(row) for row in rows]


def snapshot(absence: Absence) -> dict[str, Any]:
    """What the audit log records of one absence."""
    return {
        "employee_id": absence.employee_id,
        "kind": absence.kind,
        "start_date": absence.start_date,
        "end_date": absence.end_date,
        "extent_percent": absence.extent_percent,
    }


def record_of(absence: Absence) -> AbsenceRecord:
    return AbsenceRecord(
        absence.kind, absence.start_date, absence.end_date, absence.extent_percent, absence.id
    )


def check_against_stored(
    session: Session, draft: AbsenceDraft, absence_id: int | None
) -> dict[str, str]:
    """The draft beside the person's stored records: an overlap is a problem on its dates."""
    assert draft.employee_id is not None and draft.start is not None
    assert draft.extent_percent is not None
    record = AbsenceRecord(draft.kind, draft.start, draft.end, draft.extent_percent, absence_id)
    others = [record_of(a) for a in absences_of_employee(session, draft.employee_id)]
    problem = overlap_problem(record, others)
    return {} if problem is None else {"start": problem}


def _employee(session: Session, unit: UnitRef, employee_id: int | None) -> Employee:
    employee = session.get(Employee, employee_id) if employee_id is not None else None
    if employee is None or employee.unit_id != unit.id:
        raise FieldProblems(
            "Frånvaron sparades inte.",
            {"employee": "Medarbetaren finns inte i enheten."},
            FIELD_LABELS,
        )
    return employee


def _audit(
    workspace: Workspace,
    session: Session,
    unit: UnitRef,
    action: str,
    absence_id: int,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    audit.record(
        session,
        actor=workspace.actor,
        action=action,
        entity=ENTITY,
        entity_id=absence_id,
        unit_id=unit.id,
        before=before,
        after=after,
    )


@use_case
def save_absence(
    workspace: Workspace,
    draft: AbsenceDraft,
    absence_id: int | None = None,
    *,
    version: int | None = None,
) -> AbsenceView:
    """Registers a new absence (no id) or changes one; refuses overlaps with a message, and a
    change of a record someone else has changed since `version` was read (ChangedByOtherError)."""
    unit = workspace.require_unit()
    problems = validate_absence(draft)
    if problems:
        raise FieldProblems("Frånvaron sparades inte.", problems, FIELD_LABELS)
    assert draft.start is not None and draft.extent_percent is not None
    with workspace.transaction() as session:
        employee = _employee(session, unit, draft.employee_id)
        before: dict[str, Any] | None = None
        if absence_id is None:
            absence = Absence(employee_id=employee.id)
        else:
            found = absence_of_unit(session, unit.id, absence_id)
            if found is None:
                raise NotFoundError("Frånvaron finns inte längre. Uppdatera listan (F5).")
            check_version(session, found, version)
            absence, before = found, snapshot(found)
        clash = check_against_stored(session, draft, absence_id)
        if clash:
            raise FieldProblems("Frånvaron sparades inte.", clash, FIELD_LABELS)
        absence.employee_id = employee.id
        absence.kind = draft.kind
        absence.start_date = draft.start
        absence.end_date = draft.end
        absence.extent_percent = draft.extent_percent
        if absence_id is None:
            session.add(absence)
        session.flush()
        after = snapshot(absence)
        if before != after:
            action = "registrera_franvaro" if before is None else "andra_franvaro"
            _audit(workspace, session, unit, action, absence.id, before, after)
        return _view_of(absence, employee)


@use_case
def end_absence(
    workspace: Workspace, absence_id: int, end: date, *, version: int | None = None
) -> AbsenceView:
    """Sets the last day of an ongoing spell (of `version`, when given)."""
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        absence = absence_of_unit(session, unit.id, absence_id)
        if absence is None:
            raise NotFoundError("Frånvaron finns inte längre. Uppdatera listan (F5).")
        check_version(session, absence, version)
        if absence.end_date is not None:
            raise UserError(
                f"Frånvaron {describe_period(absence.start_date, absence.end_date)} är redan "
                "avslutad. Ändra den i stället om slutdatumet är fel."
            )
        if end < absence.start_date:
            raise FieldProblems(
                "Frånvaron sparades inte.",
                {"end": "Till-datumet ligger före från-datumet."},
                FIELD_LABELS,
            )
        draft = AbsenceDraft(
            absence.employee_id, absence.kind, absence.start_date, end, absence.extent_percent
        )
        clash = check_against_stored(session, draft, absence.id)
        if clash:
            raise FieldProblems("Frånvaron sparades inte.", clash, FIELD_LABELS)
        before = snapshot(absence)
        absence.end_date = end
        session.flush()
        _audit(workspace, session, unit, "avsluta_franvaro", absence.id, before, snapshot(absence))
        employee = session.get(Employee, absence.employee_id)
        assert employee is not None
        return _view_of(absence, employee)


@use_case
def delete_absence(workspace: Workspace, absence_id: int, *, version: int | None = None) -> None:
    unit = workspace.require_unit()
    with workspace.transaction() as session:
        absence = absence_of_unit(session, unit.id, absence_id)
        if absence is None:
            raise NotFoundError("Frånvaron finns inte längre. Uppdatera listan (F5).")
        check_version(session, absence, version)
        before = snapshot(absence)
        session.delete(absence)
        session.flush()
        _audit(workspace, session, unit, "ta_bort_franvaro", absence_id, before, None)
