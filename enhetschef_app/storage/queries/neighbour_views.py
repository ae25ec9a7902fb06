"""Neighbour units' staff on a PostgreSQL server, read through the restricted views of
migrations 0011 and 0013 (owner-rights views that show an EC the staff of the units linked to
hers as neighbours: who they are, their terms, the shifts they work (approved övertid and
mertid included), the dates they are away and what they are qualified for; never why they are
away).

The cover ranking reads these for a neighbour unit the login may not read itself. On a file,
and for a unit the login is a member of, the tables are read directly (schedule_rows)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    Time,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from enhetschef_app.domain.actual_schedule import AbsenceSpan, RowShift
from enhetschef_app.domain.overtime_requests import request_shift
from enhetschef_app.domain.shifts import Shift
from enhetschef_app.storage.access import on_postgresql, own_units
from enhetschef_app.storage.types import DecimalText

# The views, described for select(); a metadata of their own: they are not tables of the models
# (nothing creates them but the migrations, and only on PostgreSQL).
_views = MetaData()
staff_view = Table(
    "neighbour_staff",
    _views,
    Column("employee_id", Integer),
    Column("name", Text),
    Column("unit_id", Integer),
    Column("unit_code", String(40)),
)
terms_view = Table(
    "neighbour_staff_terms",
    _views,
    Column("employee_id", Integer),
    Column("unit_id", Integer),
    Column("employee_no", String(40)),
    Column("employment_form", String(20)),
    Column("grade_percent", DecimalText),
    Column("fulltime_week_minutes", Integer),
    Column("start_date", Date),
    Column("end_date", Date),
)
work_view = Table(
    "neighbour_work",
    _views,
    Column("row_id", Integer),
    Column("employee_id", Integer),
    Column("work_date", Date),
    Column("start_time", Time),
    Column("end_time", Time),
    Column("break_minutes", Integer),
    Column("shift_code", String(10)),
    Column("is_resurspass", Boolean),
)
extra_work_view = Table(
    "neighbour_extra_work",
    _views,
    Column("employee_id", Integer),
    Column("work_date", Date),
    Column("start_time", Time),
    Column("end_time", Time),
    Column("break_start", Time),
    Column("break_end", Time),
    Column("is_overtime", Boolean),
)
unavailable_view = Table(
    "neighbour_unavailable",
    _views,
    Column("employee_id", Integer),
    Column("start_date", Date),
    Column("end_date", Date),
)
qualifications_view = Table(
    "neighbour_qualifications",
    _views,
    Column("employee_id", Integer),
    Column("competence", Text),
    Column("valid_from", Date),
    Column("valid_to", Date),
)


@dataclass(frozen=True)
class NeighbourEmployee:
    id: int
    employee_no: str
    name: str
    unit_id: int
    unit_code: str
    employment_form: str
    grade_percent: Decimal | None
    fulltime_week_minutes: int | None
    start: date | None
    end: date | None


def _may_read_views(session: Session) -> bool:
    """On a server, for a login the views are granted to (an EC's; the owner's)."""
    if not on_postgresql(session):
        return False
    query = text("SELECT has_table_privilege('neighbour_staff_terms', 'SELECT')")
    return bool(session.execute(query).scalar())


def units_read_through_views(session: Session, unit_ids: Collection[int]) -> set[int]:
    """Those of `unit_ids` the login cannot read itself: on a server, the units it is not a
    member of (the owner reads them all); on a file none."""
    if not unit_ids or not _may_read_views(session):
        return set()
    readable = {unit.id for unit, _role in own_units(session)}
    return set(unit_ids) - readable


def neighbour_employees(session: Session, unit_ids: Collection[int]) -> list[NeighbourEmployee]:
    """The staff of these neighbour units that the views show (employed today or later)."""
    rows = session.execute(
        select(
            staff_view.c.employee_id,
            terms_view.c.employee_no,
            staff_view.c.name,
            staff_view.c.unit_id,
            staff_view.c.unit_code,
            terms_view.c.employment_form,
            terms_view.c.grade_percent,
            terms_view.c.fulltime_week_minutes,
            terms_view.c.start_date,
            terms_view.c.end_date,
        )
        .join(terms_view, terms_view.c.employee_id == staff_view.c.employee_id)
        .where(staff_view.c.unit_id.in_(sorted(unit_ids)))
        .order_by(staff_view.c.unit_id, staff_view.c.name, staff_view.c.employee_id)
    )
    return [
        NeighbourEmployee(
            id=r.employee_id,
            employee_no=r.employee_no,
            name=r.name,
            unit_id=r.unit_id,
            unit_code=r.unit_code,
            employment_form=r.employment_form,
            grade_percent=r.grade_percent,
            fulltime_week_minutes=r.fulltime_week_minutes,
            start=r.start_date,
            end=r.end_date,
        )
        for r in rows
    ]


def neighbour_work(
    session: Session, employee_ids: Collection[int], first: date, last: date
) -> list[RowShift]:
    """The shifts these neighbour employees work in first..last (their own rows and their
    covers anywhere), as rows with the employee on them."""
    if not employee_ids:
        return []
    rows = session.execute(
        select(work_view)
        .where(
            work_view.c.employee_id.in_(sorted(employee_ids)),
            work_view.c.work_date >= first,
            work_view.c.work_date <= last,
        )
        .order_by(work_view.c.work_date, work_view.c.start_time, work_view.c.row_id)
    )
    return [
        RowShift(
            row_id=r.row_id,
            work_date=r.work_date,
            start=r.start_time,
            end=r.end_time,
            break_minutes=r.break_minutes,
            code=r.shift_code,
            employee_id=r.employee_id,
            employee_no=None,
            is_resurspass=bool(r.is_resurspass),
        )
        for r in rows
    ]


def neighbour_extra_work(
    session: Session, employee_numbers: Mapping[int, str], first: date, last: date
) -> list[tuple[int, Shift]]:
    """(employee id, shift) of these neighbour employees' approved övertid and mertid in
    first..last that is not a cover, as `approved_extra_work` gives a unit's own."""
    if not employee_numbers:
        return []
    x = extra_work_view.c
    rows = session.execute(
        select(extra_work_view)
        .where(
            x.employee_id.in_(sorted(employee_numbers)),
            x.work_date >= first,
            x.work_date <= last,
        )
        .order_by(x.work_date, x.start_time)
    )
    return [
        (
            r.employee_id,
            request_shift(
                employee_numbers[r.employee_id],
                r.work_date,
                r.start_time,
                r.end_time,
                (r.break_start, r.break_end)
                if r.break_start is not None and r.break_end is not None
                else None,
                "övertid" if r.is_overtime else "mertid",
            ),
        )
        for r in rows
    ]


def neighbour_unavailable(
    session: Session, employee_ids: Collection[int], first: date, last: date
) -> list[AbsenceSpan]:
    """The dates these neighbour employees are away in first..last, without kind or extent."""
    if not employee_ids:
        return []
    rows = session.execute(
        select(
            unavailable_view.c.employee_id,
            unavailable_view.c.start_date,
            unavailable_view.c.end_date,
        ).where(
            unavailable_view.c.employee_id.in_(sorted(employee_ids)),
            unavailable_view.c.start_date <= last,
            or_(unavailable_view.c.end_date.is_(None), unavailable_view.c.end_date >= first),
        )
    )
    return [AbsenceSpan(r.employee_id, r.start_date, r.end_date) for r in rows]


def neighbour_qualifications(
    session: Session, employee_ids: Collection[int], day: date
) -> list[tuple[int, str]]:
    """(employee id, competence) of the trainings and delegations valid on `day`."""
    if not employee_ids:
        return []
    q = qualifications_view.c
    rows = session.execute(
        select(q.employee_id, q.competence).where(
            q.employee_id.in_(sorted(employee_ids)),
            or_(q.valid_from.is_(None), q.valid_from <= day),
            or_(q.valid_to.is_(None), q.valid_to >= day),
        )
    )
    return [(r.employee_id, r.competence) for r in rows]


def neighbour_names(session: Session, employee_ids: Collection[int]) -> dict[int, tuple[str, str]]:
    """{employee id: (name, unit code)} of neighbour staff, for a cover one of them took in
    the login's unit (the employees table hides them from her on a server)."""
    if not employee_ids or not _may_read_views(session):
        return {}
    rows = session.execute(
        select(staff_view.c.employee_id, staff_view.c.name, staff_view.c.unit_code).where(
            staff_view.c.employee_id.in_(sorted(employee_ids))
        )
    )
    return {r.employee_id: (r.name, r.unit_code) for r in rows}


def neighbour_numbers(session: Session, employee_ids: Collection[int]) -> dict[int, str]:
    """{employee id: employee number} of neighbour staff (a cover one of them took here)."""
    if not employee_ids or not _may_read_views(session):
        return {}
    rows = session.execute(
        select(terms_view.c.employee_id, terms_view.c.employee_no).where(
            terms_view.c.employee_id.in_(sorted(employee_ids))
        )
    )
    return {r.employee_id: r.employee_no for r in rows}
