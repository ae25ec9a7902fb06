"""`enhetschef demo`: a realistic, deterministic demo unit written to the database.

The unit is planned in memory first (`demo_plan`), then written in one transaction: staff,
shift types, staffing need, the schedule (bulk inserts) and absences, and one audit entry.
It refuses a unit that already holds data, so a real unit is never mixed with made-up people.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from enhetschef_app.demo.care_talks import write_demo_care_talks
from enhetschef_app.demo.context import WriteContext
from enhetschef_app.demo.economy import write_demo_economy
from enhetschef_app.demo.incidents import write_demo_incidents
from enhetschef_app.demo.month import write_demo_month_reports
from enhetschef_app.demo.overtime import write_demo_overtime
from enhetschef_app.demo.people import write_demo_people
from enhetschef_app.demo.plan import DemoPlan, DemoSpec, build_demo_plan
from enhetschef_app.demo.schedule import SHIFTS
from enhetschef_app.demo.schedule_followup import write_demo_covers
from enhetschef_app.domain.date_bounds import bounds_text, within_bounds
from enhetschef_app.domain.errors import UserError
from enhetschef_app.domain.file_names import normalise_unit_code
from enhetschef_app.services.core.workspace import UnitRef, Workspace, ensure_unit_in
from enhetschef_app.storage import audit
from enhetschef_app.storage.bulk import insert_rows
from enhetschef_app.storage.models import (
    Absence,
    Employee,
    ScheduleRow,
    ShiftType,
    StaffingNeed,
)
from enhetschef_app.storage.queries.unit_content import unit_row_counts
from enhetschef_app.storage.queries.units import unit_by_code
from enhetschef_app.storage.session import Session

__all__ = ["DemoSpec", "DemoSummary", "generate_demo_unit"]

DEMO_UNIT_NAME = "Solgårdens vård- och omsorgsboende (demo)"
MIN_STAFF = 5
MAX_STAFF = 2000
MAX_WEEKS = 520


def _grouped(number: int) -> str:
    return f"{number:,}".replace(",", " ")


@dataclass(frozen=True)
class DemoSummary:
    unit_code: str
    unit_name: str
    start: date
    end: date
    seed: int
    staff: int  # employed on the period's last day
    leavers: int  # whose employment ended within the period
    employees: int  # everyone saved, leavers included
    schedule_rows: int
    vacant_rows: int
    absences: int
    headcount_by_form: dict[str, int] = field(default_factory=dict)

    def describe(self) -> str:
        left = f" och {self.leavers} som slutat under perioden" if self.leavers else ""
        return (
            f"Demoenheten {self.unit_code} skapad: {_grouped(self.staff)} anställda{left}, "
            f"{_grouped(self.schedule_rows)} schemarader ({_grouped(self.vacant_rows)} vakanta), "
            f"{_grouped(self.absences)} frånvaroposter, "
            f"{self.start.isoformat()}–{self.end.isoformat()}."
        )

    def as_dict(self) -> dict[str, Any]:
        return {
            "unit_code": self.unit_code,
            "unit_name": self.unit_name,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "seed": self.seed,
            "staff": self.staff,
            "leavers": self.leavers,
            "employees": self.employees,
            "schedule_rows": self.schedule_rows,
            "vacant_rows": self.vacant_rows,
            "absences": self.absences,
            "headcount_by_form": dict(self.headcount_by_form),
        }


def summarize(plan: DemoPlan, unit: UnitRef) -> DemoSummary:
    at_end = [p for p in plan.people if p.employed_on(plan.end)]
    return DemoSummary(
        unit_code=unit.code,
        unit_name=unit.name,
        start=plan.start,
        end=plan.end,
        seed=plan.spec.seed,
        staff=len(at_end),
        leavers=sum(1 for p in plan.people if p.end is not None and p.end < plan.end),
        employees=len(plan.people),
        schedule_rows=len(plan.shifts),
        vacant_rows=sum(1 for s in plan.shifts if s.person is None),
        absences=len(plan.absences),
        headcount_by_form=dict(sorted(Counter(p.form.value for p in at_end).items())),
    )


WriteStep = Callable[[Session, DemoPlan, WriteContext], None]


def _write_staff(session: Session, plan: DemoPlan, ctx: WriteContext) -> None:
    employees = [
        Employee(
            unit_id=ctx.unit_id,
            employee_no=p.employee_no,
            name=p.name,
            employment_form=p.form.value,
            grade_percent=p.grade_percent,
            fulltime_week_minutes=p.fulltime_week_minutes,
            monthly_salary=p.monthly_salary,
            start_date=p.start,
            end_date=p.end,
            end_reason=p.end_reason.value if p.end_reason else None,
        )
        for p in plan.people
    ]
    session.add_all(employees)
    session.flush()
    ctx.employee_ids = {p.index: e.id for p, e in zip(plan.people, employees, strict=True)}


def _write_shift_types(session: Session, plan: DemoPlan, ctx: WriteContext) -> None:
    insert_rows(
        session,
        ShiftType,
        [
            {
                "unit_id": ctx.unit_id,
                "code": s.code,
                "name": s.name,
                "start_time": s.start,
                "end_time": s.end,
                "break_minutes": s.break_minutes,
                "kind": s.kind,
            }
            for s in plan.shift_types
        ],
    )


def _write_needs(session: Session, plan: DemoPlan, ctx: WriteContext) -> None:
    insert_rows(
        session,
        StaffingNeed,
        [
            {
                "unit_id": ctx.unit_id,
                "weekday": n.weekday,
                "band_start": n.start,
                "band_end": n.end,
                "staff_count": n.staff_count,
            }
            for n in plan.needs
        ],
    )


def _write_schedule(session: Session, plan: DemoPlan, ctx: WriteContext) -> None:
    ids = ctx.employee_ids
    rows = []
    for shift in plan.shifts:
        kind = SHIFTS[shift.code]
        rows.append(
            {
                "unit_id": ctx.unit_id,
                "work_date": shift.day,
                "start_time": kind.start,
                "end_time": kind.end,
                "break_minutes": kind.break_minutes,
                "shift_code": kind.code,
                "employee_id": None if shift.person is None else ids[shift.person],
                "source": "demo",
            }
        )
    insert_rows(session, ScheduleRow, rows)


def _write_absences(session: Session, plan: DemoPlan, ctx: WriteContext) -> None:
    rows = [
        {
            "employee_id": ctx.employee_ids[a.person],
            "kind": a.kind,
            "start_date": a.start,
            "end_date": a.end,
            "extent_percent": a.extent_percent,
        }
        for a in plan.absences
    ]
    insert_rows(session, Absence, rows)


# In order (employees first: the rest refers to their ids). New areas add their writer last.
WRITE_STEPS: tuple[WriteStep, ...] = (
    _write_staff,
    _write_shift_types,
    _write_needs,
    _write_schedule,
    _write_absences,
    write_demo_incidents,
    write_demo_people,
    write_demo_care_talks,
    write_demo_covers,
    write_demo_overtime,  # after the covers: their övertid becomes requests
    write_demo_month_reports,
    write_demo_economy,  # last: it costs what the others wrote
)


def _check_spec(spec: DemoSpec) -> None:
    if not MIN_STAFF <= spec.staff <= MAX_STAFF:
        raise UserError(f"Ange mellan {MIN_STAFF} och {MAX_STAFF} anställda (--staff).")
    if not 1 <= spec.weeks <= MAX_WEEKS:
        raise UserError(f"Ange mellan 1 och {MAX_WEEKS} veckor (--weeks).")
    if not within_bounds(spec.end) or not within_bounds(spec.end - timedelta(weeks=spec.weeks)):
        raise UserError(f"Demoenhetens period måste ligga inom {bounds_text()} (--end).")


def _refuse_if_not_empty(session: Session, unit: UnitRef) -> None:
    counts = unit_row_counts(session, unit.id)
    if counts["employees"]:
        raise UserError(
            f"Enheten {unit.code} har redan {counts['employees']} anställda. En demoenhet skapas "
            "bara i en tom enhet: välj en annan kod med --unit eller en ny databasfil med --db."
        )
    if any(counts.values()):
        raise UserError(
            f"Enheten {unit.code} har redan passtyper, bemanningsbehov eller schema. En demoenhet "
            "skapas bara i en tom enhet: välj en annan kod med --unit eller en ny databasfil med "
            "--db."
        )


def generate_demo_unit(
    workspace: Workspace,
    spec: DemoSpec,
    report: Callable[[int, int, str], None] | None = None,
) -> DemoSummary:
    """Creates the unit (if new) and fills it; the same spec always gives the same data.

    `report(done, total, text)` hears of each step (planning, then each area written), for a
    window that shows how far it has come."""
    _check_spec(spec)
    total = len(WRITE_STEPS) + 1
    tell = report or (lambda _done, _total, _text: None)
    code = normalise_unit_code(spec.unit_code)
    with workspace.transaction() as session:  # refuse before the seconds of planning
        existing = unit_by_code(session, code)
        if existing is not None:
            _refuse_if_not_empty(session, UnitRef(existing.id, existing.code, existing.name))
    tell(0, total, "Planerar demoenheten …")
    plan = build_demo_plan(spec)
    # The unit is made in the same unit of work as its content: a demo that fails leaves
    # nothing behind, not an empty unit that every later command would have to name.
    with workspace.transaction() as session:
        unit = ensure_unit_in(session, workspace.actor, code, DEMO_UNIT_NAME)
        _refuse_if_not_empty(session, unit)
        summary = summarize(plan, unit)
        ctx = WriteContext(unit_id=unit.id)
        for done, step in enumerate(WRITE_STEPS, start=1):
            tell(done, total, f"Skriver demoenheten ({done} av {len(WRITE_STEPS)}) …")
            step(session, plan, ctx)
        tell(total, total, "Sparar …")
        audit.record(
            session,
            actor=workspace.actor,
            action="skapa_demoenhet",
            entity="enhet",
            entity_id=unit.id,
            unit_id=unit.id,
            after={**summary.as_dict(), "weeks": spec.weeks, "requested_staff": spec.staff},
        )
    return summary
