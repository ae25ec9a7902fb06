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
from datetime import date, time, timedelta
from typing import Any

from sqlalchemy import Integer, and_, case, cast, exists, func, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from enhetschef_app.domain.staffing import need_weekday
from enhetschef_app.storage.models import Absence, Employee, ScheduleRow, StaffingNeed
from enhetschef_app.storage.models_schedule import ScheduleCover

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


@dataclass(frozen=True)
class BandStaffing:
    start: time
    end: time
    needed: int
    scheduled: int  # shifts with a present person covering at least half of the band


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
    # SQLAlchemy keeps a time in SQLite as the text 'HH:MM:SS.ffffff'.
    return cast(func.substr(column, 1, 2), Integer) * 60 + cast(func.substr(column, 4, 2), Integer)


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


def staffing_by_band(session: Session, unit_id: int, day: date) -> list[BandStaffing]:
    """Each time band of the day's weekday (0 = Monday) with its need and the staff scheduled.

    Minutes are counted from the day's midnight: yesterday's night shift starts below zero,
    a band or shift past midnight ends above 1440. A shift counts in a band when it covers at
    least half of it, so a handover half hour does not count a day shift in the evening band.
    """
    yesterday = day - timedelta(days=1)
    start = _minutes(ScheduleRow.start_time)
    end = _minutes(ScheduleRow.end_time)
    day_offset = case((ScheduleRow.work_date == yesterday, -MINUTES_PER_DAY), else_=0)
    shifts = (
        select(
            (start + day_offset).label("s"),
            (end + case((end <= start, MINUTES_PER_DAY), else_=0) + day_offset).label("e"),
        )
        .where(
            ScheduleRow.unit_id == unit_id,
            or_(and_(ScheduleRow.employee_id.is_not(None), ~_absent_that_day()), _covered()),
            or_(
                ScheduleRow.work_date == day,
                and_(
                    ScheduleRow.work_date == yesterday,
                    ScheduleRow.end_time <= ScheduleRow.start_time,
                ),
            ),
        )
        .subquery("shifts")
    )
    band_start = _minutes(StaffingNeed.band_start)
    band_end = _minutes(StaffingNeed.band_end)
    bands = (
        select(
            StaffingNeed.id,
            StaffingNeed.band_start,
            StaffingNeed.band_end,
            StaffingNeed.staff_count,
            band_start.label("bs"),
            (band_end + case((band_end <= band_start, MINUTES_PER_DAY), else_=0)).label("be"),
        )
        .where(
            StaffingNeed.unit_id == unit_id,
            StaffingNeed.weekday == need_weekday(day, need_weekdays(session, unit_id)),
        )
        .subquery("bands")
    )
    # SQLite's two-argument min() and max() are scalar: the overlap of shift and band.
    overlap = func.min(shifts.c.e, bands.c.be) - func.max(shifts.c.s, bands.c.bs)
    covers = overlap * 2 >= bands.c.be - bands.c.bs
    rows = session.execute(
        select(
            bands.c.band_start,
            bands.c.band_end,
            bands.c.staff_count,
            func.count(shifts.c.s).label("scheduled"),
        )
        .select_from(bands.outerjoin(shifts, covers))
        .group_by(bands.c.id, bands.c.band_start, bands.c.band_end, bands.c.staff_count)
        .order_by(bands.c.bs)
    )
    return [
        BandStaffing(
            start=r.band_start, end=r.band_end, needed=r.staff_count, scheduled=r.scheduled
        )
        for r in rows
    ]
