"""Översikt's line on the personnel economy: whether this year's prognos passes the budget."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.economy.costs import year_view


@dataclass(frozen=True)
class EconomySignal:
    year: int
    forecast: Decimal
    budget: Decimal | None
    over_budget: Decimal | None  # how much the prognos passes the budget; None: it does not
    gaps: int  # people without a salary in this month's estimate


@use_case
def economy_signal(workspace: Workspace, day: date) -> EconomySignal:
    view = year_view(workspace, day.year, as_of=day, detail=day.month)
    year = view.year
    return EconomySignal(
        year=day.year,
        forecast=year.forecast,
        budget=year.budget,
        over_budget=year.forecast_over_budget,
        gaps=len(view.cost_of(day.month).gaps),
    )
