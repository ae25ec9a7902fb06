"""The estimated personnel cost of a month, and the year against the budget.

The inputs are read per period in a few queries (`storage.queries.economy`) and handed to the
domain (`domain.economy`), which makes every cost line with its inputs. Övertid and mertid cost
what their decisions recorded, through the overtime rules' own cost (`domain.overtime.cost_of`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy.orm import Session

from enhetschef_app.domain.calendar import today
from enhetschef_app.domain.economy import (
    EconomyRules,
    MonthCost,
    OvertimeMoney,
    PersonMonth,
    SickDay,
    kronor_of_ore,
    month_cost,
)
from enhetschef_app.domain.economy_year import (
    BudgetFigures,
    EconomyMonth,
    EconomyYear,
    cost_source,
    economy_year,
)
from enhetschef_app.domain.shifts import Shift
from enhetschef_app.domain.staff import EmploymentForm, minutes_to_hours
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.settings import rule_settings
from enhetschef_app.services.workspace import Workspace
from enhetschef_app.storage.queries.economy import (
    AbsenceSpan,
    PersonOvertime,
    WorkedRow,
    absences_until,
    approved_overtime_by_person,
    budget_months,
    employees_in_period,
    worked_rows,
)

SICK = "sjuk"
# The sjuklöneperiod's first 14 days decide the karensavdrag: the sick days this far back are
# costed by their scheduled hours, older ones are only counted.
SICK_LOOKBACK = timedelta(days=120)


@dataclass(frozen=True)
class _PeriodData:
    first: date
    last: date
    employees: list[tuple[int, str, EmploymentForm, Decimal | None, Decimal, Decimal | None,
                          Decimal | None, date | None, date | None]]
    rows: list[WorkedRow]
    absences: list[AbsenceSpan]


def _read(session: Session, unit_id: int, first: date, last: date, fulltime: Decimal) -> _PeriodData:
    employees = [
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
    rows = worked_rows(session, unit_id, first - SICK_LOOKBACK, last)
    return _PeriodData(first, last, employees, rows, absences_until(session, unit_id, last))


def _days(first: date, last: date) -> Iterable[date]:
    for offset in range((last - first).days + 1):
        yield first + timedelta(days=offset)


def _people(
    data: _PeriodData, month: YearMonth, overtime: dict[int, PersonOvertime]
) -> list[PersonMonth]:
    scheduled: dict[tuple[int, date], int] = defaultdict(int)  # own rows, minutes
    covered: dict[tuple[int, date], int] = defaultdict(int)
    for row in data.rows:
        minutes = int(Shift("", row.work_date, row.start, row.end, row.break_minutes).worked_s // 60)
        target = covered if row.covered else scheduled
        target[(row.employee_id, row.work_date)] += minutes
    absent: dict[tuple[int, date], int] = defaultdict(int)  # percent absent, any kind
    sick: dict[int, dict[date, int]] = defaultdict(dict)  # percent sick
    for span in data.absences:
        end = span.end or month.last
        if span.kind == SICK:
            for day in _days(span.start, min(end, month.last)):
                sick[span.employee_id][day] = min(
                    sick[span.employee_id].get(day, 0) + span.extent_percent, 100
                )
        if end >= month.first:
            for day in _days(max(span.start, month.first), min(end, month.last)):
                key = (span.employee_id, day)
                absent[key] = min(absent[key] + span.extent_percent, 100)
    people: list[PersonMonth] = []
    horizon = month.first - SICK_LOOKBACK
    for (employee_id, name, form, grade, fulltime, salary, rate, start, end) in data.employees:
        worked = 0
        for day in _days(month.first, month.last):
            key = (employee_id, day)
            own = scheduled.get(key, 0)
            if own:
                worked += own * (100 - absent.get(key, 0)) // 100
            if key in covered and absent.get(key, 0) < 100:
                worked += covered[key]
        sick_days = tuple(
            SickDay(day, scheduled.get((employee_id, day), 0) * percent // 100 if day >= horizon else 0)
            for day, percent in sorted(sick.get(employee_id, {}).items())
        )
        found = overtime.get(employee_id)
        money = (
            OvertimeMoney()
            if found is None
            else OvertimeMoney(
                mertid=kronor_of_ore(found.cost_mertid_ore) or Decimal(0),
                simple=kronor_of_ore(found.cost_simple_ore) or Decimal(0),
                qualified=kronor_of_ore(found.cost_qualified_ore) or Decimal(0),
                mertid_minutes=found.minutes_mertid,
                simple_minutes=found.minutes_simple,
                qualified_minutes=found.minutes_qualified,
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
                overtime=money,
            )
        )
    return people


def _month_cost(
    session: Session, unit_id: int, month: YearMonth, rules: EconomyRules, fulltime: Decimal
) -> MonthCost:
    data = _read(session, unit_id, month.first, month.last, fulltime)
    overtime = approved_overtime_by_person(session, unit_id, month.first, month.last)
    return month_cost(month, _people(data, month, overtime), rules)


def economy_rules(workspace: Workspace) -> EconomyRules:
    return EconomyRules.from_settings(rule_settings(workspace))


def estimate_month(workspace: Workspace, year: int, month: int) -> MonthCost:
    """The month's estimated cost: every line with its inputs, and the gaps."""
    unit = workspace.require_unit()
    settings = rule_settings(workspace)
    rules = EconomyRules.from_settings(settings)
    fulltime = settings.decimal("unit.fulltime_week_hours")
    with workspace.transaction() as session:
        return _month_cost(session, unit.id, YearMonth(year, month), rules, fulltime)


@dataclass(frozen=True)
class EconomyYearView:
    year: EconomyYear
    costs: dict[int, MonthCost]  # month number → the app's cost of the month
    rules: EconomyRules
    as_of: date

    def cost_of(self, month: int) -> MonthCost:
        return self.costs[month]


def year_view(workspace: Workspace, year: int, as_of: date | None = None) -> EconomyYearView:
    """The year month by month: budget, utfall or estimate, deviation and the prognos."""
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
        for month in months:
            cost = _month_cost(session, unit.id, month, rules, fulltime)
            costs[month.month] = cost
            row = stored.get(month.label)
            figures = (
                BudgetFigures()
                if row is None
                else BudgetFigures(
                    kronor_of_ore(row.cost_ore), row.fte, kronor_of_ore(row.outcome_ore)
                )
            )
            found.append(
                EconomyMonth(
                    month=month,
                    budget=figures.cost,
                    fte_budget=figures.fte,
                    estimate=cost.total,
                    outcome=figures.outcome,
                    source=cost_source(month, current, figures.outcome),
                    fte_actual=cost.fte,
                    fixed_share_percent=cost.fixed_share_percent,
                )
            )
    return EconomyYearView(economy_year(year, found), costs, rules, day)
