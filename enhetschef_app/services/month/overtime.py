"""Approved övertid and mertid of a month, as the month summary reads them: the seam to the
Övertid area (issue 6).

The month summary asks `overtime_of_month`; it asks the Övertid area's service
`enhetschef_app.services.overtime.figures.overtime_month_figures(workspace, year, month)` once
that module exists, and until then answers zero hours and zero kronor with `recorded=False`, so
the report says that overtime is not yet recorded in the program rather than claiming there was
none. What the provider returns is read by name: hours by kind as Decimal hours
(`simple_hours`, `qualified_hours`, `mertid_hours`) or whole minutes (`minutes_simple`,
`minutes_qualified`, `minutes_mertid`), the cost in kronor (`cost`) and, if it has them, the
requests still waiting for a decision (`waiting`). Only approved overtime may be in the hours
and the cost (DOMAIN.md: nothing is övertid until the EC decides).
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from enhetschef_app.domain.rounding import hours_of_minutes, round_half_up
from enhetschef_app.services.core.workspace import Workspace

PROVIDER_MODULE = "enhetschef_app.services.overtime.figures"
PROVIDER_FUNCTION = "overtime_month_figures"


@dataclass(frozen=True)
class OvertimeMonth:
    simple_hours: Decimal
    qualified_hours: Decimal
    mertid_hours: Decimal
    cost: Decimal  # kronor, to the öre
    waiting: int  # requests not yet decided
    recorded: bool  # False: the program does not record overtime yet

    @property
    def total_hours(self) -> Decimal:
        return self.simple_hours + self.qualified_hours + self.mertid_hours


NOT_RECORDED = OvertimeMonth(
    simple_hours=Decimal("0.00"),
    qualified_hours=Decimal("0.00"),
    mertid_hours=Decimal("0.00"),
    cost=Decimal("0.00"),
    waiting=0,
    recorded=False,
)


def _provider() -> Callable[[Workspace, int, int], Any] | None:
    if importlib.util.find_spec(PROVIDER_MODULE) is None:
        return None
    module = importlib.import_module(PROVIDER_MODULE)
    found = getattr(module, PROVIDER_FUNCTION, None)
    return found if callable(found) else None


def _hours(figures: object, hours_name: str, minutes_name: str) -> Decimal:
    value = getattr(figures, hours_name, None)
    if value is not None:
        return round_half_up(Decimal(str(value)))
    minutes = getattr(figures, minutes_name, None)
    if minutes is not None:
        return hours_of_minutes(int(minutes))
    raise TypeError(f"{PROVIDER_MODULE}: {hours_name} eller {minutes_name} saknas")


def overtime_of_month(workspace: Workspace, year: int, month: int) -> OvertimeMonth:
    provider = _provider()
    if provider is None:
        return NOT_RECORDED
    figures = provider(workspace, year, month)
    return OvertimeMonth(
        simple_hours=_hours(figures, "simple_hours", "minutes_simple"),
        qualified_hours=_hours(figures, "qualified_hours", "minutes_qualified"),
        mertid_hours=_hours(figures, "mertid_hours", "minutes_mertid"),
        cost=round_half_up(Decimal(str(getattr(figures, "cost", 0)))),
        waiting=int(getattr(figures, "waiting", 0) or 0),
        recorded=True,
    )
