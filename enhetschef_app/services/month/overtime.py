"""Approved övertid and mertid of a month, as the month summary reads them from the Övertid
area: hours by kind to the hundredth, the cost in kronor and the requests still waiting. Only
approved overtime is in the hours and the cost (nothing is övertid until the EC decides).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.overtime.figures import overtime_month_figures

HUNDREDTH = Decimal("0.01")


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


def _hundredths(value: Decimal) -> Decimal:
    return value.quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


@use_case
def overtime_of_month(workspace: Workspace, year: int, month: int) -> OvertimeMonth:
    figures = overtime_month_figures(workspace, year, month)
    return OvertimeMonth(
        simple_hours=_hundredths(figures.simple_hours),
        qualified_hours=_hundredths(figures.qualified_hours),
        mertid_hours=_hundredths(figures.mertid_hours),
        cost=_hundredths(figures.cost),
        waiting=figures.waiting,
    )
