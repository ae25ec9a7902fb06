"""The schedule around an avvikelse: the event day's rows (with last night's shifts that ran past
midnight), who of them was absent, and the staffing need of the day and of the night before.

Only rows are read here; `domain.incident_staffing` counts them against the need."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import Session

from enhetschef_app.domain.incident_staffing import NeedOfDay, RowOfDay
from enhetschef_app.storage.models import Absence, Employee, ScheduleRow, StaffingNeed


def rows_around(session: Session, unit_id: int, day: date) -> list[RowOfDay]:
    yesterday = day - timedelta(days=1)
    absent = exists().where(
        Absence.employee_id == ScheduleRow.employee_id,
        Absence.start_date <= ScheduleRow.work_date,
        or_(Absence.end_date.is_(None), Absence.end_date >= ScheduleRow.work_date),
    )
    rows = session.execute(
        select(
            ScheduleRow.work_date,
            ScheduleRow.start_time,
            ScheduleRow.end_time,
            ScheduleRow.shift_code,
            Employee.name,
            absent.label("absent"),
        )
        .outerjoin(Employee, Employee.id == ScheduleRow.employee_id)
        .where(
            ScheduleRow.unit_id == unit_id,
            or_(
                ScheduleRow.work_date == day,
                and_(
                    ScheduleRow.work_date == yesterday,
                    ScheduleRow.end_time <= ScheduleRow.start_time,
                ),
            ),
        )
        .order_by(ScheduleRow.work_date, ScheduleRow.start_time, ScheduleRow.id)
    )
    return [
        RowOfDay(
            start=r.start_time,
            end=r.end_time,
            shift_code=r.shift_code,
            employee_name=r.name,
            absent=bool(r.absent) and r.name is not None,
            from_yesterday=r.work_date == yesterday,
        )
        for r in rows
    ]


def needs_around(session: Session, unit_id: int, day: date) -> list[NeedOfDay]:
    weekday = day.weekday()
    previous = (weekday - 1) % 7
    rows = session.execute(
        select(
            StaffingNeed.weekday,
            StaffingNeed.band_start,
            StaffingNeed.band_end,
            StaffingNeed.staff_count,
        ).where(
            StaffingNeed.unit_id == unit_id,
            StaffingNeed.weekday.in_((weekday, previous)),
        )
    )
    needs = []
    for r in rows:
        if r.weekday == weekday:
            needs.append(NeedOfDay(r.band_start, r.band_end, r.staff_count))
        if r.weekday == previous:
            needs.append(NeedOfDay(r.band_start, r.band_end, r.staff_count, from_yesterday=True))
    return needs
