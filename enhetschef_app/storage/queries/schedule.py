"""One day of the schedule as the overview shows it: rows with their people, empty rows, and
staffing against need per time band.

A row is empty when it has no person or its person is absent that day (DOMAIN.md: tom rad),
and no one covers it (Dagsuppföljning); a covered row staffs its band. On a holiday the need's
holiday column applies when the unit has one.
A shift that ends at or before it starts runs past midnight and belongs to the day it starts, so
a night shift that began yesterday still staffs today's early hours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from sqlalchemy import exists, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from enhetschef_app.storage.models import Absence, Employee, ScheduleRow, StaffingNeed
from enhetschef_app.storage.models_schedule import ScheduleCover
from enhetschef_app.storage.sql_functions import minutes_of_day

MINUTES_PER_DAY = 24 * 60


@dataclass(frozen=True)
class DayScheduleRow:
    row_id: int
    start: time
    end: time
    break_minutes: int
    shift_code: str | None
    employee_id: int | None
    employee_no: str | None
    employee_name: str | None
    absent: bool


def _absent_that_day() -> ColumnElement[bool]:
    """True when the row's person has an absence covering the row's own work date."""
    return exists().where(
        Absence.employee_id == ScheduleRow.employee_id,
        Absence.start_date <= ScheduleRow.work_date,
        or_(Absence.end_date.is_(None), Absence.end_date >= ScheduleRow.work_date),
    )


def _covered() -> ColumnElement[bool]:
    """True when someone covers the row (Dagsuppföljning recorded a cover)."""
    return exists().where(ScheduleCover.row_id == ScheduleRow.id)


def need_weekdays(session: Session, unit_id: int) -> set[int]:
    """The need's columns the unit has: weekdays 0-6 and, if given, holidays (7)."""
    return set(
        session.scalars(
            select(StaffingNeed.weekday).where(StaffingNeed.unit_id == unit_id).distinct()
        )
    )


def _minutes(column: Any) -> ColumnElement[int]:
    return minutes_of_day(column)


def schedule_of_day(session: Session, unit_id: int, day: date) -> list[DayScheduleRow]:
    absent = _absent_that_day()
    rows = session.execute(
        select(
            ScheduleRow.id,
            ScheduleRow.start_time,
            ScheduleRow.end_time,
            ScheduleRow.break_minutes,
            ScheduleRow.shift_code,
            ScheduleRow.employee_id,
            Employee.employee_no,
            Employee.name,
            absent.label("absent"),
        )
        .outerjoin(Employee, Employee.id == ScheduleRow.employee_id)
        .where(ScheduleRow.unit_id == unit_id, ScheduleRow.work_date == day)
        .order_by(
            ScheduleRow.start_time,
            ScheduleRow.end_time,
            ScheduleRow.shift_code,
            Employee.name.nulls_last(),
        )
    )
    return [
        DayScheduleRow(
            row_id=r.id,
            start=r.start_time,
            end=r.end_time,
            break_minutes=r.break_minutes,
            shift_code=r.shift_code,
            employee_id=r.employee_id,
            employee_no=r.employee_no,
            employee_name=r.name,
            absent=bool(r.absent),
        )
        for r in rows
    ]


def empty_row_count(session: Session, unit_id: int, day: date) -> int:
    """Rows of the day without a person or whose person is absent."""
    count = session.scalar(
        select(func.count())
        .select_from(ScheduleRow)
        .where(
            ScheduleRow.unit_id == unit_id,
            ScheduleRow.work_date == day,
            or_(ScheduleRow.employee_id.is_(None), _absent_that_day()),
            ~_covered(),
        )
    )
    return int(count or 0)
