"""Absences as the page, the import and the omtankessamtal scan read them.

The scan reads the unit's records of the counting kinds in one query and asks the schedule only
about the runs of days between records (`first_shifts_in_gaps`), never the whole schedule.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import (
    Date,
    Integer,
    Select,
    String,
    and_,
    bindparam,
    cast,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Session

from enhetschef_app.storage.models import Absence, Employee, ScheduleRow


@dataclass(frozen=True)
class AbsenceRow:
    id: int
    employee_id: int
    employee_no: str
    employee_name: str
    kind: str
    start: date
    end: date | None
    extent_percent: int
    version: int = 1


@dataclass(frozen=True)
class ScanRecord:
    employee_id: int
    id: int
    kind: str
    start: date
    end: date | None
    extent_percent: int


def absence_rows(
    session: Session,
    unit_id: int,
    *,
    employee_id: int | None = None,
    kinds: Collection[str] | None = None,
    period: tuple[date | None, date | None] = (None, None),
    ongoing_on: date | None = None,
) -> list[AbsenceRow]:
    """The unit's absences, newest first; `period` keeps those that touch it, `ongoing_on`
    those without an end that have begun by that day."""
    query = (
        select(
            Absence.id,
            Absence.employee_id,
            Employee.employee_no,
            Employee.name,
            Absence.kind,
            Absence.start_date,
            Absence.end_date,
            Absence.extent_percent,
            Absence.version,
        )
        .join(Employee, Employee.id == Absence.employee_id)
        .where(Employee.unit_id == unit_id)
    )
    if employee_id is not None:
        query = query.where(Absence.employee_id == employee_id)
    if kinds is not None:
        query = query.where(Absence.kind.in_(list(kinds)))
    first, last = period
    if first is not None:
        query = query.where(or_(Absence.end_date.is_(None), Absence.end_date >= first))
    if last is not None:
        query = query.where(Absence.start_date <= last)
    if ongoing_on is not None:
        query = query.where(Absence.end_date.is_(None), Absence.start_date <= ongoing_on)
    query = query.order_by(Absence.start_date.desc(), Employee.name, Absence.id)
    return [
        AbsenceRow(
            id=r.id,
            employee_id=r.employee_id,
            employee_no=r.employee_no,
            employee_name=r.name,
            kind=r.kind,
            start=r.start_date,
            end=r.end_date,
            extent_percent=r.extent_percent,
            version=r.version,
        )
        for r in session.execute(query)
    ]


def absence_of_unit(session: Session, unit_id: int, absence_id: int) -> Absence | None:
    return session.scalar(
        select(Absence)
        .join(Employee, Employee.id == Absence.employee_id)
        .where(Absence.id == absence_id, Employee.unit_id == unit_id)
    )


def absences_of_employee(session: Session, employee_id: int) -> list[Absence]:
    return list(
        session.scalars(
            select(Absence)
            .where(Absence.employee_id == employee_id)
            .order_by(Absence.start_date, Absence.id)
        )
    )


def scan_records(
    session: Session,
    unit_id: int,
    kinds: Collection[str],
    up_to: date,
    *,
    employee_id: int | None = None,
) -> list[ScanRecord]:
    """Records of the counting kinds that begin by `up_to`, by person and start."""
    query = (
        select(
            Absence.employee_id,
            Absence.id,
            Absence.kind,
            Absence.start_date,
            Absence.end_date,
            Absence.extent_percent,
        )
        .join(Employee, Employee.id == Absence.employee_id)
        .where(
            Employee.unit_id == unit_id,
            Absence.kind.in_(list(kinds)),
            Absence.start_date <= up_to,
        )
        .order_by(Absence.employee_id, Absence.start_date)
    )
    if employee_id is not None:
        query = query.where(Absence.employee_id == employee_id)
    return [ScanRecord(*row) for row in session.execute(query)]


def schedule_span(session: Session, unit_id: int) -> tuple[date, date] | None:
    """The first and last day of the unit's schedule, or None when it has none."""
    # Two queries: SQLite answers a lone min() or max() from the (unit_id, work_date) index at
    # once, but both in one SELECT make it read every row of the unit.
    where = ScheduleRow.unit_id == unit_id
    first = session.scalar(select(func.min(ScheduleRow.work_date)).where(where))
    last = session.scalar(select(func.max(ScheduleRow.work_date)).where(where))
    if first is None or last is None:
        return None
    return date.fromisoformat(str(first)), date.fromisoformat(str(last))


def first_shifts_in_gaps(
    session: Session, gaps: Sequence[tuple[int, int, date, date]]
) -> dict[int, date]:
    """For runs of days (key, employee_id, first, last): the first day in each with one of the
    person's shifts. Runs without a shift are not in the answer.

    The runs travel as one JSON parameter read by SQLite's `json_each`, so the statement is the
    same whatever their number (compiled once, cached) and each run is one index look-up on
    (employee_id, work_date)."""
    if not gaps:
        return {}
    query = (
        _gaps_query_postgresql()
        if session.get_bind().dialect.name == "postgresql"
        else _gaps_query_sqlite()
    )
    payload = json.dumps([[k, e, f.isoformat(), t.isoformat()] for k, e, f, t in gaps])
    return {
        int(found_key): date.fromisoformat(str(first_shift))
        for found_key, first_shift in session.execute(query, {"runs": payload})
    }


def _gaps_query_sqlite() -> Select[Any, date]:
    runs = func.json_each(bindparam("runs", type_=String)).table_valued("value").alias("runs")
    key = func.json_extract(runs.c.value, "$[0]")
    first_day = func.json_extract(runs.c.value, "$[2]")
    last_day = func.json_extract(runs.c.value, "$[3]")
    return (
        select(key.label("key"), func.min(ScheduleRow.work_date))
        .select_from(runs)
        .join(
            ScheduleRow,
            and_(
                ScheduleRow.employee_id == func.json_extract(runs.c.value, "$[1]"),
                ScheduleRow.work_date >= first_day,
                ScheduleRow.work_date <= last_day,
            ),
        )
        .group_by(key)
    )


def _gaps_query_postgresql() -> Select[int, date]:
    """The same on PostgreSQL: its JSON is typed, so each element is cast to what it holds."""
    payload = cast(bindparam("runs", type_=String), JSONB)
    runs = func.jsonb_array_elements(payload).table_valued("value").alias("runs")

    def element(index: int) -> Any:
        return runs.c.value.op("->>")(literal(index))

    key = cast(element(0), Integer)
    return (
        select(key.label("key"), func.min(ScheduleRow.work_date))
        .select_from(runs)
        .join(
            ScheduleRow,
            and_(
                ScheduleRow.employee_id == cast(element(1), Integer),
                ScheduleRow.work_date >= cast(element(2), Date),
                ScheduleRow.work_date <= cast(element(3), Date),
            ),
        )
        .group_by(key)
    )
