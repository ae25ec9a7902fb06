"""The demo unit's dagsuppföljning: covers recorded on past empty rows, the way an EC fills
them – a resurspass that day first, then an hourly-paid person, now and then a part-timer's
mertid or a full-timer's övertid – and some rows left unfilled.

Drawn from the demo's seed and plan only, never the clock. Only rows before the first day of the
period's last month get covers (the demo ends at the current month's end, so that is the past
whatever day the demo is opened), and only in the half year before it, which is what the month
report and Översikt look back on.
"""

from __future__ import annotations

import bisect
import random
from collections import defaultdict
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from enhetschef_app.demo.plan import DemoPlan
from enhetschef_app.demo.schedule import SHIFTS, PlannedShift
from enhetschef_app.demo.staff import StaffRole
from enhetschef_app.domain.cover_candidates import CoverKind, new_rest_breaches
from enhetschef_app.domain.rest_rules import RestLimits
from enhetschef_app.domain.shifts import Shift
from enhetschef_app.storage.bulk import insert_rows
from enhetschef_app.storage.models_schedule import ScheduleCover
from enhetschef_app.storage.queries.schedule_rows import row_ids_of_unit
from enhetschef_app.storage.session import Session

if TYPE_CHECKING:  # demo_unit imports this module for its WRITE_STEPS
    from enhetschef_app.demo.context import WriteContext

WEEKS_BACK = 26
FILL_SHARE = 0.75  # of the empty rows in the window; the rest stay unfilled
OVERTIME_SHARE = 0.25  # when no one cheaper can: how often a full-timer is asked
RECORDED_BY = "demo"
RECORDED_AT = time(6, 30)  # UTC: the early morning in Sweden


def _shift(person: int, row: PlannedShift) -> Shift:
    kind = SHIFTS[row.code]
    return Shift(str(person), row.day, kind.start, kind.end, kind.break_minutes, row.code)


class _CoverPlanner:
    def __init__(self, plan: DemoPlan, rng: random.Random) -> None:
        self.plan = plan
        self.rng = rng
        self.by_day: dict[date, list[PlannedShift]] = defaultdict(list)
        for row in plan.shifts:
            self.by_day[row.day].append(row)
        self.limits = RestLimits()
        self.cutoff = min(plan.end.replace(day=1), plan.today())
        self.first = max(plan.start, self.cutoff - timedelta(weeks=WEEKS_BACK))
        self.people = {p.index: p for p in plan.people}
        self.shifts: dict[int, list[Shift]] = defaultdict(list)
        self.days: dict[int, list[date]] = defaultdict(list)
        for row in plan.shifts:
            if row.person is not None:
                self.shifts[row.person].append(_shift(row.person, row))
        for person, own in self.shifts.items():
            own.sort(key=lambda s: s.start_s)
            self.days[person] = [s.work_date for s in own]
        self.absent: dict[int, list[tuple[date, date]]] = defaultdict(list)
        for spell in plan.absences:
            self.absent[spell.person].append((spell.start, spell.end or plan.end))

    def is_absent(self, person: int, day: date) -> bool:
        return any(first <= day <= last for first, last in self.absent.get(person, ()))

    def around(self, person: int, day: date) -> list[Shift]:
        days = self.days.get(person, [])
        low = bisect.bisect_left(days, day - timedelta(days=8))
        high = bisect.bisect_right(days, day + timedelta(days=8))
        return self.shifts[person][low:high]

    def may_take(self, person: int, row: PlannedShift, giving_up: Shift | None = None) -> bool:
        if not self.people[person].employed_on(row.day) or self.is_absent(person, row.day):
            return False
        added = _shift(person, row)
        kept = [s for s in self.around(person, row.day) if s != giving_up]
        if any(s.start_s < added.end_s and added.start_s < s.end_s for s in kept):
            return False
        if self._run_with(kept, row.day) > self.limits.max_consecutive_days:
            return False  # legal, but an EC asks someone else first
        return not new_rest_breaches(kept, added, self.limits)

    @staticmethod
    def _run_with(kept: list[Shift], day: date) -> int:
        """Days in a row worked if `day` is worked too."""
        worked = {s.work_date for s in kept}
        run = 1
        for step in (-1, 1):
            other = day + timedelta(days=step)
            while other in worked:
                run += 1
                other += timedelta(days=step)
        return run

    def take(self, person: int, row: PlannedShift, giving_up: Shift | None) -> None:
        """The cover becomes part of the person's shifts, so the next row sees it."""
        own = self.shifts[person]
        if giving_up is not None and giving_up in own:
            own.remove(giving_up)
        own.append(_shift(person, row))
        own.sort(key=lambda s: s.start_s)
        self.days[person] = [s.work_date for s in own]

    def choose(
        self, row: PlannedShift, resurs_rows: list[PlannedShift]
    ) -> tuple[int, CoverKind, PlannedShift | None] | None:
        for resurs in resurs_rows:
            assert resurs.person is not None
            if self.may_take(resurs.person, row, _shift(resurs.person, resurs)):
                return resurs.person, CoverKind.RESURSPASS, resurs
        working = {s.person for s in self.by_day.get(row.day, ()) if s.person is not None}
        free = [p for p in self.people.values() if p.index not in working]
        self.rng.shuffle(free)
        order = (
            [p for p in free if p.role is StaffRole.HOURLY]
            + [p for p in free if p.is_monthly_paid and (p.grade_percent or 0) < 100]
            + [p for p in free if p.is_monthly_paid and p.grade_percent == 100]
        )
        for person in order:
            full_time = person.is_monthly_paid and person.grade_percent == 100
            if full_time and self.rng.random() >= OVERTIME_SHARE:
                continue
            if person.role is StaffRole.NIGHT and row.code != "N":
                continue
            if self.may_take(person.index, row):
                if person.role is StaffRole.HOURLY:
                    kind = CoverKind.HOURLY
                elif full_time or row.day.weekday() >= 5:
                    kind = CoverKind.OVERTIME
                else:
                    kind = CoverKind.MERTID
                return person.index, kind, None
        return None


def write_demo_covers(session: Session, plan: DemoPlan, ctx: WriteContext) -> None:
    planner = _CoverPlanner(plan, random.Random(f"enhetschef-demo:{plan.spec.seed}:ersattare"))
    row_ids = row_ids_of_unit(session, ctx.unit_id)
    if len(row_ids) != len(plan.shifts):
        return  # the schedule was not written by this plan: nothing to cover
    id_of = {id(row): row_id for row, row_id in zip(plan.shifts, row_ids, strict=True)}
    covers: list[dict[str, object]] = []
    day = planner.first
    while day < planner.cutoff:
        rows = planner.by_day.get(day, [])
        resurs = [
            r
            for r in rows
            if r.code == "R" and r.person is not None and not planner.is_absent(r.person, day)
        ]
        empty = [
            r
            for r in rows
            if r.code != "R" and (r.person is None or planner.is_absent(r.person, day))
        ]
        for row in empty:
            if planner.rng.random() >= FILL_SHARE:
                continue
            chosen = planner.choose(row, resurs)
            if chosen is None:
                continue
            person, kind, given_up = chosen
            if given_up is not None:
                resurs.remove(given_up)
            planner.take(person, row, _shift(person, given_up) if given_up else None)
            covers.append(
                {
                    "unit_id": ctx.unit_id,
                    "row_id": id_of[id(row)],
                    "employee_id": ctx.employee_ids[person],
                    "kind": kind.value,
                    "released_row_id": id_of[id(given_up)] if given_up is not None else None,
                    "recorded_by": RECORDED_BY,
                    # Decided the morning of the day, as an EC does: from the plan, not the clock.
                    "recorded_at": datetime.combine(day, RECORDED_AT, tzinfo=UTC),
                }
            )
        day += timedelta(days=1)
    insert_rows(session, ScheduleCover, covers)
