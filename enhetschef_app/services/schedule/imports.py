"""Importing the schedule: every row checked first, then the file's weeks replaced in one
transaction, idempotently.

In each ISO week that has a row in the file, the days between the file's first and last day
are replaced for the unit; a week the file has no row in is never touched, and a row dated
more than eight weeks from every other row is a row error (a year typed wrong). A stored row
that is still in the file keeps its id (so a cover recorded on it survives), a changed row is
updated and a row the file no longer has is removed, each change with its before and after in
the audit log. Importing the same file twice changes nothing and leaves no trace.

An import that would remove a registered cover, an approved overtime link or more than a tenth
of the rows stored in its weeks is refused (`ImportWouldRemove`) unless the EC says `replace`.
Before any row is removed a backup is taken, and what the import did is kept as a batch so the
last import can be undone (services.import_undo).

Unknown employee numbers are refused, listed, unless `create_unknown`: then each becomes an
hourly-paid employee (timavlönad) with the name in the file, which the EC corrects on the
Personal page. A file with bad rows is refused as a whole unless `valid_rows_only`; then the
bad rows are left out and no stored row is removed on a day that a left-out row belongs to.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from enhetschef_app.domain.errors import RowProblem, UserError
from enhetschef_app.domain.schedule_import import (
    ImportWouldRemove,
    ScheduleFileInvalid,
    UnknownEmployee,
)
from enhetschef_app.domain.schedule_merge import RowValues, merge_rows
from enhetschef_app.domain.shift_kinds import guess_shift_kind
from enhetschef_app.domain.staff import EmploymentForm
from enhetschef_app.excel.schedule_file import (
    ScheduleFile,
    ScheduleRecord,
    layout_key,
    parse_schedule,
    read_schedule_table,
    schedule_columns,
)
from enhetschef_app.services.core.backup import back_up_now
from enhetschef_app.services.core.workspace import UnitRef, Workspace
from enhetschef_app.storage import audit
from enhetschef_app.storage.bulk import delete_by_ids, insert_rows, update_rows
from enhetschef_app.storage.import_batches import links_of_rows, record_batch
from enhetschef_app.storage.models import Employee, ScheduleRow, ShiftType
from enhetschef_app.storage.queries.schedule_rows import (
    covers_of_rows,
    row_columns,
    save_mapping,
    shift_kinds,
    stored_mapping,
    stored_rows_of_period,
)
from enhetschef_app.storage.queries.staff import employees_of_unit
from enhetschef_app.storage.session import Session

MAPPING_KIND = "schema"
MAX_WARNINGS = 20


@dataclass(frozen=True)
class ScheduleImportSummary:
    file: str
    unit: str
    first: date
    last: date
    rows: int  # valid rows imported (or, on a dry run, that would be)
    created: int
    updated: int
    unchanged: int
    removed: int
    vacant: int
    skipped: int = 0  # bad rows left out (valid_rows_only)
    employees_created: tuple[str, ...] = ()
    shift_types_created: tuple[str, ...] = ()
    covers_removed: int = 0
    dry_run: bool = False
    kept_days: int = 0  # days with left-out rows, where nothing stored was removed
    warnings: tuple[str, ...] = field(default=())
    overtime_links_removed: int = 0  # approved overtime requests whose row or cover went
    rows_in_weeks: int = 0  # rows stored in the file's weeks before the import
    backup: str | None = None  # the copy taken before rows were removed

    def describe(self) -> str:
        head = "Provimport (inget sparades)" if self.dry_run else "Schemat importerades"
        text = (
            f"{head}: {self.file}, {self.first.isoformat()}–{self.last.isoformat()} "
            f"(enhet {self.unit}). {self.rows} rader: {self.created} nya, {self.updated} ändrade, "
            f"{self.unchanged} oförändrade, {self.removed} borttagna; {self.vacant} vakanta."
        )
        if self.skipped:
            text += f" {self.skipped} felaktiga rader hoppades över."
        if self.kept_days:
            text += (
                f" På {self.kept_days} dagar med felaktiga rader togs inga befintliga pass bort."
            )
        if self.employees_created:
            text += (
                f" {len(self.employees_created)} nya medarbetare skapades som timavlönade: "
                f"{', '.join(self.employees_created)}."
            )
        if self.shift_types_created:
            text += f" Nya passtyper: {', '.join(self.shift_types_created)}."
        if self.covers_removed:
            text += f" {self.covers_removed} registrerade ersättare försvann med sina rader."
        if self.overtime_links_removed:
            text += (
                f" {self.overtime_links_removed} beviljade övertider förlorade sin rad "
                "(beslutet finns kvar)."
            )
        if self.backup:
            text += f" Säkerhetskopia före importen: {self.backup}."
        return text

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "unit": self.unit,
            "first": self.first.isoformat(),
            "last": self.last.isoformat(),
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "vacant": self.vacant,
            "removed": self.removed,
            "skipped": self.skipped,
            "employees_created": list(self.employees_created),
            "shift_types_created": list(self.shift_types_created),
            "covers_removed": self.covers_removed,
            "overtime_links_removed": self.overtime_links_removed,
            "rows_in_weeks": self.rows_in_weeks,
            "backup": self.backup,
            "dry_run": self.dry_run,
            "warnings": list(self.warnings),
        }


def read_schedule(
    workspace: Workspace,
    path: Path,
    sheet: str | None = None,
    columns: Mapping[str, str] | None = None,
) -> ScheduleFile:
    """The file read and checked, with the columns chosen before for its layout if any."""
    table = read_schedule_table(Path(path), sheet)
    chosen = dict(columns) if columns else None
    if chosen is None:
        with workspace.transaction() as session:
            chosen = stored_mapping(session, MAPPING_KIND, layout_key(table.headers))
    return parse_schedule(table, schedule_columns(table, chosen))


def import_schedule(
    workspace: Workspace,
    path: Path,
    *,
    sheet: str | None = None,
    columns: Mapping[str, str] | None = None,
    dry_run: bool = False,
    valid_rows_only: bool = False,
    create_unknown: bool = False,
    replace: bool = False,
) -> ScheduleImportSummary:
    """Imports the schedule file into the open unit; see the module's description.

    `replace` is the EC's yes to removing covers, approved overtime links or more than a tenth
    of the rows of the file's weeks; without it such an import raises `ImportWouldRemove`."""
    with _without_cycle_collection():
        return _import_schedule(
            workspace,
            path,
            sheet=sheet,
            columns=columns,
            dry_run=dry_run,
            valid_rows_only=valid_rows_only,
            create_unknown=create_unknown,
            replace=replace,
        )


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """The cyclic garbage collector paused for the import.

    An import makes some hundred thousand short-lived tuples and strings, none in a cycle;
    each few hundred of them set off a collection that walks the program's objects, which
    costs about an eighth of the import. Reference counting still frees everything at once.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _import_schedule(
    workspace: Workspace,
    path: Path,
    *,
    sheet: str | None,
    columns: Mapping[str, str] | None,
    dry_run: bool,
    valid_rows_only: bool,
    create_unknown: bool,
    replace: bool,
) -> ScheduleImportSummary:
    unit = workspace.require_unit()
    path = Path(path)
    parsed = read_schedule(workspace, path, sheet, columns)
    with workspace.transaction() as session:
        staff = {e.employee_no: e for e in employees_of_unit(session, unit.id)}
        unknown = _unknown_employees(parsed.records, staff)
        if (parsed.problems or (unknown and not create_unknown)) and not valid_rows_only:
            raise _invalid(parsed, unknown, create_unknown)
        records = [
            r
            for r in parsed.records
            if r.employee_no is None or r.employee_no in staff or create_unknown
        ]
        if not records:
            raise UserError(
                f"Filen {parsed.file_name} har inga giltiga rader att importera; inget ändrades."
            )
        skipped_rows = {p.row for p in parsed.problems} | {
            row for u in unknown if not create_unknown for row in u.rows
        }
        kept_days, keep_all = _days_of_rows(parsed, skipped_rows)
        planner = _ImportPlan(workspace, session, unit, parsed, records, staff)
        if not dry_run:
            if columns:
                save_mapping(
                    session,
                    MAPPING_KIND,
                    parsed.layout,
                    parsed.headers,
                    dict(parsed.columns),
                    workspace.actor,
                )
            if create_unknown:
                planner.create_employees([u for u in unknown])
        return planner.run(
            dry_run=dry_run,
            replace=replace,
            kept_days=kept_days,
            keep_all=keep_all,
            skipped=len(skipped_rows),
            unknown=unknown if create_unknown else [],
        )


def _unknown_employees(
    records: Sequence[ScheduleRecord], staff: Mapping[str, Employee]
) -> list[UnknownEmployee]:
    rows: dict[str, list[int]] = {}
    names: dict[str, str] = {}
    for record in records:
        number = record.employee_no
        if number is None or number in staff:
            continue
        rows.setdefault(number, []).append(record.row)
        if record.name and number not in names:
            names[number] = record.name
    return [UnknownEmployee(n, names.get(n, ""), tuple(r)) for n, r in rows.items()]


def _invalid(
    parsed: ScheduleFile, unknown: list[UnknownEmployee], create_unknown: bool
) -> ScheduleFileInvalid:
    problems = list(parsed.problems)
    column = parsed.columns.get("employee_no", "Anställningsnr")
    if not create_unknown:
        for person in unknown:
            who = f" ({person.name})" if person.name else ""
            for row in person.rows:
                problems.append(
                    RowProblem(
                        row=row,
                        column=column,
                        value=person.employee_no,
                        problem=f"Anställningsnumret{who} finns inte i enheten. Importera "
                        "personallistan först, eller välj att skapa medarbetaren.",
                        sheet=parsed.sheet,
                    )
                )
    problems.sort(key=lambda p: p.row)
    bad_rows = len({p.row for p in parsed.problems})
    unknown_rows = 0 if create_unknown else sum(len(u.rows) for u in unknown)
    valid = parsed.total_rows - bad_rows - unknown_rows
    parts = []
    if bad_rows:
        parts.append(f"{bad_rows} felaktiga rader")
    if unknown_rows:
        numbers = ", ".join(u.employee_no for u in unknown)
        parts.append(f"{unknown_rows} rader med okända anställningsnummer ({numbers})")
    summary = (
        f"Schemat {parsed.file_name} importerades inte: {' och '.join(parts)} av "
        f"{parsed.total_rows}. Rätta filen och importera igen, eller importera de {valid} "
        "giltiga raderna. Inget har ändrats."
    )
    return ScheduleFileInvalid(
        parsed.file_name,
        problems,
        summary,
        valid_rows=valid,
        total_rows=parsed.total_rows,
        unknown=unknown if not create_unknown else (),
        bad_rows=bad_rows,
    )


def _days_of_rows(parsed: ScheduleFile, rows: set[int]) -> tuple[set[date], bool]:
    """The days the left-out rows belong to; True when a left-out row's day is unreadable (then
    no stored row is removed at all)."""
    record_days = {r.row: r.work_date for r in parsed.records}
    days: set[date] = set()
    for row in rows:
        day = record_days[row] if row in record_days else parsed.bad_row_days.get(row)
        if day is None:
            return days, True
        days.add(day)
    return days, False


class _ImportPlan:
    """The matching of the file against the stored period, and writing it."""

    def __init__(
        self,
        workspace: Workspace,
        session: Session,
        unit: UnitRef,
        parsed: ScheduleFile,
        records: list[ScheduleRecord],
        staff: dict[str, Employee],
    ) -> None:
        self.workspace = workspace
        self.session = session
        self.unit = unit
        self.parsed = parsed
        self.records = records
        self.staff = staff
        self.first = min(r.work_date for r in records)
        self.last = max(r.work_date for r in records)
        self.employees_created: list[str] = []

    def create_employees(self, unknown: list[UnknownEmployee]) -> None:
        for person in unknown:
            employee = Employee(
                unit_id=self.unit.id,
                employee_no=person.employee_no,
                name=person.name or f"Okänd {person.employee_no}",
                employment_form=EmploymentForm.HOURLY.value,
                grade_percent=None,
            )
            self.session.add(employee)
            self.session.flush()
            self.staff[person.employee_no] = employee
            audit.record(
                self.session,
                actor=self.workspace.actor,
                action="skapa_medarbetare",
                entity="medarbetare",
                entity_id=employee.id,
                unit_id=self.unit.id,
                after={
                    "employee_no": employee.employee_no,
                    "name": employee.name,
                    "employment_form": employee.employment_form,
                    "source": f"schemaimport {self.parsed.file_name}",
                },
            )
            self.employees_created.append(person.employee_no)

    def run(
        self,
        *,
        dry_run: bool,
        replace: bool,
        kept_days: set[date],
        keep_all: bool,
        skipped: int,
        unknown: Sequence[UnknownEmployee],
    ) -> ScheduleImportSummary:
        session = self.session
        weeks = _weeks_of(r.work_date for r in self.records)
        monday = self.first - timedelta(days=self.first.weekday())
        sunday = self.last + timedelta(days=6 - self.last.weekday())
        in_weeks = [
            (r[0], RowValues(*r[1:]))
            for r in stored_rows_of_period(session, self.unit.id, monday, sunday)
        ]
        week_of = _week_memo()
        in_weeks = [(i, v) for i, v in in_weeks if week_of(v.work_date) in weeks]
        # Only the days of the file's weeks between its first and last day are replaced: a
        # week without a row in the file keeps every stored row.
        stored = [(i, v) for i, v in in_weeks if self.first <= v.work_date <= self.last]
        ids = {number: employee.id for number, employee in self.staff.items()}
        incoming = [
            RowValues(
                r.work_date,
                r.start,
                r.end,
                r.break_minutes,
                r.shift_code,
                ids.get(r.employee_no) if r.employee_no else None,
            )
            for r in self.records
        ]
        plan = merge_rows(stored, incoming)
        stored_by_id = dict(stored)
        removed = [
            row_id
            for row_id in plan.removed
            if not keep_all and stored_by_id[row_id].work_date not in kept_days
        ]
        new_types = self._missing_shift_types()
        covers = {c.row_id: c for c in covers_of_rows(session, [*removed])} if removed else {}
        # The updated rows' covers too: undoing must see whether one was recorded since.
        links = links_of_rows(session, [*removed, *(i for i, _n in plan.updated)])
        overtime = links.approved_links(removed)
        if (
            not dry_run
            and not replace
            and (covers or overtime or len(removed) * 10 > len(in_weeks))
        ):
            raise ImportWouldRemove(
                self.parsed.file_name,
                removed=len(removed),
                in_weeks=len(in_weeks),
                covers=len(covers),
                overtime=overtime,
            )
        backup = None
        # A server database is IT's to back up; its transaction undoes a failed import whole.
        if removed and not dry_run and not self.workspace.on_server:
            backup = str(back_up_now(self.workspace, reason="import"))
        summary = ScheduleImportSummary(
            file=self.parsed.file_name,
            unit=self.unit.code,
            first=self.first,
            last=self.last,
            rows=len(self.records),
            created=len(plan.created),
            updated=len(plan.updated),
            unchanged=len(plan.unchanged),
            removed=len(removed),
            vacant=sum(1 for v in incoming if v.employee_id is None),
            skipped=skipped,
            employees_created=tuple(u.employee_no for u in unknown)
            if dry_run
            else tuple(self.employees_created),
            shift_types_created=tuple(code for code, _s, _e in new_types),
            covers_removed=len(covers),
            dry_run=dry_run,
            kept_days=0 if keep_all else len(kept_days),
            warnings=self._warnings(),
            overtime_links_removed=overtime,
            rows_in_weeks=len(in_weeks),
            backup=backup,
        )
        if dry_run:
            return summary
        self._write_shift_types(new_types)
        created_ids = self._write(
            plan.created, plan.updated, removed, incoming, stored_by_id, covers
        )
        if plan.created or plan.updated or removed:
            record_batch(
                session,
                unit_id=self.unit.id,
                actor=self.workspace.actor,
                file=self.parsed.file_name,
                backup=backup,
                created=[(i, incoming[n]) for i, n in zip(created_ids, plan.created, strict=True)],
                updated=[(i, stored_by_id[i], incoming[n]) for i, n in plan.updated],
                removed=[(i, stored_by_id[i]) for i in removed],
                links=links,
            )
        if plan.created or plan.updated or removed or new_types or self.employees_created:
            audit.record(
                session,
                actor=self.workspace.actor,
                action="importera_schema",
                entity="schema",
                unit_id=self.unit.id,
                after=summary.as_dict(),
            )
        return summary

    def _missing_shift_types(self) -> list[tuple[str, Any, Any]]:
        known = shift_kinds(self.session, self.unit.id)
        found: dict[str, tuple[str, Any, Any]] = {}
        for record in self.records:
            code = record.shift_code
            if code is not None and code not in known and code not in found:
                found[code] = (code, record.start, record.end)
        return list(found.values())

    def _write_shift_types(self, new_types: list[tuple[str, Any, Any]]) -> None:
        for code, start, end in new_types:
            kind = guess_shift_kind(code, start, end)
            shift_type = ShiftType(
                unit_id=self.unit.id,
                code=code,
                name=kind.label if len(code) == 1 else code,
                start_time=start,
                end_time=end,
                break_minutes=0,
                kind=kind.value,
            )
            self.session.add(shift_type)
            self.session.flush()
            audit.record(
                self.session,
                actor=self.workspace.actor,
                action="skapa_passtyp",
                entity="passtyp",
                entity_id=shift_type.id,
                unit_id=self.unit.id,
                after={"code": code, "kind": kind.value, "start": start, "end": end},
            )

    def _write(
        self,
        created: list[int],
        updated: list[tuple[int, int]],
        removed: list[int],
        incoming: list[RowValues],
        stored: dict[int, RowValues],
        covers: Mapping[int, Any],
    ) -> list[int]:
        """Writes the plan; the ids of the created rows, in the order of `created`."""
        session = self.session
        created_ids: list[int] = []
        if created:
            created_ids = insert_rows(
                session,
                ScheduleRow,
                [_insert_values(self.unit.id, incoming[i]) for i in created],
                return_ids=True,
            )
        update_rows(
            session,
            ScheduleRow,
            [
                {**_insert_values(self.unit.id, incoming[index]), "id": row_id}
                for row_id, index in updated
            ],
        )
        for row_id, index in updated:
            self._audit_row("andra_schemarad", row_id, stored[row_id], incoming[index])
        for row_id in removed:
            cover = covers.get(row_id)
            self._audit_row("ta_bort_schemarad", row_id, stored[row_id], None, cover)
        delete_by_ids(session, ScheduleRow, removed)
        return created_ids

    def _audit_row(
        self,
        action: str,
        row_id: int,
        before: RowValues,
        after: RowValues | None,
        cover: Any | None = None,
    ) -> None:
        snapshot = _snapshot(before)
        if cover is not None:
            snapshot["cover"] = {"employee_id": cover.employee_id, "kind": cover.kind}
        audit.record(
            self.session,
            actor=self.workspace.actor,
            action=action,
            entity="schemarad",
            entity_id=row_id,
            unit_id=self.unit.id,
            before=snapshot,
            after=None if after is None else {**_snapshot(after), "file": self.parsed.file_name},
        )

    def _warnings(self) -> tuple[str, ...]:
        spans = {
            number: (e.start_date or date.min, e.end_date or date.max, e.name)
            for number, e in self.staff.items()
        }
        found: list[str] = []
        for record in self.records:
            span = spans.get(record.employee_no or "")
            if span is None or span[0] <= record.work_date <= span[1]:
                continue
            found.append(
                f"Rad {record.row}: {record.employee_no} {span[2]} är inte anställd "
                f"{record.work_date.isoformat()}."
            )
        if len(found) > MAX_WARNINGS:
            rest = len(found) - MAX_WARNINGS
            found = [*found[:MAX_WARNINGS], f"… och {rest} rader till."]
        return tuple(found)


def _insert_values(unit_id: int, row: RowValues) -> dict[str, Any]:
    return {"unit_id": unit_id, "source": "import", **row_columns(row)}


def _weeks_of(days: Iterable[date]) -> set[tuple[int, int]]:
    week_of = _week_memo()
    return {week_of(day) for day in days}


def _week_memo() -> Callable[[date], tuple[int, int]]:
    """The ISO (year, week) of a day, each day worked out once."""
    known: dict[date, tuple[int, int]] = {}

    def week(day: date) -> tuple[int, int]:
        found = known.get(day)
        if found is None:
            iso = day.isocalendar()
            found = known[day] = (iso.year, iso.week)
        return found

    return week


def _snapshot(values: RowValues) -> dict[str, Any]:
    return {
        "work_date": values.work_date,
        "start": values.start,
        "end": values.end,
        "break_minutes": values.break_minutes,
        "shift_code": values.shift_code,
        "employee_id": values.employee_id,
    }
