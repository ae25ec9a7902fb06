"""The month's estimated personnel cost (DOMAIN.md: Personnel economy): the worked example and
the edges of sick pay, karensavdrag, the supplement, leaving mid-month and missing salaries."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from enhetschef_app.domain.economy import (
    CostKind,
    EconomyRules,
    MonthCost,
    OvertimeMoney,
    PersonMonth,
    SickDay,
    month_cost,
    sick_days_for_month,
    sick_pay_periods,
)
from enhetschef_app.domain.economy_year import (
    CostSource,
    EconomyMonth,
    cost_source,
    economy_year,
)
from enhetschef_app.domain.staff import EmploymentForm
from enhetschef_app.domain.year_month import YearMonth

RULES = EconomyRules()
MARCH = YearMonth(2026, 3)


def full_timer(**changes: object) -> PersonMonth:
    base: dict[str, object] = {
        "employee_id": 1,
        "name": "Anna Berg",
        "form": EmploymentForm.PERMANENT,
        "grade_percent": Decimal(100),
        "fulltime_week_hours": Decimal(40),
        "monthly_salary": Decimal(32500),
    }
    base.update(changes)
    return PersonMonth(**base)  # type: ignore[arg-type]


def sick(first: date, last: date, minutes: int = 480) -> tuple[SickDay, ...]:
    return tuple(
        SickDay(first + timedelta(days=n), minutes) for n in range((last - first).days + 1)
    )


def amount(cost: MonthCost, kind: CostKind) -> Decimal:
    return cost.by_kind(kind)


def test_the_worked_example_of_domain_md_costs_41_720_kr() -> None:
    # Sick Monday–Friday 2026-03-09..13, 8 h a day: 40 h lost, days 1–5.
    cost = month_cost(
        MARCH, [full_timer(sick_days=sick(date(2026, 3, 9), date(2026, 3, 13)))], RULES
    )
    assert amount(cost, CostKind.SALARY) == Decimal("32500.00")
    assert amount(cost, CostKind.SICK_DEDUCTION) == Decimal("-7500.00")
    assert amount(cost, CostKind.SICK_PAY) == Decimal("6000.00")
    assert amount(cost, CostKind.QUALIFYING_DEDUCTION) == Decimal("-1200.00")
    assert cost.wages == Decimal("29800.00")
    assert cost.po == Decimal("11920.00")
    assert cost.total == Decimal("41720.00")
    deduction = next(ln for ln in cost.lines if ln.kind is CostKind.SICK_DEDUCTION)
    assert "40 h" in deduction.inputs_text()
    assert "187,50 kr" in deduction.inputs_text()


def test_a_spell_crossing_day_14_pays_the_supplement_from_day_15() -> None:
    # 20 sick days from 2026-03-02, every day a scheduled 8 h day for simplicity.
    cost = month_cost(
        MARCH, [full_timer(sick_days=sick(date(2026, 3, 2), date(2026, 3, 21)))], RULES
    )
    wage = Decimal("187.5")
    assert amount(cost, CostKind.SICK_PAY) == 14 * 8 * wage * Decimal("0.8")
    assert amount(cost, CostKind.SICK_SUPPLEMENT) == 6 * 8 * wage * Decimal("0.1")
    assert amount(cost, CostKind.SICK_DEDUCTION) == -20 * 8 * wage
    assert amount(cost, CostKind.QUALIFYING_DEDUCTION) == Decimal("-1200.00")


def test_after_day_90_nothing_is_paid_but_the_salary_is_still_reduced() -> None:
    # Sick from 2025-12-10: day 90 is 2026-03-09, day 91 is 2026-03-10.
    spell = sick(date(2025, 12, 10), date(2026, 3, 20))
    cost = month_cost(MARCH, [full_timer(sick_days=spell)], RULES)
    wage = Decimal("187.5")
    # Days 82–90 (2026-03-01..09) get the supplement; 91– get nothing.
    assert amount(cost, CostKind.SICK_SUPPLEMENT) == 9 * 8 * wage * Decimal("0.1")
    assert amount(cost, CostKind.SICK_PAY) == 0
    assert amount(cost, CostKind.QUALIFYING_DEDUCTION) == 0
    assert amount(cost, CostKind.SICK_DEDUCTION) == -20 * 8 * wage


def test_a_spell_across_a_month_boundary_takes_the_karensavdrag_where_the_sick_pay_is() -> None:
    # Sick Tue 2026-03-31 (4 h shift) and 2026-04-01..03 (8 h): the karens (1 200 kr) eats
    # March's sick pay (4 h × 150 = 600) and the rest falls in April.
    days = (SickDay(date(2026, 3, 31), 240), *sick(date(2026, 4, 1), date(2026, 4, 3)))
    march = month_cost(MARCH, [full_timer(sick_days=days)], RULES)
    april = month_cost(YearMonth(2026, 4), [full_timer(sick_days=days)], RULES)
    assert amount(march, CostKind.SICK_PAY) == Decimal("600.00")
    assert amount(march, CostKind.QUALIFYING_DEDUCTION) == Decimal("-600.00")
    assert amount(april, CostKind.SICK_PAY) == Decimal("3600.00")
    assert amount(april, CostKind.QUALIFYING_DEDUCTION) == Decimal("-600.00")


def test_a_relapse_within_5_days_continues_the_period_without_a_second_karensavdrag() -> None:
    # Sick Mon 2 – Fri 6 March, again from Wed 11 March (4 healthy days between): same period.
    days = sick(date(2026, 3, 2), date(2026, 3, 6)) + sick(date(2026, 3, 11), date(2026, 3, 13))
    periods = sick_pay_periods(days)
    assert len(periods) == 1
    assert [d.number for d in periods[0]][-3:] == [6, 7, 8]
    cost = month_cost(MARCH, [full_timer(sick_days=days)], RULES)
    assert amount(cost, CostKind.QUALIFYING_DEDUCTION) == Decimal("-1200.00")
    # Six healthy days between make a new period and a second karensavdrag.
    later = sick(date(2026, 3, 2), date(2026, 3, 6)) + sick(date(2026, 3, 13), date(2026, 3, 17))
    assert len(sick_pay_periods(later)) == 2
    again = month_cost(MARCH, [full_timer(sick_days=later)], RULES)
    assert amount(again, CostKind.QUALIFYING_DEDUCTION) == Decimal("-2400.00")


def test_a_person_leaving_mid_month_is_paid_for_the_days_employed() -> None:
    cost = month_cost(
        MARCH,
        [full_timer(end=date(2026, 3, 15), grade_percent=Decimal(75))],
        RULES,
    )
    assert amount(cost, CostKind.SALARY) == (Decimal(32500) * Decimal("0.75") * 15 / 31).quantize(
        Decimal("0.01")
    )
    assert cost.fte == (Decimal("0.75") * 15 / 31).quantize(Decimal("0.01"))
    line = cost.lines[0]
    assert ("Anställd", "15 av 31 dagar") in line.inputs


def test_a_person_without_salary_is_a_listed_gap_not_a_zero() -> None:
    cost = month_cost(MARCH, [full_timer(monthly_salary=None), full_timer(employee_id=2)], RULES)
    assert [g.person for g in cost.gaps] == ["Anna Berg"]
    assert "Månadslön saknas" in cost.gaps[0].reason
    assert amount(cost, CostKind.SALARY) == Decimal("32500.00")


def test_hourly_paid_hours_use_the_own_rate_or_the_units_default() -> None:
    own = full_timer(
        employee_id=3,
        name="Timo",
        form=EmploymentForm.HOURLY,
        grade_percent=None,
        monthly_salary=None,
        hourly_rate=Decimal("185.50"),
        worked_minutes=60 * 30,
    )
    default = full_timer(
        employee_id=4,
        name="Tina",
        form=EmploymentForm.HOURLY,
        grade_percent=None,
        monthly_salary=None,
        worked_minutes=60 * 10,
    )
    cost = month_cost(MARCH, [own, default], RULES)
    lines = {ln.person: ln for ln in cost.lines if ln.kind is CostKind.HOURLY}
    assert lines["Timo"].amount == Decimal("5565.00")
    assert lines["Tina"].amount == Decimal("1700.00")
    assert "enhetens timlön" in lines["Tina"].inputs_text()
    assert not cost.gaps
    assert cost.fte == ((Decimal(40)) / 165).quantize(Decimal("0.01"))


def test_overtime_costs_what_the_decisions_recorded_and_counts_as_flexible() -> None:
    person = full_timer(
        worked_minutes=160 * 60,
        overtime=OvertimeMoney(
            mertid=Decimal("0"),
            simple=Decimal("675.00"),
            qualified=Decimal("900.00"),
            simple_minutes=120,
            qualified_minutes=120,
        ),
    )
    cost = month_cost(MARCH, [person], RULES)
    assert amount(cost, CostKind.OVERTIME_SIMPLE) == Decimal("675.00")
    assert amount(cost, CostKind.OVERTIME_QUALIFIED) == Decimal("900.00")
    assert cost.fixed_share_percent == Decimal("97.56")  # 160 h of 164 h
    assert cost.po == ((Decimal(32500) + Decimal(1575)) * Decimal("0.4")).quantize(Decimal("0.01"))


def test_the_year_uses_utfall_where_booked_and_forecasts_the_rest() -> None:
    current = YearMonth(2026, 10)
    months = []
    for n in range(1, 13):
        month = YearMonth(2026, n)
        outcome = Decimal(100_000) if n <= 8 else None
        months.append(
            EconomyMonth(
                month=month,
                budget=Decimal(98_000),
                fte_budget=Decimal(20),
                estimate=Decimal(99_000),
                outcome=outcome,
                source=cost_source(month, current, outcome),
                fte_actual=Decimal("19.5"),
                fixed_share_percent=None,
            )
        )
    year = economy_year(2026, months)
    assert year.month(8).source is CostSource.OUTCOME
    assert year.month(10).source is CostSource.ESTIMATE
    assert year.month(11).source is CostSource.PLAN
    assert year.month(8).deviation == Decimal(-2000)
    assert year.month(8).outcome_difference == Decimal(1000)
    assert year.deviation_ytd(10) == 8 * Decimal(-2000) + 2 * Decimal(-1000)
    assert year.forecast == 8 * Decimal(100_000) + 4 * Decimal(99_000)
    assert year.part(CostSource.PLAN) == 2 * Decimal(99_000)
    assert year.forecast_over_budget == year.forecast - 12 * Decimal(98_000)


def test_a_month_needs_only_the_sick_days_of_the_periods_that_reach_into_it() -> None:
    """The economy's year gives each month only these days; the numbers within the periods
    must be those the whole history gives."""
    days = [date(2026, 3, 2), date(2026, 3, 3)]  # a spell long before: its own period
    # A period from late January into February through relapses within five healthy days.
    days += [date(2026, 1, 26), date(2026, 1, 27), date(2026, 2, 2), date(2026, 2, 3)]
    days += [date(2026, 1, 10)]  # more than five healthy days before 01-26: another period
    history = sorted((day, 100) for day in days)
    february = YearMonth(2026, 2)
    needed = sick_days_for_month(history, february.first, february.last)
    assert [day for day, _ in needed] == [
        date(2026, 1, 26),
        date(2026, 1, 27),
        date(2026, 2, 2),
        date(2026, 2, 3),
    ]

    def numbers(chosen: list[tuple[date, int]]) -> dict[date, int]:
        periods = sick_pay_periods(SickDay(day, 480) for day, _ in chosen)
        return {d.day: d.number for period in periods for d in period}

    whole = numbers(history)
    assert {day: whole[day] for day, _ in needed} == numbers(list(needed))
    assert numbers(list(needed))[date(2026, 2, 3)] == 4  # day 4 of the period begun 01-26
    assert sick_days_for_month(history, YearMonth(2026, 4).first, YearMonth(2026, 4).last) == ()
