"""The personnel economy's figures for the month summary: cost, budget, deviation (month and
accumulated), the year's prognos, årsarbetare and the fixed share, each with its inputs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from enhetschef_app.domain.economy import Driver
from enhetschef_app.domain.economy_year import CostSource
from enhetschef_app.domain.month_lock import FigureValue
from enhetschef_app.domain.rounding import hours_of_minutes
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.economy.costs import EconomyYearView, year_view

ECONOMY_KEYS = (
    "personnel_cost",
    "personnel_budget",
    "budget_deviation",
    "budget_deviation_ytd",
    "forecast_year",
    "fte_actual",
    "fte_budget",
    "fixed_share_percent",
)


@dataclass(frozen=True)
class EconomyFigures:
    values: dict[str, FigureValue]
    inputs: dict[str, dict[str, Any]]


def figures_of(view: EconomyYearView, month: int) -> EconomyFigures:
    year = view.year
    row = year.month(month)
    cost = view.cost_of(month)
    values: dict[str, FigureValue] = {
        "personnel_cost": row.cost,
        "personnel_budget": row.budget,
        "budget_deviation": row.deviation,
        "budget_deviation_ytd": year.deviation_ytd(month),
        "forecast_year": year.forecast,
        "fte_actual": row.fte_actual,
        "fte_budget": row.fte_budget,
        "fixed_share_percent": row.fixed_share_percent,
    }
    po = view.rules.po_percent
    cost_inputs: dict[str, Any] = {
        "source": row.source.label,
        "estimate": row.estimate,
        "wages": cost.wages,
        "po": cost.po,
        **{driver.value: cost.driver_cost(driver, po) for driver in Driver},
        "gaps": len(cost.gaps),
    }
    if row.outcome is not None:
        cost_inputs["outcome"] = row.outcome
        cost_inputs["outcome_minus_estimate"] = row.outcome_difference
    inputs: dict[str, dict[str, Any]] = {
        "personnel_cost": cost_inputs,
        "budget_deviation": {"personnel_budget": row.budget, "personnel_cost": row.cost},
        "budget_deviation_ytd": {
            "months": f"{year.year}-01–{row.month.label}",
        },
        "forecast_year": {
            "outcome_months": year.part(CostSource.OUTCOME),
            "estimated_months": year.part(CostSource.ESTIMATE),
            "planned_months": year.part(CostSource.PLAN),
            "budget_year": year.budget,
        },
        "fixed_share_percent": {
            "fixed_hours": hours_of_minutes(cost.fixed_minutes),
            "flexible_hours": hours_of_minutes(cost.flexible_minutes),
            "target_percent": view.rules.fixed_share_target_percent,
        },
    }
    return EconomyFigures(values, inputs)


@use_case
def economy_month_figures(workspace: Workspace, year: int, month: int) -> EconomyFigures:
    return figures_of(year_view(workspace, year, detail=month), month)
