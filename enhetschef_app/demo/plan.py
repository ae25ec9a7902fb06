"""What a demo unit holds, built step by step before anything is written.

Each step adds its part to the plan with its own random generator, seeded from the demo's seed
and the step's name, never from the clock: the same arguments give the same unit, and a step
added later (overtime, avvikelser, medarbetarsamtal) leaves the earlier steps' data unchanged.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from enhetschef_app.demo.absences import PlannedAbsence, plan_absences
from enhetschef_app.demo.schedule import (
    SHIFT_TYPES,
    NeedBand,
    PlannedShift,
    ShiftDef,
    plan_schedule,
    staffing_need,
    work_days,
)
from enhetschef_app.demo.staff import DemoPerson, generate_staff


@dataclass(frozen=True)
class DemoSpec:
    staff: int  # positions, so people employed on any day of the period
    weeks: int
    end: date  # the period's last day
    seed: int = 1
    unit_code: str = "DEMO"
    # The day the demo is made (None: the period's end). Nothing that happens is recorded after
    # it; only the schedule, booked talks and planned leave lie ahead.
    today: date | None = None

    @property
    def start(self) -> date:
        """The first day of the `weeks` whole weeks that end on `end`."""
        return self.end - timedelta(days=7 * self.weeks - 1)


@dataclass
class DemoPlan:
    spec: DemoSpec
    people: list[DemoPerson] = field(default_factory=list)
    shift_types: tuple[ShiftDef, ...] = ()
    needs: list[NeedBand] = field(default_factory=list)
    shifts: list[PlannedShift] = field(default_factory=list)
    absences: list[PlannedAbsence] = field(default_factory=list)

    @property
    def start(self) -> date:
        return self.spec.start

    @property
    def end(self) -> date:
        return self.spec.end

    def today(self, days_before_end: int = 0) -> date:
        """The demo's "today" for records that lie `days_before_end` days before the period's
        end (so that they are in the past on any day of its last month), never after the day
        the demo is made."""
        day = self.end - timedelta(days=days_before_end)
        return day if self.spec.today is None else min(day, self.spec.today)


BuildStep = Callable[[DemoPlan, random.Random], None]


def _build_staff(plan: DemoPlan, rng: random.Random) -> None:
    plan.people = generate_staff(rng, plan.spec.staff, plan.start, plan.end)


def _build_need(plan: DemoPlan, rng: random.Random) -> None:
    plan.shift_types = SHIFT_TYPES
    plan.needs = staffing_need(plan.people, plan.start, plan.spec.staff)


def _build_schedule(plan: DemoPlan, rng: random.Random) -> None:
    plan.shifts = plan_schedule(rng, plan.people, plan.needs, plan.start, plan.end)


def _build_absences(plan: DemoPlan, rng: random.Random) -> None:
    found = plan_absences(rng, plan.people, work_days(plan.shifts), plan.start, plan.end)
    plan.absences = [kept for a in found if (kept := _as_known_on(a, plan.today())) is not None]


# Leave that is applied for and granted ahead; everything else is known only once it happens.
PLANNED_LEAVE = frozenset({"semester", "tjanstledig", "foraldraledig", "utbildning", "komp"})


def _as_known_on(absence: PlannedAbsence, today: date) -> PlannedAbsence | None:
    """The absence as the EC knows it on `today`: planned leave whole; a sickness (or other
    absence that happens) not before it starts, and going on, without an end, if it lasts past
    today."""
    if absence.kind in PLANNED_LEAVE or (absence.end is not None and absence.end <= today):
        return absence
    if absence.start > today:
        return None
    return PlannedAbsence(absence.person, absence.kind, absence.start, None, absence.extent_percent)


# In order; a later step may read what the earlier ones made. New steps go at the end.
BUILD_STEPS: tuple[tuple[str, BuildStep], ...] = (
    ("personal", _build_staff),
    ("bemanningsbehov", _build_need),
    ("schema", _build_schedule),
    ("franvaro", _build_absences),
)


def build_demo_plan(
    spec: DemoSpec, steps: Sequence[tuple[str, BuildStep]] = BUILD_STEPS
) -> DemoPlan:
    plan = DemoPlan(spec)
    for name, step in steps:
        step(plan, random.Random(f"enhetschef-demo:{spec.seed}:{name}"))
    return plan
