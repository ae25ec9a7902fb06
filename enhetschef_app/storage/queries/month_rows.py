"""A month's schedule rows counted in groups for the month summary (`domain.month_rows`).

SQLite does the counting: every row of the unit in the period gets the facts the rules read
(the holder's form and absence that day, resurspass or not, the cover and whether it holds,
whether the row was given up for a cover), and rows alike in all of them are counted together.
A month of a large unit comes back as a few dozen groups. Rows on the days the clocks change
are grouped by date too, so their length can be taken in real time.

The statement is built once with bound parameters: building it is most of the cost of a query
this size, and the month summary runs it for every month of a trend.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Select, and_, bindparam, case, exists, func, or_, select
from sqlalchemy.orm import InstrumentedAttribute, Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from enhetschef_app.domain.month_rows import RowGroup
from enhetschef_app.domain.shift_kinds import ShiftKind
from enhetschef_app.storage.models import Absence, Employee, ScheduleRow, ShiftType
from enhetschef_app.storage.models_schedule import ScheduleCover
from enhetschef_app.storage.sql_functions import least

_Column = InstrumentedAttribute


def _absent_on(employee_id: _Column[int], day: _Column[date]) -> ColumnElement[bool]:
    return exists().where(
        Absence.employee_id == employee_id,
        Absence.start_date <= day,
        or_(Absence.end_date.is_(None), Absence.end_date >= day),
    )


@cache
def _statement() -> Select[Any]:
    holder = aliased(Employee)
    coverer = aliased(Employee)
    released_by = aliased(ScheduleCover)
    covered_row = aliased(ScheduleRow)
    day_absence = aliased(Absence)
    higher = aliased(Absence)

    # Records of one kind may overlap (an extension registered as a new record): per kind the
    # day counts once, at the highest extent; the kinds together at most 100 %.
    absent_percent = (
        select(least(100, func.coalesce(func.sum(day_absence.extent_percent), 0)))
        .where(
            day_absence.employee_id == ScheduleRow.employee_id,
            day_absence.start_date <= ScheduleRow.work_date,
            or_(day_absence.end_date.is_(None), day_absence.end_date >= ScheduleRow.work_date),
            ~exists()
            .where(
                higher.employee_id == day_absence.employee_id,
                higher.kind == day_absence.kind,
                higher.start_date <= ScheduleRow.work_date,
                or_(higher.end_date.is_(None), higher.end_date >= ScheduleRow.work_date),
                or_(
                    higher.extent_percent > day_absence.extent_percent,
                    and_(
                        higher.extent_percent == day_absence.extent_percent,
                        higher.id < day_absence.id,
                    ),
                ),
            )
            # Two levels down, the row's day is the outer row's: without this the EXISTS
            # took schedule_rows into its own FROM (every row of every unit, any day).
            .correlate_except(higher),
        )
        .scalar_subquery()
    )
    resurs_codes = select(ShiftType.code).where(
        ShiftType.unit_id == bindparam("unit_id"), ShiftType.kind == ShiftKind.RESOURCE.value
    )
    cover_holds = and_(
        ScheduleCover.id.is_not(None),
        ~_absent_on(ScheduleCover.employee_id, ScheduleRow.work_date),
    )
    # Rows given up for a cover that holds (the cover's person present on the covered row's
    # day): one list for the period, looked up by each row.
    released_rows = (
        select(released_by.released_row_id)
        .join(covered_row, covered_row.id == released_by.row_id)
        .where(
            released_by.released_row_id.is_not(None),
            ~_absent_on(released_by.employee_id, covered_row.work_date),
        )
    )
    day_key = case(
        (ScheduleRow.work_date.in_(bindparam("dst_days", expanding=True)), ScheduleRow.work_date),
        else_=None,
    )
    rows = (
        select(
            ScheduleRow.start_time.label("start"),
            ScheduleRow.end_time.label("end"),
            ScheduleRow.break_minutes.label("rast"),
            day_key.label("day"),
            holder.employment_form.label("holder_form"),
            case((ScheduleRow.employee_id.is_(None), 0), else_=absent_percent).label("absent"),
            ScheduleRow.shift_code.in_(resurs_codes).label("resurs"),
            ScheduleCover.kind.label("cover_kind"),
            coverer.employment_form.label("cover_form"),
            case((cover_holds, True), else_=False).label("cover_holds"),
            ScheduleRow.id.in_(released_rows).label("released"),
        )
        .select_from(ScheduleRow)
        .outerjoin(holder, holder.id == ScheduleRow.employee_id)
        .outerjoin(ScheduleCover, ScheduleCover.row_id == ScheduleRow.id)
        .outerjoin(coverer, coverer.id == ScheduleCover.employee_id)
        .where(
            ScheduleRow.unit_id == bindparam("unit_id"),
            ScheduleRow.work_date >= bindparam("first"),
            ScheduleRow.work_date <= bindparam("last"),
        )
        .cte("month_rows")
        # Materialized: each row's subqueries run once, not again for the grouping.
        .prefix_with("MATERIALIZED")
    )
    keys = [
        rows.c.start,
        rows.c.end,
        rows.c.rast,
        rows.c.day,
        rows.c.holder_form,
        rows.c.absent,
        rows.c.resurs,
        rows.c.cover_kind,
        rows.c.cover_form,
        rows.c.cover_holds,
        rows.c.released,
    ]
    return select(*keys, func.count()).group_by(*keys)


def month_row_groups(
    session: Session, unit_id: int, first: date, last: date, dst_days: Collection[date]
) -> list[RowGroup]:
    grouped = session.execute(
        _statement(),
        {"unit_id": unit_id, "first": first, "last": last, "dst_days": list(dst_days)},
    )
    return [
        RowGroup(
            start=start,
            end=end,
            break_minutes=int(rast),
            count=int(count),
            holder_form=holder_form,
            holder_absent_percent=int(absent or 0),
            is_resurspass=bool(resurs),
            cover_kind=cover_kind,
            cover_form=cover_form,
            cover_holds=bool(holds),
            released=bool(was_released),
            day=_as_date(day),
        )
        for (
            start,
            end,
            rast,
            day,
            holder_form,
            absent,
            resurs,
            cover_kind,
            cover_form,
            holds,
            was_released,
            count,
        ) in grouped
    ]


def _as_date(value: object) -> date | None:
    # A CASE over a date column may come back from SQLite as its text.
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))
