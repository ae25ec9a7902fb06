"""Importing absences: every row checked first, then one transaction, idempotent.

A row is matched to a stored record by person, kind and first day. A new one is created; one
whose end or extent differs is updated; an equal one is left alone with no audit entry, so
importing the same file twice changes nothing. Records the file does not mention are kept (an
export may cover one month). Problems the file alone shows (a bad date) and problems only the
database shows (an unknown employee number, an overlap with a stored record) are reported
together, every row at once, and nothing is saved.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from enhetschef_app.domain.absence_occasions import AbsenceRecord
from enhetschef_app.domain.absences import overlap_problem
from enhetschef_app.domain.errors import ImportFormatError, RowProblem
from enhetschef_app.excel.absence_file import AbsenceFileRecord, read_absence_file
from enhetschef_app.services.absences import ENTITY, record_of, snapshot
from enhetschef_app.services.workspace import Workspace
from enhetschef_app.storage import audit
from enhetschef_app.storage.models import Absence
from enhetschef_app.storage.queries.absences import absences_of_employee
from enhetschef_app.storage.queries.staff import employees_of_unit


@dataclass(frozen=True)
class AbsenceImportSummary:
    file: str
    unit: str
    rows: int
    created: int
    updated: int
    unchanged: int

    def describe(self) -> str:
        return (
            f"Frånvaron i {self.file}: {_count(self.rows, 'rad', 'rader')}, "
            f"{_count(self.created, 'ny', 'nya')}, {_count(self.updated, 'ändrad', 'ändrade')}, "
            f"{_count(self.unchanged, 'oförändrad', 'oförändrade')} (enhet {self.unit})."
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "unit": self.unit,
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
        }


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"


@dataclass
class _Plan:
    record: AbsenceFileRecord
    employee_id: int
    existing: Absence | None


def import_absences(
    workspace: Workspace, path: Path, sheet: str | None = None
) -> AbsenceImportSummary:
    unit = workspace.require_unit()
    found = read_absence_file(Path(path), sheet)  # a file that cannot be read stops here
    problems: list[RowProblem] = list(found.problems)
    bad_rows = {p.row for p in problems}
    created = updated = unchanged = 0
    with workspace.transaction() as session:
        employees = {e.employee_no: e for e in employees_of_unit(session, unit.id)}
        stored: dict[int, list[Absence]] = {}
        plans: list[_Plan] = []
        for record in found.records:
            employee = employees.get(record.employee_no)
            if record.employee_no and employee is None:
                problems.append(
                    record.problem(
                        "employee_no",
                        f"Ingen medarbetare med det numret i enheten {unit.code}. Importera "
                        "personallistan först eller rätta numret.",
                    )
                )
                bad_rows.add(record.row)
            if employee is None or record.row in bad_rows:
                continue
            if employee.id not in stored:
                stored[employee.id] = absences_of_employee(session, employee.id)
            existing = next(
                (
                    a
                    for a in stored[employee.id]
                    if a.kind == record.kind and a.start_date == record.start
                ),
                None,
            )
            plans.append(_Plan(record, employee.id, existing))
        problems.extend(_overlaps(plans, stored))
        if problems:
            problems.sort(key=lambda p: p.row)  # stable: a row's own order is kept
            rows = len({p.row for p in problems})
            raise ImportFormatError(
                found.file_name,
                problems,
                f"Frånvaron i {found.file_name} importerades inte: {len(problems)} fel på "
                f"{rows} av {len(found.records)} rader. Rätta felen och importera filen igen; "
                "inget har ändrats.",
            )
        for plan in plans:
            record = plan.record
            assert record.kind is not None and record.start is not None
            assert record.extent_percent is not None
            absence = plan.existing
            if absence is None:
                absence = Absence(
                    employee_id=plan.employee_id,
                    kind=record.kind,
                    start_date=record.start,
                    end_date=record.end,
                    extent_percent=record.extent_percent,
                )
                session.add(absence)
                session.flush()
                _audit(workspace, session, unit.id, "importera_franvaro", absence, None)
                created += 1
                continue
            before = snapshot(absence)
            absence.end_date = record.end
            absence.extent_percent = record.extent_percent
            if snapshot(absence) == before:
                unchanged += 1
                continue
            session.flush()
            _audit(workspace, session, unit.id, "andra_franvaro_import", absence, before)
            updated += 1
    return AbsenceImportSummary(
        file=found.file_name,
        unit=unit.code,
        rows=len(found.records),
        created=created,
        updated=updated,
        unchanged=unchanged,
    )


def _overlaps(plans: list[_Plan], stored: dict[int, list[Absence]]) -> list[RowProblem]:
    """Each row beside the person's other rows in the file and the stored records it does
    not replace."""
    by_person: dict[int, list[_Plan]] = defaultdict(list)
    for plan in plans:
        by_person[plan.employee_id].append(plan)
    problems: list[RowProblem] = []
    for employee_id, rows in by_person.items():
        replaced = {plan.existing.id for plan in rows if plan.existing is not None}
        kept = [record_of(a) for a in stored[employee_id] if a.id not in replaced]
        for plan in rows:
            record = plan.record
            mine = _as_record(record)
            others = kept + [_as_record(other.record) for other in rows if other is not plan]
            message = overlap_problem(mine, others)
            if message is not None:
                problems.append(record.problem("start", message))
    return problems


def _as_record(record: AbsenceFileRecord) -> AbsenceRecord:
    assert record.kind is not None and record.start is not None
    assert record.extent_percent is not None
    # A negative id: a row of the file, never equal to a stored record's id.
    return AbsenceRecord(record.kind, record.start, record.end, record.extent_percent, -record.row)


def _audit(
    workspace: Workspace,
    session: Session,
    unit_id: int,
    action: str,
    absence: Absence,
    before: dict[str, Any] | None,
) -> None:
    audit.record(
        session,
        actor=workspace.actor,
        action=action,
        entity=ENTITY,
        entity_id=absence.id,
        unit_id=unit_id,
        before=before,
        after=snapshot(absence),
    )
