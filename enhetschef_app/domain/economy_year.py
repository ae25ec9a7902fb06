"""The year of the personnel budget: deviation per month and accumulated, the helårsprognos
and årsarbetare against the budget (DOMAIN.md: Personnel economy).

A month's cost is its booked utfall where one is imported, else the app's estimate. Months up to
the current one are *beräknade* from what happened; later months are *planerade*: costed the
same way from the schedule laid for them. Avvikelse = budget − cost (positive: under budget).
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from enhetschef_app.domain.year_month import YearMonth


class CostSource(enum.StrEnum):
    OUTCOME = "utfall"
    ESTIMATE = "beraknad"
    PLAN = "planerad"

    @property
    def label(self) -> str:
        return {
            CostSource.OUTCOME: "Utfall",
            CostSource.ESTIMATE: "Beräknad",
            CostSource.PLAN: "Planerad",
        }[self]


@dataclass(frozen=True)
class BudgetFigures:
    """What the unit has stored for a month: budget and, when booked, the utfall."""

    cost: Decimal | None = None
    fte: Decimal | None = None
    outcome: Decimal | None = None


@dataclass(frozen=True)
class EconomyMonth:
    month: YearMonth
    budget: Decimal | None
    fte_budget: Decimal | None
    estimate: Decimal  # the app's own cost of the month
    outcome: Decimal | None  # booked in the ekonomisystem
    source: CostSource
    fte_actual: Decimal
    fixed_share_percent: Decimal | None

    @property
    def cost(self) -> Decimal:
        return self.outcome if self.outcome is not None else self.estimate

    @property
    def deviation(self) -> Decimal | None:
        return None if self.budget is None else self.budget - self.cost

    @property
    def outcome_difference(self) -> Decimal | None:
        """Booked utfall − the app's estimate: how far the estimate was off."""
        return None if self.outcome is None else self.outcome - self.estimate


def cost_source(month: YearMonth, current: YearMonth, outcome: Decimal | None) -> CostSource:
    if outcome is not None:
        return CostSource.OUTCOME
    return CostSource.PLAN if month > current else CostSource.ESTIMATE


@dataclass(frozen=True)
class EconomyYear:
    year: int
    months: tuple[EconomyMonth, ...]  # January to December

    def month(self, month: int) -> EconomyMonth:
        return self.months[month - 1]

    def deviation_ytd(self, month: int) -> Decimal | None:
        """Avvikelse accumulated January..month, over the months that have a budget."""
        found = [m.deviation for m in self.months[:month] if m.deviation is not None]
        return sum(found, Decimal(0)) if found else None

    @property
    def budget(self) -> Decimal | None:
        found = [m.budget for m in self.months if m.budget is not None]
        return sum(found, Decimal(0)) if found else None

    def part(self, source: CostSource) -> Decimal:
        return sum((m.cost for m in self.months if m.source is source), Decimal(0))

    @property
    def forecast(self) -> Decimal:
        """Helårsprognos: utfall + beräknade + planerade months."""
        return sum((m.cost for m in self.months), Decimal(0))

    @property
    def forecast_over_budget(self) -> Decimal | None:
        """How much the prognos passes the year's budget; None when it does not."""
        budget = self.budget
        if budget is None or self.forecast <= budget:
            return None
        return self.forecast - budget


def economy_year(year: int, months: Sequence[EconomyMonth]) -> EconomyYear:
    by_month = {m.month.month: m for m in months if m.month.year == year}
    if sorted(by_month) != list(range(1, 13)):
        raise ValueError("Ett år behöver alla tolv månader.")
    return EconomyYear(year, tuple(by_month[n] for n in range(1, 13)))
