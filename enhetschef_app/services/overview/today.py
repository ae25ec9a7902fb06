"""The Översikt page's read side: one day of the unit at a glance."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, time, timedelta

from enhetschef_app.domain.staff import EmploymentForm
from enhetschef_app.domain.staffing import band_staffing
from enhetschef_app.services.core.info import headcount
from enhetschef_app.services.core.settings import rule_settings
from enhetschef_app.services.core.workspace import UnitRef, Workspace, use_case
from enhetschef_app.services.incidents.views import (
    NO_INCIDENT_ALERTS,
    IncidentAlerts,
    incident_alerts,
)
from enhetschef_app.services.schedule.state import load_state
from enhetschef_app.storage.queries.schedule import empty_row_count, schedule_of_day
from enhetschef_app.storage.queries.schedule_rows import staffing_needs


class LineState(enum.Enum):
    STAFFED = "staffed"
    VACANT = "vacant"  # no person on the row
    ABSENT = "absent"  # the row's person is absent: an empty row all the same


@dataclass(frozen=True)
class ScheduleLine:
    start: time
    end: time
    shift_code: str | None
    employee_no: str | None
    employee_name: str | None
    state: LineState

    @property
    def is_empty(self) -> bool:
        return self.state is not LineState.STAFFED

    @property
    def crosses_midnight(self) -> bool:
        return self.end <= self.start


@dataclass(frozen=True)
class BandLine:
    start: time
    end: time
    needed: int
    scheduled: int

    @property
    def shortfall(self) -> int:
        return max(0, self.needed - self.scheduled)


@dataclass(frozen=True)
class DayOverview:
    day: date
    unit: UnitRef | None
    headcount: tuple[tuple[EmploymentForm, int], ...]
    lines: tuple[ScheduleLine, ...]
    bands: tuple[BandLine, ...]
    empty_rows: int
    incidents: IncidentAlerts = NO_INCIDENT_ALERTS  # avvikelser past a deadline

    @property
    def iso_week(self) -> int:
        return self.day.isocalendar().week

    @property
    def has_schedule(self) -> bool:
        return bool(self.lines)

    @property
    def headcount_total(self) -> int:
        return sum(count for _form, count in self.headcount)


@use_case
def day_overview(workspace: Workspace, day: date) -> DayOverview:
    unit = workspace.unit
    if unit is None:
        return DayOverview(day=day, unit=None, headcount=(), lines=(), bands=(), empty_rows=0)
    by_form = headcount(workspace, unit.id, day)
    fulltime = rule_settings(workspace).decimal("unit.fulltime_week_hours")
    with workspace.transaction() as session:
        rows = schedule_of_day(session, unit.id, day)
        state = load_state(session, unit, day - timedelta(days=1), day, fulltime)
        bands = band_staffing(
            day, staffing_needs(session, unit.id), state.own_statuses(), actual=True
        )
        empty = empty_row_count(session, unit.id, day)
    lines = tuple(
        ScheduleLine(
            start=r.start,
            end=r.end,
            shift_code=r.shift_code,
            employee_no=r.employee_no,
            employee_name=r.employee_name,
            state=(
                LineState.VACANT
                if r.employee_id is None
                else LineState.ABSENT
                if r.absent
                else LineState.STAFFED
            ),
        )
        for r in rows
    )
    return DayOverview(
        day=day,
        unit=unit,
        headcount=tuple((form, by_form.get(form.value, 0)) for form in EmploymentForm),
        lines=lines,
        bands=tuple(BandLine(b.start, b.end, b.needed, b.staffed) for b in bands),
        empty_rows=empty,
        incidents=incident_alerts(workspace, day),
    )
