"""The estimated personnel cost of a month, and the year against the budget.

The inputs are read per period in a few queries (`storage.queries.economy`) and handed to the
domain (`domain.economy`), which makes every cost line with its inputs. Övertid and mertid cost
what their decisions recorded, through the overtime rules' own cost (`domain.overtime.cost_of`).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal
from functools import lru_cache

from enhetschef_app.domain.calendar import today
from enhetschef_app.domain.economy import (
    EconomyRules,
    MonthCost,
    OvertimeMoney,
    PersonMonth,
    SickDay,
    kronor_of_ore,
    month_cost,
    sick_days_for_month,
)
from enhetschef_app.domain.economy_year import (
    BudgetFigures,
    EconomyMonth,
    EconomyYear,
    cost_source,
    economy_year,
)
from enhetschef_app.domain.month_rows import dst_change_days
from enhetschef_app.domain.shifts import Shift
from enhetschef_app.domain.staff import EmploymentForm, minutes_to_hours
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.storage.queries.economy import (
    PersonOvertime,
    absences_until,
    approved_overtime_by_month,
    approved_overtime_by_person,
    budget_months,
    employees_in_period,
    worked_minutes_by_day,
    worked_rows,
)
from enhetschef_app.storage.queries.month_reports import month_reports_between
from enhetschef_app.storage.session import Session

SICK = "sjuk"
# The sjuklöneperiod's first 14 days decide the karensavdrag: the sick days this far back are
# costed by their scheduled hours, older ones are only counted.
SICK_LOOKBACK = timedelta(days=120)


Person = tuple[
    int,
    str,
    EmploymentForm,
    Decimal | None,
    Decimal,
    Decimal | None,
    Decimal | None,
    date | None,
    date | None,
]


@dataclass(frozen=True)
class _PeriodData:
    """The period's inputs, indexed once for the months computed from them."""

    first: date
    last: date
    employees: list[Person]
    scheduled: dict[tuple[int, date], int]  # own rows' worked minutes per person and day
    covered: dict[tuple[int, date], int]  # rows covered as timavlönad
    absent: dict[tuple[int, date], int]  # percent absent, any kind
    sick: dict[int, list[tuple[date, int]]]  # percent sick per day up to `last`, sorted


@lru_cache(maxsize=16384)
def _worked_minutes(day: date, start: time, end: time, break_minutes: int) -> int:
    # A year's rows repeat a few shifts on each day; the shift's length (clock changes
    # included) is worked out once per day and shift, not for each of some 16 000 rows.
    return int(Shift("", day, start, end, break_minutes).worked_s // 60)


def _read(
    session: Session, unit_id: int, first: date, last: date, fulltime: Decimal
) -> _PeriodData:
    employees: list[Person] = [
        (
            e.id,
            e.name,
            EmploymentForm(e.employment_form),
            e.grade_percent,
            minutes_to_hours(e.fulltime_week_minutes)
            if e.fulltime_week_minutes is not None
            else fulltime,
            Decimal(e.monthly_salary) if e.monthly_salary is not None else None,
            kronor_of_ore(e.hourly_rate_ore),
            e.start_date,
            e.end_date,
        )
        for e in employees_in_period(session, unit_id, first, last)
    ]
    scheduled: dict[tuple[int, date], int] = defaultdict(int)
    covered: dict[tuple[int, date], int] = defaultdict(int)
    start = first - SICK_LOOKBACK
    # Summed per person and day in SQL; the rows on the nights the clocks change are read
    # one by one, for their real length.
    clock_days = [
        d for year in range(start.year, last.year + 1) for d in dst_change_days(year)
        if start <= d <= last
    ]  # fmt: skip
    on_day = [start + timedelta(days=n) for n in range((last - start).days + 1)]
    for employee_id, offset, is_cover, minutes in worked_minutes_by_day(
        session, unit_id, start, last, clock_days
    ):
        target = covered if is_cover else scheduled
        target[(employee_id, on_day[offset])] += minutes
    for row in worked_rows(session, unit_id, start, last, clock_days):
        worked = _worked_minutes(row.work_date, row.start, row.end, row.break_minutes)
        target = covered if row.covered else scheduled
        target[(row.employee_id, row.work_date)] += worked
    absent: dict[tuple[int, date], int] = defaultdict(int)
    sick: dict[int, dict[date, int]] = defaultdict(dict)
    for span in absences_until(session, unit_id, last):
        end = min(span.end or last, last)  # an open spell goes on
        if span.kind == SICK:
            days = sick[span.employee_id]
            for day in _days(span.start, end):
                days[day] = min(days.get(day, 0) + span.extent_percent, 100)
        for day in _days(max(span.start, first), end):
            key = (span.employee_id, day)
            absent[key] = min(absent[key] + span.extent_percent, 100)
    by_day = {employee_id: sorted(days.items()) for employee_id, days in sick.items()}
    return _PeriodData(first, last, employees, scheduled, covered, absent, by_day)


def _days(first: date, last: date) -> Iterable[date]:
    for offset in range((last - first).days + 1):
        yield first + timedelta(days=offset)


def _overtime_money(found: PersonOvertime | None) -> OvertimeMoney:
    if found is None:
        return OvertimeMoney()
    return OvertimeMoney(
        mertid=kronor_of_ore(found.cost_mertid_ore) or Decimal(0),
        simple=kronor_of_ore(found.cost_simple_ore) or Decimal(0),
        qualified=kronor_of_ore(found.cost_qualified_ore) or Decimal(0),
        mertid_minutes=found.minutes_mertid,
        simple_minutes=found.minutes_simple,
        qualified_minutes=found.minutes_qualified,
    )


def _people(
    data: _PeriodData, month: YearMonth, overtime: dict[int, PersonOvertime]
) -> list[PersonMonth]:
    people: list[PersonMonth] = []
    horizon = month.first - SICK_LOOKBACK
    last = month.last
    month_days = list(_days(month.first, last))
    for employee_id, name, form, grade, fulltime, salary, rate, start, end in data.employees:
        worked = 0
        for day in month_days:
            key = (employee_id, day)
            own = data.scheduled.get(key, 0)
            absent = data.absent.get(key, 0)
            if own:
                worked += own * (100 - absent) // 100
            if key in data.covered and absent < 100:
                worked += data.covered[key]
        sick_days = tuple(
            SickDay(
                day,
                data.scheduled.get((employee_id, day), 0) * percent // 100 if day >= horizon else 0,
            )
            for day, percent in sick_days_for_month(
                data.sick.get(employee_id, []), month.first, last
            )
        )
        people.append(
            PersonMonth(
                employee_id=employee_id,
                name=name,
                form=form,
                grade_percent=grade,
                fulltime_week_hours=fulltime,
                monthly_salary=salary,
                hourly_rate=rate,
                start=start,
                end=end,
                worked_minutes=worked,
                sick_days=sick_days,
                overtime=_overtime_money(overtime.get(employee_id)),
            )
        )
    return people


def _cost(
    session: Session, unit_id: int, data: _PeriodData, month: YearMonth, rules: EconomyRules
) -> MonthCost:
    overtime = approved_overtime_by_person(session, unit_id, month.first, month.last)
    return month_cost(month, _people(data, month, overtime), rules)


def month_cost_of(
    session: Session, unit_id: int, month: YearMonth, rules: EconomyRules, fulltime: Decimal
) -> MonthCost:
    data = _read(session, unit_id, month.first, month.last, fulltime)
    return _cost(session, unit_id, data, month, rules)


@use_case
def economy_rules(workspace: Workspace) -> EconomyRules:
    return EconomyRules.from_settings(rule_settings(workspace))


@use_case
def estimate_month(workspace: Workspace, year: int, month: int) -> MonthCost:
    """The month's estimated cost: every line with its inputs, and the gaps."""
    unit = workspace.require_unit()
    settings = rule_settings(workspace)
    rules = EconomyRules.from_settings(settings)
    fulltime = settings.decimal("unit.fulltime_week_hours")
    with workspace.transaction() as session:
        return month_cost_of(session, unit.id, YearMonth(year, month), rules, fulltime)


@dataclass(frozen=True)
class EconomyYearView:
    year: EconomyYear
    costs: dict[int, MonthCost]  # month number → the app's cost of the month (those computed)
    rules: EconomyRules
    as_of: date

    def cost_of(self, month: int) -> MonthCost:
        return self.costs[month]


@dataclass(frozen=True)
class RecordedCost:
    """The app's cost of a month marked klar, as it was recorded then (`reported_json`)."""

    estimate: Decimal
    fte: Decimal
    fixed_share_percent: Decimal | None


def recorded_costs(
    session: Session, unit_id: int, months: list[YearMonth]
) -> dict[str, RecordedCost]:
    """The months marked klar whose record holds the economy's figures (a month closed before
    the economy was part of the summary has none, and is computed)."""
    found: dict[str, RecordedCost] = {}
    for row in month_reports_between(session, unit_id, months[0].label, months[-1].label):
        if row.closed_at is None or not row.reported_json:
            continue
        stored = json.loads(row.reported_json)
        try:
            estimate = stored["inputs"]["personnel_cost"]["estimate"]
            fte = stored["values"]["fte_actual"]
            share = stored["values"]["fixed_share_percent"]
        except (KeyError, TypeError):
            continue
        if estimate is None or fte is None:
            continue
        found[row.month] = RecordedCost(
            Decimal(estimate), Decimal(fte), None if share is None else Decimal(share)
        )
    return found


@use_case
def year_view(
    workspace: Workspace, year: int, as_of: date | None = None, *, detail: int | None = None
) -> EconomyYearView:
    """The year month by month: budget, utfall or estimate, deviation and the prognos.

    Without `detail` every month is computed with all its lines (the Ekonomi page shows any
    of them). With `detail` (a month number) only that month is computed in full; the others
    that are marked klar give the cost recorded when they were (the same figure the month
    report shows as reported), and only the open ones are computed: the month summary, Översikt
    and Förvaltning need the year's sums and one month's lines.
    """
    unit = workspace.require_unit()
    settings = rule_settings(workspace)
    rules = EconomyRules.from_settings(settings)
    fulltime = settings.decimal("unit.fulltime_week_hours")
    day = as_of or today()
    current = YearMonth.of(day)
    months = [YearMonth(year, n) for n in range(1, 13)]
    costs: dict[int, MonthCost] = {}
    found: list[EconomyMonth] = []
    with workspace.transaction() as session:
        stored = budget_months(session, unit.id, [m.label for m in months])
        recorded = {} if detail is None else recorded_costs(session, unit.id, months)
        computed = [m for m in months if m.month == detail or m.label not in recorded]
        if computed:
            data = _read(session, unit.id, computed[0].first, computed[-1].last, fulltime)
            overtime = approved_overtime_by_month(
                session, unit.id, computed[0].first, computed[-1].last
            )
            for month in computed:
                costs[month.month] = month_cost(
                    month, _people(data, month, overtime.get(month.label, {})), rules
                )
        for month in months:
            row = stored.get(month.label)
            figures = (
                BudgetFigures()
                if row is None
                else BudgetFigures(
                    kronor_of_ore(row.cost_ore), row.fte, kronor_of_ore(row.outcome_ore)
                )
            )
            cost = costs.get(month.month)
            kept = recorded.get(month.label)
            if cost is not None:
                estimate, fte, share = cost.total, cost.fte, cost.fixed_share_percent
            else:
                assert kept is not None
                estimate, fte, share = kept.estimate, kept.fte, kept.fixed_share_percent
            found.append(
                EconomyMonth(
                    month=month,
                    budget=figures.cost,
                    fte_budget=figures.fte,
                    estimate=estimate,
                    outcome=figures.outcome,
                    source=cost_source(month, current, figures.outcome),
                    fte_actual=fte,
                    fixed_share_percent=share,
                )
            )
    return EconomyYearView(economy_year(year, found), costs, rules, day)
