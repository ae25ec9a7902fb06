"""The unit's schedule over a period, planned and actual, as the schedule pages and checks
read it: rows with their state (staffed, vacant, absent, covered), the staff, their absences.

Read-side only: one function loads everything a page needs in one session; the domain decides
what is empty and what is worked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from functools import cached_property

from enhetschef_app.domain.actual_schedule import (
    Absences,
    CoverRecord,
    RowShift,
    RowStatus,
    actual_shifts,
    planned_shifts,
    row_states,
)
from enhetschef_app.domain.shift_kinds import ShiftKind
from enhetschef_app.domain.shifts import Shift
from enhetschef_app.domain.staff import EmploymentForm, minutes_to_hours
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import UnitRef, Workspace, use_case
from enhetschef_app.storage.queries.overtime import approved_extra_work
from enhetschef_app.storage.queries.schedule_rows import (
    absences_between,
    covers_of_rows,
    covers_of_unit_rows,
    rows_covered_elsewhere,
    shift_kinds,
    staff_of_unit,
    unit_rows,
)
from enhetschef_app.storage.session import Session


@dataclass(frozen=True)
class StaffMember:
    id: int
    employee_no: str
    name: str
    unit_id: int
    form: EmploymentForm
    grade_percent: Decimal | None
    fulltime_week_hours: Decimal
    start: date | None
    end: date | None

    def employed_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)

    def employed_during(self, first: date, last: date) -> bool:
        return (self.start is None or self.start <= last) and (
            self.end is None or first <= self.end
        )

    @property
    def fulltime_week(self) -> timedelta:
        return timedelta(minutes=float(self.fulltime_week_hours * 60))


def staff_member(
    row: tuple[int, str, str, str, Decimal | None, int | None, date | None, date | None],
    unit_id: int,
    unit_fulltime: Decimal,
) -> StaffMember:
    """A row of `staff_of_unit` as the rules see the person."""
    employee_id, number, name, form, grade, own, start, end = row
    return StaffMember(
        id=employee_id,
        employee_no=number,
        name=name,
        unit_id=unit_id,
        form=EmploymentForm(form),
        grade_percent=grade,
        fulltime_week_hours=minutes_to_hours(own) if own is not None else unit_fulltime,
        start=start,
        end=end,
    )


@dataclass
class ScheduleState:
    unit: UnitRef
    first: date
    last: date
    rows: list[RowShift]  # the unit's rows, then rows elsewhere its staff cover
    covers: list[CoverRecord]  # of those rows
    staff: dict[int, StaffMember]  # the unit's employees by id
    absences: Absences
    kinds: dict[str, ShiftKind]
    own_row_ids: frozenset[int]
    # Approved övertid and mertid not made from a cover: worked time as it turned out.
    extra_work: tuple[Shift, ...] = ()

    @cached_property
    def statuses(self) -> list[RowStatus]:
        """Each row with its state, in the order of `rows`; worked out when first asked for (the
        schedule as planned needs none of it)."""
        return row_states(self.rows, self.covers, self.absences)

    def own_statuses(self) -> list[RowStatus]:
        return [s for s in self.statuses if s.row.row_id in self.own_row_ids]

    def shifts(self, *, actual: bool) -> list[Shift]:
        """The unit's staff's shifts, as planned or as they turn out."""
        if actual:
            found = actual_shifts(self.statuses) + list(self.extra_work)
        else:
            found = planned_shifts(r for r in self.rows if r.row_id in self.own_row_ids)
        numbers = {m.employee_no for m in self.staff.values()}
        return [s for s in found if s.employee_no in numbers]

    def week_limits(self) -> dict[str, timedelta]:
        """Each employee's full-time week: more scheduled than that is a breach to show."""
        return {m.employee_no: m.fulltime_week for m in self.staff.values()}

    def kind_of(self, row: RowShift) -> ShiftKind:
        if row.is_resurspass:
            return ShiftKind.RESOURCE
        return self.kinds.get(row.code or "", ShiftKind.OTHER)


def load_state(
    session: Session, unit: UnitRef, first: date, last: date, unit_fulltime: Decimal
) -> ScheduleState:
    staff = {
        row[0]: staff_member(row, unit.id, unit_fulltime) for row in staff_of_unit(session, unit.id)
    }
    own_rows = unit_rows(session, unit.id, first, last)
    elsewhere = rows_covered_elsewhere(session, unit.id, staff, first, last) if staff else []
    rows = own_rows + elsewhere
    covers = covers_of_unit_rows(session, unit.id, first, last)
    if elsewhere:
        covers += covers_of_rows(session, [r.row_id for r in elsewhere])
    people = set(staff) | {c.employee_id for c in covers}
    people |= {r.employee_id for r in rows if r.employee_id is not None}
    absences = Absences(absences_between(session, people, first, last))
    numbers = {m.id: m.employee_no for m in staff.values()}
    return ScheduleState(
        unit=unit,
        first=first,
        last=last,
        rows=rows,
        covers=covers,
        staff=staff,
        absences=absences,
        kinds=shift_kinds(session, unit.id),
        own_row_ids=frozenset(r.row_id for r in own_rows),
        extra_work=tuple(approved_extra_work(session, numbers, first, last)),
    )


@use_case
def read_state(workspace: Workspace, first: date, last: date) -> ScheduleState:
    unit = workspace.require_unit()
    fulltime = rule_settings(workspace).decimal("unit.fulltime_week_hours")
    with workspace.transaction() as session:
        return load_state(session, unit, first, last, fulltime)
