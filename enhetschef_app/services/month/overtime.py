"""Approved övertid and mertid of a month, as the month summary reads them from the Övertid
area: hours by kind to the hundredth, the cost in kronor and the requests still waiting. Only
approved overtime is in the hours and the cost (nothing is övertid until the EC decides).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from enhetschef_app.domain.rounding import round_half_up
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.overtime.figures import overtime_month_figures


@dataclass(frozen=True)
class OvertimeMonth:
    simple_hours: Decimal
    qualified_hours: Decimal
    mertid_hours: Decimal
    cost: Decimal  # kronor, to the öre
    waiting: int  # requests not yet decided
    # The program records overtime; the report's key stays for the scripts that read it.
    recorded: bool = True

    @property
    def total_hours(self) -> Decimal:
        return self.simple_hours + self.qualified_hours + self.mertid_hours


@use_case
def overtime_of_month(workspace: Workspace, year: int, month: int) -> OvertimeMonth:
    figures = overtime_month_figures(workspace, year, month)
    return OvertimeMonth(
        simple_hours=round_half_up(figures.simple_hours),
        qualified_hours=round_half_up(figures.qualified_hours),
        mertid_hours=round_half_up(figures.mertid_hours),
        cost=round_half_up(figures.cost),
        waiting=figures.waiting,
    )
