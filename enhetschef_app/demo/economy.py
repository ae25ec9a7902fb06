"""The demo unit's personnel economy: a budget for the year of the period's last month, set the
way a förvaltning sets one (last year's level, higher in the summer for semestervikarier), two
months of booked utfall a little off the app's estimate, and own hourly rates for some of the
timavlönade. Drawn from the plan and the seed, never the clock."""

from __future__ import annotations

import random
from datetime import UTC, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from enhetschef_app.demo.plan import DemoPlan
from enhetschef_app.domain.economy import EconomyRules, ore_of_kronor
from enhetschef_app.domain.settings_catalog import SPECS
from enhetschef_app.domain.staff import EmploymentForm
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.economy.costs import month_cost_of
from enhetschef_app.storage.bulk import insert_rows, update_rows
from enhetschef_app.storage.models import Employee
from enhetschef_app.storage.models_economy import BudgetMonth
from enhetschef_app.storage.session import Session

if TYPE_CHECKING:  # demo_unit imports this module for its WRITE_STEPS
    from enhetschef_app.demo.context import WriteContext

SEASON = {6: Decimal("1.07"), 7: Decimal("1.10"), 8: Decimal("1.06"), 12: Decimal("1.02")}
OUTCOME_MONTHS = (3, 2)  # months before the last: the ekonomisystem books weeks after


def write_demo_economy(session: Session, plan: DemoPlan, ctx: WriteContext) -> None:
    rng = random.Random(plan.spec.seed * 6007 + 17)  # demo data from the seed
    hourly = [p for p in plan.people if p.form is EmploymentForm.HOURLY]
    rates = []
    for person in hourly:
        if rng.random() < 0.6:
            rate = Decimal(rng.randint(16_500, 18_900)) / 100
            rates.append(
                {"id": ctx.employee_ids[person.index], "hourly_rate_ore": ore_of_kronor(rate)}
            )
    update_rows(session, Employee, rates)
    session.flush()
    last = YearMonth.of(plan.end)
    first_whole = YearMonth.of(plan.start).shifted(0 if plan.start.day == 1 else 1)
    rules = EconomyRules()
    fulltime = Decimal(str(SPECS["unit.fulltime_week_hours"].default))
    months = [YearMonth(last.year, n) for n in range(1, 13)]
    known = [m for m in months if first_whole <= m <= last and m.month not in SEASON]
    costs = {m: month_cost_of(session, ctx.unit_id, m, rules, fulltime) for m in known}
    if not costs:
        return
    level = sum((c.total for c in costs.values()), Decimal(0)) / len(costs)
    fte = sum((c.fte for c in costs.values()), Decimal(0)) / len(costs)
    fte_budget = (fte * 2).quantize(Decimal(1), ROUND_HALF_UP) / 2
    outcome_months = {last.shifted(-back) for back in OUTCOME_MONTHS}
    rows = []
    for month in months:
        factor = SEASON.get(month.month, Decimal(1)) * Decimal(rng.randint(975, 1010)) / 1000
        budget = (level * factor / 1000).quantize(Decimal(1), ROUND_HALF_UP) * 1000
        outcome = None
        if month in outcome_months and month >= first_whole:
            estimate = costs.get(month) or month_cost_of(
                session, ctx.unit_id, month, rules, fulltime
            )
            drift = Decimal(rng.randint(985, 1030)) / 1000
            outcome = ore_of_kronor(estimate.total * drift)
        rows.append(
            {
                "unit_id": ctx.unit_id,
                "month": month.label,
                "cost_ore": ore_of_kronor(budget),
                "fte": fte_budget,
                "outcome_ore": outcome,
                "changed_by": "demo",
                # From the plan, not the clock: the same seed gives the same file.
                "changed_at": datetime.combine(plan.end, time(8), tzinfo=UTC),
            }
        )
    insert_rows(session, BudgetMonth, rows)
