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

from enhetschef_app.services.demo_absences import PlannedAbsence, plan_absences
from enhetschef_app.services.demo_schedule import (
    SHIFT_TYPES,
    NeedBand,
    PlannedShift,
    ShiftDef,
    plan_schedule,
    staffing_need,
    work_days,
)
from enhetschef_app.services.demo_staff import DemoPerson, generate_staff


@dataclass(frozen=True)
class DemoSpec:
    staff: int  # positions, so people employed on any day of the period
    weeks: int
    end: date  # the period's last day
    seed: int = 1
    unit_code: str = "DEMO"

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


BuildStep = Callable[[DemoPlan, random.Random], None]


def _build_staff(plan: DemoPlan, rng: random.Random) -> None:
    plan.people = generate_staff(rng, plan.spec.staff, plan.start, plan.end)


def _build_need(plan: DemoPlan, rng: random.Random) -> None:
    plan.shift_types = SHIFT_TYPES
    plan.needs = staffing_need(plan.people, plan.start, plan.spec.staff)


def _build_schedule(plan: DemoPlan, rng: random.Random) -> None:
    plan.shifts = plan_schedule(rng, plan.people, plan.needs, plan.start, plan.end)


def _build_absences(plan: DemoPlan, rng: random.Random) -> None:
    plan.absences = plan_absences(rng, plan.people, work_days(plan.shifts), plan.start, plan.end)


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
