"""What a request would be if approved: its split by kind, its cost both ways (pengar and komp)
and the person's running totals against every limit. Works inside a caller's session, so the
use cases, the cover dialog and the demo all evaluate a request the same way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from enhetschef_app.domain.overtime import (
    Classification,
    ExtraKind,
    OvertimeCost,
    OvertimeRules,
    classify,
    hourly_wage,
    overtime_cost,
)
from enhetschef_app.domain.overtime_limits import LimitCheck, OvertimeLimits, check_limits
from enhetschef_app.domain.overtime_requests import (
    Compensation,
    PersonTerms,
    Verdict,
    WorkedShift,
    passed_limits,
    worker_context,
)
from enhetschef_app.domain.settings_catalog import RuleSettings
from enhetschef_app.domain.staff import EmploymentForm, minutes_to_hours
from enhetschef_app.storage.models import Employee
from enhetschef_app.storage.queries.overtime import approved_minutes, person_work
from enhetschef_app.storage.queries.settings import current_settings
from enhetschef_app.storage.session import Session

WAGE_PLACES = Decimal("0.0001")
ORE_PLACES = Decimal("0.01")


def settings_in(session: Session, unit_id: int | None) -> RuleSettings:
    stored = current_settings(session, unit_id)
    return RuleSettings({key: value for key, (value, _when) in stored.items()})


def person_terms(employee: Employee, settings: RuleSettings) -> PersonTerms:
    own = employee.fulltime_week_minutes
    return PersonTerms(
        form=EmploymentForm(employee.employment_form),
        grade_percent=employee.grade_percent,
        fulltime_week_hours=(
            minutes_to_hours(own)
            if own is not None
            else settings.decimal("unit.fulltime_week_hours")
        ),
    )


@dataclass(frozen=True)
class Evaluation:
    """A request as it would be approved now."""

    classification: Classification
    money: OvertimeCost  # paid in money
    comp: OvertimeCost  # övertid as time off (mertid is paid all the same)
    compensation: Compensation  # the person's choice
    hourly_wage: Decimal | None  # None: no monthly salary recorded
    checks: tuple[LimitCheck, ...]
    # Pay per hour by kind (enkel, kvalificerad, mertid): månadslön / AB's divisors.
    hour_rates: tuple[Decimal, Decimal, Decimal] | None = None

    def minutes(self, kind: ExtraKind) -> int:
        return self.classification.minutes(kind)

    @property
    def chosen(self) -> OvertimeCost:
        return self.comp if self.compensation is Compensation.COMP else self.money

    @property
    def cost(self) -> Decimal:
        """Kronor of the person's choice: with komp only the mertid is paid."""
        return self.chosen.total

    @property
    def passed(self) -> list[LimitCheck]:
        """The limits an approval would pass."""
        return passed_limits(Verdict.APPROVED, self.checks)

    def with_compensation(self, compensation: Compensation) -> Evaluation:
        return Evaluation(
            self.classification,
            self.money,
            self.comp,
            compensation,
            self.hourly_wage,
            self.checks,
            self.hour_rates,
        )

    def segments_json(self) -> str:
        return json.dumps(
            [
                {
                    "kind": s.kind.value,
                    "start": s.start.isoformat(),
                    "end": s.end.isoformat(),
                    "minutes": s.minutes,
                }
                for s in self.classification.segments
            ]
        )

    def limits_json(self) -> str:
        return json.dumps([check_as_dict(c) for c in self.checks], ensure_ascii=False)


def check_as_dict(check: LimitCheck) -> dict[str, Any]:
    return {
        "key": check.key,
        "label": check.label,
        "used_minutes": check.used_minutes,
        "adding_minutes": check.adding_minutes,
        "after_minutes": check.after_minutes,
        "limit_minutes": check.limit_minutes,
        "exceeded": check.exceeded,
    }


def check_from_dict(data: dict[str, Any]) -> LimitCheck:
    return LimitCheck(
        key=str(data["key"]),
        label=str(data["label"]),
        used_minutes=int(data["used_minutes"]),
        adding_minutes=int(data["adding_minutes"]),
        limit_minutes=int(data["limit_minutes"]),
    )


def evaluate(
    session: Session,
    employee: Employee,
    work_date: date,
    start: time,
    end: time,
    rast: tuple[time, time] | None,
    compensation: Compensation,
    settings: RuleSettings,
    exclude_request_id: int | None = None,
) -> Evaluation:
    """Classifies the request against the person's schedule and approved extras as they stand
    (the request itself left out of them), prices it and checks every limit."""
    rules = OvertimeRules.from_settings(settings)
    terms = person_terms(employee, settings)
    # The day before and after (adjacency), the ISO week (mertid) and the month (hourly paid).
    monday = work_date - timedelta(days=work_date.weekday())
    first = min(work_date.replace(day=1), monday, work_date - timedelta(days=1))
    last = max(monday + timedelta(days=6), work_date + timedelta(days=1))
    shifts: list[WorkedShift] = person_work(session, employee.id, employee.employee_no, first, last)
    # The running totals need the calendar year and every 28-day period around the day.
    year_first = min(date(work_date.year, 1, 1), work_date - timedelta(days=27))
    year_last = max(date(work_date.year, 12, 31), work_date + timedelta(days=27))
    approved = approved_minutes(session, employee.id, year_first, year_last, exclude_request_id)
    context = worker_context(terms, work_date, shifts, approved, start)
    classification = classify(work_date, start, end, context, rules, [rast] if rast else ())
    salary = Decimal(employee.monthly_salary) if employee.monthly_salary is not None else None
    money = overtime_cost(classification, salary, rules)
    comp = overtime_cost(classification, salary, rules, as_comp=True)
    wage = (
        hourly_wage(salary, terms.fulltime_week_hours).quantize(WAGE_PLACES, ROUND_HALF_UP)
        if salary is not None
        else None
    )
    checks = check_limits(
        (a.as_extra() for a in approved),
        work_date,
        classification.overtime_minutes,
        classification.minutes(ExtraKind.MERTID),
        OvertimeLimits.from_settings(settings),
    )
    rates = None
    if salary is not None:

        def per_hour(divisor: int) -> Decimal:
            return (salary / divisor).quantize(ORE_PLACES, ROUND_HALF_UP)

        rates = (
            per_hour(rules.simple_divisor),
            per_hour(rules.qualified_divisor),
            per_hour(rules.mertid_divisor),
        )
    return Evaluation(classification, money, comp, compensation, wage, tuple(checks), rates)


def ore(kronor: Decimal) -> int:
    return int((kronor * 100).to_integral_value(ROUND_HALF_UP))


def kronor(ore_amount: int) -> Decimal:
    return (Decimal(ore_amount) / 100).quantize(Decimal("0.01"))
