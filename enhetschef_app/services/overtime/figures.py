"""The month's övertid and mertid for the month summary (DOMAIN.md: Key figures), summed in SQL
from the decisions in force.

Definitions:
- A request belongs to the month of its day (the day it starts: a request 22:00–02:00 on the
  last of the month is that month's, like a shift).
- *Approved* = the decision in force (the newest; a correction replaces what it corrects) is an
  approval. Nothing else counts: nothing is övertid until the EC has decided (DOMAIN.md).
- *Hours by kind* (enkel övertid, kvalificerad övertid, mertid) = the minutes its decision
  recorded, split by the minute (`domain.overtime.classify`) against the schedule as it stood
  when the EC decided, so a month's figures do not move when the schedule changes later. An
  hourly-paid person's minutes below the month's full-time hours are ordinary hourly work, not
  övertid, and are counted apart (`minutes_hourly`).
- *Cost* = the kronor its decision recorded: timlön (månadslön × 12 / (52 × weekly full-time
  hours)) × hours × the rate of the kind (mertid 100 %, enkel and kvalificerad per the settings
  at the time), each kind rounded to the öre. When the person took komp, the övertid costs no
  money (it is `comp_hours` of time off instead) and only the mertid is paid. A person without a
  recorded monthly salary adds hours but no cost.
- *Waiting* = requests for a day in the month with no decision yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from enhetschef_app.domain.overtime_requests import RequestStatus
from enhetschef_app.domain.rounding import hours_of_minutes, round_half_up
from enhetschef_app.domain.year_month import YearMonth
from enhetschef_app.services.core.workspace import Workspace, use_case
from enhetschef_app.services.overtime.evaluation import kronor
from enhetschef_app.storage.queries.overtime import month_sums


def _hours(minutes: int) -> Decimal:
    return hours_of_minutes(minutes)


@dataclass(frozen=True)
class OvertimeMonthFigures:
    month: YearMonth
    minutes_simple: int
    minutes_qualified: int
    minutes_mertid: int
    minutes_hourly: int
    cost_simple: Decimal
    cost_qualified: Decimal
    cost_mertid: Decimal
    comp_hours: Decimal
    approved: int  # requests approved
    people: int  # persons with an approved request
    waiting: int
    rejected: int

    @property
    def cost(self) -> Decimal:
        return self.cost_simple + self.cost_qualified + self.cost_mertid

    @property
    def simple_hours(self) -> Decimal:
        return _hours(self.minutes_simple)

    @property
    def qualified_hours(self) -> Decimal:
        return _hours(self.minutes_qualified)

    @property
    def mertid_hours(self) -> Decimal:
        return _hours(self.minutes_mertid)

    def as_dict(self) -> dict[str, Any]:
        return {
            "month": self.month.label,
            "simple_hours": float(self.simple_hours),
            "qualified_hours": float(self.qualified_hours),
            "mertid_hours": float(self.mertid_hours),
            "hourly_ordinary_hours": float(_hours(self.minutes_hourly)),
            "cost_simple": float(self.cost_simple),
            "cost_qualified": float(self.cost_qualified),
            "cost_mertid": float(self.cost_mertid),
            "cost": float(self.cost),
            "comp_hours": float(self.comp_hours),
            "approved": self.approved,
            "people": self.people,
            RequestStatus.WAITING.value: self.waiting,
            RequestStatus.REJECTED.value: self.rejected,
        }


@use_case
def overtime_month_figures(workspace: Workspace, year: int, month: int) -> OvertimeMonthFigures:
    """Approved hours and cost by kind and the requests waiting, for the unit's month."""
    unit = workspace.require_unit()
    period = YearMonth(year, month)
    with workspace.transaction() as session:
        sums = month_sums(session, unit.id, period.first, period.last)
    return OvertimeMonthFigures(
        month=period,
        minutes_simple=sums.minutes_simple,
        minutes_qualified=sums.minutes_qualified,
        minutes_mertid=sums.minutes_mertid,
        minutes_hourly=sums.minutes_hourly,
        cost_simple=kronor(sums.cost_simple_ore),
        cost_qualified=kronor(sums.cost_qualified_ore),
        cost_mertid=kronor(sums.cost_mertid_ore),
        comp_hours=round_half_up(Decimal(sums.comp_hundredths) / 100),
        approved=sums.approved_requests,
        people=sums.people,
        waiting=sums.waiting,
        rejected=sums.rejected,
    )
