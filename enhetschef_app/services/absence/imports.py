"""Importing absences: every row checked first, then one transaction, idempotent.

A row is matched to a stored record of the same person: first one equal in kind, dates and
extent, then one of the same kind and first day. A new one is created; one whose end or extent
differs is updated; an equal one is left alone with no audit entry, so importing the same file
twice changes nothing. Records the file does not mention are kept (an export may cover one
month). Records of one kind may overlap or touch (an extension registered as a new row): they
are stored as given and join into one occasion, which the summary reports. Only a day that
cannot be one spell (different kinds together over 100 %) is a row error. Problems the file
alone shows (a bad date) and problems only the database shows (an unknown employee number, a
conflict with a stored record) are reported together, every row at once, and nothing is saved.

The work is linear in the rows: the stored records are looked up by key, and the overlaps of
each person are found in one sweep over the records sorted by first day.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from enhetschef_app.domain.absence_occasions import AbsenceRecord
from enhetschef_app.domain.absences import conflict_message, in_conflict
from enhetschef_app.domain.errors import ImportFormatError, RowProblem
from enhetschef_app.excel.absence_file import AbsenceFileRecord, read_absence_file
from enhetschef_app.services.absence.absences import ENTITY, record_of, snapshot
from enhetschef_app.services.core.workspace import Workspace
from enhetschef_app.storage import audit
from enhetschef_app.storage.bulk import insert_rows
from enhetschef_app.storage.models import Absence
from enhetschef_app.storage.queries.absences import absences_of_employee
from enhetschef_app.storage.queries.staff import employees_of_unit
from enhetschef_app.storage.session import Session


@dataclass(frozen=True)
class AbsenceImportSummary:
    file: str
    unit: str
    rows: int
    created: int
    updated: int
    unchanged: int
    joined: int = 0  # rows overlapping or touching another record of their kind

    def describe(self) -> str:
        text = (
            f"Frånvaron i {self.file}: {_count(self.rows, 'rad', 'rader')}, "
            f"{_count(self.created, 'ny', 'nya')}, {_count(self.updated, 'ändrad', 'ändrade')}, "
            f"{_count(self.unchanged, 'oförändrad', 'oförändrade')} (enhet {self.unit})."
        )
        if self.joined:
            text += (
                f" {_count(self.joined, 'rad', 'rader')} överlappar eller ansluter till en annan "
                "post av samma slag och räknas ihop med den som ett tillfälle (varje dag en gång)."
            )
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "unit": self.unit,
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "joined": self.joined,
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
            plans.append(_Plan(record, employee.id, None))
        _match(plans, stored)
        overlap_problems, joined = _overlaps(plans, stored)
        problems.extend(overlap_problems)
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
        new: list[dict[str, Any]] = []
        changed: list[tuple[Absence, dict[str, Any]]] = []
        for plan in plans:
            record = plan.record
            assert record.kind is not None and record.start is not None
            assert record.extent_percent is not None
            absence = plan.existing
            if absence is None:
                # The keys of `snapshot`: the audit entry is these values.
                new.append(
                    {
                        "employee_id": plan.employee_id,
                        "kind": record.kind,
                        "start_date": record.start,
                        "end_date": record.end,
                        "extent_percent": record.extent_percent,
                    }
                )
                continue
            before = snapshot(absence)
            absence.end_date = record.end
            absence.extent_percent = record.extent_percent
            if snapshot(absence) == before:
                unchanged += 1
                continue
            changed.append((absence, before))
        # The new records and their audit entries in one executemany each.
        ids = insert_rows(session, Absence, new, return_ids=True)
        audit.record_many(
            session,
            actor=workspace.actor,
            action="importera_franvaro",
            entity=ENTITY,
            unit_id=unit.id,
            entries=((i, None, values) for i, values in zip(ids, new, strict=True)),
        )
        for absence, before in changed:
            _audit(workspace, session, unit.id, "andra_franvaro_import", absence, before)
        created, updated = len(new), len(changed)
    return AbsenceImportSummary(
        file=found.file_name,
        unit=unit.code,
        rows=len(found.records),
        created=created,
        updated=updated,
        unchanged=unchanged,
        joined=joined,
    )


def _match(plans: list[_Plan], stored: dict[int, list[Absence]]) -> None:
    """Each row's stored record, if any: an equal one first, then one of the same kind and
    first day; each stored record matched once."""
    exact: dict[tuple[int, str, date, date | None, int], list[Absence]] = defaultdict(list)
    by_start: dict[tuple[int, str, date], list[Absence]] = defaultdict(list)
    for employee_id, absences in stored.items():
        for a in absences:
            exact[(employee_id, a.kind, a.start_date, a.end_date, a.extent_percent)].append(a)
            by_start[(employee_id, a.kind, a.start_date)].append(a)
    used: set[int] = set()
    for plan in plans:
        r = plan.record
        assert r.kind is not None and r.start is not None and r.extent_percent is not None
        for candidate in exact.get(
            (plan.employee_id, r.kind, r.start, r.end, r.extent_percent), []
        ):
            if candidate.id not in used:
                plan.existing = candidate
                used.add(candidate.id)
                break
    for plan in plans:
        if plan.existing is not None:
            continue
        r = plan.record
        assert r.kind is not None and r.start is not None
        for candidate in by_start.get((plan.employee_id, r.kind, r.start), []):
            if candidate.id not in used:
                plan.existing = candidate
                used.add(candidate.id)
                break


def _overlaps(plans: list[_Plan], stored: dict[int, list[Absence]]) -> tuple[list[RowProblem], int]:
    """The rows that cannot be one spell with another record of the person (the file's or a
    stored one it does not replace), and how many rows join another of their kind."""
    by_person: dict[int, list[_Plan]] = defaultdict(list)
    for plan in plans:
        by_person[plan.employee_id].append(plan)
    messages: dict[int, tuple[_Plan, str]] = {}
    joined: set[int] = set()
    for employee_id, rows in by_person.items():
        replaced = {plan.existing.id for plan in rows if plan.existing is not None}
        items: list[tuple[AbsenceRecord, _Plan | None]] = [
            (record_of(a), None) for a in stored[employee_id] if a.id not in replaced
        ]
        items += [(_as_record(plan.record), plan) for plan in rows]
        items.sort(key=lambda item: item[0].start)
        active: list[tuple[AbsenceRecord, _Plan | None]] = []
        for record, row_plan in items:
            # Only records reaching the day before this one's start can overlap or touch it.
            active = [a for a in active if _reaches(a[0], record.start)]
            for other, other_plan in active:
                if in_conflict(record, other):
                    if row_plan is not None:
                        messages.setdefault(
                            row_plan.record.row, (row_plan, conflict_message(other))
                        )
                    if other_plan is not None:
                        messages.setdefault(
                            other_plan.record.row, (other_plan, conflict_message(record))
                        )
                elif other.kind == record.kind:
                    for joining in (row_plan, other_plan):
                        if joining is not None:
                            joined.add(joining.record.row)
            active.append((record, row_plan))
    problems = [plan.record.problem("start", message) for plan, message in messages.values()]
    return problems, len(joined)


def _reaches(record: AbsenceRecord, day: date) -> bool:
    return record.end is None or record.end + timedelta(days=1) >= day


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
