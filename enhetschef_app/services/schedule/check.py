"""Checking the schedule against the rest and working-time rules, as planned or as it turned out
(`enhetschef check-schedule`, the Schema page's marks, Översikt's list)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from enhetschef_app.domain.errors import UserError
from enhetschef_app.domain.rest_rules import (
    Breach,
    RestLimits,
    RestRule,
    average_periods,
    check_rest_rules,
)
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.schedule.state import ScheduleState, read_state

MAX_DAYS = 3 * 366
# Rules a week's view can check from a few weeks of shifts (the 48-hour average needs months).
WEEK_RULES = tuple(r for r in RestRule if r is not RestRule.AVERAGE_48H)


@dataclass(frozen=True)
class BreachView:
    breach: Breach
    employee_name: str

    @property
    def text(self) -> str:
        return self.breach.explain()

    def as_dict(self) -> dict[str, Any]:
        """The JSON of `check-schedule`: exactly these keys (a contract)."""
        b = self.breach
        return {
            "employee_no": b.employee_no,
            "rule": b.rule.value,
            "date": b.date.isoformat(),
            "hours": b.found,
            "limit": b.limit,
            "shifts": [
                {"start": s.start_at.isoformat(), "end": s.end_at.isoformat()} for s in b.shifts
            ],
        }


@dataclass(frozen=True)
class ScheduleCheck:
    first: date
    last: date
    actual: bool  # True: the schedule as it turned out (covers and absences applied)
    breaches: tuple[BreachView, ...]

    @property
    def schedule_label(self) -> str:
        return "faktiskt schema" if self.actual else "planerat schema"


def loaded_period(
    first: date, last: date, rules: Collection[RestRule], average_months: int = 4
) -> tuple[date, date]:
    """The days of shifts the rules need around first..last: two weeks before (a run of days
    and the weekly rest reach back), and for the 48-hour average every calculation period
    that overlaps first..last, whole."""
    start = first - timedelta(days=14)
    end = last + timedelta(days=8)
    if RestRule.AVERAGE_48H in rules:
        periods = average_periods(first, last, average_months)
        start = min(start, periods[0][0])
        end = max(end, periods[-1][1])
    return start, end


def breaches_in(
    state: ScheduleState,
    first: date,
    last: date,
    limits: RestLimits,
    *,
    actual: bool,
    rules: Collection[RestRule] | None = None,
) -> list[BreachView]:
    names = {m.employee_no: m.name for m in state.staff.values()}
    found = check_rest_rules(
        state.shifts(actual=actual), first, last, limits, state.week_limits(), rules=rules
    )
    return [BreachView(b, names.get(b.employee_no, "")) for b in found]


@use_case
def check_schedule(
    workspace: Workspace, first: date, last: date, *, actual: bool = False
) -> ScheduleCheck:
    if last < first:
        raise UserError(
            f"Perioden slutar ({last.isoformat()}) före den börjar ({first.isoformat()})."
        )
    if (last - first).days > MAX_DAYS:
        raise UserError("Kontrollera högst tre år åt gången.")
    limits = RestLimits.from_settings(rule_settings(workspace))
    start, end = loaded_period(first, last, list(RestRule), limits.average_months)
    state = read_state(workspace, start, end)
    found = breaches_in(state, first, last, limits, actual=actual)
    return ScheduleCheck(first, last, actual, tuple(found))
