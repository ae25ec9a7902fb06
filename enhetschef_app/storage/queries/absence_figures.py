"""Sums of the month's scheduled and sick minutes, aggregated in SQL.

Minutes of a row are its wall-clock length less the rast (a row whose end is not after its
start ends the next day). On the two nights a year when the clocks change, the wall clock is an
hour off the real length: `rows_on_days` hands those few rows to the caller, which corrects them
with the domain's DST-true shift length.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, time
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from enhetschef_app.storage.models import Absence, Employee, ScheduleRow
from enhetschef_app.storage.sql_functions import greatest, minutes_of_day

MINUTES_PER_DAY = 24 * 60
SICK = "sjuk"


def _clock_minutes(column: Any) -> ColumnElement[int]:
    return minutes_of_day(column)


def _row_minutes() -> ColumnElement[int]:
    start = _clock_minutes(ScheduleRow.start_time)
    end = _clock_minutes(ScheduleRow.end_time)
    length = end - start + case((end <= start, MINUTES_PER_DAY), else_=0)
    return greatest(length - ScheduleRow.break_minutes, 0)


def row_clock_minutes() -> ColumnElement[int]:
    """A schedule row's wall-clock minutes less the rast, in SQL (`domain.month_rows.
    wall_clock_minutes`); right on every day but the two nights a year the clocks change."""
    return _row_minutes()


def _monthly_paid_rows(
    unit_id: int, first: date, last: date, forms: Collection[str]
) -> list[ColumnElement[bool]]:
    return [
        ScheduleRow.unit_id == unit_id,
        ScheduleRow.work_date >= first,
        ScheduleRow.work_date <= last,
        Employee.employment_form.in_(list(forms)),
    ]


def _sick_on_row() -> ColumnElement[bool]:
    return and_(
        Absence.employee_id == ScheduleRow.employee_id,
        Absence.kind == SICK,
        Absence.start_date <= ScheduleRow.work_date,
        or_(Absence.end_date.is_(None), Absence.end_date >= ScheduleRow.work_date),
    )


def scheduled_minutes(
    session: Session, unit_id: int, first: date, last: date, forms: Collection[str]
) -> int:
    """Wall-clock minutes (less rast) of the period's rows held by staff of `forms`."""
    total = session.scalar(
        select(func.coalesce(func.sum(_row_minutes()), 0))
        .select_from(ScheduleRow)
        .join(Employee, Employee.id == ScheduleRow.employee_id)
        .where(*_monthly_paid_rows(unit_id, first, last, forms))
    )
    return int(total or 0)


@dataclass(frozen=True)
class SickMinutes:
    absence_id: int
    employee_id: int
    percent_minutes: int  # minutes × extent %, so 100 of them are one minute


def sick_minutes_by_record(
    session: Session, unit_id: int, first: date, last: date, forms: Collection[str]
) -> list[SickMinutes]:
    """Per sick record: its rows' minutes in the period times its extent.

    Sick records of one person may overlap (an extension registered as a new record): a row
    is counted once, at the highest extent of the records on its day, and booked to the first
    of them (overlapping records are one occasion, so the booking does not move hours between
    spells)."""
    per_row = (
        select(
            func.min(Absence.id).label("absence_id"),
            Absence.employee_id.label("employee_id"),
            (_row_minutes() * func.max(Absence.extent_percent)).label("percent_minutes"),
        )
        .select_from(ScheduleRow)
        .join(Employee, Employee.id == ScheduleRow.employee_id)
        .join(Absence, _sick_on_row())
        .where(*_monthly_paid_rows(unit_id, first, last, forms))
        .group_by(ScheduleRow.id, Absence.employee_id)
        .subquery()
    )
    rows = session.execute(
        select(
            per_row.c.absence_id, per_row.c.employee_id, func.sum(per_row.c.percent_minutes)
        ).group_by(per_row.c.absence_id, per_row.c.employee_id)
    )
    return [SickMinutes(int(a), int(e), int(m or 0)) for a, e, m in rows]


@dataclass(frozen=True)
class DayRow:
    work_date: date
    start: time
    end: time
    break_minutes: int
    sick_absence_id: int | None
    sick_extent: int | None


def rows_on_days(
    session: Session, unit_id: int, days: Collection[date], forms: Collection[str]
) -> list[DayRow]:
    """The rows of staff of `forms` on the given days, with the sick record covering each
    (of overlapping ones, the first, at the highest extent: as `sick_minutes_by_record`)."""
    if not days:
        return []
    rows = session.execute(
        select(
            ScheduleRow.work_date,
            ScheduleRow.start_time,
            ScheduleRow.end_time,
            ScheduleRow.break_minutes,
            func.min(Absence.id),
            func.max(Absence.extent_percent),
        )
        .select_from(ScheduleRow)
        .join(Employee, Employee.id == ScheduleRow.employee_id)
        .outerjoin(Absence, _sick_on_row())
        .where(
            ScheduleRow.unit_id == unit_id,
            ScheduleRow.work_date.in_(list(days)),
            Employee.employment_form.in_(list(forms)),
        )
        .group_by(ScheduleRow.id)
    )
    return [DayRow(*row) for row in rows]


def sick_records_of_unit(
    session: Session, unit_id: int, employee_ids: Collection[int]
) -> list[tuple[int, int, date, date | None, int]]:
    """(employee_id, id, start, end, extent) of every sick record of the given people."""
    rows = session.execute(
        select(
            Absence.employee_id,
            Absence.id,
            Absence.start_date,
            Absence.end_date,
            Absence.extent_percent,
        )
        .join(Employee, Employee.id == Absence.employee_id)
        .where(
            Employee.unit_id == unit_id,
            Absence.kind == SICK,
            Absence.employee_id.in_(list(employee_ids)),
        )
        .order_by(Absence.employee_id, Absence.start_date)
    )
    return [(r[0], r[1], r[2], r[3], r[4]) for r in rows]
